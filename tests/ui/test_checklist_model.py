"""The supplement request's checklist (ui/checklist_model.py behind the step dialog's list):
Space on a paper ticks it, the ticked names are what ``values()`` sends, tooltips hold the name."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hcc_desk.ui.return_desk.step_dialog import StepDialog

PAPERS = ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh do cơ sở y tế cấp (bản chính)"]


def card():
    return SimpleNamespace(
        code="000.00.00.H01-260101-0001",
        procedure_name="Đăng ký khai sinh",
        holder="Bộ phận một cửa",
        agency_hint="UBND xã",
        papers=PAPERS,
        due_at=None,
    )


def test_space_ticks_a_paper_and_values_send_the_ticked_names(qtbot):
    dialog = StepDialog("supplement", card(), [])
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.papers_list
    assert view is not None
    model = view.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == PAPERS
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == PAPERS[1]
    view.setFocus()
    view.setCurrentIndex(model.index(1, 0))
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    dialog.text_edit.setPlainText("Thiếu giấy chứng sinh")
    assert dialog.values()["missing_papers"] == [PAPERS[1]]
    dialog.check_paper(PAPERS[0])
    assert dialog.values()["missing_papers"] == PAPERS
