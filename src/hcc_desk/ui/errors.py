"""The one place where failures reach the officer.

Two kinds, as in the design: *expected* errors (``hcc_core.errors.ExpectedError`` and its families,
FieldErrors included) become a short message in the interface's language (:func:`message_of`);
everything else is a bug and opens a single crash dialog with a copyable report, also logged.
"""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

# Neither Qt's namespace nor QMessageBox at import: reaching either first builds hundreds of
# enums (Qt.Key alone has 471), a fifth of a bare window's start-up; the first window needs none.
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from hcc_core.errors import ExpectedError
from hcc_desk.ui import i18n
from hcc_desk.ui.screen_fit import fit_to_screen
from hcc_desk.ui.tasks import Failure

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("hcc_desk.ui")
_state: dict[str, Any] = {"dialog": None}


def is_expected(exc: BaseException) -> bool:
    return isinstance(exc, ExpectedError)


def message_of(exc: BaseException) -> str:
    """What the officer reads for an expected error (banner, message box, status line)."""
    return i18n.text(exc)


def build_report(exc_type: type[BaseException], exc: BaseException, tb_text: str) -> str:
    import platform

    from hcc_desk import __version__

    log_files = [getattr(h, "baseFilename", "") for h in logging.getLogger().handlers]
    lines = [
        f"HCC Desk {__version__}",
        f"Time: {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} / Qt {qVersion()} / {platform.platform()}",
        f"Log: {', '.join(f for f in log_files if f) or '-'}",
        "",
        tb_text.rstrip() or f"{exc_type.__name__}: {exc}",
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Shows the report; further crashes while it is open are appended, not stacked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCore import Qt

        from hcc_desk.ui.forms.ui_crash_dialog import Ui_CrashDialog

        self.ui = Ui_CrashDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ui.copy_button.clicked.connect(self.copy_report)
        self.ui.close_button.clicked.connect(self.accept)

    def add_report(self, text: str) -> None:
        current = self.ui.report.toPlainText()
        self.ui.report.setPlainText(f"{current}\n\n{'-' * 40}\n{text}" if current else text)

    def report_text(self) -> str:
        return self.ui.report.toPlainText()

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report_text())
        self.ui.copy_button.setText(self.tr("Đã sao chép"))


def report_bug(
    exc_type: type[BaseException], exc: BaseException, tb_text: str
) -> CrashDialog | None:
    """Log the bug and show it; returns the dialog (None without a QApplication)."""
    text = build_report(exc_type, exc, tb_text)
    log.error("Unexpected error\n%s", text)
    if QApplication.instance() is None:
        print(text, file=sys.stderr)  # noqa: T201 - no window to show it in: the terminal
        return None
    dialog = _state["dialog"]
    if dialog is None:
        dialog = CrashDialog(QApplication.activeWindow())
        dialog.destroyed.connect(lambda *_: _state.update(dialog=None))
        _state["dialog"] = dialog
    dialog.add_report(text)
    dialog.show()
    dialog.raise_()
    return dialog


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    report_bug(exc_type, exc, "".join(traceback.format_exception(exc_type, exc, tb)))


def present_failure(parent: QWidget | None, failure: Failure) -> None:
    """Default handler for a background job that failed."""
    if is_expected(failure.exc):
        show_message(parent, message_of(failure.exc), warning=True)
    else:
        report_bug(type(failure.exc), failure.exc, failure.traceback_text)


def show_message(parent: QWidget | None, text: str, warning: bool = False) -> QMessageBox:
    """A non-blocking message box (``open()``, never ``exec()``): the GUI keeps running."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, "HCC Desk", text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("Common", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
