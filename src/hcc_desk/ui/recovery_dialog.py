""" "Your database is damaged": where the damaged file went, the newest good backup, the dossiers
that had not reached central (to retake), and an admin's restore of that backup.

Shown by the launcher when the start-up check (on the warm-up thread) set the database aside.
The restore runs on the task runner's database thread; the admin's password is checked against
the backup being restored (the damaged file may not be readable at all). The layout is
forms/recovery_dialog.ui.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from hcc_desk.ui import i18n
from hcc_desk.ui.forms.ui_recovery_dialog import Ui_RecoveryDialog
from hcc_desk.ui.screen_fit import fit_to_screen
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext


class RecoveryDialog(QDialog):
    restored = Signal()

    def __init__(self, ctx: AppContext, runner: TaskRunner, damage: Any, parent: Any = None):
        super().__init__(parent)
        self.ctx, self.runner, self.damage = ctx, runner, damage
        self.ui = ui = Ui_RecoveryDialog()
        ui.setupUi(self)
        self.resize(720, 520)  # the list scrolls, the buttons stay
        fit_to_screen(self)
        ui.intro.setText(i18n.tr("db_recovery.damaged_moved", path=str(damage.damaged)))
        backup = damage.backup
        self.backup_label = ui.backup_label
        self.backup_label.setText(
            i18n.tr(
                "db_recovery.newest_backup",
                file=backup.path.name,
                at=f"{backup.taken_at:%d/%m/%Y %H:%M}",
                n=backup.dossiers,
            )
            if backup is not None
            else self.tr("Không có bản sao lưu dùng được: hãy liên hệ bộ phận hỗ trợ.")
        )
        self.unsynced = ui.unsynced
        self.unsynced.setPlainText(self._unsynced_text())
        self.username, self.password = ui.username, ui.password
        self.error_label = ui.error_label
        self.error_label.hide()
        self.restore_button = QPushButton(self.tr("&Khôi phục bản sao lưu này"))
        self.restore_button.setEnabled(backup is not None)
        ui.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = ui.buttons.addButton(
            self.tr("Th&oát"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.clicked.connect(self.restore)
        ui.buttons.rejected.connect(self.reject)
        for field in (self.username, self.password):
            field.setEnabled(backup is not None)

    def _unsynced_text(self) -> str:
        items = self.damage.unsynced
        if items is None:
            return self.tr("Không đọc được danh sách từ tệp hỏng.")
        if not items:
            return self.tr("Mọi hồ sơ đã gửi lên trung tâm.")
        return "\n".join(f"{u.code}   {u.name}   {u.procedure}" for u in items)

    def restore(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self._error(self.tr("Nhập tên đăng nhập của quản trị viên."))
            return
        self.restore_button.setEnabled(False)
        path, profile = self.damage.backup.path, self.ctx.profile

        def restore() -> Any:  # on the database thread
            from hcc_desk.services.backups import restore_as

            self.ctx.store.close()
            return restore_as(profile, self.ctx.key, path, username, password)

        self.runner.db(restore, on_done=self._restored, on_error=self._failed, owner=self)

    def _restored(self, _result: Any) -> None:
        self.password.clear()
        self.restored.emit()
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self.restore_button.setEnabled(True)
        self.password.clear()
        self._error(i18n.text(failure.exc))

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""
