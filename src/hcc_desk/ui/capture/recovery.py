"""Pages left in the spool by a crash or a power cut, offered back when the intake screen opens.

- pages already marked with a saved dossier (the PC died before or while attaching): attach them;
- pages of an unfinished intake: they come back with that draft (the main window offers it), so
  they are not offered twice; pages whose draft is gone are restored into the intake screen;
- or the officer discards them, after a second question (it cannot be undone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.capture.attaching import AttachReport, attach_recovered
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.services.auth import Officer
    from hcc_desk.services.capture import CaptureService
    from hcc_desk.services.drafts import DraftService
    from hcc_desk.ui.capture.intake_capture import IntakeCapture


class RecoveryOffer(QObject):
    """Signals: finished() when the officer has answered and the work is done."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        capture: CaptureService,
        runner: TaskRunner,
        officer: Officer,
        drafts: DraftService | None = None,
        intake: IntakeCapture | None = None,
    ):
        super().__init__(parent)
        self.widget, self.capture, self.runner, self.officer = parent, capture, runner, officer
        self.drafts, self.intake = drafts, intake
        self.sessions: list[Any] = []
        self.box: QMessageBox | None = None
        self.report: AttachReport | None = None
        self.done = False  # the offer was answered (or there was nothing to offer)

    def check(self) -> None:
        """Look in the spool (in the background); ask only if something is there."""
        capture, drafts, username = self.capture, self.drafts, self.officer.username

        def look() -> tuple[list, set]:
            found = capture.spool.recoverable()
            pending = {d.draft_id for d in drafts.pending(username)} if drafts and found else set()
            return found, pending

        self.runner.io(look, on_done=lambda r: self._found(*r), on_error=self._failed, owner=self)

    def _failed(self, failure: Failure) -> None:
        errors.present_failure(self.widget, failure)
        self._finish()

    def _found(self, sessions: list, pending_drafts: set) -> None:
        current = self.intake.key() if self.intake is not None else None
        self.sessions = [
            s
            for s in sessions
            if s.dossier_code or (s.key not in pending_drafts and s.key != current)
        ]
        if not self.sessions:
            self._finish()
            return
        pages = sum(len(s.pages()) for s in self.sessions)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Trang đã quét chưa lưu"),
            i18n.tr("recovery_offer.question", n=pages),
            QMessageBox.StandardButton.NoButton,
            self.widget,
        )
        box.setInformativeText("\n".join(self._line(s) for s in self.sessions))
        restore = box.addButton(self.tr("Khôi phục"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Bỏ các trang này"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Để sau"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._answer(box.clickedButton(), restore, discard))
        self.box = box
        box.open()

    def _line(self, session: Any) -> str:
        text = i18n.tr(
            "recovery_offer.session_line",
            paper=session.paper_name or self.tr("giấy tờ"),
            n=len(session.pages()),
        )
        if session.dossier_code:
            return text + " " + i18n.tr("recovery_offer.for_dossier", code=session.dossier_code)
        return text + " " + self.tr("— hồ sơ đang nhập chưa lưu")

    def _answer(self, clicked: Any, restore: Any, discard: Any) -> None:
        self.box = None
        if clicked is restore:
            self.restore()
        elif clicked is discard:
            self._confirm_discard()
        else:
            self._finish()  # "later": they are offered again next time

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()

    # -- restore ------------------------------------------------------------------------------
    def restore(self) -> None:
        to_attach = [s for s in self.sessions if s.dossier_code]
        orphans = [s for s in self.sessions if not s.dossier_code]
        if orphans:
            self._restore_into_intake(orphans)
        if not to_attach:
            self._finish()
            return
        capture, username = self.capture, self.officer.username
        self.runner.io(
            lambda: attach_recovered(capture, to_attach, username),
            on_done=self._attached,
            on_error=self._failed,
            owner=self,
        )

    def _restore_into_intake(self, orphans: list[Any]) -> None:
        intake = self.intake
        view = getattr(intake, "view", None)
        if intake is None or view is None:
            return
        if not view.is_blank():
            errors.show_message(
                self.widget,
                self.tr(
                    "Đang nhập dở một hồ sơ khác: lưu hoặc bỏ hồ sơ đó, các trang đã quét sẽ được "
                    "hỏi lại ở lần mở sau."
                ),
                warning=True,
            )
            return
        newest = max(orphans, key=lambda s: s.created_at)
        # The form continues under the pages' draft key: picking the same procedure puts them
        # back on their papers; the newest paper is shown right away.
        view.drafts.adopt(newest.key)
        intake.draft_changed()
        intake.panel.show_session(newest)
        names = ", ".join(s.paper_name for s in orphans if s.key == newest.key)
        view.banner.show(
            "info",
            i18n.tr("recovery_offer.restored_choose_procedure", papers=names),
        )

    def _attached(self, report: AttachReport) -> None:
        self.report = report
        lines = [
            i18n.tr(
                "recovery_offer.attached",
                n=len(report.attached),
                pages=i18n.tr("pages.count", n=report.pages),
            )
        ]
        lines += [f"“{name}”: {i18n.text(exc)}" for name, exc in report.failed]
        errors.show_message(self.widget, "\n".join(lines), warning=bool(report.failed))
        if self.intake is not None:
            self.intake.refresh()
        self._finish()

    # -- discard ------------------------------------------------------------------------------
    def _confirm_discard(self) -> None:
        pages = sum(len(s.pages()) for s in self.sessions)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Bỏ trang đã quét"),
            i18n.tr("recovery_offer.discard", n=pages),
            QMessageBox.StandardButton.NoButton,
            self.widget,
        )
        drop = box.addButton(self.tr("Xoá hẳn"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Giữ lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter must not destroy scans
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._discard_answer(box.clickedButton() is drop))
        self.box = box
        box.open()

    def _discard_answer(self, confirmed: bool) -> None:
        self.box = None
        if not confirmed:
            self._finish()
            return
        sessions, capture, username = list(self.sessions), self.capture, self.officer.username
        self.runner.io(
            lambda: [capture.discard(s, username) for s in sessions],
            on_done=lambda _r: self._finish(),
            on_error=self._failed,
            owner=self,
        )
