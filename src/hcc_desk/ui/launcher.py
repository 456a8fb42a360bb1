"""``run_gui``: the application's windows in order — first-run setup, login, main window.

Windows are shown non-modally one after the other inside a single event loop (no nested
``exec()``), so ``exit_when_ready`` can stop the loop right after the first one appears; that is
what the start-up benchmark and the installer's smoke test measure.  Each window's module is
imported only when it is needed.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from hcc_desk.ui import errors, i18n, qt_log, style
from hcc_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer


class Flow(QObject):
    """Owns the sequence of windows and the task runner they share."""

    damaged = Signal(object)  # from the warm-up thread: the database was set aside

    def __init__(self, ctx: AppContext, exit_when_ready: bool = False):
        super().__init__()
        self.damaged.connect(self.show_recovery)
        self.ctx = ctx
        self.exit_when_ready = exit_when_ready
        self.runner = TaskRunner(self)
        self.window: QWidget | None = None
        self._first_shown = False

    def begin(self) -> None:
        # A damaged database set aside earlier: the login, whose warm-up offers the backup
        # (never the setup screen for a centre that has data).
        if self.ctx.is_set_up() or self.ctx.recovery_pending():
            self.show_login()
        else:
            self.show_setup()

    def _show(self, window: QWidget) -> None:
        self.window = window
        window.show()
        if QApplication.platformName() != "offscreen":  # headless runs: no stacking to change
            window.raise_()
            window.activateWindow()
        if self.exit_when_ready and not self._first_shown:
            QTimer.singleShot(0, lambda: QApplication.exit(0))
        elif not self._first_shown:
            # Load the store and services while the officer reads the first window and types:
            # nothing on the GUI thread waits for SQLAlchemy/Alembic/reportlab imports.
            self._start_warm_up()
        self._first_shown = True

    def _start_warm_up(self) -> None:
        threading.Thread(target=self._warm_up, name="warm-up", daemon=True).start()

    def _warm_up(self) -> None:
        """On the warm-up thread (which also runs the start-up integrity check)."""
        from hcc_desk.services.backups import DatabaseDamaged

        try:
            self.ctx.warm_up()
        except DatabaseDamaged as exc:
            self.damaged.emit(exc)

    def show_recovery(self, damage: Any) -> None:
        from hcc_desk.ui.recovery_dialog import RecoveryDialog

        previous = self.window
        dialog = RecoveryDialog(self.ctx, self.runner, damage)
        dialog.restored.connect(self._restored)
        dialog.rejected.connect(QApplication.quit)
        self._show(dialog)
        if previous is not None:
            previous.blockSignals(True)  # hiding it must not quit the application
            previous.hide()
            previous.deleteLater()

    def _restored(self) -> None:
        self.show_login()
        self._start_warm_up()

    def show_setup(self) -> None:
        from hcc_desk.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(self.ctx, self.runner)
        wizard.completed.connect(self.show_login)
        wizard.rejected.connect(QApplication.quit)
        self._show(wizard)

    def show_login(self, username: str = "") -> None:
        from hcc_desk.ui.login import LoginDialog

        # The centre's name comes from a plain sqlite3 peek, so the login appears at once.
        dialog = LoginDialog(self.ctx, self.runner, self.ctx.peek_centre_name(), username)
        dialog.logged_in.connect(self.show_main)
        dialog.rejected.connect(QApplication.quit)
        self._show(dialog)

    def show_main(self, officer: Officer) -> None:
        from hcc_desk.ui.main_window import MainWindow

        window = MainWindow(self.ctx, officer, self.runner)
        self._show(window)
        window.start()


def run_gui(
    ctx: AppContext, exit_when_ready: bool = False, argv: Sequence[str] | None = None
) -> int:
    """Run the desk's GUI on an open AppContext; returns the process exit code."""
    restore_qt_messages = qt_log.install()  # before the QApplication: its own warnings count too
    app = QApplication.instance() or QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("HCC Desk")
    app.setOrganizationName("HCC Desk")
    i18n.install(app, ctx.quick_setting("language"))
    style.apply(app)
    previous_hook = sys.excepthook
    sys.excepthook = errors.excepthook
    flow = Flow(ctx, exit_when_ready)
    try:
        flow.begin()
        return app.exec()
    finally:
        if flow.window is not None:
            flow.window.close()  # queues the last draft save and the logout: no waiting there
        flow.runner.shutdown()  # they finish before the caller closes the store
        sys.excepthook = previous_hook
        restore_qt_messages()
