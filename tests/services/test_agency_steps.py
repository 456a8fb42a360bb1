"""Agency steps recorded at the counter: status machine, notices, hops, pauses, sync, audit."""

from datetime import datetime

import pytest
from sqlalchemy import select

from hcc_core.domain.status import DossierStatus as S
from hcc_desk.core.store.models import AuditLog, Dossier, DossierNotice, Handover, OutboxOp
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.dossier_steps import COUNTER_PARTY
from hcc_desk.services.errors import FieldErrors, NotFound, UserError
from tests.services.after_intake_helpers import Clock, intake

RECEIVED = datetime(2026, 11, 25, 9, 0)  # Wednesday; 8 working days → Mon 07/12 09:00
DUE = datetime(2026, 12, 7, 9, 0)


@pytest.fixture
def clock():
    return Clock(RECEIVED)


@pytest.fixture
def steps(demo_ctx, clock):
    return AgencyStepsService(demo_ctx.store, demo_ctx.calendars, clock)


def _dossier(ctx, code):
    with ctx.store.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        return (
            d,
            list(d.events),
            list(
                s.scalars(
                    select(Handover).where(Handover.dossier_id == d.id).order_by(Handover.seq)
                )
            ),
            list(s.scalars(select(DossierNotice).where(DossierNotice.dossier_id == d.id))),
        )


def _pending_ops(ctx, uuid):
    with ctx.store.session() as s:
        return list(
            s.scalars(
                select(OutboxOp).where(OutboxOp.entity_uuid == uuid, OutboxOp.state == "pending")
            )
        )


def _actions(ctx):
    with ctx.store.session() as s:
        return [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.id))]


def test_transfer_then_interagency_hop_records_hops_and_statuses(demo_ctx, steps, clock):
    code = intake(demo_ctx, RECEIVED)
    clock.set(datetime(2026, 11, 25, 10, 0))
    first = steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    assert first.status == S.PROCESSING and first.form == "control"
    clock.set(datetime(2026, 11, 26, 8, 0))
    second = steps.transfer(code, "Công an phường Thuận Hóa", "demo", note="xác minh")
    assert second.status == S.INTEROPERATING
    d, events, hops, _ = _dossier(demo_ctx, code)
    assert [(h.seq, h.from_party, h.to_party) for h in hops] == [
        (1, COUNTER_PARTY, "Phòng Quản lý xuất nhập cảnh"),
        (2, "Phòng Quản lý xuất nhập cảnh", "Công an phường Thuận Hóa"),
    ]
    assert [e.status for e in events] == [S.NEW, S.PROCESSING, S.INTEROPERATING]
    assert hops[1].note == "xác minh" and hops[1].at == datetime(2026, 11, 26, 8, 0)
    ops = _pending_ops(demo_ctx, d.uuid)
    assert len(ops) == 1 and ops[0].payload["status"] == S.INTEROPERATING  # latest state queued
    assert [e["status"] for e in ops[0].payload["events"]] == [2, 4, 0]
    assert _actions(demo_ctx).count("dossier.transfer") == 2


def test_supplement_pauses_the_clock_and_moves_the_appointment(demo_ctx, steps, clock):
    code = intake(demo_ctx, RECEIVED)
    steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    clock.set(datetime(2026, 11, 26, 10, 0))  # Thursday
    asked = steps.request_supplement(
        code, "demo", missing_papers=["Ảnh 4x6", " ", "Tờ khai"], reason="Ảnh không đúng quy cách"
    )
    assert asked.status == S.WAITING_SUPPLEMENT and asked.form == "supplement"
    d, _, _, notices = _dossier(demo_ctx, code)
    (notice,) = notices
    assert notice.kind == "supplement" and notice.missing_papers == ["Ảnh 4x6", "Tờ khai"]
    assert notice.agency_name == "Phòng Quản lý xuất nhập cảnh"
    assert notice.status_event_uuid == d.events[-1].uuid
    # Back on Monday 10:00: Thu 10:00 → Mon 10:00 is two office days (Fri + Thu/Mon halves).
    clock.set(datetime(2026, 11, 30, 10, 0))
    back = steps.supplement_received(code, "demo")
    assert back.status == S.PROCESSING  # the stage the request interrupted
    assert back.due_at == datetime(2026, 12, 9, 9, 0)  # DUE + 2 working days
    with pytest.raises(UserError, match="không ở trạng thái chờ bổ sung"):
        steps.supplement_received(code, "demo")


