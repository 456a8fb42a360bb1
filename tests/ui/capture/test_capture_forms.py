"""The capture widgets built from forms (forms/scan_*.ui, forms/page_review.ui): their strings are
translated in the classes' own contexts, Tab still reaches the scanner choice before the scan
buttons, and the scan dialog's paper list is an item model keyed by checklist position."""

from __future__ import annotations

from unittest.mock import MagicMock

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from hcc_desk.ui import i18n
from hcc_desk.ui.capture.dossier_papers_model import POSITION_ROLE, DossierPapersModel
from hcc_desk.ui.capture.scan_panel import ScanPanel


def focus_order(top: QWidget) -> list[QWidget]:
    found, widget = [], top.nextInFocusChain()
    while widget is not top:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and top.isAncestorOf(widget):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def test_the_scan_panel_speaks_english(qtbot, qapp, runner):
    i18n.install(qapp, "en")
    panel = ScanPanel(MagicMock(), runner)
    qtbot.addWidget(panel)
    assert panel.scan_button.text() == "Scan (F7)"
    assert panel.files_button.text() == "Add files…"
    assert panel.review.view.accessibleName() == "Scanned pages"
    assert panel.review.preview.accessibleName() == "Page preview"


def test_tab_reaches_the_scanner_choice_then_the_buttons_then_the_pages(qtbot, runner):
    panel = ScanPanel(MagicMock(), runner)
    qtbot.addWidget(panel)
    order = focus_order(panel)
    chooser, review = panel.chooser, panel.review
    assert order[:5] == [
        chooser.device_box,
        chooser.source_box,
        chooser.resolution_box,
        chooser.mode_box,
        chooser.find_button,
    ]
    assert order[5:8] == [panel.scan_button, panel.files_button, panel.cancel_button]
    assert order.index(panel.faults.retry_button) < order.index(review.view)
    assert order[-1] is review.insert_files_button
    # Delete is the review's shortcut; its tooltip is the form's longer one.
    assert "Delete" in review.delete_button.toolTip()


def test_the_papers_model_keeps_positions_apart_from_rows(qtbot):
    model = DossierPapersModel()
    model.set_rows([(1, "1. Tờ khai"), (3, "3. Giấy khai sinh\n(2 trang chưa lưu)")])
    assert model.rowCount() == 2
    assert model.index(1, 0).data() == "3. Giấy khai sinh\n(2 trang chưa lưu)"
    assert model.index(1, 0).data(POSITION_ROLE) == 3
    assert model.row_of(3) == 1 and model.row_of(2) == -1
