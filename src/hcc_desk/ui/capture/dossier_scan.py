"""Scanning papers for a dossier that is already saved (from today's list, or after an attach
was refused): its checklist with what is attached and what is waiting, the scan panel, and
"Lưu vào hồ sơ" which attaches the waiting pages as one PDF per paper; beside the scan panel, the
selected paper's details (ui/paper_record_panel.py, Ctrl+I), and "Ký số" (F9) / "Ký số tất cả"
(Shift+F9) to sign the saved copies with the officer's token (ui/sign_dialog.py). Below the
papers, "Kết quả giải quyết": the result document, scanned or added like a paper but kept apart
from the checklist (services/capture.py, ``RESULT_KEY_SUFFIX``), signed with F9 through
``SigningService.sign_attachment``. The layout is forms/scan_dossier.ui; the papers are an item
model (dossier_papers_model)."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from hcc_desk.services.capture import RESULT_KEY_SUFFIX, is_result_file
from hcc_desk.services.signing import SIGNED_SUFFIX
from hcc_desk.ui import errors, i18n
from hcc_desk.ui.capture.attaching import (
    AttachReport,
    attach_recovered,
    dossier_key,
    pending_for_dossier,
)
from hcc_desk.ui.capture.dossier_papers_model import DossierPapersModel
from hcc_desk.ui.capture.scan_panel import PaperTarget, ScanPanel
from hcc_desk.ui.forms.ui_scan_dossier import Ui_DossierScanDialog
from hcc_desk.ui.paper_record_panel import PaperRecordPanel
from hcc_desk.ui.screen_fit import fit_to_screen
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer


class DossierScanDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        officer: Officer,
        code: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.runner, self.officer, self.code = ctx, runner, officer, code
        self.capture = ctx.capture
        self.detail: Any = None
        self.attachments: list = []
        self.report: AttachReport | None = None
        self.close_box: QMessageBox | None = None
        self._saving = False
        self._start_on_result = False  # select_result() before the dossier was loaded
        self.setWindowTitle(i18n.tr("dossier_scan.title", code=code))
        self.resize(1100, 720)
        self.ui = ui = Ui_DossierScanDialog()
        ui.setupUi(self)
        self.heading, self.papers = ui.heading, ui.papers
        self.save_button, self.close_button = ui.save_button, ui.close_button
        self.heading.setText(i18n.tr("dossier_scan.loading", code=code))
        self.paper_rows = DossierPapersModel(self.papers)
        self.papers.setModel(self.paper_rows)
        self.papers.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_paper(current.row())
        )
        # The scan panel needs the capture service, so it is made here; it scrolls on a small
        # screen (1280×720 at 125 %) so Save and Close stay on it.
        self.panel = ScanPanel(self.capture, runner, self, officer.username)
        ui.panel_area.setWidget(self.panel)
        # Tab goes papers → the panel → Save and Close, as before the form.
        last = _last_in_chain(self.panel)
        for first, second in ((last, self.save_button), (self.save_button, self.close_button)):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.close_button, ui.panel_area)
        self.panel.install_shortcuts(self)
        self.panel.pages_changed.connect(lambda _s: self._fill_papers())
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.activated.connect(self.save)
        self._signed_positions: set[int | None] = set()
        self._result: Any = None  # the result document's newest version, once saved
        self.sign_button, self.sign_all_button = ui.sign_button, ui.sign_all_button
        self.sign_button.clicked.connect(self.sign_paper)
        self.sign_all_button.clicked.connect(self.sign_all)
        self.records = PaperRecordPanel(ctx.paper_records, runner, officer.username, self)
        ui.record_area.setWidget(self.records)
        self.records.saved.connect(lambda _view: self._fill_papers())
        for key, slot in (
            ("F9", self.sign_paper),
            ("Shift+F9", self.sign_all),
            ("Ctrl+I", self.show_record),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        ui.split.setStretchFactor(1, 3)
        ui.split.setSizes([320, 780])
        fit_to_screen(self)  # after the layout: its least size counts
        self.load()
        self.panel.start()

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        ctx, code, username = self.ctx, self.code, self.officer.username
        self.runner.db(
            lambda: (ctx.dossiers.detail(code, username), ctx.capture.attachments(code)),
            on_done=lambda r: self._loaded(*r),
            on_error=self._load_failed,
            owner=self,
        )

    def _load_failed(self, failure: Failure) -> None:
        if errors.is_expected(failure.exc):
            self.heading.setText(i18n.text(failure.exc))
        else:
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)

    def _loaded(self, detail: Any, attachments: list) -> None:
        first_load = self.detail is None
        self.detail, self.attachments = detail, attachments
        self.records.load(detail.code)
        self.heading.setText(
            i18n.tr(
                "dossier_scan.heading",
                code=detail.code,
                procedure=detail.procedure.name,
                submitter=detail.submitter.full_name,
            )
        )
        self._fill_papers()
        if first_load and self.paper_rows.rowCount():
            self._set_row(len(detail.papers) if self._start_on_result else 0)
            self.papers.setFocus()

    def _pending(self) -> list[Any]:
        if self.detail is None:
            return []
        return pending_for_dossier(self.capture.spool, self.detail.uuid, self.code)

    def _fill_papers(self) -> None:
        if self.detail is None:
            return
        waiting: dict[int | None, int] = {}
        result_waiting = 0
        for session in self._pending():
            if session.key == self._result_key():
                result_waiting += len(session.pages())
                continue
            waiting[session.paper_position] = waiting.get(session.paper_position, 0) + len(
                session.pages()
            )
        attached: dict[int | None, int] = {}
        signed: set[int | None] = set()
        results = [a for a in self.attachments if a.paper_position is None]
        results = [a for a in results if is_result_file(a.filename)]
        for att in self.attachments:
            if any(att is r for r in results):
                continue  # the result document's own row
            pos = att.paper_position
            if _is_signed(att.filename):
                signed.add(pos)  # a signed version of a copy counted already: not more pages
                continue
            attached[pos] = attached.get(pos, 0) + (att.page_count or 0)
        self._attached, self._signed_positions = attached, signed
        row = self.papers.currentIndex().row()
        rows: list[tuple[int | None, str]] = []
        for paper in self.detail.papers:
            text = f"{paper.position}. {paper.name}"
            notes = []
            done, todo = attached.get(paper.position, 0), waiting.get(paper.position, 0)
            if done:
                notes.append(i18n.tr("dossier_scan.pages_saved", n=done))
            if todo:
                notes.append(i18n.tr("dossier_scan.pages_not_saved", n=todo))
            if paper.position in signed:
                notes.append(i18n.tr("dossier_scan.signed"))
            rows.append((paper.position, text + (f"\n({', '.join(notes)})" if notes else "")))
        self._result = results[-1] if results else None  # listed by age: the newest version
        rows.append((None, self._result_text(results, result_waiting)))
        selection = self.papers.selectionModel()
        selection.blockSignals(True)  # the same paper stays chosen: the panel keeps its target
        self.paper_rows.set_rows(rows)
        self._set_row(row)
        selection.blockSignals(False)
        self.save_button.setEnabled(bool(waiting or result_waiting) and not self._saving)
        self._enable_signing()

    def _result_key(self) -> str:
        return dossier_key(self.detail.uuid) + RESULT_KEY_SUFFIX if self.detail else ""

    def _result_text(self, results: list[Any], waiting: int) -> str:
        notes = []
        pages = sum(a.page_count or 0 for a in results if not _is_signed(a.filename))
        if pages:
            notes.append(i18n.tr("dossier_scan.pages_saved", n=pages))
        if waiting:
            notes.append(i18n.tr("dossier_scan.pages_not_saved", n=waiting))
        if self._result is not None and _is_signed(self._result.filename):
            notes.append(i18n.tr("dossier_scan.signed"))  # its newest version carries it
        text = i18n.tr("dossier_scan.result")
        return text + (f"\n({', '.join(notes)})" if notes else "")

    def is_result_row(self) -> bool:
        row = self.papers.currentIndex().row()
        return self.detail is not None and row == len(self.detail.papers)

    def select_result(self) -> None:
        """The result document's row; called before the dossier is loaded (the return desk
        opens the dialog on it), the row is chosen once the dossier is there."""
        if self.detail is None:
            self._start_on_result = True
        else:
            self._set_row(len(self.detail.papers))

    def _on_paper(self, row: int) -> None:
        if self.detail is None or row < 0:
            self.panel.set_target(None)
            self.records.set_paper(None)
            self._enable_signing()
            return
        if row == len(self.detail.papers):  # the result document: no checklist paper, no record
            self.records.set_paper(None)
            self._enable_signing()
            name = i18n.tr("dossier_scan.result")
            self.panel.set_target(PaperTarget(self._result_key(), None, name, self.code))
            return
        paper = self.detail.papers[row]
        self.records.set_paper(paper.position)
        self._enable_signing()
        self.panel.set_target(
            PaperTarget(dossier_key(self.detail.uuid), paper.position, paper.name, self.code)
        )

    def _set_row(self, row: int) -> None:
        index = self.paper_rows.index(row, 0)  # invalid for -1: nothing chosen
        self.papers.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _current_paper(self) -> Any:
        row = self.papers.currentIndex().row()
        if self.detail is None or not 0 <= row < len(self.detail.papers):
            return None
        return self.detail.papers[row]

    def _enable_signing(self) -> None:
        """Only a saved copy can be signed (pages still waiting are not in the dossier yet)."""
        attached = getattr(self, "_attached", {})
        paper = self._current_paper()
        if self.is_result_row():
            self.sign_button.setEnabled(getattr(self, "_result", None) is not None)
        else:
            self.sign_button.setEnabled(paper is not None and bool(attached.get(paper.position)))
        self.sign_all_button.setEnabled(any(p is not None for p in attached))

    def show_record(self) -> None:
        self.ui.right_tabs.setCurrentWidget(self.ui.record_tab)
        self.records.ui.kind.setFocus()

    # -- signing ------------------------------------------------------------------------------
    def sign_paper(self) -> Any:
        if not self.sign_button.isEnabled():
            return None
        if self.is_result_row():
            return self._sign_result()
        paper = self._current_paper()
        if paper is None:
            return None
        return self._open_sign_dialog(paper.position, paper.name)

    def _sign_result(self) -> Any:
        """The result document's newest version (its text layer or signed copy when there is
        one; signing a signed one countersigns it, as for a paper)."""
        if self._result is None:
            return None
        name = i18n.tr("dossier_scan.result")
        return self._open_sign_dialog(None, name, attachment_uuid=self._result.uuid)

    def sign_all(self) -> Any:
        if not self.sign_all_button.isEnabled():
            return None
        return self._open_sign_dialog(None, None)

    def _open_sign_dialog(
        self, position: int | None, name: str | None, attachment_uuid: str | None = None
    ) -> Any:
        from hcc_desk.ui.sign_dialog import SignDialog

        dialog = SignDialog(
            self.ctx.signing,
            self.runner,
            self.officer.username,
            self.code,
            position,
            name,
            self,
            attachment_uuid=attachment_uuid,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed.connect(lambda _report: self.load())  # the signed versions, listed
        dialog.open()
        return dialog

    def select_paper(self, position: int) -> None:
        row = self.paper_rows.row_of(position)
        if row >= 0:
            self._set_row(row)

    def waiting_pages(self) -> int:
        return sum(len(s.pages()) for s in self._pending())

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        """Attach every paper's waiting pages (one PDF per paper) in the background."""
        if self._saving or self.detail is None:
            return
        if self.panel.is_busy():
            self.panel.faults.show_error(self.tr("Đang quét hoặc thêm tệp: chờ xong rồi lưu."))
            return
        sessions = self._pending()
        if not sessions:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.panel.status.setText(self.tr("Đang lưu bản quét vào hồ sơ…"))
        capture, username, code = self.capture, self.officer.username, self.code
        self.runner.io(
            lambda: (attach_recovered(capture, sessions, username), capture.attachments(code)),
            on_done=lambda r: self._saved(*r),
            on_error=self._save_failed,
            owner=self,
        )

    def _saved(self, report: AttachReport, attachments: list) -> None:
        self._saving = False
        self.report, self.attachments = report, attachments
        self.panel.set_target(self.panel.target)  # its session is attached now
        self._fill_papers()
        self.panel.status.setText(
            i18n.tr(
                "dossier_scan.saved",
                n=len(report.attached),
                pages=i18n.tr("pages.count", n=report.pages),
            )
        )
        if report.failed:
            self.panel.faults.show_error(
                "\n".join(f"“{name}”: {i18n.text(exc)}" for name, exc in report.failed)
            )

    def _save_failed(self, failure: Failure) -> None:
        self._saving = False
        self._fill_papers()
        self.panel.status.setText("")
        if errors.is_expected(failure.exc):
            self.panel.faults.show_error(i18n.text(failure.exc))
        else:
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)

    # -- closing ------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        waiting = self.waiting_pages() if not self._saving else 0
        if waiting and self.close_box is None:
            self._ask_before_closing(waiting, result)
            return
        self.panel.stop()
        super().done(result)

    def _ask_before_closing(self, waiting: int, result: int) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Trang chưa lưu"),
            i18n.tr("dossier_scan.unsaved_on_close", n=waiting),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        save = box.addButton(self.tr("Lưu vào hồ sơ"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("Để sau (giữ các trang)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda _r: self._close_answer(box.clickedButton(), save, later, result)
        )
        self.close_box = box
        box.open()

    def _close_answer(self, clicked: Any, save: Any, later: Any, result: int) -> None:
        if clicked is save:
            self.close_box = None
            self.save()
        elif clicked is later:
            self.panel.stop()
            QDialog.done(self, result)  # the pages stay in the spool, offered again later
            self.close_box = None
        else:
            self.close_box = None

    def closeEvent(self, event: Any) -> None:
        event.ignore()
        self.done(QDialog.DialogCode.Rejected)


def _is_signed(filename: str) -> bool:
    return PurePath(filename).stem.endswith(SIGNED_SUFFIX)


def _last_in_chain(widget: QWidget) -> QWidget:
    """The last of ``widget``'s descendants in the focus chain (``widget`` if it has none)."""
    last: QWidget = widget
    following = widget.nextInFocusChain()  # typed Optional; a chain always goes on
    while following is not None and widget.isAncestorOf(following):
        last, following = following, following.nextInFocusChain()
    return last
