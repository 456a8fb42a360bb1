"""Pages from files (PDF, JPEG, PNG, TIFF): picked in a dialog or dropped, imported off the GUI
thread (a PDF is rendered page by page) into a capture session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.tasks import Failure, TaskRunner

FILE_FILTER = "PDF, JPEG, PNG, TIFF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"


class FileImporter(QObject):
    """Signals: finished(session, pages, error) — ``pages`` added (those of the files before a
    bad one are kept), ``error`` the officer's message or None."""

    finished = Signal(object, list, object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.dialog: QFileDialog | None = None
        self.running = 0

    def ask(self, parent: QWidget, chosen: Callable[[list[Path]], None]) -> None:
        """The file dialog, opened without blocking; ``chosen`` gets the files picked."""
        if self.dialog is not None:
            return
        dialog = QFileDialog(parent, self.tr("Chọn tệp giấy tờ"), "", FILE_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: chosen([Path(n) for n in names]))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def start(self, session: Any, paths: list[Path], insert_at: int | None) -> None:
        self.running += 1
        files = [Path(p) for p in paths]
        before = {p.id for p in session.pages()}
        self.runner.io(
            lambda: session.insert_files(files, at_index=insert_at),
            on_done=lambda pages: self._done(session, pages, None),
            on_error=lambda failure: self._failed(session, before, failure),
            owner=self,
        )

    def _done(self, session: Any, pages: list, error: str | None) -> None:
        self.running -= 1
        self.finished.emit(session, pages, error)

    def _failed(self, session: Any, before: set, failure: Failure) -> None:
        exc = failure.exc
        kept = [p for p in session.pages() if p.id not in before]
        if not errors.is_expected(exc) and not isinstance(exc, OSError):
            errors.report_bug(type(exc), exc, failure.traceback_text)
            self._done(session, kept, self.tr("Lỗi khi thêm tệp."))
            return
        name = getattr(exc, "path", None) or getattr(exc, "filename", None)
        text = i18n.text(exc) if errors.is_expected(exc) else str(exc)
        self._done(session, kept, f"{Path(name).name}: {text}" if name else text)
