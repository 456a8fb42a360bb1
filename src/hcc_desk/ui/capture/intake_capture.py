"""Scanning on the intake screen: the scan panel under the checklist, counts in the checklist,
and attaching the pages once the dossier is saved.

Before saving, pages belong to the intake *draft* (spool key = the draft id, paper = the
checklist row), so a restored draft brings its pages back with it. After the save succeeds,
every session of the draft is attached to the new dossier in the background; a refused one
(a size limit) keeps its pages and says what to do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QMessageBox, QVBoxLayout

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.capture.attaching import AttachReport, attach_sessions, plan_for_draft
from hcc_desk.ui.capture.scan_panel import PaperTarget, ScanPanel
from hcc_desk.ui.tasks import Failure, TaskRunner


class IntakeCapture(QObject):
    """Signals: attached(str code, AttachReport) after the pages of a saved dossier were
    attached (or some refused)."""

    attached = Signal(str, object)

    def __init__(self, view: Any, capture: Any, runner: TaskRunner):
        super().__init__(view)
        self.view, self.capture, self.runner = view, capture, runner
        self.table = view.ui.papers_table
        self.group = QGroupBox(self.tr("Bản quét giấy tờ"), view)
        self.panel = ScanPanel(capture, runner, self.group, view.officer.username)
        QVBoxLayout(self.group).addWidget(self.panel)
        column = view.ui.right_column
        column.insertWidget(column.indexOf(view.ui.papers_group) + 1, self.group)
        self.panel.install_shortcuts(view)
        self.table.show_scan_column()
        self.table.current_changed.connect(self._on_current)
        self.table.rows_changed.connect(self.refresh)
        self.panel.pages_changed.connect(self._on_pages_changed)
        self.recovery: Any = None
        self.result_box: QMessageBox | None = None
        self._started = False
        view.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:  # a batch still running at quit: stop it before its thread is torn down
            app.aboutToQuit.connect(self.stop)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and not self._started:
            self._started = True
            QTimer.singleShot(0, self.start)
        return super().eventFilter(watched, event)

    def start(self) -> None:
        """The screen is up: load the scan profile, offer pages left by a crash."""
        self.panel.start()
        self.check_recovery()

    def check_recovery(self) -> None:
        """Offer pages in the spool that belong to no open form (again after drafts were
        dropped: their pages are then offered here)."""
        from hcc_desk.ui.capture.recovery import RecoveryOffer

        if self.recovery is not None and not self.recovery.done:
            return  # still asking
        self.recovery = RecoveryOffer(
            self.view,
            self.capture,
            self.runner,
            self.view.officer,
            drafts=getattr(self.view.ctx, "drafts", None),
            intake=self,
        )
        self.recovery.check()

    # -- the paper being scanned --------------------------------------------------------------
    def key(self) -> str:
        return self.view.drafts.draft_id

    def _target(self, row: int) -> PaperTarget | None:
        if not 0 <= row < self.table.row_count():
            return None
        return PaperTarget(self.key(), row + 1, self.table.paper_name(row))

    def _on_current(self, row: int) -> None:
        self.panel.set_target(self._target(row))

    def refresh(self) -> None:
        """Counts in the checklist, and the panel's paper, for the current draft."""
        counts = self._counts()
        for row in range(self.table.row_count()):
            self.table.set_scan_text(row, self._count_text(counts.get(row + 1, 0)))
        if self.panel.is_scanning():
            return
        row = self.table.current_row()
        if row >= 0:
            self.panel.set_target(self._target(row))
        elif self.panel.target is not None and self.panel.target.key != self.key():
            self.panel.set_target(None)  # another dossier's paper (the form was saved/cleared)
        else:
            self.panel.set_target(self.panel.target)  # same paper, pages re-read

    def _count_text(self, pages: int) -> str:
        return i18n.tr("intake_capture.page_count_short", n=pages) if pages else ""

    def _counts(self) -> dict[int | None, int]:
        try:
            sessions = self.capture.spool.sessions(self.key())
        except OSError:
            return {}
        return {s.paper_position: len(s.pages()) for s in sessions}

    def _on_pages_changed(self, session: Any) -> None:
        if session.key != self.key():
            return
        row = (session.paper_position or 0) - 1
        if 0 <= row < self.table.row_count():
            pages = len(session.pages())
            self.table.set_scan_text(row, self._count_text(pages))
            if pages and not self.table.is_checked(row):
                self.table.set_checked(row, True)  # scanned means received

    def page_count(self) -> int:
        return sum(self._counts().values())

    def discard_draft_pages(self) -> None:
        """The officer dropped the form (after confirming, told the pages go too)."""
        self.panel.stop()
        capture, username = self.capture, self.view.officer.username
        dropped = [s for s in capture.spool.sessions(self.key()) if s.dossier_code is None]
        if dropped:  # each discard is audited in the database: on its lane, in order
            self.runner.db(lambda: [capture.discard(s, username) for s in dropped])
        self.panel.set_target(None)

    def draft_changed(self) -> None:
        """The form now continues another draft (restored): show that draft's pages."""
        self.refresh()

    def form_cleared(self) -> None:
        self.refresh()

    # -- save ---------------------------------------------------------------------------------
    def busy_text(self) -> str | None:
        """Why the dossier cannot be saved right now (pages still arriving), else None."""
        if self.panel.is_busy():
            return self.tr("Đang quét hoặc thêm tệp: chờ xong (hoặc Dừng quét) rồi lưu hồ sơ.")
        return None

    def dossier_saved(self, dossier: Any) -> None:
        """Call before the form is cleared: attach the draft's pages to ``dossier``."""
        try:
            sessions = self.capture.spool.sessions(self.key())
        except OSError as exc:
            errors.show_message(self.view, str(exc), warning=True)
            return
        ticked = [self.table.is_checked(r) for r in range(self.table.row_count())]
        plan = plan_for_draft(sessions, ticked)
        if not plan:
            return
        self.panel.status.setText(i18n.tr("intake_capture.attaching", code=dossier.code))
        capture, username = self.capture, self.view.officer.username
        self.runner.io(
            lambda: attach_sessions(capture, plan, dossier.uuid, dossier.code, username),
            on_done=lambda report: self._attached(dossier.code, report),
            on_error=lambda failure: self._attach_crashed(dossier.code, failure),
            owner=self,
        )

    def _attached(self, code: str, report: AttachReport) -> None:
        self.refresh()
        if report.attached:
            self.panel.status.setText(
                i18n.tr(
                    "intake_capture.attached",
                    n=len(report.attached),
                    pages=i18n.tr("pages.count", n=report.pages),
                    code=code,
                )
            )
        problems = [
            i18n.tr("intake_capture.paper_problem", name=name, problem=i18n.text(exc))
            for name, exc in report.failed
        ]
        problems += [
            i18n.tr("intake_capture.not_received", name=name) for name in report.unassigned
        ]
        if problems:
            self._show_result(code, problems, bool(report.failed))
        self.attached.emit(code, report)

    def _attach_crashed(self, code: str, failure: Failure) -> None:
        self.refresh()
        self.panel.status.setText("")
        errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
        self._show_result(code, [self.tr("Lỗi khi đính kèm; các trang vẫn được giữ.")], True)

    def _show_result(self, code: str, problems: list[str], failed: bool) -> None:
        head = i18n.tr(
            "intake_capture.attach_failed" if failed else "intake_capture.attached_with_notes",
            code=code,
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Bản quét"),
            head,
            QMessageBox.StandardButton.NoButton,
            self.view,
        )
        box.setInformativeText("\n".join(f"• {p}" for p in problems))
        open_button = (
            box.addButton(self.tr("Mở giấy tờ quét của hồ sơ"), QMessageBox.ButtonRole.AcceptRole)
            if failed
            else None
        )
        box.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: self._result_answer(
                open_button is not None and box.clickedButton() is open_button, code
            )
        )
        self.result_box = box
        box.open()

    def _result_answer(self, open_dossier: bool, code: str) -> None:
        self.result_box = None
        if open_dossier:
            self.open_dossier(code)

    def open_dossier(self, code: str) -> Any:
        from hcc_desk.ui.capture.dossier_scan import DossierScanDialog

        dialog = DossierScanDialog(self.view.ctx, self.runner, self.view.officer, code, self.view)
        dialog.open()
        return dialog

    def stop(self) -> None:
        self.panel.stop()
