"""Which agency steps the counter may record, per status: the one place that says so."""

from __future__ import annotations

from datetime import datetime

import pytest

from hcc_core.domain.status import ALLOWED_TRANSITIONS, DossierStatus
from hcc_desk.services.agency_steps import STEP_STATES, STEPS, AgencyStepsService, allowed_steps
from hcc_desk.services.errors import AuthError
from hcc_desk.services.return_desk import Recipient, ReturnDeskService
from tests.services.after_intake_helpers import OWNER_ID, Clock, intake

S = DossierStatus
RECEIVED = datetime(2026, 11, 25, 9, 0)


def test_each_status_offers_its_steps_and_none_after_the_hand_back():
    assert allowed_steps(S.NEW, handed_back=False) == (
        "transfer",
        "processing",
        "supplement",
        "result_ready",
        "refusal",
        "apology",
    )
    assert allowed_steps(S.WAITING_SUPPLEMENT, False) == ("supplement_received", "refusal")
    assert allowed_steps(S.UNRESOLVED, False) == ("result_ready",)
    for finished in (S.RELEASING, S.DONE, S.DENIED, S.CANCELLED):
        assert allowed_steps(finished, False) == ()
    assert allowed_steps(S.PROCESSING, handed_back=True) == ()


def test_every_offered_step_is_one_the_status_machine_can_take():
    # Status-changing steps land in one of these; apology keeps the status.
    lands_in = {
        "transfer": {S.PROCESSING, S.INTEROPERATING},
        "processing": {S.PROCESSING},
        "supplement": {S.WAITING_SUPPLEMENT},
        "result_ready": {S.RELEASING},
        "refusal": {S.DENIED, S.UNRESOLVED},
    }
    assert set(STEP_STATES) == set(STEPS)
    for step, targets in lands_in.items():
        for status in STEP_STATES[step]:
            reachable = ALLOWED_TRANSITIONS[status] | {status}
            assert targets & reachable, (step, status)


@pytest.fixture
def clock():
    return Clock(RECEIVED)


def test_the_card_and_the_service_give_the_same_answer(demo_ctx, clock):
    steps = AgencyStepsService(demo_ctx.store, demo_ctx.calendars, clock)
    desk = ReturnDeskService(demo_ctx.store, clock)
    code = intake(demo_ctx, RECEIVED)
    assert desk.open(code, "demo").steps == steps.allowed_steps(code, "demo")
    assert "transfer" in steps.allowed_steps(code, "demo")
    steps.result_ready(code, "demo")
    desk.hand_back(code, Recipient("owner", "", OWNER_ID), "demo")
    assert desk.open(code, "demo").steps == steps.allowed_steps(code, "demo") == ()
    with pytest.raises(AuthError):
        steps.allowed_steps(code, "nobody")
