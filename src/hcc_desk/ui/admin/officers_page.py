"""Cán bộ: the desk's officers (role, active, locked) and what an admin does with them.
Enrolled with central, the list is read-only (central manages officers); only the desk's own
offline lockout can be lifted here. The layout is forms/admin_officers.ui."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hcc_desk.ui import i18n
from hcc_desk.ui.admin.common import failure_handler, show_rows
from hcc_desk.ui.admin.officer_dialog import OfficerDialog, role_name
from hcc_desk.ui.banner import Banner
from hcc_desk.ui.formatting import short_datetime
from hcc_desk.ui.forms.ui_admin_officers import Ui_OfficersPage
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.services.admin_officers import AdminOfficers
    from hcc_desk.services.auth import Officer


class OfficersPage(QWidget):
    """Signals: loaded(OfficerList) after each load."""

    loaded = Signal(object)

    def __init__(
        self,
        service: AdminOfficers,
        officer: Officer,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service, self.officer, self.runner = service, officer, runner
        self.listing: Any = None
        self.dialog: OfficerDialog | None = None
        self.ui = ui = Ui_OfficersPage()
        ui.setupUi(self)
        self.banner = Banner(ui.banner, ui.banner_label, ui.banner_close)
        self.central_note, self.table = ui.central_note, ui.table
        self.central_note.hide()
        self.rows = show_rows(
            self.table,
            [
                self.tr("Tên đăng nhập"),
                self.tr("Họ và tên"),
                self.tr("Vai trò"),
                self.tr("Hoạt động"),
                self.tr("Tạm khoá đến"),
            ],
            1,
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button, self.reset_button = ui.add_button, ui.reset_button
        self.active_button, self.unlock_button = ui.active_button, ui.unlock_button
        self.reload_button = ui.reload_button
        self.add_button.clicked.connect(self.ask_add)
        self.reset_button.clicked.connect(self.ask_reset)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock)
        self.reload_button.clicked.connect(self.reload)
        self._update_buttons()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        service, admin = self.service, self.officer.username
        self.runner.db(
            lambda: service.list(admin),
            on_done=self._show,
            on_error=failure_handler(self),
            owner=self,
        )

    def _show(self, listing: Any) -> None:
        chosen = self.selected()
        self.listing = listing
        self.rows.set_rows(
            [
                [
                    o.username,
                    o.full_name,
                    role_name(o.role),
                    self.tr("Có") if o.active else self.tr("Ngừng"),
                    short_datetime(o.locked_until) if o.locked_until else "",
                ]
                for o in listing.officers
            ]
        )
        self.central_note.setVisible(listing.managed_by_central)
        names = [o.username for o in listing.officers]
        if chosen in names:
            self.table.selectRow(names.index(chosen))
        self._update_buttons()
        self.loaded.emit(listing)

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.listing is None:
            return None
        return self.listing.officers[rows[0].row()].username

    def _selected_row(self) -> Any:
        name = self.selected()
        return (
            next((o for o in self.listing.officers if o.username == name), None) if name else None
        )

    def _update_buttons(self) -> None:
        local = self.listing is not None and not self.listing.managed_by_central
        row = self._selected_row()
        self.add_button.setEnabled(local)
        self.reset_button.setEnabled(local and row is not None)
        self.active_button.setEnabled(
            local and row is not None and row.username != self.officer.username
        )
        self.active_button.setText(
            self.tr("Cho &hoạt động lại")
            if row is not None and not row.active
            else self.tr("&Ngừng hoạt động")
        )
        self.unlock_button.setEnabled(row is not None and row.locked_until is not None)

    # -- actions ------------------------------------------------------------------------------
    def ask_add(self) -> OfficerDialog:
        return self._open(
            OfficerDialog(self.service, self.officer.username, self.runner, None, self)
        )

    def ask_reset(self) -> OfficerDialog | None:
        name = self.selected()
        if name is None:
            return None
        return self._open(
            OfficerDialog(self.service, self.officer.username, self.runner, name, self)
        )

    def _open(self, dialog: OfficerDialog) -> OfficerDialog:
        dialog.done.connect(self._changed)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        service, admin, name, active = (
            self.service,
            self.officer.username,
            row.username,
            not row.active,
        )
        text = i18n.tr(
            "officers_page.reactivated" if active else "officers_page.deactivated", name=name
        )
        self.runner.db(
            lambda: service.set_active(admin, name, active),
            on_done=lambda _r: self._changed(text),
            on_error=failure_handler(self),
            owner=self,
        )

    def unlock(self) -> None:
        name = self.selected()
        if name is None:
            return
        service, admin = self.service, self.officer.username
        text = i18n.tr("officers_page.unlocked", name=name)
        self.runner.db(
            lambda: service.unlock(admin, name),
            on_done=lambda _r: self._changed(text),
            on_error=failure_handler(self),
            owner=self,
        )

    def _changed(self, text: str) -> None:
        self.banner.show("success", text)
        self.reload()
