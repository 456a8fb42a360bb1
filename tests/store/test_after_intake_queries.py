"""The after-intake repository: a dossier by code or code tail, its hops, hand-back, apologies."""

from __future__ import annotations

from datetime import datetime

from hcc_desk.core.store.repositories import after_intake
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.return_desk import Recipient, ReturnDeskService
from tests.services.after_intake_helpers import OWNER_ID, Clock, intake

RECEIVED = datetime(2026, 11, 25, 9, 0)


def test_dossier_hops_hand_back_and_apology(demo_ctx):
    clock = Clock(RECEIVED)
    steps = AgencyStepsService(demo_ctx.store, demo_ctx.calendars, clock)
    code, other = intake(demo_ctx, RECEIVED), intake(demo_ctx, RECEIVED)
    with demo_ctx.store.session() as s:
        d = after_intake.dossier_by_code(s, code)
        assert d is not None and d.code == code and d.events  # history loaded with it
        assert after_intake.dossier_by_code(s, code.lower()) is None  # codes are stored upper
        assert [x.code for x in after_intake.dossiers_by_code_tail(s, code[-11:])] == [code]
        assert {x.code for x in after_intake.dossiers_by_code_tail(s, code[-11:-1] + "%")} == set()
        assert after_intake.last_handover(s, d.id) is None
        assert after_intake.last_handover_seq(s, d.id) == 0
        assert after_intake.first_apology_previous_due(s, d.id) is None
        due, dossier_id = d.due_at, d.id

    steps.transfer(code, "Sở Tư pháp", "demo")
    steps.apologise(code, "demo", new_due_at=datetime(2026, 12, 10, 16, 0), reason="chậm")
    steps.apologise(code, "demo", new_due_at=datetime(2026, 12, 11, 16, 0), reason="chậm nữa")
    steps.result_ready(code, "demo")
    ReturnDeskService(demo_ctx.store, clock).hand_back(
        code, Recipient("owner", "", OWNER_ID), "demo"
    )
    with demo_ctx.store.session() as s:
        hop = after_intake.last_handover(s, dossier_id)
        assert hop is not None and (hop.seq, hop.from_party) == (2, "Sở Tư pháp")
        assert after_intake.last_handover_seq(s, dossier_id) == 2
        assert after_intake.first_apology_previous_due(s, dossier_id) == due  # the first one's
        back = after_intake.hand_back_of(s, dossier_id)
        assert back is not None and back.relation == "owner"
        other_id = after_intake.dossier_by_code(s, other).id
        assert after_intake.hand_back_of(s, other_id) is None
