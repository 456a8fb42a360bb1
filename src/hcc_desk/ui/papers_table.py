"""Checklist of the dossier's papers: received?, name, and counts of each kind of copy.

Rows are real widgets (check box, spin boxes) rather than item delegates, so Tab walks through
them like any form field and a screen reader announces each with its paper's name.  The table
grows with its rows instead of scrolling inside the already scrolling intake screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hcc_core.catalogue.conditional import is_conditional
from hcc_desk.services.intake_request import PaperInput
from hcc_desk.ui import i18n

_KINDS = ("originals", "certified_copies", "photocopies")
SCAN_COLUMN = 5


@dataclass
class _Row:
    check: QCheckBox
    name_edit: QLineEdit | None  # only for rows the officer added
    name: str
    spins: tuple[QSpinBox, QSpinBox, QSpinBox]
    conditional: bool = False  # needed only in some cases: "received all" leaves it alone


def _centred(widget: QWidget) -> QWidget:
    """A cell holder keeping ``widget`` at its natural height when a long name makes the row tall."""
    holder = QWidget()
    box = QHBoxLayout(holder)
    box.setContentsMargins(2, 0, 2, 0)
    box.addWidget(widget, alignment=Qt.AlignmentFlag.AlignCenter)
    holder.setFocusProxy(widget)
    return holder


class PapersTable(QTableWidget):
    """Signals: changed() when a box, count or name changes; rows_changed() when rows are rebuilt;
    current_changed(int) when the officer moves to another paper (the one to scan)."""

    changed = Signal()
    rows_changed = Signal()
    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 6, parent)
        self._rows: list[_Row] = []
        self._current = -1
        # Two-line headers keep the count columns narrow, leaving the width to the paper names.
        self.setHorizontalHeaderLabels(
            [
                self.tr("Đã\nnhận"),
                self.tr("Tên giấy tờ"),
                self.tr("Bản\nchính"),
                self.tr("Bản sao\nchứng thực"),
                self.tr("Bản\nphoto"),
                self.tr("Bản\nquét"),
            ]
        )
        self.setColumnHidden(SCAN_COLUMN, True)  # shown when this PC can scan
        self.cellClicked.connect(lambda row, _col: self.set_current_row(row))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for col in range(6):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if col == 1
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(col, mode)
        header.sectionResized.connect(lambda *_: self._fit())
        self._fit()

    # -- building -----------------------------------------------------------------------------
    def set_papers(self, required: list, received: list[PaperInput] | None = None) -> None:
        """Show the procedure's ``required`` papers (PaperInfo-like); tick those in ``received``
        (matched by name, with their counts) and append received papers not in the list."""
        self._clear_rows()
        by_name = {p.name: p for p in received or []}
        for info in required:
            got = by_name.pop(info.name, None)
            counts = got if got is not None else info
            self._append(
                info.name,
                counts,
                checked=got is not None,
                editable=False,
                conditional=is_conditional(info.name, getattr(info, "note", None)),
            )
        for extra in by_name.values():
            self._append(extra.name, extra, checked=True, editable=True)
        self._rows_rebuilt()

    def add_row(self) -> QLineEdit:
        """Append an empty paper the officer names; returns its name editor (to focus it)."""
        self._append("", PaperInput(originals=1), checked=True, editable=True)
        self._rows_rebuilt()
        self.changed.emit()
        editor = self._rows[-1].name_edit
        assert editor is not None
        return editor

    def clear_rows(self) -> None:
        self._clear_rows()
        self._rows_rebuilt()

    def _clear_rows(self) -> None:
        self._rows = []
        self._current = -1
        self.setRowCount(0)

    def _append(
        self, name: str, counts: object, checked: bool, editable: bool, conditional: bool = False
    ) -> None:
        row = self.rowCount()
        self.insertRow(row)
        check = QCheckBox()
        check.setChecked(checked)
        check.setAccessibleName(
            i18n.tr("papers_table.received", paper=name or self.tr("giấy tờ thêm"))
        )
        self.setCellWidget(row, 0, _centred(check))
        check.toggled.connect(self.changed)
        name_edit = None
        if editable:
            name_edit = QLineEdit(name)
            name_edit.setPlaceholderText(self.tr("Tên giấy tờ"))
            name_edit.setAccessibleName(self.tr("Tên giấy tờ thêm"))
            name_edit.textChanged.connect(self.changed)
            self.setCellWidget(row, 1, name_edit)
        else:
            item = QTableWidgetItem(name)
            item.setToolTip(name)
            self.setItem(row, 1, item)
        spins = []
        for col, kind in enumerate(_KINDS, start=2):
            spin = QSpinBox()
            spin.setRange(0, 20)
            spin.setValue(int(getattr(counts, kind, 0) or 0))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            kind_label = self.horizontalHeaderItem(col).text().replace("\n", " ")
            spin.setAccessibleName(f"{name or self.tr('giấy tờ thêm')}: {kind_label}")
            spin.valueChanged.connect(self.changed)
            self.setCellWidget(row, col, _centred(spin))
            spins.append(spin)
        scan_item = QTableWidgetItem("")
        scan_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setItem(row, SCAN_COLUMN, scan_item)
        self._rows.append(_Row(check, name_edit, name, (spins[0], spins[1], spins[2]), conditional))
        if conditional:
            check.setToolTip(
                self.tr("Chỉ cần khi hồ sơ thuộc trường hợp này: đánh dấu riêng nếu đã nhận")
            )
        for widget in (check, name_edit, *spins):
            if widget is not None:
                widget.installEventFilter(self)

    def _rows_rebuilt(self) -> None:
        self._fit()
        self.rows_changed.emit()

    def _fit(self) -> None:
        # Height follows the rows so the surrounding scroll area does all the scrolling.
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount())) or 28
        height = rows + self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    # -- reading ------------------------------------------------------------------------------
    def value(self) -> list[PaperInput]:
        """The ticked papers, in table order."""
        return [self._paper(r) for r in self._rows if r.check.isChecked()]

    def all_papers(self) -> list[tuple[bool, PaperInput]]:
        return [(r.check.isChecked(), self._paper(r)) for r in self._rows]

    @staticmethod
    def _paper(row: _Row) -> PaperInput:
        name = row.name_edit.text().strip() if row.name_edit is not None else row.name
        return PaperInput(name, row.spins[0].value(), row.spins[1].value(), row.spins[2].value())

    def check_all(self) -> None:
        """Tick every paper all applicants bring; papers for a case are ticked one by one."""
        for row in self._rows:
            if not row.conditional:
                row.check.setChecked(True)

    def set_checked(self, index: int, checked: bool) -> None:
        self._rows[index].check.setChecked(checked)

    def spin(self, index: int, kind: str) -> QSpinBox:
        return self._rows[index].spins[_KINDS.index(kind)]

    def row_count(self) -> int:
        return len(self._rows)

    def widget_for_ticked(self, ticked_index: int) -> QWidget | None:
        """The widget to focus for the ``ticked_index``-th paper of :meth:`value` (error paths)."""
        ticked = [r for r in self._rows if r.check.isChecked()]
        if not 0 <= ticked_index < len(ticked):
            return None
        row = ticked[ticked_index]
        return row.name_edit or row.check

    # -- the paper being scanned ------------------------------------------------------------
    def show_scan_column(self) -> None:
        self.setColumnHidden(SCAN_COLUMN, False)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tabbing into a row's box or counts makes its paper the one F7 scans.
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self._rows):
                if watched in (row.check, row.name_edit, *row.spins):
                    self.set_current_row(index)
                    break
        return super().eventFilter(watched, event)

    def current_row(self) -> int:
        return self._current

    def set_current_row(self, index: int) -> None:
        if index == self._current or not -1 <= index < len(self._rows):
            return
        self._current = index
        bold = QFont(self.font())
        bold.setBold(True)
        for r in range(self.rowCount()):
            for col in (1, SCAN_COLUMN):
                item = self.item(r, col)
                if item is not None:
                    item.setFont(bold if r == index else self.font())
                    item.setBackground(QBrush(QColor("#e8f0fe")) if r == index else QBrush())
        self.current_changed.emit(index)

    def paper_name(self, index: int) -> str:
        return self._paper(self._rows[index]).name

    def is_checked(self, index: int) -> bool:
        return self._rows[index].check.isChecked()

    def set_scan_text(self, index: int, text: str, tooltip: str = "") -> None:
        item = self.item(index, SCAN_COLUMN)
        if item is not None:
            item.setText(text)
            item.setToolTip(tooltip)

    def scan_text(self, index: int) -> str:
        item = self.item(index, SCAN_COLUMN)
        return item.text() if item is not None else ""

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in self._rows:
            chain.append(row.check)
            if row.name_edit is not None:
                chain.append(row.name_edit)
            chain.extend(row.spins)
        return chain
