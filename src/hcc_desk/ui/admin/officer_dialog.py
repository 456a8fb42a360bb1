"""Add an officer, or set a new password for one. The service checks everything (names,
password policy, admin role); the dialog shows its field errors and stays open until it works.
The layout is forms/officer_dialog.ui."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from hcc_desk.ui import i18n
from hcc_desk.ui.admin.common import failure_handler
from hcc_desk.ui.forms.ui_officer_dialog import Ui_OfficerDialog
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.services.admin_officers import AdminOfficers

ROLE_NAMES = {
    "officer": QT_TRANSLATE_NOOP("Admin", "Cán bộ tiếp nhận"),
    "supervisor": QT_TRANSLATE_NOOP("Admin", "Giám sát"),
    "admin": QT_TRANSLATE_NOOP("Admin", "Quản trị"),
}


def role_name(role: str) -> str:
    return QCoreApplication.translate("Admin", ROLE_NAMES[role]) if role in ROLE_NAMES else role


class OfficerDialog(QDialog):
    """``username`` None: a new officer; else a new password for that officer.
    Emits done(text) once the service has accepted it."""

    done = Signal(str)

    def __init__(
        self,
        service: AdminOfficers,
        admin: str,
        runner: TaskRunner,
        username: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service, self.admin, self.runner, self.username = service, admin, runner, username
        self.setWindowTitle(
            self.tr("Thêm cán bộ") if username is None else self.tr("Đặt lại mật khẩu")
        )
        self.ui = ui = Ui_OfficerDialog()
        ui.setupUi(self)
        self.username_edit, self.full_name_edit = ui.username_edit, ui.full_name_edit
        self.role_combo, self.password_edit = ui.role_combo, ui.password_edit
        self.confirm_edit, self.error, self.buttons = ui.confirm_edit, ui.error, ui.buttons
        self.error.hide()
        for role in ("officer", "supervisor", "admin"):
            self.role_combo.addItem(role_name(role), role)
        # One form for both uses: a new officer fills in who; a reset only names the officer.
        new = username is None
        for field in (ui.username_edit, ui.full_name_edit, ui.role_combo):
            ui.fields.setRowVisible(field, new)
        ui.fields.setRowVisible(ui.officer_name, not new)
        ui.officer_name.setText(username or "")
        self.ok_button = self.buttons.addButton(
            self.tr("&Lưu") if username else self.tr("Tạo tài &khoản"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(self.tr("Huỷ (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)  # Enter in any field submits
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        self.error.hide()
        self.ok_button.setEnabled(False)
        service, admin, password = self.service, self.admin, self.password_edit.text()
        confirm = self.confirm_edit.text()
        if self.username is None:
            username, full_name = self.username_edit.text(), self.full_name_edit.text()
            role = self.role_combo.currentData()

            def job():
                return service.add(admin, username, full_name, role, password, confirm).username

            ok_id = "officer_dialog.created"
        else:
            username = self.username

            def job():
                service.reset_password(admin, username, password, confirm)
                return username

            ok_id = "officer_dialog.password_reset"
        self.runner.db(
            job,
            on_done=lambda name: self._accepted(i18n.tr(ok_id, name=name)),
            on_error=failure_handler(self, self.error, lambda: self.ok_button.setEnabled(True)),
            owner=self,
        )

    def _accepted(self, text: str) -> None:
        self.done.emit(text)
        self.accept()
