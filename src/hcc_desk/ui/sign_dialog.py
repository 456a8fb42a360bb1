"""Ký số: the officer signs a saved dossier's paper, one of its files (the result document), or
all its digitised papers with their token. Shows whose certificate is on the token when it can be read without the PIN, asks for the
PIN (not echoed), signs on the task runner and shows the result. The PIN field is emptied as soon
as the PIN is taken and when the dialog closes; the PIN is handed to the service as a bytearray
that the service zeroes after the token's login. The layout is forms/sign_dialog.ui."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.forms.ui_sign_dialog import Ui_SignDialog
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.services.signing import SigningService, SignReport

log = logging.getLogger(__name__)
_NAME_CHARS = 160  # the paper's name in the title; the whole of it is the tooltip
_MIN_WIDTH = 480


class SignDialog(QDialog):
    """``position``: the paper to sign; None signs every digitised paper of the dossier.
    ``attachment_uuid``: sign that one file of the dossier instead (the result document, which
    has no paper position), named ``paper_name``.
    Signals: signed(SignReport) once something was signed (the caller reloads its lists)."""

    signed = Signal(object)

    def __init__(
        self,
        signing: SigningService,
        runner: TaskRunner,
        officer: str,
        code: str,
        position: int | None,
        paper_name: str | None = None,
        parent: QWidget | None = None,
        *,
        attachment_uuid: str | None = None,
    ):
        super().__init__(parent)
        self.signing, self.runner, self.officer = signing, runner, officer
        self.code, self.position, self.attachment_uuid = code, position, attachment_uuid
        self.report: SignReport | None = None
        self._busy = False
        self.ui = ui = Ui_SignDialog()
        ui.setupUi(self)
        self.pin, self.ok_button, self.cancel_button = ui.pin, ui.ok_button, ui.cancel_button
        self.setWindowTitle(i18n.tr("sign_dialog.title", code=code))
        if position is None and attachment_uuid is None:
            ui.what_label.setText(i18n.tr("sign_dialog.all", code=code))
        else:
            name = paper_name or str(position if attachment_uuid is None else attachment_uuid)
            short = name if len(name) <= _NAME_CHARS else name[: _NAME_CHARS - 1] + "…"
            ui.what_label.setText(i18n.tr("sign_dialog.one", paper=short))
            ui.what_label.setToolTip(name)
        ui.error_label.hide()
        ui.signer_label.setText(i18n.tr("sign_dialog.signer_reading"))
        self.ok_button.clicked.connect(self.sign)
        self.cancel_button.clicked.connect(self.reject)
        self.pin.setFocus()
        if not signing.config().library:  # settings are in memory: no disk on this thread
            self._show_error(i18n.tr("signing.no_library"))
            ui.signer_label.clear()
            self.pin.setEnabled(False)
            self.ok_button.setEnabled(False)
            self.cancel_button.setFocus()
            self._refit()
            return
        self._refit()
        runner.io(signing.signer_name, on_done=self._signer, on_error=self._no_signer, owner=self)

    # -- the certificate, before the PIN ------------------------------------------------------
    def _signer(self, name: str | None) -> None:
        if name:
            self.ui.signer_label.setText(i18n.tr("sign_dialog.signer", signer=name))
        else:
            self.ui.signer_label.setText(i18n.tr("sign_dialog.signer_unknown"))
        self._refit()

    def _no_signer(self, failure: Failure) -> None:
        # Only a hint: the signing itself says what is wrong with the token.
        log.info("signer not read before the PIN: %s", type(failure.exc).__name__)
        self._signer(None)

    # -- signing ------------------------------------------------------------------------------
    def sign(self) -> None:
        if self._busy or self.report is not None:
            return
        typed = self.pin.text()
        self.pin.clear()  # taken: the field holds it no longer
        if not typed:
            self._show_error(i18n.tr("digitise.pin_empty"))
            self.pin.setFocus()
            return
        pin = bytearray(typed.encode("utf-8"))  # zeroed by the service after the login
        del typed
        self._set_busy(True)
        signing, code, position, officer = self.signing, self.code, self.position, self.officer
        file_uuid = self.attachment_uuid
        if file_uuid is not None:
            job = lambda: signing.sign_attachment(code, file_uuid, pin, officer)  # noqa: E731
        elif position is None:
            job = lambda: signing.sign_all(code, pin, officer)  # noqa: E731
        else:
            job = lambda: signing.sign_paper(code, position, pin, officer)  # noqa: E731
        self.runner.io(job, on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, report: SignReport) -> None:
        self._set_busy(False)
        self.report = report
        lines = []
        if report.signed:
            lines.append(i18n.tr("sign_dialog.done", n=len(report.signed), signer=report.signer))
        else:
            lines.append(i18n.tr("sign_dialog.nothing_signed"))
        if report.skipped:
            lines.append(i18n.tr("sign_dialog.skipped", papers=", ".join(report.skipped)))
        self.ui.status_label.setText("\n".join(lines))
        if report.failed:
            self._show_error(
                "\n".join(
                    i18n.tr("sign_dialog.failed", paper=name, reason=i18n.text(why))
                    for name, why in report.failed
                )
            )
        self.pin.setEnabled(False)
        self.ok_button.hide()
        self.cancel_button.setText(self.tr("Đóng"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self._refit()
        if report.signed:
            self.signed.emit(report)

    def _failed(self, failure: Failure) -> None:
        self._set_busy(False)
        self.ui.status_label.clear()
        if errors.is_expected(failure.exc):
            self._show_error(i18n.text(failure.exc))
        else:  # a bug: the log has it (never the PIN: it is in no exception's text)
            log.error("signing failed unexpectedly:\n%s", failure.traceback_text)
            self._show_error(i18n.tr("sign_dialog.unexpected"))
        self.pin.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        # Progress is the status line and a busy cursor: an animated busy bar (a QProgressBar
        # of range 0..0) crashed Qt's painting now and then while a worker thread ran.
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        self.pin.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)  # a token mid-signature cannot be stopped
        if busy:
            self.ui.error_label.hide()
            self.ui.status_label.setText(i18n.tr("sign_dialog.working"))

    def _show_error(self, text: str) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        self._refit()

    def _refit(self) -> None:
        """Tall enough for the wrapped texts now shown (a catalogue's paper name can take several
        lines), never narrower than the form's width."""
        width = max(self.width(), _MIN_WIDTH)
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else self.height()
        self.resize(width, max(height, self.minimumSizeHint().height()))

    # -- closing ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        if self._busy:
            return  # Esc while the token signs: the result still has to be shown
        self.pin.clear()
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        if self._busy:
            event.ignore()
            return
        self.pin.clear()
        super().closeEvent(event)
