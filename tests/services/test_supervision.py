"""Supervision on one desk (never synced): lists on the local clock, rates, exports, access."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hcc_desk.core.store.models import AuditLog
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.errors import AuthError, UserError
from hcc_desk.services.return_desk import Recipient, ReturnDeskService
from hcc_desk.services.supervision import SupervisionService
from tests.services.after_intake_helpers import OWNER_ID, Clock, add_officer, intake
from tests.support.printed import pdf_text

RECEIVED = datetime(2026, 11, 25, 9, 0)
DUE = datetime(2026, 12, 7, 9, 0)
OWNER = Recipient("owner", "", OWNER_ID)


@pytest.fixture
def clock():
    return Clock(RECEIVED)


@pytest.fixture
def world(demo_ctx, clock):
    add_officer(demo_ctx, "giamsat", "supervisor", "Lê Giám Sát")
    add_officer(demo_ctx, "lan", "officer", "Trần Thị Lan")
    steps = AgencyStepsService(demo_ctx.store, demo_ctx.calendars, clock)
    desk = ReturnDeskService(demo_ctx.store, clock)
    sup = SupervisionService(demo_ctx.store, demo_ctx.calendars, None, clock)
    return demo_ctx, steps, desk, sup


def test_officers_are_refused_and_supervisors_audited(world):
    ctx, _, _, sup = world
    with pytest.raises(AuthError, match="Chỉ cán bộ giám sát"):
        sup.overview("lan")
    with pytest.raises(AuthError):
        sup.rates("lan", date(2026, 1, 1), date(2026, 12, 31), "agency")
    assert sup.allowed("giamsat") and sup.allowed("demo")  # the desk's admin too
    sup.overview("giamsat")
    with ctx.store.session() as s:
        assert (
            s.scalar(select(AuditLog).where(AuditLog.action == "supervision.view")).actor
            == "giamsat"
        )


def test_lists_follow_the_local_clock(world, clock):
    ctx, steps, _, sup = world
    a, b, c = (intake(ctx, RECEIVED, "lan") for _ in range(3))
    steps.request_supplement(b, "lan", missing_papers=["Ảnh"], reason="mờ")
    steps.transfer(c, "Phòng QLXNC", "lan")
    clock.set(datetime(2026, 12, 2, 16, 0))  # Wednesday: Thu and Fri are the next two days
    view = sup.overview("giamsat").lists
    assert view.counts() == {"due_today": 0, "due_soon": 0, "overdue": 0, "waiting": 1}
    clock.set(datetime(2026, 12, 4, 8, 0))  # Friday
    view = sup.overview("giamsat").lists
    assert sorted(r.code for r in view.due_soon) == sorted([a, c])
    clock.set(DUE)
    assert sorted(r.code for r in sup.overview("giamsat").lists.due_today) == sorted([a, c])
    clock.advance(seconds=1)
    view = sup.overview("giamsat").lists
    assert sorted(r.code for r in view.overdue) == sorted([a, c]) and not view.due_today
    assert [r.code for r in view.waiting] == [b]  # paused: never overdue meanwhile
    assert view.overdue[0].officer == "Trần Thị Lan (lan)" and view.overdue[0].source == "local"


def test_rates_by_agency_procedure_officer(world, clock):
    ctx, steps, desk, sup = world
    early, on_time, late, apologised = (intake(ctx, RECEIVED, "lan") for _ in range(4))
    extra = intake(ctx, RECEIVED, "demo")
    for code, ready in (
        (early, datetime(2026, 12, 2, 10, 0)),
        (on_time, DUE),
        (late, datetime(2026, 12, 8, 10, 0)),
        (extra, datetime(2026, 12, 1, 10, 0)),
    ):
        clock.set(ready)
        steps.result_ready(code, "lan")
        desk.hand_back(code, OWNER, "lan")
    clock.set(datetime(2026, 12, 4, 10, 0))
    steps.apologise(apologised, "lan", new_due_at=datetime(2026, 12, 11, 16, 0), reason="chậm")
    clock.set(datetime(2026, 12, 10, 10, 0))
    steps.result_ready(apologised, "lan")  # before the new appointment: still late

    by_officer = sup.rates("giamsat", date(2026, 12, 1), date(2026, 12, 31), "officer")
    rows = {r.key: (r.early, r.on_time, r.late) for r in by_officer}
    assert rows == {"Trần Thị Lan (lan)": (1, 1, 2), "Cán bộ Demo (demo)": (1, 0, 0), "": (2, 1, 2)}
    total = by_officer[-1]
    assert total.total == 5 and total.on_time_share == pytest.approx(3 / 5)
    by_agency = sup.rates("giamsat", date(2026, 12, 1), date(2026, 12, 31), "agency")
    assert [(r.key, r.total) for r in by_agency] == [("Công an cấp tỉnh", 5), ("", 5)]
    by_procedure = sup.rates("giamsat", date(2026, 12, 1), date(2026, 12, 31), "procedure")
    assert len(by_procedure) == 2 and by_procedure[0].total == 5
    # The period is of the result: only the early ones finished on 1–2 December.
    first_days = sup.rates("giamsat", date(2026, 12, 1), date(2026, 12, 2), "agency")
    assert (first_days[-1].early, first_days[-1].total) == (2, 2)
    with pytest.raises(UserError):
        sup.rates("giamsat", date(2026, 12, 2), date(2026, 12, 1), "agency")


def test_exports_carry_the_lists_and_rates_literally(world, clock, tmp_path):
    ctx, steps, _, sup = world
    late = intake(ctx, RECEIVED, "lan")
    waiting = intake(ctx, RECEIVED, "lan")
    steps.request_supplement(waiting, "lan", missing_papers=["Ảnh"], reason="<b>mờ</b>")
    clock.set(datetime(2026, 12, 8, 10, 0))
    steps.result_ready(intake(ctx, RECEIVED, "lan"), "lan")  # finished late, in the period
    written = sup.export(
        "giamsat",
        date(2026, 12, 1),
        date(2026, 12, 31),
        xlsx=tmp_path / "gs.xlsx",
        pdf=tmp_path / "gs.pdf",
    )
    assert [p.name for p in written] == ["gs.xlsx", "gs.pdf"]

    wb = load_workbook(tmp_path / "gs.xlsx")
    overdue = wb["Quá hạn"]
    assert overdue["A2"].value == late and overdue["A3"].value is None
    assert overdue["E2"].value == "Trần Thị Lan (lan)"
    assert wb["Chờ bổ sung"]["A2"].value == waiting
    summary = [[c.value for c in row] for row in wb["Tổng hợp"].iter_rows()]
    assert ["Quá hạn", 1] in [r[:2] for r in summary]
    assert ["Tổng cộng", 0, 0, 1, 1, "0,0 %"] in [r[:6] for r in summary]

    text = pdf_text(tmp_path / "gs.pdf")
    assert "BÁO CÁO GIÁM SÁT" in text and late in text and waiting in text
    assert "Trần Thị Lan (lan)" in text and "Chưa lấy dữ liệu từ máy chủ trung tâm" in text
    with ctx.store.session() as s:
        audit = s.scalar(select(AuditLog).where(AuditLog.action == "supervision.export"))
    assert audit.detail["files"] == ["gs.xlsx", "gs.pdf"]


def test_export_is_refused_to_officers(world, tmp_path):
    _, _, _, sup = world
    with pytest.raises(AuthError):
        sup.export("lan", date(2026, 12, 1), date(2026, 12, 31), xlsx=tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_refresh_without_enrolment_says_so(world):
    _, _, _, sup = world
    result = sup.refresh("giamsat")
    assert result.rows == 0 and "chưa đăng ký" in result.message
