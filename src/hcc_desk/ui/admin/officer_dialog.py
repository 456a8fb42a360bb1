"""Add an officer, or set a new password for one. The service checks everything (names,
password policy, admin role); the dialog shows its field errors and stays open until it works."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desk.ui.admin.common import error_label, failure_handler
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
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.username_edit = QLineEdit(self)
        self.full_name_edit = QLineEdit(self)
        self.role_combo = QComboBox(self)
        for role in ("officer", "supervisor", "admin"):
            self.role_combo.addItem(role_name(role), role)
        self.password_edit = QLineEdit(self)
        self.confirm_edit = QLineEdit(self)
        for edit in (self.password_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        if username is None:
            self.username_edit.setPlaceholderText(self.tr("vd. lan.nguyen (chữ thường không dấu)"))
            form.addRow(
                self._label(self.tr("&Tên đăng nhập:"), self.username_edit), self.username_edit
            )
            form.addRow(
                self._label(self.tr("&Họ và tên:"), self.full_name_edit), self.full_name_edit
            )
            form.addRow(self._label(self.tr("&Vai trò:"), self.role_combo), self.role_combo)
        else:
            form.addRow(QLabel(self.tr("Cán bộ:"), self), QLabel(username, self))
        form.addRow(self._label(self.tr("&Mật khẩu:"), self.password_edit), self.password_edit)
        form.addRow(
            self._label(self.tr("&Nhập lại mật khẩu:"), self.confirm_edit), self.confirm_edit
        )
        hint = QLabel(
            self.tr(
                "Ít nhất 10 ký tự (quản trị: 12), không trùng tên đăng nhập, không "
                "phải mật khẩu phổ biến."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        outer.addWidget(hint)
        self.error = error_label(self)
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("&Lưu") if username else self.tr("Tạo tài &khoản"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(self.tr("Huỷ (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)  # Enter in any field submits
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

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

            ok_text = self.tr("Đã tạo tài khoản %1.")
        else:
            username = self.username

            def job():
                service.reset_password(admin, username, password, confirm)
                return username

            ok_text = self.tr("Đã đặt mật khẩu mới cho %1.")
        self.runner.db(
            job,
            on_done=lambda name: self._accepted(ok_text.replace("%1", name)),
            on_error=failure_handler(self, self.error, lambda: self.ok_button.setEnabled(True)),
            owner=self,
        )

    def _accepted(self, text: str) -> None:
        self.done.emit(text)
        self.accept()
