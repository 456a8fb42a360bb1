"""Scan or import the pages of one checklist paper, and review them.

The panel has a *target* (which paper of which dossier or draft); its pages live in a
CaptureSession of the spool, opened when the first page is scanned or imported. Scanning runs
on its own thread (ScanJob) so the officer keeps typing; pages appear as thumbnails as they are
written to disk. A scanner fault stops the batch with a message and keeps every page already
scanned; "Tiếp tục quét" starts the next batch into the same paper.

Keyboard: F7 scans (anywhere in the host screen), Shift+F7 stops, Ctrl+O adds files. The layout
is forms/scan_panel.ui.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hcc_desk.core.capture.model import ScanFault
from hcc_desk.ui import errors, i18n
from hcc_desk.ui.capture.file_import import FileImporter
from hcc_desk.ui.capture.page_model import dropped_files
from hcc_desk.ui.capture.page_review import PageReview
from hcc_desk.ui.capture.profile_chooser import ProfileChooser
from hcc_desk.ui.capture.scan_job import ScanJob
from hcc_desk.ui.forms.ui_scan_panel import Ui_ScanPanel
from hcc_desk.ui.tasks import Failure, TaskRunner

# Faults after which the scanner may have a new name or be back: look for it before retrying.
_SEARCH_FIRST = {
    ScanFault.DISCONNECTED,
    ScanFault.WORKER_DIED,
    ScanFault.DEVICE_BUSY,
    ScanFault.TIMEOUT,
}


@dataclass(frozen=True)
class PaperTarget:
    """The checklist paper pages go to: ``key`` is the intake draft id (before the dossier is
    saved) or the dossier's uuid; ``position`` the paper's place in that checklist."""

    key: str
    position: int | None
    name: str
    dossier_code: str | None = None


class ScanPanel(QWidget):
    """Signals: pages_changed(session) when a session gained or lost pages (checklist counts);
    scanning_changed(bool); batch_finished(BatchOutcome); files_imported(int pages) after an
    import ended (0 when it failed)."""

    pages_changed = Signal(object)
    scanning_changed = Signal(bool)
    batch_finished = Signal(object)
    files_imported = Signal(int)

    def __init__(
        self,
        capture: Any,
        runner: TaskRunner,
        parent: QWidget | None = None,
        officer_username: str | None = None,
    ):
        super().__init__(parent)
        self.capture, self.runner, self.officer_username = capture, runner, officer_username
        # Extra keyword arguments for CaptureService.scan (raw device options, e.g. a vendor
        # switch; tests use them to make the SANE test device fail mid-batch).
        self.scan_options: dict = {}
        self.target: PaperTarget | None = None
        self.job: ScanJob | None = None
        self._batch_pages = 0
        self._insert_at: int | None = None
        self._retry_after_search = False
        self._scan_after_search: tuple[int | None] | None = None
        self.importer = FileImporter(runner, self)
        self.importer.finished.connect(self._files_done)
        self._build()
        self.setAcceptDrops(True)
        self._sync()

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        # The scanner chooser and the page review need the capture service and the runner,
        # which a form cannot pass: they take their places in the form's layout here. The
        # chooser is made first so that Tab reaches it before the scan buttons.
        self.chooser = ProfileChooser(self.capture, self.runner, self)
        self.ui = ui = Ui_ScanPanel()
        ui.setupUi(self)
        self.title, self.status, self.progress = ui.title, ui.status, ui.progress
        self.scan_button, self.files_button = ui.scan_button, ui.files_button
        self.cancel_button, self.faults = ui.cancel_button, ui.faults
        ui.outer.insertWidget(1, self.chooser)
        self.review = PageReview(self.runner, self)
        ui.outer.addWidget(self.review, 1)
        self.chooser.devices_loaded.connect(self._on_devices_loaded)
        self.faults.continue_requested.connect(self.continue_batch)
        self.faults.retry_requested.connect(self.retry)
        self.review.insert_scan_requested.connect(lambda at: self.scan(insert_at=at))
        self.review.insert_files_requested.connect(lambda at: self.add_files(insert_at=at))
        self.review.files_dropped.connect(lambda paths, at: self.add_files(paths, insert_at=at))
        self.review.changed.connect(self._review_changed)
        self.scan_button.clicked.connect(lambda: self.scan())
        self.files_button.clicked.connect(lambda: self.add_files())
        self.cancel_button.clicked.connect(self.cancel)

    def install_shortcuts(self, host: QWidget) -> None:
        """F7 / Shift+F7 / Ctrl+O anywhere inside ``host`` (the intake screen, a dialog). Call
        once, for one host: two hosts around the same focus would make the keys ambiguous."""
        for key, slot in (
            ("F7", lambda: self.scan()),
            ("Shift+F7", self.cancel),
            ("Ctrl+O", lambda: self.add_files()),
        ):
            shortcut = QShortcut(QKeySequence(key), host)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def start(self) -> None:
        """Load the counter's scan profile and look for scanners (in the background)."""
        self.chooser.start()

    # -- target -------------------------------------------------------------------------------
    def set_target(self, target: PaperTarget | None) -> None:
        """Show the pages of ``target`` (no session is created until a page arrives)."""
        self.target = target
        session = self.existing_session(target) if target is not None else None
        if session is not self.review.session:
            self.review.set_session(session)
        self._sync()

    def existing_session(self, target: PaperTarget) -> Any:
        """The target paper's session: by key, or (a saved dossier) any session already marked
        with the dossier for that paper, e.g. one whose attach was refused."""
        for session in self.capture.spool.sessions():
            if session.paper_position != target.position:
                continue
            if session.key == target.key or (
                target.dossier_code and session.dossier_code == target.dossier_code
            ):
                return session
        return None

    def show_session(self, session: Any) -> None:
        """Review a session found in the spool (crash recovery, a saved dossier's paper)."""
        self.target = PaperTarget(
            session.key, session.paper_position, session.paper_name, session.dossier_code
        )
        self.review.set_session(session)
        self._sync()

    def session(self) -> Any:
        """The target's session, opened (created on disk) now if needed."""
        if self.target is None:
            return None
        if self.review.session is None:
            t = self.target
            self.review.set_session(
                self.capture.spool.open_session(
                    t.key, t.position, t.name, dossier_code=t.dossier_code
                )
            )
        return self.review.session

    # -- scanning -----------------------------------------------------------------------------
    def is_scanning(self) -> bool:
        return self.job is not None

    def is_busy(self) -> bool:
        """Pages are still arriving (a batch or a file import)."""
        return self.job is not None or self.importer.running > 0

    def scan(self, insert_at: int | None = None) -> bool:
        """Start a batch into the target paper; False (with a message) when it cannot start."""
        if self.job is not None:
            return False
        if self.target is None:
            self.faults.show_error(
                self.tr("Chọn giấy tờ cần quét trong danh sách thành phần hồ sơ trước.")
            )
            return False
        profile = self.chooser.profile()
        if profile is None and not self.chooser.searched:
            # First scan on this PC: find the scanner, then scan with it.
            self._scan_after_search = (insert_at,)
            self.chooser.find_devices()
            return False
        if profile is None:
            self.faults.show_error(
                self.tr(
                    "Không thấy máy quét nào. Kiểm tra cáp và nguồn rồi bấm "
                    "Tìm máy quét, hoặc Thêm tệp… để lấy trang từ tệp."
                )
            )
            return False
        try:
            session = self.session()
        except OSError as exc:
            self.faults.show_error(i18n.tr("scan_panel.folder_failed", reason=str(exc)))
            return False
        self.faults.clear()
        self._batch_pages = 0
        self._insert_at = insert_at
        job = ScanJob(
            self.capture,
            session,
            profile,
            self,
            officer_username=self.officer_username,
            options=self.scan_options,
        )
        job.page_arrived.connect(self._on_page)
        job.progress.connect(self._on_progress)
        job.outcome.connect(self._on_outcome)
        job.crashed.connect(self._on_crash)
        job.finished.connect(job.deleteLater)
        self.job = job
        self.review.set_editable(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Đang quét trang 1…"))
        self._sync()
        self.scanning_changed.emit(True)
        job.start()
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Đang dừng sau trang này…"))
            self.cancel_button.setEnabled(False)

    def continue_batch(self) -> None:
        """After a fault: the next batch goes after the pages of the interrupted one."""
        at = None if self._insert_at is None else self._insert_at + self._batch_pages
        self.scan(insert_at=at)

    def retry(self, fault: Any = None) -> None:
        if fault in _SEARCH_FIRST or self.chooser.profile() is None:
            self._retry_after_search = True
            self.chooser.find_devices()
        else:
            self.continue_batch()

    def _on_devices_loaded(self, count: int) -> None:
        if self._retry_after_search:
            self._retry_after_search = False
            self.continue_batch()
        elif self._scan_after_search is not None:
            (insert_at,), self._scan_after_search = self._scan_after_search, None
            self.scan(insert_at=insert_at)

    def _on_page(self, page: Any) -> None:
        job = self.job
        if job is None:
            return
        session = job.session
        if self._insert_at is not None:
            session.move(page.id, self._insert_at + self._batch_pages)
        self._batch_pages += 1
        if self.review.session is session:
            if self._insert_at is None:
                self.review.page_arrived(page)
            else:
                self.review.refresh(page.id)
        self.progress.setValue(0)
        self.status.setText(
            i18n.tr("scan_panel.progress", n=self._batch_pages, next=self._batch_pages + 1)
        )
        self.pages_changed.emit(session)

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 100))

    def _finish_job(self) -> Any:
        job, self.job = self.job, None
        self.review.set_editable(True)
        self.progress.setValue(0)
        self._sync()
        self.scanning_changed.emit(False)
        if job is not None and self.review.session is job.session:
            self.review.refresh()
        return job

    def _on_outcome(self, outcome: Any) -> None:
        job = self._finish_job()
        count = len(outcome.pages)
        blank = sum(1 for p in outcome.pages if p.blank)
        if outcome.fault is None:
            text = i18n.tr("scan_panel.finished", n=count)
        elif outcome.fault == ScanFault.CANCELLED:
            text = i18n.tr("scan_panel.stopped", n=count)
        else:
            text = i18n.tr("scan_panel.interrupted", n=count)
            self.faults.show_fault(outcome.fault, self._kept(job), outcome.detail)
        if blank:
            text += " " + i18n.tr("scan_panel.blank_pages", n=blank)
        self.status.setText(text)
        if job is not None:
            self.pages_changed.emit(job.session)
        self.batch_finished.emit(outcome)

    def _kept(self, job: Any) -> int:
        try:
            return len(job.session.pages()) if job is not None else self._batch_pages
        except OSError:
            return self._batch_pages

    def _on_crash(self, failure: Failure) -> None:
        job = self._finish_job()
        if job is not None:
            self.pages_changed.emit(job.session)
        if errors.is_expected(failure.exc):
            self.faults.show_error(i18n.text(failure.exc))
        else:
            # Still an unexpected bug, but the pages on disk and the rest of the screen are fine.
            self.faults.show_error(self.tr("Lỗi khi quét; các trang đã quét vẫn được giữ."))
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
        self.status.setText("")

    # -- files --------------------------------------------------------------------------------
    def add_files(self, paths: list[Path] | None = None, insert_at: int | None = None) -> None:
        """Import files as pages of the target paper (asks for them when ``paths`` is None)."""
        if self.target is None:
            self.faults.show_error(
                self.tr("Chọn giấy tờ trong danh sách thành phần hồ sơ trước khi thêm tệp.")
            )
            return
        if paths is None:
            self.importer.ask(self, lambda chosen: self.add_files(chosen, insert_at))
            return
        if not paths:
            return
        try:
            session = self.session()
        except OSError as exc:
            self.faults.show_error(str(exc))
            return
        self.status.setText(i18n.tr("scan_panel.adding_files", n=len(paths)))
        self.importer.start(session, paths, insert_at)
        self._sync()

    def _files_done(self, session: Any, pages: list, error: str | None) -> None:
        self._sync()
        self.status.setText(i18n.tr("scan_panel.added_from_files", n=len(pages)) if pages else "")
        if self.review.session is session:
            self.review.refresh(pages[0].id if pages else None)
        self.pages_changed.emit(session)
        if error:
            self.faults.show_error(error)
        self.files_imported.emit(len(pages))

    def dragEnterEvent(self, event: Any) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: Any) -> None:
        paths = dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # -- state --------------------------------------------------------------------------------
    def _review_changed(self) -> None:
        if self.review.session is not None and self.job is None:
            self.pages_changed.emit(self.review.session)
        self._sync()

    def _sync(self) -> None:
        scanning = self.job is not None
        has_target = self.target is not None
        self.scan_button.setEnabled(has_target and not scanning)
        self.files_button.setEnabled(has_target and not scanning and not self.importer.running)
        self.cancel_button.setEnabled(scanning)
        self.cancel_button.setVisible(scanning)
        self.progress.setVisible(scanning)
        if self.target is None:
            self.title.setText(
                escape(
                    self.tr(
                        "Chọn một giấy tờ trong danh sách thành phần hồ sơ để quét hoặc thêm tệp."
                    )
                )
            )
        else:
            count = len(self.review.pages())
            name = f"<b>{escape(self.target.name or self.tr('(chưa đặt tên)'))}</b>"
            # The name is escaped HTML already; the catalogue text itself has no markup.
            self.title.setText(
                escape(i18n.tr("scan_panel.paper_title", name="\0", n=count)).replace("\0", name)
            )

    def stop(self, timeout_ms: int = 30_000) -> None:
        """Closing: stop the batch and wait for it (pages scanned so far are on disk)."""
        job = self.job
        if job is not None:
            job.cancel()
            job.wait(timeout_ms)