def test_supplement_request_needs_papers_and_reason(demo_ctx, steps):
    code = intake(demo_ctx, RECEIVED)
    with pytest.raises(FieldErrors) as err:
        steps.request_supplement(code, "demo", missing_papers=["  "], reason=" ")
    assert {e.field for e in err.value.errors} == {"missing_papers", "reason"}
    assert _dossier(demo_ctx, code)[0].status == S.NEW  # nothing recorded


def test_while_waiting_other_steps_are_refused(demo_ctx, steps):
    code = intake(demo_ctx, RECEIVED)
    steps.request_supplement(code, "demo", missing_papers=["Ảnh"], reason="thiếu")
    with pytest.raises(UserError, match="đang chờ bổ sung"):
        steps.transfer(code, "Sở Tư pháp", "demo")
    with pytest.raises(UserError, match="đang chờ bổ sung"):
        steps.processing(code, "demo")


def test_result_ready_sets_time_and_hop_back_to_the_counter(demo_ctx, steps, clock):
    code = intake(demo_ctx, RECEIVED)
    steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    clock.set(datetime(2026, 12, 3, 15, 0))
    done = steps.result_ready(code, "demo")
    assert done.status == S.RELEASING
    d, _, hops, _ = _dossier(demo_ctx, code)
    assert d.result_ready_at == datetime(2026, 12, 3, 15, 0)
    assert (hops[-1].from_party, hops[-1].to_party) == (
        "Phòng Quản lý xuất nhập cảnh",
        COUNTER_PARTY,
    )
    with pytest.raises(UserError, match="đã ở trạng thái"):
        steps.transfer(code, "Sở Tư pháp", "demo")


def test_refusal_before_processing_is_denied_and_after_is_stopped(demo_ctx, steps):
    early = intake(demo_ctx, RECEIVED)
    assert steps.refuse(early, "demo", reasons="Không thuộc thẩm quyền").status == S.DENIED
    late = intake(demo_ctx, RECEIVED)
    steps.transfer(late, "Phòng Quản lý xuất nhập cảnh", "demo")
    result = steps.refuse(late, "demo", reasons="Không đủ điều kiện cấp")
    assert result.status == S.UNRESOLVED and result.form == "refusal"
    notice = _dossier(demo_ctx, late)[3][0]
    assert notice.kind == "refusal" and notice.reason == "Không đủ điều kiện cấp"
    with pytest.raises(FieldErrors):
        steps.refuse(late, "demo", reasons="")


def test_apology_moves_the_appointment_and_keeps_the_old_one(demo_ctx, steps, clock):
    code = intake(demo_ctx, RECEIVED)
    steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    clock.set(datetime(2026, 12, 7, 10, 0))  # already late
    with pytest.raises(FieldErrors, match="sau thời điểm hiện tại"):
        steps.apologise(code, "demo", new_due_at=datetime(2026, 12, 7, 9, 30), reason="x")
    result = steps.apologise(
        code, "demo", new_due_at=datetime(2026, 12, 10, 16, 0), reason="Chờ kết quả xác minh"
    )
    assert result.form == "apology" and result.due_at == datetime(2026, 12, 10, 16, 0)
    d, events, _, notices = _dossier(demo_ctx, code)
    assert d.status == S.PROCESSING and len(events) == 2  # no status change
    (notice,) = notices
    assert notice.previous_due_at == DUE and notice.new_due_at == datetime(2026, 12, 10, 16, 0)
    assert _pending_ops(demo_ctx, d.uuid)[0].payload["due_at"].startswith("2026-12-10T16:00")


def test_invalid_transition_and_unknown_code_are_clear(demo_ctx, steps):
    code = intake(demo_ctx, RECEIVED)
    steps.refuse(code, "demo", reasons="Không thuộc thẩm quyền")  # DENIED: terminal
    with pytest.raises(UserError, match=r"Không thể chuyển hồ sơ .* sang “Đang xử lý”"):
        steps.processing(code, "demo")
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ"):
        steps.processing("000.00.61.H57-991231-9999", "demo")


def test_history_never_goes_backwards_with_a_clock_behind(demo_ctx, steps, clock):
    code = intake(demo_ctx, RECEIVED)
    clock.set(datetime(2026, 11, 24, 8, 0))  # this PC's clock is a day behind the receipt
    steps.transfer(code, "Phòng Quản lý xuất nhập cảnh", "demo")
    events = _dossier(demo_ctx, code)[1]
    assert events[-1].at == RECEIVED
