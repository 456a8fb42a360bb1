"""Trả kết quả: scan the receipt's barcode, check who collects, hand back, print the slip.

A 1D keyboard-wedge scanner types the code and Enter into the code field (typing works the
same). The dossier card shows whether the result is ready; the recipient is the owner (their ID
number is checked) or a person with an authorisation letter, whose chip-card QR can be scanned.
"Trả kết quả" records the hand-back in a worker, then prints the result slip through the forms
service. The agency steps (transfer, supplement, result ready, refusal, apology) are recorded
from the same card, each printing its form (Mẫu 02–05). "Quét kết quả" (F7) opens the dossier's
scan dialog on its "Kết quả giải quyết" row, to digitise and sign the paper result before it is
handed back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from hcc_core import i18n as catalogue
from hcc_desk.ui import i18n
from hcc_desk.ui.banner import Banner
from hcc_desk.ui.dossier_model import status_text
from hcc_desk.ui.errors import is_expected, report_bug
from hcc_desk.ui.formatting import appointment_text, short_datetime
from hcc_desk.ui.forms.ui_return_desk import Ui_ReturnDeskView
from hcc_desk.ui.return_desk.step_dialog import StepDialog
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer


class ReturnDeskView(QWidget):
    """Signals: opened(card), handed_back(HandBackDone), step_done(StepResult),
    printed(kind, job id, PDF path) after a form reached the print queue.

    The layout is forms/return_desk.ui. Which buttons are enabled is the services' answer
    (the card's ``ready`` and ``steps``): the view keeps no status rules of its own."""

    opened = Signal(object)
    handed_back = Signal(object)
    step_done = Signal(object)
    printed = Signal(str, str, str)

    def __init__(
        self, ctx: AppContext, officer: Officer, runner: TaskRunner, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.officer, self.runner = ctx, officer, runner
        self.card: Any = None
        self.parties: list[str] = []  # offered in the step dialogs; read with the card
        self.dialog: StepDialog | None = None
        self.scan_dialog: Any = None  # the dossier's scan dialog, while it is open
        self.last_job: str | None = None
        self.ui = Ui_ReturnDeskView()
        self.ui.setupUi(self)
        self._connect()

    # Looked up on first use: the services need the store, which opens after the window shows.
    @property
    def desk(self) -> Any:
        return self.ctx.return_desk

    @property
    def steps(self) -> Any:
        return self.ctx.agency_steps

    # -- construction -------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        # The widgets tests and the main window reach, under their old names.
        self.code_edit, self.open_button = ui.code_edit, ui.open_button
        self.card_box, self.steps_box, self.recipient_box = (
            ui.card_box,
            ui.steps_box,
            ui.recipient_box,
        )
        self.code_value, self.applicant_value, self.owner_value = (
            ui.code_value,
            ui.applicant_value,
            ui.owner_value,
        )
        self.procedure_value, self.agency_value, self.received_value = (
            ui.procedure_value,
            ui.agency_value,
            ui.received_value,
        )
        self.due_value, self.status_value, self.ready_value = (
            ui.due_value,
            ui.status_value,
            ui.ready_value,
        )
        self.owner_radio, self.authorised_radio = ui.owner_radio, ui.authorised_radio
        self.qr_edit, self.name_edit, self.id_edit = ui.qr_edit, ui.name_edit, ui.id_edit
        self.ref_edit, self.summary_edit = ui.ref_edit, ui.summary_edit
        self.return_button, self.reprint_button = ui.return_button, ui.reprint_button
        self.outcome_label = ui.outcome_label
        self.scan_result_button = ui.scan_result_button
        self.banner = Banner(ui.banner, ui.banner_label, ui.banner_close)
        self.step_buttons: dict[str, QPushButton] = {
            b.objectName().removeprefix("step_"): b for b in ui.steps_box.findChildren(QPushButton)
        }
        for step, button in self.step_buttons.items():
            button.clicked.connect(lambda _c=False, s=step: self.open_step(s))

        self.code_edit.returnPressed.connect(self.open_code)
        self.open_button.clicked.connect(self.open_code)
        self.qr_edit.returnPressed.connect(self.read_qr)
        self.name_edit.returnPressed.connect(self.id_edit.setFocus)
        self.id_edit.returnPressed.connect(self._after_id)
        self.ref_edit.returnPressed.connect(self.summary_edit.setFocus)
        self.summary_edit.returnPressed.connect(self.hand_back)
        self.return_button.clicked.connect(self.hand_back)
        self.reprint_button.clicked.connect(lambda: self.print_form("result"))
        self.scan_result_button.clicked.connect(self.scan_result)
        self.authorised_radio.toggled.connect(self._relation_changed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.hand_back)
        # F7 scans, as on the intake screen and in the scan dialog; only while this screen shows.
        scan_key = QShortcut(QKeySequence("F7"), self, self.scan_result)
        scan_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_card(None)
        self._relation_changed()

    def focus_code(self) -> None:
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    # -- opening a dossier --------------------------------------------------------------------
    def open_code(self) -> None:
        text = self.code_edit.text()
        if not text.strip():
            self.banner.show("warning", self.tr("Hãy quét hoặc nhập mã hồ sơ."))
            return
        user, desk, steps = self.officer.username, self.desk, self.steps
        self.runner.db(
            lambda: (desk.open(text, user), steps.parties()),
            on_done=lambda loaded: self._opened(*loaded),
            on_error=self._failed,
            owner=self,
        )

    def reload(self) -> None:
        if self.card is not None:
            code, user = self.card.code, self.officer.username
            self.runner.db(
                lambda: self.desk.open(code, user),
                on_done=self._reloaded,
                on_error=self._failed,
                owner=self,
            )

    def _opened(self, card: Any, parties: list[str]) -> None:
        self.parties = parties
        self.banner.hide()
        self._clear_recipient()
        self.outcome_label.clear()
        self._show_card(card)
        self.code_edit.selectAll()
        if card.ready:
            self.qr_edit.setFocus()
        self.opened.emit(card)

    def _reloaded(self, card: Any) -> None:
        self._show_card(card)

    def _show_card(self, card: Any) -> None:
        self.card = card
        has = card is not None
        for w in (self.card_box, self.steps_box, self.recipient_box):
            w.setEnabled(has)
        if not has:
            for label in (
                self.code_value,
                self.applicant_value,
                self.owner_value,
                self.procedure_value,
                self.agency_value,
                self.received_value,
                self.due_value,
                self.status_value,
                self.ready_value,
            ):
                label.clear()
            self.return_button.setEnabled(False)
            self.reprint_button.setEnabled(False)
            self._enable_result_scan()
            return
        self.code_value.setText(card.code)
        self.applicant_value.setText(_person(card.submitter))
        self.owner_value.setText(_person(card.owner) if card.owner else self.tr("(như người nộp)"))
        self.procedure_value.setText(card.procedure_name)
        self.agency_value.setText(card.agency_name)
        self.received_value.setText(short_datetime(card.received_at))
        self.due_value.setText(
            appointment_text(card.due_at) if card.due_at else self.tr("Tạm dừng (chờ bổ sung)")
        )
        self.status_value.setText(status_text(card.status))
        if card.hand_back is not None:
            hb = card.hand_back
            self.ready_value.setText(
                i18n.tr(
                    "return_desk_view.handed_at",
                    recipient=hb.recipient_name,
                    at=short_datetime(hb.at),
                    timing=self._timing_text(hb.timing),
                )
            )
        elif card.ready:
            text = self.tr("Đã có kết quả — sẵn sàng trả")
            if card.timing_if_now:
                text += f" ({self._timing_text(card.timing_if_now)})"
            self.ready_value.setText(text)
        else:
            self.ready_value.setText(self.tr("Chưa có kết quả"))
        self.return_button.setEnabled(card.ready)
        self.recipient_box.setEnabled(card.ready or card.hand_back is not None)
        self.reprint_button.setEnabled(card.hand_back is not None)
        for step, button in self.step_buttons.items():
            button.setEnabled(step in card.steps)  # the service's answer, never our own rules
        self._enable_result_scan()

    # -- the result document ------------------------------------------------------------------
    def _enable_result_scan(self) -> None:
        """Enabled when the result is at the counter (ready, or handed back): the card's
        answers, as for the recipient box. The tooltip says why it is not."""
        card, button = self.card, self.scan_result_button
        if getattr(self.ctx, "capture", None) is None:
            why = self.tr("Máy này chưa dùng được chức năng quét giấy tờ.")
        elif card is None:
            why = self.tr("Mở một hồ sơ trước (quét mã vạch trên giấy tiếp nhận).")
        elif not (card.ready or card.hand_back is not None):
            why = self.tr("Hồ sơ chưa có kết quả: chưa có gì để quét.")
        else:
            why = ""
        button.setEnabled(not why)
        button.setToolTip(
            why or self.tr("Quét và ký số bản giấy kết quả giải quyết trước khi trả (F7).")
        )

    def scan_result(self) -> Any:
        """The dossier's scan dialog, on its "Kết quả giải quyết" row."""
        if self.card is None or not self.scan_result_button.isEnabled():
            return None
        if self.scan_dialog is not None:  # one at a time: F7 again brings it forward
            self.scan_dialog.raise_()
            self.scan_dialog.activateWindow()
            return self.scan_dialog
        from hcc_desk.ui.capture.dossier_scan import DossierScanDialog

        dialog = DossierScanDialog(self.ctx, self.runner, self.officer, self.card.code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.select_result()  # chosen once the dossier is loaded
        dialog.finished.connect(lambda _r: self._scan_closed(dialog))
        self.scan_dialog = dialog
        dialog.open()
        return dialog

    def _scan_closed(self, dialog: Any) -> None:
        if self.scan_dialog is dialog:
            self.scan_dialog = None

    # -- recipient ----------------------------------------------------------------------------
    def _relation_changed(self, *_args: Any) -> None:
        authorised = self.authorised_radio.isChecked()
        self.ref_edit.setEnabled(authorised)
        if not authorised:
            self.ref_edit.clear()

    def _clear_recipient(self) -> None:
        for edit in (self.qr_edit, self.name_edit, self.id_edit, self.ref_edit, self.summary_edit):
            edit.clear()
        self.owner_radio.setChecked(True)

    def read_qr(self) -> None:
        raw = self.qr_edit.text()
        if not raw.strip():
            self.name_edit.setFocus()
            return
        try:
            person = self.desk.read_qr(raw)
        except Exception as exc:
            if not is_expected(exc):
                raise
            self.banner.show("error", i18n.text(exc))
            self.qr_edit.selectAll()
            return
        self.name_edit.setText(person.name)
        self.id_edit.setText(person.id_number)
        self.qr_edit.clear()
        warnings = [i18n.text(w) for w in person.warnings]
        if warnings:
            self.banner.show("warning", self.tr("Thông tin trên thẻ cần kiểm tra:"), warnings)
        else:
            self.banner.hide()
        (self.ref_edit if self.authorised_radio.isChecked() else self.summary_edit).setFocus()

    def _after_id(self) -> None:
        (self.ref_edit if self.authorised_radio.isChecked() else self.summary_edit).setFocus()

    def recipient(self) -> Any:
        from hcc_desk.services.return_desk import Recipient

        return Recipient(
            "authorised" if self.authorised_radio.isChecked() else "owner",
            self.name_edit.text(),
            self.id_edit.text(),
            self.ref_edit.text(),
        )

    # -- hand-back ----------------------------------------------------------------------------
    def hand_back(self) -> None:
        if self.card is None or not self.return_button.isEnabled():
            return
        code, user = self.card.code, self.officer.username
        recipient, summary = self.recipient(), self.summary_edit.text()
        self.return_button.setEnabled(False)
        self.runner.db(
            lambda: self.desk.hand_back(code, recipient, user, summary),
            on_done=self._handed_back,
            on_error=self._hand_back_failed,
            owner=self,
        )

    def _handed_back(self, done: Any) -> None:
        timing = self._timing_text(done.timing)
        self.outcome_label.setText(i18n.tr("return_desk_view.returned", timing=timing))
        from hcc_desk.ui.style import set_flag

        set_flag(self.outcome_label, "timing", done.timing)
        self.banner.show(
            "success",
            i18n.tr("return_desk_view.handed", code=done.code, recipient=done.recipient_name),
        )
        self.handed_back.emit(done)
        self.reload()
        self.print_form("result", done.code)

    def _hand_back_failed(self, failure: Failure) -> None:
        self.return_button.setEnabled(self.card is not None and self.card.ready)
        self._failed(failure)

    # -- agency steps -------------------------------------------------------------------------
    def open_step(self, step: str) -> StepDialog | None:
        if self.card is None:
            return None
        dialog = StepDialog(step, self.card, self.parties, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._record_step(step, dialog.values()))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: StepDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _record_step(self, step: str, values: dict[str, Any]) -> None:
        code, user = self.card.code, self.officer.username
        method = {
            "transfer": self.steps.transfer,
            "processing": self.steps.processing,
            "supplement": self.steps.request_supplement,
            "supplement_received": self.steps.supplement_received,
            "result_ready": self.steps.result_ready,
            "refusal": self.steps.refuse,
            "apology": self.steps.apologise,
        }[step]
        if step == "transfer":
            to_party = values.pop("to_party")

            def job() -> Any:
                return method(code, to_party, user, **values)
        else:

            def job() -> Any:
                return method(code, user, **values)

        self.runner.db(job, on_done=self._step_recorded, on_error=self._failed, owner=self)

    def _step_recorded(self, result: Any) -> None:
        self.banner.show(
            "success",
            i18n.tr(
                "return_desk_view.recorded", code=result.code, status=status_text(result.status)
            ),
        )
        self.step_done.emit(result)
        self.reload()
        if result.form:
            self.print_form(result.form, result.code)

    # -- printing -----------------------------------------------------------------------------
    def print_form(self, kind: str, code: str | None = None) -> None:
        code = code or (self.card.code if self.card is not None else None)
        forms = getattr(self.ctx, "forms", None)
        if code is None:
            return
        if forms is None:
            self.banner.show("warning", self.tr("Chưa có chức năng in phiếu trên máy này."))
            return
        user = self.officer.username
        self.runner.io(
            lambda: forms.print_form(kind, code, user),
            on_done=lambda r: self._printed(kind, r),
            on_error=self._print_failed,
            owner=self,
        )

    def _printed(self, kind: str, result: Any) -> None:
        self.last_job = str(result.job)
        made = getattr(result, "made", "") or kind  # a stopped dossier's "refusal" is a stop
        self.banner.show(
            "success",
            i18n.tr("return_desk_view.sent", form=self._form_name(made), job=self.last_job),
        )
        self.printed.emit(kind, self.last_job, str(result.path))

    def _print_failed(self, failure: Failure) -> None:
        if is_expected(failure.exc):
            self.banner.show(
                "error",
                i18n.tr("return_desk_view.slip_failed", reason=i18n.text(failure.exc)),
            )
        else:
            report_bug(type(failure.exc), failure.exc, failure.traceback_text)

    # -- helpers ------------------------------------------------------------------------------
    def _failed(self, failure: Failure) -> None:
        exc = failure.exc
        if not is_expected(exc):
            report_bug(type(exc), exc, failure.traceback_text)
            return
        details = [i18n.text(e) for e in getattr(exc, "errors", [])]
        self.banner.show(
            "error",
            i18n.text(exc) if not details else self.tr("Chưa ghi nhận được:"),
            details or None,
        )

    def _timing_text(self, timing: str) -> str:
        key = f"timing.label.{timing}"
        return i18n.tr(key) if catalogue.has(key) else timing

    def _form_name(self, kind: str) -> str:
        return {
            "result": self.tr("phiếu trả kết quả"),
            "supplement": self.tr("phiếu yêu cầu bổ sung (Mẫu 02)"),
            "refusal": self.tr("phiếu từ chối tiếp nhận (Mẫu 03)"),
            "stop": self.tr("thông báo dừng giải quyết hồ sơ"),
            "apology": self.tr("phiếu xin lỗi, hẹn lại (Mẫu 04)"),
            "control": self.tr("phiếu kiểm soát (Mẫu 05)"),
        }.get(kind, kind)


def _person(p: Any) -> str:
    return f"{p.name} — {p.id_number}" if p.id_number else p.name
