"""Officer login.  The password check (argon2, database) runs on the database lane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.forms.ui_login_dialog import Ui_LoginDialog
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer


class LoginDialog(QDialog):
    """Signals: logged_in(object) with the Officer."""

    logged_in = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        centre_name: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.officer: Officer | None = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.ui.error_label.hide()
        if centre_name:
            self.ui.centre_label.setText(centre_name)
        self.ui.username.setText(username)
        self.ui.login_button.clicked.connect(self.attempt)
        self.ui.quit_button.clicked.connect(self.reject)

    def set_centre(self, name: str) -> None:
        self.ui.centre_label.setText(name)

    def setVisible(self, visible: bool) -> None:
        # Not showEvent: a Python showEvent makes PySide build QEvent's 179-member Type enum
        # while the first window is shown, which the officer would wait for at every start.
        super().setVisible(visible)
        if visible:
            (self.ui.password if self.ui.username.text() else self.ui.username).setFocus()

    def attempt(self) -> None:
        username, password = self.ui.username.text().strip(), self.ui.password.text()
        if not username:
            self._error(self.tr("Nhập tên đăng nhập."))
            self.ui.username.setFocus()
            return
        self.ui.login_button.setEnabled(False)
        self.runner.db(
            lambda: self.ctx.auth.login(username, password),
            on_done=self._succeeded,
            on_error=self._failed,
            owner=self,
        )

    def _succeeded(self, officer: Officer) -> None:
        self.officer = officer
        self.logged_in.emit(officer)
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self.ui.login_button.setEnabled(True)
        if not errors.is_expected(failure.exc):
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
            return
        self._error(i18n.text(failure.exc))
        self.ui.password.clear()
        self.ui.password.setFocus()

    def _error(self, text: str) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()

    def error_text(self) -> str:
        return self.ui.error_label.text() if not self.ui.error_label.isHidden() else ""
