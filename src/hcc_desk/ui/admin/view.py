"""Quản trị: the admin's tab of the main window (officers, settings, calendar and catalogue).
Shown to admins only; the services refuse everyone else anyway (services/admin_*.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from hcc_desk.ui.admin.imports_page import ImportsPage
from hcc_desk.ui.admin.officers_page import OfficersPage
from hcc_desk.ui.admin.settings_page import SettingsPage
from hcc_desk.ui.forms.ui_admin import Ui_AdminView
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer


class AdminView(QWidget):
    def __init__(
        self, ctx: AppContext, officer: Officer, runner: TaskRunner, parent: QWidget | None = None
    ):
        super().__init__(parent)
        from hcc_desk.services.admin_imports import AdminImports
        from hcc_desk.services.admin_officers import AdminOfficers
        from hcc_desk.services.admin_settings import AdminSettings

        # The services only keep references: ctx.store opens on first use, on the worker.
        self.ctx, self.officer, self.runner = ctx, officer, runner
        self.ui = Ui_AdminView()
        self.ui.setupUi(self)  # forms/admin.ui: the tabs; each page is a form of its own
        self.pages = self.ui.pages
        self.officers = OfficersPage(
            AdminOfficers(ctx.store, ctx.credentials), officer, runner, self.pages
        )
        self.settings = SettingsPage(
            AdminSettings(ctx.store, ctx.settings), ctx, officer, runner, self.pages
        )
        self.imports = ImportsPage(
            AdminImports(ctx.store, ctx.calendars), officer, runner, self.pages
        )
        self.pages.addTab(self.officers, self.tr("Cán bộ"))
        self.pages.addTab(self.settings, self.tr("Cài đặt"))
        self.pages.addTab(self.imports, self.tr("Lịch và danh mục"))
        self._started = False

    def start(self) -> None:
        """Load on first show (the main window calls it when the tab is opened)."""
        if not self._started:
            self._started = True
            self.officers.reload()
            self.settings.reload()
        else:
            self.officers.reload()
