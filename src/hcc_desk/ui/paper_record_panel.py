"""Thông tin giấy tờ: what the selected paper's digitised copy is (kind, number, issuer, dates,
owner's ID number), checked by the officer and saved with "Xác nhận" (Ctrl+Enter) through
services/paper_records.py. Values suggested from the copy's OCR text are pre-filled when sure
enough (marked "gợi ý từ OCR — hãy kiểm tra"); less sure ones are only offered beside the field
(click, or Ctrl+G in the field, to take one). A checked record says who checked it; a reused copy
says where it came from. The layout is forms/paper_record_panel.ui."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from hcc_core.errors import ExpectedError
from hcc_desk.core.digitise.metadata import PREFILL
from hcc_desk.services.errors import FieldErrors
from hcc_desk.ui import errors, i18n
from hcc_desk.ui.field_errors import FieldErrorView, LocalError
from hcc_desk.ui.formatting import date_text, parse_date
from hcc_desk.ui.forms.ui_paper_record_panel import Ui_PaperRecordPanel
from hcc_desk.ui.tasks import Failure, TaskRunner

if TYPE_CHECKING:
    from hcc_desk.services.paper_records import (
        PaperFields,
        PaperRecordService,
        PaperRecordView,
        Suggestion,
    )

FIELDS = ("kind", "number", "issuer", "issued_on", "valid_until", "owner_id_number")
DATES = ("issued_on", "valid_until")


class PaperRecordPanel(QWidget):
    """Signals: loaded(list of PaperRecordView), saved(PaperRecordView)."""

    loaded = Signal(object)
    saved = Signal(object)

    def __init__(
        self,
        records: PaperRecordService,
        runner: TaskRunner,
        officer: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.records, self.runner, self.officer = records, runner, officer
        self.code: str | None = None
        self.position: int | None = None
        self.views: dict[int, PaperRecordView] = {}
        self._hints: dict[str, str] = {}  # field -> the less sure suggestion on offer
        self._saving = False
        self.ui = ui = Ui_PaperRecordPanel()
        ui.setupUi(self)
        self.edits: dict[str, QWidget] = {name: getattr(ui, name) for name in FIELDS}
        self.notes: dict[str, QLabel] = {name: getattr(ui, f"{name}_note") for name in FIELDS}
        self.hints: dict[str, QPushButton] = {name: getattr(ui, f"{name}_hint") for name in FIELDS}
        self.field_errors = FieldErrorView()
        for name in FIELDS:
            edit = self.edits[name]
            self.field_errors.register(name, getattr(ui, f"{name}_error"), edit)
            self.hints[name].clicked.connect(lambda _c=False, n=name: self.take_hint(n))
            # Once the officer changes a value it is theirs, not OCR's.
            signal = (
                edit.editTextChanged
                if isinstance(edit, QComboBox)
                else cast(QLineEdit, edit).textEdited
            )
            signal.connect(lambda _t, n=name: self.notes[n].hide())
        ui.confirm_button.clicked.connect(self.save)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        take = QShortcut(QKeySequence("Ctrl+G"), self)
        take.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        take.activated.connect(self._take_focused_hint)
        self._show(None)

    # -- loading ------------------------------------------------------------------------------
    def load(self, code: str, position: int | None = None) -> None:
        """Read the dossier's records (database lane), then show ``position``'s."""
        self.code = code
        if position is not None:
            self.position = position
        records = self.records
        self.runner.db(
            lambda: records.records(code),
            on_done=self._loaded,
            on_error=self._failed,
            owner=self,
        )

    def _loaded(self, views: list[PaperRecordView]) -> None:
        self.views = {v.position: v for v in views}
        combo = self.ui.kind
        typed = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        for v in views:  # the procedure's papers, as this dossier lists them
            if combo.findText(v.paper_name) < 0:
                combo.addItem(v.paper_name)
        combo.setEditText(typed)
        combo.blockSignals(False)
        self.set_paper(self.position)
        self.loaded.emit(views)

    def set_paper(self, position: int | None) -> None:
        self.position = position
        self._show(self.views.get(position) if position is not None else None)

    # -- showing ------------------------------------------------------------------------------
    def _show(self, view: PaperRecordView | None) -> None:
        ui = self.ui
        self.field_errors.clear()
        ui.message_label.clear()
        self._hints = {}
        for name in FIELDS:
            self.notes[name].hide()
            self.hints[name].hide()
        enabled = view is not None
        for widget in (*self.edits.values(), ui.confirm_button):
            widget.setEnabled(enabled)
        if view is None:
            ui.heading.setText(i18n.tr("paper_record.none"))
            ui.state_label.clear()
            for name in FIELDS:
                self._set(name, "")
            return
        ui.heading.setText(view.paper_name)
        ui.state_label.setText(_state_text(view))
        if view.fields is not None:  # typed or checked: the officer's values, no suggestions
            for name in FIELDS:
                self._set(name, _text(getattr(view.fields, name)))
            return
        for name in FIELDS:
            self._set(name, view.paper_name if name == "kind" else "")
        for name, suggestion in view.suggested.items():
            if name not in self.edits or not suggestion.value:
                continue
            if suggestion.confidence >= PREFILL:
                self._set(name, _suggested_text(name, suggestion))
                self.notes[name].show()
            else:
                self._offer(name, suggestion)

    def _offer(self, name: str, suggestion: Suggestion) -> None:
        value = _suggested_text(name, suggestion)
        self._hints[name] = value
        button = self.hints[name]
        button.setText(
            i18n.tr("paper_record.hint", value=value, percent=round(suggestion.confidence * 100))
        )
        button.show()

    def take_hint(self, name: str) -> None:
        """Put the offered suggestion in the field (the officer still checks it)."""
        value = self._hints.pop(name, None)
        if value is None:
            return
        self._set(name, value)
        self.hints[name].hide()
        self.notes[name].show()
        self.edits[name].setFocus()

    def _take_focused_hint(self) -> None:
        for name, edit in self.edits.items():
            if edit.hasFocus() or edit.isAncestorOf(self.focusWidget()):
                self.take_hint(name)
                return

    def _set(self, name: str, text: str) -> None:
        edit = self.edits[name]
        if isinstance(edit, QComboBox):
            edit.setEditText(text)
            line = edit.lineEdit()
            if line is not None:
                line.setCursorPosition(0)  # a long paper name shows its beginning
        elif isinstance(edit, QLineEdit):
            edit.setText(text)

    def _value(self, name: str) -> str:
        edit = self.edits[name]
        if isinstance(edit, QComboBox):
            return edit.currentText().strip()
        return cast(QLineEdit, edit).text().strip()

    # -- saving -------------------------------------------------------------------------------
    def current(self) -> tuple[PaperFields, list[LocalError]]:
        """The typed fields, and what the form itself can tell is wrong (an unreadable date)."""
        from hcc_desk.services.paper_records import PaperFields

        local: list[LocalError] = []
        dates: dict[str, date | None] = {}
        for name in DATES:
            try:
                dates[name] = parse_date(self._value(name))
            except ValueError:
                dates[name] = None
                local.append(LocalError(name, "paper_record.date_format"))
        fields = PaperFields(
            kind=self._value("kind"),
            number=self._value("number") or None,
            issuer=self._value("issuer") or None,
            issued_on=dates["issued_on"],
            valid_until=dates["valid_until"],
            owner_id_number=self._value("owner_id_number") or None,
        )
        return fields, local

    def save(self) -> None:
        if self._saving or self.code is None or self.position is None:
            return
        fields, local = self.current()
        self.ui.message_label.clear()
        if local:
            self.field_errors.show(local)
            return
        self._saving = True
        self.ui.confirm_button.setEnabled(False)
        records, code, position, officer = self.records, self.code, self.position, self.officer
        self.runner.db(
            lambda: records.save(code, position, fields, officer),
            on_done=self._saved,
            on_error=self._save_failed,
            owner=self,
        )

    def _saved(self, view: PaperRecordView) -> None:
        self._saving = False
        self.views[view.position] = view
        if view.position == self.position:
            self._show(view)
            self.ui.message_label.setText(i18n.tr("paper_record.saved"))
        self.saved.emit(view)

    def _save_failed(self, failure: Failure) -> None:
        self._saving = False
        self.ui.confirm_button.setEnabled(True)
        exc = failure.exc
        if isinstance(exc, FieldErrors):
            unplaced = self.field_errors.show(exc.errors)
            self.ui.message_label.setText("\n".join(i18n.text(e) for e in unplaced))
        elif isinstance(exc, ExpectedError) and exc.field in self.edits:  # a domain rule's
            self.field_errors.show([LocalError.of(exc.field, exc)])
        else:
            self._failed(failure)

    def _failed(self, failure: Failure) -> None:
        if errors.is_expected(failure.exc):
            self.ui.message_label.setText(i18n.text(failure.exc))
        else:
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)

    def visible_errors(self) -> dict[str, str]:
        return self.field_errors.visible_errors()


def _state_text(view: PaperRecordView) -> str:
    if view.reused_from_code:
        return i18n.tr(
            "paper_record.reused", code=view.reused_from_code, signer=view.reused_signer or "—"
        )
    if view.checked:
        return i18n.tr("paper_record.checked_by", officer=view.checked_by_name or "—")
    if view.attachment_id is None:
        return i18n.tr("paper_record.no_copy")
    return i18n.tr("paper_record.not_checked")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return date_text(value) if isinstance(value, date) else str(value)


def _suggested_text(name: str, suggestion: Suggestion) -> str:
    """Dates come as ISO yyyy-mm-dd: shown as officers type them."""
    if name in DATES:
        try:
            return date_text(date.fromisoformat(suggestion.value))
        except ValueError:
            return suggestion.value
    return suggestion.value
