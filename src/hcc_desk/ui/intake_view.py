"""The intake screen: scan the citizen's card, pick the procedure, tick the papers, save.

Keyboard-first: the QR field has the focus when the screen opens and after every save; a 2D
scanner "types" the card's QR and Enter, which fills the applicant.  Every change is autosaved
as a draft; Save validates (messages under the fields), submits on the database lane and emits
``submitted`` so the main window can show the receipt.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from hcc_core.domain.text import fold
from hcc_desk.services.intake_request import IntakeRequest
from hcc_desk.ui import errors, i18n, intake_form
from hcc_desk.ui.banner import Banner
from hcc_desk.ui.capture.intake_capture import IntakeCapture
from hcc_desk.ui.drafts import DraftKeeper
from hcc_desk.ui.field_errors import FieldErrorView
from hcc_desk.ui.formatting import appointment_text, parse_date
from hcc_desk.ui.forms.ui_intake import Ui_IntakeForm
from hcc_desk.ui.procedure_picker import ProcedurePicker
from hcc_desk.ui.reuse_panel import ReusePanel
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.app import AppContext
    from hcc_desk.services.auth import Officer

_PAPER_PATH = re.compile(r"^papers\[(\d+)\]")


def load_places_for(ctx: AppContext) -> tuple[Any, Any]:
    """(the bundled places, the centre's own province or None); runs in a worker thread."""
    from hcc_core.domain.places import bundled_places
    from hcc_core.domain.text import fold

    places = bundled_places()
    identity = getattr(getattr(ctx, "setup", None), "identity", None)  # absent in fakes
    centre = fold(identity().centre_name) if identity is not None else ""
    named = [p for p in places.provinces if f" {fold(p.name)}" in f" {centre}"]
    return places, max(named, key=lambda p: len(p.name), default=None)


class IntakeView(QWidget):
    """Signals: submitted(object) with the SubmittedDossier; changed() on any edit."""

    submitted = Signal(object)
    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        officer: Officer,
        runner: TaskRunner,
        parent: QWidget | None = None,
        autosave_ms: int = 1000,
    ):
        super().__init__(parent)
        self.ctx, self.officer, self.runner = ctx, officer, runner
        self.ui = ui = Ui_IntakeForm()
        ui.setupUi(self)
        self.banner = Banner(ui.banner, ui.banner_label, ui.banner_close)
        self.picker = ProcedurePicker(
            ctx.catalogue.search,
            ui.procedure_search,
            ui.procedure_list,
            ui.procedure_info,
            self,
            getattr(ctx.catalogue, "get", None),
            runner,
        )
        self.drafts = DraftKeeper(
            runner, self._save_draft, ctx.drafts.discard, self._snapshot, autosave_ms, self
        )
        self.last_dossier: Any = None
        self._qr_raw: str | None = None
        self._qr_id = ""
        self._restore_papers: list | None = None
        self._submitting = False
        self._errors = FieldErrorView(self._resolve_error_path)
        self._register_errors()
        self._connect()
        capture = getattr(ctx, "capture", None)  # scanning: absent in some test contexts
        self.capture = IntakeCapture(self, capture, runner) if capture is not None else None
        # Signed copies another desk digitised (docs/digitising.md): above the checklist.
        self.reuse_panel = ReusePanel(
            getattr(ctx, "reuse", None), officer.username, runner, ui.papers_table, ui.papers_group
        )
        ui.papers_layout.insertWidget(0, self.reuse_panel)
        self.reuse_panel.changed.connect(self._on_change)
        self._looked_up: tuple[str, str, date] | None = None
        who = ui.submitter.ui
        for edit in (who.id_number, who.full_name, who.date_of_birth):
            edit.editingFinished.connect(self._typed_identity)
        self._appointment_asked = 0
        self._appointment_timer = QTimer(self)
        self._appointment_timer.setInterval(60_000)  # the due time moves as the clock passes 17:00
        self._appointment_timer.timeout.connect(self.update_appointment)
        self._appointment_timer.start()
        self._sync_visibility()
        self.picker.refresh("")
        self.update_appointment()
        self.setFocusProxy(ui.qr_edit)
        # Provinces and communes: a file read, so on the I/O lane; the fields work without.
        runner.io(lambda: load_places_for(ctx), on_done=self._places_ready, owner=self)

    def _places_ready(self, loaded: tuple[Any, Any]) -> None:
        places, default = loaded
        ui = self.ui
        for block in (ui.submitter, ui.owner_person, ui.owner_organisation):
            block.places.set_places(places, default)
            block.places.changed.connect(self._on_change)

    # -- wiring -------------------------------------------------------------------------------
    def _register_errors(self) -> None:
        ui, view = self.ui, self._errors
        ui.submitter.register_errors(view, "submitter")
        ui.owner_person.register_errors(view, "owner_person")
        ui.owner_organisation.register_errors(view, "owner_organisation")
        view.register(
            "procedure_code", ui.err_procedure_code, ui.procedure_search, self.picker.picked
        )
        view.register("papers", ui.err_papers, ui.papers_table, self.picker.picked)
        view.register("sets", ui.err_sets, ui.sets)
        view.register(
            "delivery_address",
            ui.err_delivery_address,
            ui.delivery_address,
            ui.delivery_post.toggled,
        )
        view.register("notes", ui.err_notes, ui.notes)

    def _connect(self) -> None:
        ui = self.ui
        ui.qr_edit.returnPressed.connect(self.read_qr)
        for radio in (ui.kind_individual, ui.kind_organisation, ui.owner_differs, ui.delivery_post):
            radio.toggled.connect(self._sync_visibility)
        self.picker.picked.connect(self._on_procedure)
        self.picker.taken.connect(self._focus_papers)
        ui.papers_table.rows_changed.connect(self._fix_papers_tab_order)
        ui.check_all_button.clicked.connect(ui.papers_table.check_all)
        ui.add_paper_button.clicked.connect(lambda: ui.papers_table.add_row().setFocus())
        ui.save_button.clicked.connect(self.save)
        ui.new_button.clicked.connect(self.request_new)
        for signal in (
            ui.submitter.changed,
            ui.owner_person.changed,
            ui.owner_organisation.changed,
            ui.papers_table.changed,
            self.picker.picked,
            ui.kind_individual.toggled,
            ui.owner_differs.toggled,
            ui.sets.valueChanged,
            ui.delivery_post.toggled,
            ui.delivery_address.textChanged,
            ui.notes.textChanged,
        ):
            signal.connect(self._on_change)

    def _on_change(self, *_args: Any) -> None:
        self.drafts.touch()
        self.changed.emit()

    def _sync_visibility(self, *_args: Any) -> None:
        ui = self.ui
        organisation = ui.kind_organisation.isChecked()
        ui.owner_differs.setVisible(not organisation)
        ui.owner_group.setVisible(organisation or ui.owner_differs.isChecked())
        ui.owner_stack.setCurrentWidget(ui.owner_org_page if organisation else ui.owner_person_page)
        ui.owner_group.setTitle(
            self.tr("Tổ chức (chủ hồ sơ)") if organisation else self.tr("Chủ hồ sơ")
        )
        ui.delivery_address.setEnabled(ui.delivery_post.isChecked())

    # -- QR -----------------------------------------------------------------------------------
    def read_qr(self) -> None:
        raw = self.ui.qr_edit.text()
        if not raw.strip():
            return
        try:
            result = self.ctx.intake.read_qr(raw)
        except Exception as exc:
            if not errors.is_expected(exc):
                raise
            self.banner.show("error", i18n.text(exc))
            self.ui.qr_edit.selectAll()
            return
        person = result.person
        self._qr_raw, self._qr_id = raw, person.id_number
        self.ui.submitter.set_value(person, only_filled=True)
        self.ui.qr_edit.clear()
        name = person.full_name or person.id_number
        warnings = result.warnings
        if warnings:
            self.banner.show(
                "warning",
                i18n.tr("intake_view.card_read_check", name=name),
                [i18n.text(w) for w in warnings],
            )
        else:
            self.banner.show("success", i18n.tr("intake_view.card_read", name=name))
        fields = self.ui.submitter.ui
        (fields.phone if not fields.phone.text() else self.ui.procedure_search).setFocus()
        # In the background: intake never waits on central.
        self._look_up(person.id_number, person.full_name, person.date_of_birth)

    def _typed_identity(self) -> None:
        """The card's facts typed instead of read from its QR (a worn card, no scanner): once
        the ID number, name and birth date are all there, the same look-up."""
        who = self.ui.submitter.ui
        number, name = who.id_number.text().strip(), who.full_name.text().strip()
        try:
            born = parse_date(who.date_of_birth.text())
        except ValueError:
            return  # a date still being typed, or wrong: the form says so at save
        if len(number) == 12 and name and born is not None:
            self._look_up(number, name, born)

    def _look_up(self, number: str, name: str, born: date | None) -> None:
        key = (number, fold(name), born) if born is not None else None
        if key is not None and key == self._looked_up:
            return  # asked already: ticks made meanwhile stay
        self._looked_up = key
        self.reuse_panel.look_up(number, name, born)

    # -- procedure, papers, appointment ---------------------------------------------------------
    def _on_procedure(self, proc: Any) -> None:
        received, self._restore_papers = self._restore_papers, None
        self.ui.papers_table.set_papers(list(proc.papers), received)
        self.reuse_panel.restore(received)  # a restored draft's reused copies, else re-marks
        self.update_appointment()

    def _focus_papers(self) -> None:
        chain = self.ui.papers_table.focus_chain()
        (chain[0] if chain else self.ui.check_all_button).setFocus()

    def _fix_papers_tab_order(self) -> None:
        chain = [
            self.ui.procedure_list,
            self.reuse_panel.list,
            *self.ui.papers_table.focus_chain(),
            self.ui.check_all_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        papers = chain[2:-1]
        self.ui.papers_table.setFocusProxy(papers[0] if papers else None)

    def update_appointment(self) -> None:
        proc = self.picker.current()
        label: QLabel = self.ui.appointment_label
        if proc is None:
            self._appointment_asked += 1  # an answer still on its way is not shown
            label.setText(self.tr("Hẹn trả kết quả: chọn thủ tục để tính ngày hẹn"))
            return
        # Reads the procedure and the calendar: on the database lane; only the latest answer
        # is shown (the officer may have picked another procedure meanwhile).
        self._appointment_asked += 1
        asked, intake, code = self._appointment_asked, self.ctx.intake, proc.code

        def show(due: Any) -> None:
            if asked == self._appointment_asked:
                label.setText(i18n.tr("intake_view.result_due", due=appointment_text(due)))

        def failed(failure: Failure) -> None:
            if asked != self._appointment_asked:
                return
            if not errors.is_expected(failure.exc):
                errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
                return
            label.setText(i18n.text(failure.exc))

        self.runner.db(
            lambda: intake.appointment(code, datetime.now()),
            on_done=show,
            on_error=failed,
            owner=self,
        )

    # -- form state ---------------------------------------------------------------------------
    def collect(self) -> tuple[IntakeRequest, list]:
        qr = self._qr_raw if self.ui.submitter.ui.id_number.text().strip() == self._qr_id else None
        req, local = intake_form.collect(self.ui, self.picker, qr)
        reused = self.reuse_panel.choices()
        for paper in req.papers or []:
            paper.reused = reused.get(paper.name)
        return req, local

    def is_blank(self) -> bool:
        return intake_form.is_blank(self.ui, self.picker)

    def load_request(self, req: IntakeRequest, draft_id: str | None = None) -> None:
        """Show a saved request (a restored draft) and keep saving into the same draft."""
        intake_form.load(self.ui, req)
        self._qr_raw = req.citizen_qr
        self._qr_id = req.submitter.id_number if req.citizen_qr else ""
        if req.procedure_code:
            self._restore_papers = req.papers
            self.picker.select_code(req.procedure_code, on_missing=self._forget_restore)
        if draft_id:
            self.drafts.adopt(draft_id)
        if self.capture is not None:
            self.capture.draft_changed()  # the draft's scanned pages come back with it

    def _forget_restore(self) -> None:
        self._restore_papers = None

    def clear(self) -> None:
        with self.drafts.suspended():
            intake_form.clear(self.ui)
            self.picker.clear()
            self.reuse_panel.clear()
            self._qr_raw, self._qr_id = None, ""
            self._looked_up = None
            self._errors.clear()
            self.update_appointment()
        if self.capture is not None:
            self.capture.form_cleared()
        self.ui.scroll.verticalScrollBar().setValue(0)  # the next applicant starts at the top
        self.ui.qr_edit.setFocus()

    def request_new(self) -> None:
        """F2: start over.  Typed work is kept as a draft unless the officer agrees to drop it."""
        if self.is_blank():
            self.clear()
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Hồ sơ mới"),
            self.tr("Bỏ hồ sơ đang nhập dở và bắt đầu hồ sơ mới?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        if self.capture is not None and self.capture.page_count():
            box.setInformativeText(self.tr("Các trang đã quét của hồ sơ này cũng bị bỏ."))
        drop = box.addButton(self.tr("&Bỏ và nhập mới"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Tiếp tục nhập"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: box.clickedButton() is drop and self._drop_and_clear())
        box.open()

    def _drop_and_clear(self) -> None:
        if self.capture is not None:
            self.capture.discard_draft_pages()
        self.drafts.finish()
        self.clear()
        self.banner.hide()

    def _snapshot(self) -> dict | None:
        return None if self.is_blank() else self.collect()[0].to_json_dict()

    def _save_draft(self, draft_id: str, payload: dict) -> Any:
        return self.ctx.drafts.save(self.officer.username, draft_id, payload)

    # -- save ---------------------------------------------------------------------------------
    def save(self) -> None:
        if self._submitting:
            return
        busy = self.capture.busy_text() if self.capture is not None else None
        if busy is None and self.reuse_panel.busy():
            busy = i18n.tr("reuse_panel.fetching")
        if busy:
            self.banner.show("warning", busy)
            return
        req, local = self.collect()
        self._submitting = True
        self.ui.save_button.setEnabled(False)
        intake, username = self.ctx.intake, self.officer.username
        if local:
            # The form's own errors and the service's for the other fields, shown together;
            # the service reads the catalogue, so it checks on the database lane.
            fields = {e.field for e in local}
            self.runner.db(
                lambda: local + [e for e in intake.validate(req) if e.field not in fields],
                on_done=self._on_checked,
                on_error=self._on_submit_failed,
                owner=self,
            )
            return
        self.banner.show("info", self.tr("Đang lưu hồ sơ…"))
        self.drafts.flush()
        # submit validates first: IntakeRejected comes back with the fields to mark
        self.runner.db(
            lambda: intake.submit(req, username),
            on_done=self._on_submitted,
            on_error=self._on_submit_failed,
            owner=self,
        )

    def _on_checked(self, found: list) -> None:
        self._submitting = False
        self.ui.save_button.setEnabled(True)
        self.show_errors(found)

    def show_errors(self, found: list) -> None:
        unplaced = self._errors.show(found)
        self.banner.show(
            "error",
            self.tr("Hồ sơ chưa hợp lệ, vui lòng sửa các ô được đánh dấu đỏ."),
            [i18n.text(e) for e in unplaced],
        )

    def visible_errors(self) -> dict[str, str]:
        return self._errors.visible_errors()

    def _resolve_error_path(self, path: str) -> tuple[QLabel, QWidget, str] | None:
        match = _PAPER_PATH.match(path)
        if not match:
            return None
        index = int(match.group(1))
        widget = self.ui.papers_table.widget_for_ticked(index) or self.ui.papers_table
        return self.ui.err_papers, widget, i18n.tr("intake_view.paper_number", number=index + 1)

    def _on_submitted(self, dossier: Any) -> None:
        self._submitting = False
        self.ui.save_button.setEnabled(True)
        self.last_dossier = dossier
        if self.capture is not None:
            self.capture.dossier_saved(dossier)  # before the form (and its draft key) is cleared
        self.drafts.finish()
        self.clear()
        self.banner.show(
            "success",
            i18n.tr(
                "intake_view.received", code=dossier.code, due=appointment_text(dossier.due_at)
            ),
        )
        self.submitted.emit(dossier)

    def _on_submit_failed(self, failure: Failure) -> None:
        self._submitting = False
        self.ui.save_button.setEnabled(True)
        exc = failure.exc
        if getattr(exc, "errors", None):
            self.show_errors(list(exc.errors))
        elif errors.is_expected(exc):
            self.banner.show("error", i18n.text(exc))
        else:
            self.banner.hide()
            errors.report_bug(type(exc), exc, failure.traceback_text)
