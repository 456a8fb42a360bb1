"""One dialog for the agency steps recorded at the counter: its fields depend on the step.

transfer: to whom (and from whom, default: who holds the papers), note.
processing / result_ready / supplement_received: agency, note.
supplement: a checklist of the dossier's papers, other papers (one a line), reason (Mẫu 02).
refusal: reasons (Mẫu 03). apology: the new appointment and the reason (Mẫu 04).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QListView,
    QPlainTextEdit,
    QWidget,
)

from hcc_desk.services.agency_steps import STEPS
from hcc_desk.ui.checklist_model import ChecklistModel
from hcc_desk.ui.forms.ui_return_desk_step import Ui_StepDialog
from hcc_desk.ui.screen_fit import fit_to_screen


class StepDialog(QDialog):
    """forms/return_desk_step.ui holds every field; a step shows the rows it needs. The fields a
    step does not use are None here (``values()`` reads only the step's own)."""

    def __init__(self, step: str, card: Any, parties: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        if step not in STEPS:
            raise ValueError(step)
        self.step, self.card = step, card
        self.ui = ui = Ui_StepDialog()
        ui.setupUi(self)
        self.setWindowTitle(self._title())
        ui.heading.setText(f"{card.code} — {card.procedure_name}")
        self.to_edit: QComboBox | None = ui.to_edit if step == "transfer" else None
        self.papers_list: QListView | None = ui.papers_list if step == "supplement" else None
        self.papers = ChecklistModel(card.papers if step == "supplement" else [], self)
        self.other_papers: QPlainTextEdit | None = ui.other_papers if step == "supplement" else None
        self.due_edit: QDateTimeEdit | None = ui.due_edit if step == "apology" else None
        self.agency_edit, self.text_edit = ui.agency_edit, ui.text_edit
        for field in (ui.to_edit, ui.papers_list, ui.other_papers, ui.due_edit):
            if field not in (self.to_edit, self.papers_list, self.other_papers, self.due_edit):
                ui.fields.setRowVisible(field, False)
        if self.to_edit is not None:
            self.to_edit.addItems([p for p in parties if p != card.holder])
            self.to_edit.setCurrentIndex(-1)
        self.agency_edit.setText(card.holder if step == "transfer" else card.agency_hint)
        if step == "transfer":
            ui.agency_label.setText(self.tr("Giao từ:"))
        if self.papers_list is not None:
            self.papers_list.setModel(self.papers)  # names wrapped, in full as tooltips
        if self.due_edit is not None:
            start = (card.due_at or datetime.now()) + timedelta(days=3)
            self.due_edit.setDateTime(
                QDateTime(
                    QDate(start.year, start.month, start.day), QTime(start.hour, start.minute)
                )
            )
        text_label = {
            "supplement": self.tr("&Lý do:"),
            "refusal": self.tr("&Lý do từ chối:"),
            "apology": self.tr("&Lý do chậm:"),
        }.get(step)
        if text_label:
            ui.text_label.setText(text_label)
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Ghi nhận"))
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self.resize(720, self.sizeHint().height())
        fit_to_screen(self)
        first = self.to_edit or self.papers_list or self.due_edit or self.text_edit
        first.setFocus()

    def _title(self) -> str:
        return {
            "transfer": self.tr("Chuyển hồ sơ (phiếu kiểm soát, Mẫu 05)"),
            "processing": self.tr("Cơ quan đang xử lý"),
            "supplement": self.tr("Yêu cầu bổ sung hồ sơ (Mẫu 02)"),
            "supplement_received": self.tr("Đã nhận hồ sơ bổ sung"),
            "result_ready": self.tr("Cơ quan trả kết quả về bộ phận một cửa"),
            # Mẫu 03 before processing, the stop notice after: the forms service chooses.
            "refusal": self.tr("Từ chối / dừng giải quyết hồ sơ"),
            "apology": self.tr("Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)"),
        }[self.step]

    def check_paper(self, name: str) -> None:
        """Tick a paper of the checklist (tests, and keyboard users via Space)."""
        assert self.papers_list is not None
        self.papers.set_checked(name)

    def values(self) -> dict[str, Any]:
        """The arguments of the matching AgencyStepsService method (besides code, officer)."""
        text = self.text_edit.toPlainText().strip()
        agency = self.agency_edit.text().strip()
        if self.step == "transfer":
            assert self.to_edit is not None
            return {
                "to_party": self.to_edit.currentText().strip(),
                "from_party": agency or None,
                "note": text,
            }
        if self.step == "supplement":
            assert self.papers_list is not None and self.other_papers is not None
            ticked = self.papers.checked()
            others = [ln.strip() for ln in self.other_papers.toPlainText().splitlines()]
            return {
                "missing_papers": ticked + [p for p in others if p],
                "reason": text,
                "agency": agency,
            }
        if self.step == "refusal":
            return {"reasons": text, "agency": agency}
        if self.step == "apology":
            assert self.due_edit is not None
            due = self.due_edit.dateTime().toPython()
            return {
                "new_due_at": due.replace(second=0, microsecond=0),
                "reason": text,
                "agency": agency,
            }
        if self.step == "supplement_received":
            return {"note": text}
        return {"agency": agency, "note": text}
