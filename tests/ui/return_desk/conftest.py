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
    # The screens take their services from the context: these run on a clock we can move.
    context = open_context(
        tmp_path / "profile",
        return_desk=lambda c: ReturnDeskService(c.store, clock),
        agency_steps=lambda c: AgencyStepsService(c.store, c.calendars, clock),
        supervision=lambda c: SupervisionService(c.store, c.calendars, c.credentials, clock),
    )
    context.setup.create_demo()
    yield context
    context.close()


@pytest.fixture
def officer(ctx):
    return ctx.auth.login("demo", "demo")  # the demo centre's admin: may supervise too
