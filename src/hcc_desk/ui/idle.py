"""Idle lock: after N minutes without keyboard or mouse input, ask for the officer's password.

An application-wide event filter restarts a single-shot timer on every input event.  Locking
only covers the window: the dossier being typed stays in its widgets (and in its draft).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.forms.ui_lock_dialog import Ui_LockDialog
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    """Signals: idle() once the officer has not touched anything for the configured time."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        """0 or less switches the lock off."""
        self._ms = int(minutes * 60_000)
        self.restart()

    def restart(self) -> None:
        if self._ms > 0:
            self._timer.start(self._ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def remove(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False


class LockDialog(QDialog):
    """Modal until the right password is typed; Esc and the close button do nothing."""

    unlocked = Signal()

    def __init__(
        self, ctx: AppContext, runner: TaskRunner, officer: Officer, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.runner, self.officer = ctx, runner, officer
        self.ui = Ui_LockDialog()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setModal(True)
        self.ui.error_label.hide()
        self.ui.officer_label.setText(
            i18n.tr("lock.enter_password", name=officer.full_name, username=officer.username)
        )
        self.ui.unlock_button.clicked.connect(self.attempt)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.ui.password.setFocus()

    def reject(self) -> None:
        """Esc must not unlock."""

    def attempt(self) -> None:
        password = self.ui.password.text()
        username = self.officer.username
        auth = self.ctx.auth
        check = (
            (lambda: auth.verify(username, password))
            if hasattr(auth, "verify")
            else (lambda: bool(auth.login(username, password)))
        )
        self.ui.unlock_button.setEnabled(False)
        self.runner.db(check, on_done=self._checked, on_error=self._failed, owner=self)

    def _checked(self, ok: bool) -> None:
        self.ui.unlock_button.setEnabled(True)
        if ok:
            self.unlocked.emit()
            self.done(QDialog.DialogCode.Accepted)
            return
        self._wrong(self.tr("Mật khẩu không đúng."))

    def _failed(self, failure: Failure) -> None:
        self.ui.unlock_button.setEnabled(True)
        if not errors.is_expected(failure.exc):
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
            return
        self._wrong(i18n.text(failure.exc))

    def _wrong(self, text: str) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        self.ui.password.clear()
        self.ui.password.setFocus()
