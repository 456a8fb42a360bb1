"""From the return desk's card, "Quét kết quả" (F7) opens the dossier's scan dialog on its
"Kết quả giải quyết" row, so the paper result is digitised and signed before it is handed
back; the button says why it cannot be used before the result is there. Real services on a
demo profile (the return desk's clock-driven context)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hcc_desk.ui.capture.dossier_scan import DossierScanDialog
from hcc_desk.ui.return_desk.view import ReturnDeskView
from tests.services.after_intake_helpers import intake
from tests.ui.return_desk.test_return_desk_ui import make_view, scan

from .conftest import RECEIVED


def test_f7_on_a_ready_result_opens_the_scan_dialog_on_the_result_row(qtbot, ctx, officer, runner):
    code = intake(ctx, RECEIVED)
    view = make_view(qtbot, ctx, officer, runner)
    button = view.scan_result_button
    assert not button.isEnabled() and "Mở một hồ sơ" in button.toolTip()

    scan(qtbot, view, code)  # received, still at the agency: nothing to scan yet
    assert not button.isEnabled() and "chưa có kết quả" in button.toolTip()
    QTest.keyClick(view.code_edit, Qt.Key.Key_F7)
    assert view.scan_dialog is None and view.findChildren(DossierScanDialog) == []

    ctx.agency_steps.result_ready(code, "demo")
    scan(qtbot, view, code)
    assert button.isEnabled() and "F7" in button.toolTip()
    view.code_edit.setFocus()
    QTest.keyClick(view.code_edit, Qt.Key.Key_F7)  # the keyboard, from where the scan left it
    [dialog] = view.findChildren(DossierScanDialog)
    assert view.scan_dialog is dialog and dialog.code == code
    papers = len(ctx.dossiers.detail(code, "demo").papers)
    qtbot.waitUntil(lambda: dialog.paper_rows.rowCount() == papers + 1, timeout=20_000)
    qtbot.waitUntil(dialog.is_result_row, timeout=10_000)
    assert dialog.papers.currentIndex().row() == papers  # below the papers, not the first one
    assert dialog.panel.target is not None and dialog.panel.target.position is None
    assert dialog.panel.target.key.endswith(":result")
    assert view.scan_result() is dialog  # F7 again: the same dialog, not a second one

    dialog.close()
    qtbot.waitUntil(lambda: view.scan_dialog is None, timeout=10_000)
    runner.wait_idle()


def test_the_button_says_when_this_pc_cannot_scan(qtbot, fake_ctx, runner):
    view = ReturnDeskView(fake_ctx, SimpleNamespace(username="demo"), runner)
    qtbot.addWidget(view)
    card = SimpleNamespace(
        code="000.00.61.H57-261125-0001",
        procedure_name="Cấp hộ chiếu",
        agency_name="Công an cấp tỉnh",
        submitter=SimpleNamespace(name="Nguyễn Thị Hương", id_number=""),
        owner=None,
        received_at=RECEIVED,
        due_at=None,
        status=10,
        hand_back=None,
        ready=True,
        timing_if_now=None,
        steps=(),
    )
    view._show_card(card)  # the result is ready, but the fake desk has no capture service
    assert not view.scan_result_button.isEnabled()
    assert "quét giấy tờ" in view.scan_result_button.toolTip()
    assert view.scan_result() is None
