"""One dialog for the agency steps recorded at the counter: its fields depend on the step.

transfer: to whom (and from whom, default: who holds the papers), note.
processing / result_ready / supplement_received: agency, note.
supplement: a checklist of the dossier's papers, other papers (one a line), reason (Mẫu 02).
refusal: reasons (Mẫu 03). apology: the new appointment and the reason (Mẫu 04).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desk.ui.screen_fit import fit_to_screen

STEPS = (
    "transfer",
    "processing",
    "supplement",
    "supplement_received",
    "result_ready",
    "refusal",
    "apology",
)


class StepDialog(QDialog):
    def __init__(self, step: str, card: Any, parties: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        if step not in STEPS:
            raise ValueError(step)
        self.step, self.card = step, card
        self.setWindowTitle(self._title())
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{card.code} — {card.procedure_name}", self)
        heading.setWordWrap(True)
        heading.setProperty("role", "title")
        layout.addWidget(heading)
        form = QFormLayout()
        layout.addLayout(form)
        self.to_edit: QComboBox | None = None
        self.papers_list: QListWidget | None = None
        self.other_papers: QPlainTextEdit | None = None
        self.due_edit: QDateTimeEdit | None = None
        if step == "transfer":
            self.to_edit = QComboBox(self)
            self.to_edit.setEditable(True)
            self.to_edit.addItems([p for p in parties if p != card.holder])
            self.to_edit.setCurrentIndex(-1)
            self.to_edit.setObjectName("to_edit")
            form.addRow(self.tr("Chuyển đến (&nơi nhận):"), self.to_edit)
        self.agency_edit = QLineEdit(card.holder if step == "transfer" else card.agency_hint, self)
        self.agency_edit.setObjectName("agency_edit")
        form.addRow(
            self.tr("Giao từ:") if step == "transfer" else self.tr("&Cơ quan:"), self.agency_edit
        )
        if step == "supplement":
            self.papers_list = QListWidget(self)
            self.papers_list.setObjectName("papers_list")
            self.papers_list.setWordWrap(True)  # paper names run to a sentence or two
            for name in card.papers:
                item = QListWidgetItem(name, self.papers_list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setToolTip(name)
            form.addRow(self.tr("&Giấy tờ cần bổ sung:"), self.papers_list)
            self.other_papers = QPlainTextEdit(self)
            self.other_papers.setObjectName("other_papers")
            self.other_papers.setPlaceholderText(self.tr("Mỗi dòng một giấy tờ"))
            self.other_papers.setTabChangesFocus(True)
            self.other_papers.setFixedHeight(60)
            form.addRow(self.tr("Giấy tờ &khác:"), self.other_papers)
        if step == "apology":
            self.due_edit = QDateTimeEdit(self)
            self.due_edit.setObjectName("due_edit")
            self.due_edit.setDisplayFormat("HH:mm dd/MM/yyyy")
            self.due_edit.setCalendarPopup(True)
            start = (card.due_at or datetime.now()) + timedelta(days=3)
            self.due_edit.setDateTime(
                QDateTime(
                    QDate(start.year, start.month, start.day), QTime(start.hour, start.minute)
                )
            )
            form.addRow(self.tr("&Ngày hẹn mới:"), self.due_edit)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("text_edit")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(70)
        label = {
            "supplement": self.tr("&Lý do:"),
            "refusal": self.tr("&Lý do từ chối:"),
            "apology": self.tr("&Lý do chậm:"),
        }.get(step, self.tr("&Ghi chú:"))
        form.addRow(label, self.text_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ghi nhận"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
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
        for i in range(self.papers_list.count()):
            item = self.papers_list.item(i)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked)

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
            ticked = [
                self.papers_list.item(i).text()
                for i in range(self.papers_list.count())
                if self.papers_list.item(i).checkState() == Qt.CheckState.Checked
            ]
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
