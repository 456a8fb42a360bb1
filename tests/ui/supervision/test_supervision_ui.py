"""The supervision screen: who sees it, lists on the local clock (offline), rates and chart,
exports."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from hcc_desk.services.return_desk import Recipient
from hcc_desk.ui.main_window import MainWindow
from hcc_desk.ui.supervision.view import SupervisionView
from tests.services.after_intake_helpers import OWNER_ID, add_officer, intake
from tests.ui.return_desk.conftest import RECEIVED
from tests.ui.supervision.tables import cell

DUE = datetime(2026, 12, 7, 9, 0)


def make_view(qtbot, ctx, officer, runner, tick_ms=50) -> SupervisionView:
    view = SupervisionView(ctx, officer, runner, tick_ms=tick_ms)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    return view


def test_only_supervisors_get_the_tab(qtbot, ctx, runner):
    add_officer(ctx, "lan", "officer")
    add_officer(ctx, "giamsat", "supervisor")
    tabs = {}
    for user in ("lan", "giamsat"):
        officer = ctx.auth.login(user, "mat-khau-123")
        w = MainWindow(ctx, officer, runner, autosave_ms=50)
        qtbot.addWidget(w)
        tabs[user] = [w.ui.tabs.tabText(i) for i in range(w.ui.tabs.count())]
        assert (w.supervision is None) == (user == "lan")
        w.close()
    assert "Trả kết quả" in tabs["lan"] and "Giám sát" not in tabs["lan"]
    assert tabs["giamsat"][-2:] == ["Trả kết quả", "Giám sát"]


def test_overdue_appears_when_the_clock_passes_offline(qtbot, ctx, officer, runner, clock):
    late = intake(ctx, RECEIVED)
    waiting = intake(ctx, RECEIVED)
    ctx.agency_steps.request_supplement(waiting, "demo", missing_papers=["Ảnh"], reason="mờ")
    clock.set(datetime(2026, 12, 7, 8, 59))
    view = make_view(qtbot, ctx, officer, runner)
    with qtbot.waitSignal(view.refreshed, timeout=10000) as refreshed:
        view.start()  # also tries central: this desk is not enrolled
    assert refreshed.args[0].rows == 0 and view.banner.kind() == "warning"
    qtbot.waitUntil(lambda: view.overview is not None, timeout=10000)
    assert view.count_labels["due_today"].text() == "Đến hạn hôm nay: 1"
    assert view.count_labels["waiting"].text() == "Chờ bổ sung: 1"
    assert cell(view.tables["waiting"], 0, 0) == waiting
    assert "chỉ có hồ sơ của quầy này" in view.source_label.text()

    clock.set(datetime(2026, 12, 7, 9, 0, 1))  # one second past the appointment
    qtbot.waitUntil(lambda: view.count_labels["overdue"].text() == "Quá hạn: 1", timeout=5000)
    assert cell(view.tables["overdue"], 0, 0) == late
    assert view.tables["due_today"].model().rowCount() == 0
    assert view.list_tabs.tabText(0) == "Quá hạn (1)"
    view.stop()
    runner.wait_idle()


def test_rates_table_chart_and_exports(qtbot, ctx, officer, runner, clock, tmp_path):
    codes = [intake(ctx, RECEIVED) for _ in range(3)]
    for code, ready in zip(
        codes, (datetime(2026, 12, 2, 9), DUE, datetime(2026, 12, 8, 9)), strict=True
    ):
        clock.set(ready)
        ctx.agency_steps.result_ready(code, "demo")
        ctx.return_desk.hand_back(code, Recipient("owner", "", OWNER_ID), "demo")
    view = make_view(qtbot, ctx, officer, runner, tick_ms=60_000)
    with qtbot.waitSignal(
        view.rates_loaded, timeout=10000, check_params_cb=lambda rows: bool(rows and rows[-1].total)
    ):
        view.set_period(date(2026, 12, 1), date(2026, 12, 31))
    table = view.rates_table
    assert [cell(table, 0, c) for c in range(6)] == [
        "Công an cấp tỉnh",
        "1",
        "1",
        "1",
        "3",
        "66,7 %",
    ]
    assert cell(table, 1, 0) == "Tổng cộng"
    with qtbot.waitSignal(view.rates_loaded, timeout=10000):
        view.group_combo.setCurrentIndex(2)  # by officer
    assert cell(table, 0, 0) == "Cán bộ Demo (demo)"
    (bar,) = view.rates_chart.bars
    assert bar.values == (1, 1, 1) and bar.note == "67 %"
    segments = view.rates_chart.segments()[0]
    widths = [rect.width() for rect, _ in segments]
    assert widths[0] > 0 and abs(widths[0] - widths[1]) < 0.01 and abs(widths[1] - widths[2]) < 0.01
    view.rates_chart.grab()  # paints without error

    dialog = view.ask_export("xlsx")
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    target = tmp_path / "giam-sat.xlsx"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(view.exported, timeout=20000):
        dialog.accept()
    wb = load_workbook(target)
    rows = [[c.value for c in r] for r in wb["Tổng hợp"].iter_rows()]
    assert ["Cán bộ Demo (demo)", 1, 1, 1, 3, "66,7 %"] in [r[:6] for r in rows]
    with qtbot.waitSignal(view.exported, timeout=20000):
        view.export_to(tmp_path / "giam-sat.pdf", "pdf")
    assert (tmp_path / "giam-sat.pdf").read_bytes().startswith(b"%PDF")
    assert "Đã xuất" in view.banner.text()
    runner.wait_idle()
