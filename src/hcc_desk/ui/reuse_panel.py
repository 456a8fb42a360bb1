"""The intake's "reuse a digitised copy" panel (docs/digitising.md, "Reuse at another desk").

When the chip card's QR is read, the signed copies central holds for that person are looked up
on the I/O lane; the panel lists them with a check box each (Space ticks the current one).
Ticking one assigns it to the checklist paper of the same name (or one the officer picks),
marks that paper as handed in ("tái sử dụng bản số hoá") and downloads the copy in the
background; a failure is one line here and undoes the tick. Offline, the panel is one muted
line and intake goes on as usual.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcc_core.domain.text import fold
from hcc_desk.services.intake_request import PaperInput, ReusedPaperInput
from hcc_desk.ui import errors, i18n
from hcc_desk.ui.papers_table import PapersTable
from hcc_desk.ui.tasks import Failure, TaskRunner

_PAPER = Qt.ItemDataRole.UserRole
_VISIBLE_ROWS = 4  # the list scrolls beyond this: the intake screen must fit 1366×768


class ReusePanel(QFrame):
    """Signals: changed() when a copy is chosen or given up (the draft saves)."""

    changed = Signal()

    def __init__(
        self,
        service: Any,  # services.reuse.ReuseService (or a test's stand-in)
        officer: str,
        runner: TaskRunner,
        table: PapersTable,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._service, self._officer, self._runner, self._table = service, officer, runner, table
        self._asked = 0
        self._assigned: dict[str, str] = {}  # paper uuid → the checklist paper's name
        self._before: dict[str, tuple[bool, str]] = {}  # what the checklist row showed
        self._state: dict[str, str] = {}  # paper uuid → "fetching" | "fetched"
        self.setObjectName("reuse_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        self.title = QLabel(f"<b>{i18n.tr('reuse_panel.title')}</b>")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        self.list = QListWidget()
        self.list.setObjectName("reuse_list")
        self.list.setAccessibleName(i18n.tr("reuse_panel.title"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # One line per fact, cut at the edge (the whole text is the tooltip): wrapped rows of a
        # catalogue's long paper names measured too short before the list had its width.
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        for widget in (self.title, self.status, self.list, self.problem):
            box.addWidget(widget)
        self.list.itemChanged.connect(self._toggled)
        self.clear()

    # -- asking central -----------------------------------------------------------------------
    def look_up(self, id_number: str, full_name: str, date_of_birth: date | None) -> None:
        """Ask for this person's copies (the latest question only is answered)."""
        if self._service is None or not id_number:
            return
        self.clear()
        self._asked += 1
        asked, service, officer = self._asked, self._service, self._officer
        self._say(i18n.tr("reuse_panel.looking"))
        self.show()

        def done(found: Any) -> None:
            if asked == self._asked:
                self._listed(found)

        def failed(failure: Failure) -> None:
            if asked == self._asked:
                self._lookup_failed(failure)

        self._runner.io(
            lambda: service.lookup(id_number, full_name, date_of_birth, officer=officer),
            on_done=done,
            on_error=failed,
            owner=self,
        )

    def _listed(self, found: Any) -> None:
        if found.problem is not None:
            if found.problem.msg_id == "reuse.not_enrolled":
                self.hide()  # a desk without central: nothing to offer, nothing to say
                return
            self._say(i18n.text(found.problem))
            return
        if not found.papers:
            self._say(i18n.tr("reuse_panel.none"))
            return
        self._say("")
        self.list.blockSignals(True)
        for paper in found.papers:
            self._add(paper, checked=False)
        self.list.blockSignals(False)
        self._fit()

    def _lookup_failed(self, failure: Failure) -> None:
        if not errors.is_expected(failure.exc):
            errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
            self.hide()
            return
        self._say(i18n.text(failure.exc))

    # -- choosing -----------------------------------------------------------------------------
    def _toggled(self, item: QListWidgetItem) -> None:
        paper = item.data(_PAPER)
        uuid = paper.paper_uuid
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked and uuid not in self._assigned:
            name = self._target(paper)
            if name is None:
                self._set_checked(item, False)
                return
            self.problem.hide()
            self._assign(uuid, name)
            self._fetch(paper, item)
            self.changed.emit()
        elif not ticked and uuid in self._assigned:
            self._unassign(uuid)
            self._show_state(item)
            self.changed.emit()

    def _target(self, paper: Any) -> str | None:
        """The checklist paper this copy stands for: the free one of the same name, else the
        one the officer picks."""
        names = [self._table.paper_name(i) for i in range(self._table.row_count())]
        taken = set(self._assigned.values())
        free = [n for n in names if n and n not in taken]
        if not free:
            self._fail(i18n.tr("reuse_panel.no_procedure"))
            return None
        same = [n for n in free if fold(n) == fold(paper.kind)]
        if same:
            return same[0]
        name, ok = QInputDialog.getItem(
            self,
            i18n.tr("reuse_panel.choose_title"),
            i18n.tr("reuse_panel.choose_paper", kind=paper.kind),
            free,
            0,
            False,
        )
        return name if ok and name in free else None

    def _assign(self, uuid: str, name: str) -> None:
        self._assigned[uuid] = name
        row = self._row_of(name)
        if row is None:
            return
        self._before.setdefault(uuid, (self._table.is_checked(row), self._table.scan_text(row)))
        self._mark(row)

    def _mark(self, row: int) -> None:
        self._table.show_scan_column()
        self._table.set_checked(row, True)
        self._table.set_scan_text(row, i18n.tr("reuse_panel.checklist_mark"))

    def _unassign(self, uuid: str) -> None:
        name = self._assigned.pop(uuid, None)
        self._state.pop(uuid, None)
        checked, text = self._before.pop(uuid, (False, ""))
        row = None if name is None else self._row_of(name)
        if row is not None:
            self._table.set_checked(row, checked)
            self._table.set_scan_text(row, text)

    def _row_of(self, name: str) -> int | None:
        for i in range(self._table.row_count()):
            if self._table.paper_name(i) == name:
                return i
        return None

    # -- downloading --------------------------------------------------------------------------
    def _fetch(self, paper: Any, item: QListWidgetItem) -> None:
        uuid, service, officer = paper.paper_uuid, self._service, self._officer
        self._state[uuid] = "fetching"
        self._show_state(item)

        def done(_path: Any) -> None:
            if self._state.get(uuid) == "fetching":
                self._state[uuid] = "fetched"
                self._show_state(item)

        def failed(failure: Failure) -> None:
            if uuid not in self._assigned:
                return  # given up meanwhile
            self._unassign(uuid)
            self._set_checked(item, False)
            self._show_state(item)
            self.changed.emit()
            if not errors.is_expected(failure.exc):
                errors.report_bug(type(failure.exc), failure.exc, failure.traceback_text)
                return
            self._fail(
                i18n.tr("reuse_panel.failed", kind=paper.kind, reason=i18n.text(failure.exc))
            )

        self._runner.io(
            lambda: service.fetch(paper, officer=officer),
            on_done=done,
            on_error=failed,
            owner=self,
        )

    # -- the form -----------------------------------------------------------------------------
    def choices(self) -> dict[str, ReusedPaperInput]:
        """Checklist paper name → the copy reused for it."""
        from hcc_desk.services.reuse import choice

        out = {}
        for i in range(self.list.count()):
            paper = self.list.item(i).data(_PAPER)
            name = self._assigned.get(paper.paper_uuid)
            if name is not None:
                out[name] = choice(paper)
        return out

    def busy(self) -> bool:
        return "fetching" in self._state.values()

    def restore(self, papers: list[PaperInput] | None) -> None:
        """A restored draft's choices: listed again, ticked, fetched again if not kept here."""
        from hcc_desk.services.reuse import reusable

        chosen = [p for p in papers or [] if p.reused is not None]
        if not chosen or self._service is None:
            self.rows_rebuilt()
            return
        self.show()
        self._say("")
        for p in chosen:
            assert p.reused is not None
            paper = reusable(p.reused)
            if paper.paper_uuid in self._assigned:
                continue
            item = self._add(paper, checked=True)
            self._assign(paper.paper_uuid, p.name)
            self._fetch(paper, item)  # a copy kept in the spool comes back at once
        self._fit()

    def rows_rebuilt(self) -> None:
        """The checklist was rebuilt (another procedure): choices follow their paper's name;
        one whose paper is gone is given up."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            uuid = item.data(_PAPER).paper_uuid
            name = self._assigned.get(uuid)
            if name is None:
                continue
            row = self._row_of(name)
            if row is None:
                self._assigned.pop(uuid)
                self._before.pop(uuid, None)
                self._state.pop(uuid, None)
                self._set_checked(item, False)
                self._show_state(item)
                self.changed.emit()
            else:
                self._mark(row)

    def clear(self) -> None:
        self._asked += 1  # an answer still on its way is not shown
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._assigned.clear()
        self._before.clear()
        self._state.clear()
        self.problem.hide()
        self.list.hide()
        self.hide()

    # -- drawing ------------------------------------------------------------------------------
    def _add(self, paper: Any, *, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(_PAPER, paper)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        self.list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)
        self.list.blockSignals(False)
        self._show_state(item)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self.list.show()
        return item

    def _show_state(self, item: QListWidgetItem) -> None:
        paper = item.data(_PAPER)
        line = i18n.tr(
            "reuse_panel.line",
            kind=_short(paper.kind),
            number=_short(paper.number) or "—",
            issuer=_short(paper.issuer) or "—",
            issued=_day(paper.issued_on),
            valid=_day(paper.valid_until)
            if paper.valid_until
            else i18n.tr("reuse_panel.no_expiry"),
        )
        signed = i18n.tr(
            "reuse_panel.signed", signer=_short(paper.signer), centre=_short(paper.centre_name)
        )
        name = self._assigned.get(paper.paper_uuid)
        state = self._state.get(paper.paper_uuid)
        extra = []
        if name is not None:
            extra.append(i18n.tr("reuse_panel.for_paper", paper=name))
        if state is not None:
            extra.append(i18n.tr(f"reuse_panel.{state}"))
        text = f"{line}\n{signed}" + (f"\n→ {' · '.join(extra)}" if extra else "")
        self.list.blockSignals(True)
        item.setText(text)
        item.setToolTip(text)
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{i18n.tr('reuse_panel.accessible', kind=paper.kind)}. {text}",
        )
        self.list.blockSignals(False)

    def _set_checked(self, item: QListWidgetItem, checked: bool) -> None:
        self.list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _fail(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _fit(self) -> None:
        # Grows with its rows up to a few, then scrolls: the screen around it scrolls too.
        rows = min(self.list.count(), _VISIBLE_ROWS)
        height = sum(self.list.sizeHintForRow(i) for i in range(rows)) if rows else 0
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 4)


def _short(text: str | None, limit: int = 200) -> str:
    """Central's words on one line and cut short: a hostile listing cannot flood the panel."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"
