"""A demo desk with clock-driven after-intake services, shared by the return-desk UI tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from hcc_desk.app import open_context
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.return_desk import ReturnDeskService
from hcc_desk.services.supervision import SupervisionService
from tests.services.after_intake_helpers import Clock

RECEIVED = datetime(2026, 11, 25, 9, 0)  # 8 working days → Mon 07/12/2026 09:00


@pytest.fixture
def clock() -> Clock:
    return Clock(RECEIVED)


@pytest.fixture
def ctx(tmp_path, clock):
    context = open_context(tmp_path / "profile")
    context.setup.create_demo()
    # The screens take their services from the context: these run on a clock we can move.
    context.__dict__["return_desk"] = ReturnDeskService(context.store, clock)
    context.__dict__["agency_steps"] = AgencyStepsService(context.store, context.calendars, clock)
    context.__dict__["supervision"] = SupervisionService(
        context.store, context.calendars, context.credentials, clock
    )
    yield context
    context.close()


@pytest.fixture
def officer(ctx):
    return ctx.auth.login("demo", "demo")  # the demo centre's admin: may supervise too
