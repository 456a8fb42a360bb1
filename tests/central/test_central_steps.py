"""The agency's steps as functions (hcc_central.steps) over central's real database: the status
machine decides, the payload desks pull carries what the desk shows, refusals change nothing,
and the after-step hook sees every step."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from hcc_central import admin, steps
from hcc_central.admin import AdminError
from hcc_central.calendar import work_calendar
from hcc_central.models import Agency, Dossier
from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus
from hcc_core.domain.steps import STEP_STATES, allowed_steps, central_steps
from hcc_core.domain.timing import nth_working_day_after
from tests.central.helpers import make_doc, op, push
from tests.central.live import Desk, LiveServer, new_unit

_S = DossierStatus


def agency(central: LiveServer, unit: str) -> Agency:
    with central.db.read() as s:
        found = s.scalar(select(Agency).where(Agency.unit_code == unit))
        s.expunge(found)
        return found


def pushed(desk: Desk, **over: Any) -> dict[str, Any]:
    doc = make_doc(desk, **over)
    push(desk, op(doc))
    return doc


def status_of(central: LiveServer, code: str) -> int:
    with central.db.read() as s:
        return s.scalar(select(Dossier.status).where(Dossier.code == code))


def test_central_offers_the_desks_steps_but_transfers_only_to_a_new_stage():
    for status in DossierStatus:
        desk_steps = set(allowed_steps(status, handed_back=False))
        assert set(central_steps(status)) - {"transfer"} == desk_steps - {"transfer"}
    assert _S.INTEROPERATING in STEP_STATES["transfer"]
    assert "transfer" not in central_steps(_S.INTEROPERATING)  # taken up first, then sent on
    assert central_steps(_S.DONE) == () and allowed_steps(_S.NEW, handed_back=True) == ()


def test_set_status_merges_extra_keys_and_keeps_its_own(central: LiveServer, desk: Desk):
    doc = pushed(desk)
    payload = central.write(
        set_status,
        doc["code"],
        _S.PROCESSING,
        extra={"agency_unit_code": desk.unit, "dossier_uuid": "forged", "event": None},
    )
    assert payload["agency_unit_code"] == desk.unit
    assert payload["dossier_uuid"] == doc["uuid"] and payload["event"]["status"] == 4


def test_only_an_apology_keeps_the_status_and_never_on_a_finished_dossier(
    central: LiveServer, desk: Desk
):
    doc = pushed(
        desk, due_at=(datetime.now() + timedelta(days=3)).replace(microsecond=0).isoformat()
    )
    with pytest.raises(AdminError, match="cannot go from new"):
        central.write(set_status, doc["code"], _S.NEW)  # the same status without a new date
    with central.db.read() as s:
        day = nth_working_day_after(date.today(), 5, work_calendar(s))
    later = datetime.combine(day, time(9, 0))
    payload = central.write(set_status, doc["code"], _S.NEW, due_at=later)
    assert payload["event"]["status"] == 2 and payload["due_at"] == later.isoformat()
    central.write(set_status, doc["code"], _S.DENIED)
    with pytest.raises(AdminError, match="cannot go from denied"):
        central.write(set_status, doc["code"], _S.DENIED, due_at=later + timedelta(days=7))


def test_a_supplement_returns_to_the_stage_it_interrupted():
    ev = lambda status: {"status": int(status)}  # noqa: E731
    assert steps.stage_before_wait([ev(_S.NEW), ev(_S.WAITING_SUPPLEMENT)]) == _S.NEW
    waits = [ev(_S.NEW), ev(_S.INTEROPERATING), ev(_S.WAITING_SUPPLEMENT)]
    assert steps.stage_before_wait(waits) == _S.INTEROPERATING
    assert steps.stage_before_wait([ev(_S.WAITING_SUPPLEMENT)]) == _S.PROCESSING
    assert steps.stage_before_wait([ev(_S.WAITING_PAYMENT), ev(_S.WAITING_SUPPLEMENT)]) == (
        _S.PROCESSING
    )


def test_each_step_calls_the_hook_once_with_its_event(
    central: LiveServer, desk: Desk, monkeypatch: pytest.MonkeyPatch
):
    seen: list[tuple[str, str, int, int]] = []

    def hook(s, d, event, kind):  # the notice is in the doc by the time the hook runs
        seen.append((d.code, kind, event["status"], len(d.doc.get("notices", []))))

    monkeypatch.setattr(steps, "after_step", hook)
    mine = agency(central, desk.unit)
    doc = pushed(desk)
    code = doc["code"]
    central.write(steps.processing, code, mine, "web:t")
    central.write(steps.request_supplement, code, mine, "web:t", ["Ảnh"], "Thiếu ảnh")
    central.write(steps.supplement_received, code, mine, "web:t")
    central.write(steps.refuse, code, mine, "web:t", "Không đủ điều kiện")
    assert seen == [
        (code, "processing", 4, 0),
        (code, "supplement", 5, 1),
        (code, "supplement_received", 4, 1),
        (code, "stop", 8, 2),
    ]


def test_refused_steps_change_nothing(central: LiveServer, desk_factory):
    desk, elsewhere = desk_factory(), desk_factory()
    mine, foreign = agency(central, desk.unit), agency(central, elsewhere.unit)
    doc = pushed(desk)
    code = doc["code"]
    cases = [
        (lambda s: steps.processing(s, code, foreign, "web:x"), 404),  # another centre's agency
        (lambda s: steps.request_supplement(s, code, mine, "web:x", [" ", ""], "Thiếu"), 422),
        (lambda s: steps.request_supplement(s, code, mine, "web:x", ["Ảnh"], "  "), 422),
        (lambda s: steps.refuse(s, code, mine, "web:x", ""), 422),
        (lambda s: steps.transfer(s, code, mine, "web:x", elsewhere.unit), 422),  # other centre
        (lambda s: steps.transfer(s, code, mine, "web:x", desk.unit), 422),  # to itself
        (lambda s: steps.supplement_received(s, code, mine, "web:x"), 409),  # not waiting
        (
            lambda s: steps.result_ready(
                s,
                code,
                mine,
                "web:x",
                store=central.app.state.central.store,
                pdf=b"%PDF-" + b"0" * 10,
                filename="a.pdf",
                max_bytes=8,
            ),
            413,
        ),
    ]
    for run, status in cases:
        with pytest.raises(steps.StepRefused) as refused:
            central.write(run)
        assert refused.value.status == status and refused.value.message
    assert status_of(central, code) == 2


def test_a_transfer_hands_the_dossier_to_the_other_agency(central: LiveServer, desk: Desk):
    unit = new_unit()
    central.write(admin.add_agency, desk.centre_id, name="Sở nhận", unit_code=unit)
    mine, theirs = agency(central, desk.unit), agency(central, unit)
    doc = pushed(desk)
    payload = central.write(steps.transfer, doc["code"], mine, "web:t", unit, "liên thông")
    assert payload["agency_unit_code"] == unit and payload["event"]["status"] == 0
    assert "Sở nhận" in payload["event"]["note"]
    with pytest.raises(steps.NotTheirs):
        central.write(steps.processing, doc["code"], mine, "web:t")
    assert central.write(steps.processing, doc["code"], theirs, "web:t")["event"]["status"] == 4


def test_result_file_names_are_made_safe():
    assert steps.safe_filename("../../etc/passwd") == "passwd.pdf"
    assert steps.safe_filename('C:\\x\\kết quả "1".PDF') == "kết quả _1_.PDF"
    assert steps.safe_filename("") == "ket-qua.pdf"
    assert steps.safe_filename("a\r\nb.pdf") == "a__b.pdf"


def test_a_later_push_from_the_desk_keeps_the_agencys_notices(central: LiveServer, desk: Desk):
    """The desk never sends central's notices: pushing the dossier again must not wipe them
    (the citizen's page reads what to bring from them)."""
    mine = agency(central, desk.unit)
    doc = pushed(desk)
    central.write(steps.request_supplement, doc["code"], mine, "web:t", ["Bản sao CCCD"], "Thiếu")
    push(desk, op({**doc, "notes": "ghi chú mới"}))
    with central.db.read() as s:
        stored = s.scalar(select(Dossier.doc).where(Dossier.code == doc["code"]))
    assert stored["notes"] == "ghi chú mới"
    [notice] = stored["notices"]
    assert notice["missing_papers"] == ["Bản sao CCCD"] and notice["reason"] == "Thiếu"


def test_a_notice_names_the_officer_by_full_name(central: LiveServer, desk: Desk):
    from tests.central.browser import web_officer

    mine = agency(central, desk.unit)
    username, _ = web_officer(central, desk.centre_id, "agency", unit=desk.unit)
    doc = pushed(desk)
    payload = central.write(
        steps.request_supplement, doc["code"], mine, f"web:{username}", ["Tờ khai"], "Thiếu"
    )
    assert payload["notice"]["officer"] == "Cán bộ agency"
    assert payload["event"]["actor"] == f"web:{username}"


def test_an_apology_sends_the_counter_its_notice(central: LiveServer, desk: Desk):
    """The desk prints Mẫu 04 from the pulled notice (tests/sync/test_sync_pull_notices.py)."""
    mine = agency(central, desk.unit)
    doc = pushed(
        desk, due_at=(datetime.now() + timedelta(days=3)).replace(microsecond=0).isoformat()
    )
    with central.db.read() as s:
        later = datetime.combine(nth_working_day_after(date.today(), 8, work_calendar(s)), time(9))
    payload = central.write(steps.apology, doc["code"], mine, "web:t", later, "Chờ xác minh")
    assert payload["due_at"] == later.isoformat()
    assert payload["notice"]["kind"] == "apology"
    assert payload["notice"]["reason"] == "Chờ xác minh"
    assert payload["notice"]["agency"] == mine.name
