"""Find a procedure by typing a few words without accents, pick it with the keyboard.

The search box keeps the focus while ↑/↓/PgUp/PgDn move through the results and Enter takes the
highlighted one, so an officer never has to reach for the mouse.  Matching is the catalogue
service's (accent-free); this only shows its results.

The catalogue is in the database, so with a runner every search runs on its database lane
(ARCHITECTURE.md, "The GUI thread"): one search at a time, and keystrokes typed meanwhile are
folded into one search for the latest text; Enter pressed before the results are in takes the
first result when they come.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem

from hcc_desk.ui import i18n
from hcc_desk.ui.tasks import TaskRunner

_MAX_SHOWN = 200
_ROLE = Qt.ItemDataRole.UserRole


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


class ProcedurePicker(QObject):
    """Signals: picked(object) with the chosen ProcedureInfo; taken() when chosen by the officer."""

    picked = Signal(object)
    taken = Signal()  # the officer chose with Enter/click: the view moves focus on to the papers

    def __init__(
        self,
        search: Callable[[str], list],
        edit: QLineEdit,
        results: QListWidget,
        info: QLabel,
        parent: QObject | None = None,
        get: Callable[[str], Any] | None = None,
        runner: TaskRunner | None = None,
    ):
        super().__init__(parent)
        self._search, self._edit, self._list, self._info = search, edit, results, info
        self._get = get
        self._runner = runner  # None: search inline (a caller that has no database)
        self._current: Any = None
        self._filling = False
        self._searching: str | None = None  # the text whose search is running
        self._wanted: str | None = None  # the latest text asked for while it ran
        self._take_when_ready = False
        edit.textChanged.connect(self._on_text)
        edit.installEventFilter(self)
        results.itemActivated.connect(self._take)
        self._show_info()

    def current(self) -> Any:
        return self._current

    def busy(self) -> bool:
        """A search is running (its results are not shown yet)."""
        return self._searching is not None

    def refresh(self, text: str | None = None) -> None:
        text = (self._edit.text() if text is None else text).strip()
        if self._runner is None:
            self._show(self._search(text))
        elif self._searching is not None:
            self._wanted = text
        else:
            self._start(text)

    def _start(self, text: str) -> None:
        self._searching, self._wanted = text, None
        search, runner = self._search, self._runner
        assert runner is not None
        runner.db(lambda: search(text), on_done=self._found, owner=self)

    def _found(self, found: list) -> None:
        searched, self._searching = self._searching, None
        if self._wanted is not None and self._wanted != searched:
            self._start(self._wanted)  # typed on meanwhile: only the latest text matters
            return
        self._wanted = None
        self._show(found)
        if self._take_when_ready:
            self._take_when_ready = False
            item = self._list.currentItem()
            if item is not None:
                self._take(item)

    def _show(self, found: list) -> None:
        self._list.clear()
        for proc in found[:_MAX_SHOWN]:
            item = QListWidgetItem(f"{proc.name}  —  {proc.agency_name}")
            item.setData(_ROLE, proc)
            item.setToolTip(f"{proc.code}\n{proc.name}")
            self._list.addItem(item)
        if self._list.count():
            self._list.setCurrentRow(0)

    def select_code(self, code: str, on_missing: Callable[[], None] | None = None) -> None:
        """Choose the procedure ``code`` (restoring a draft) once it is read; ``on_missing``
        is called instead when it is not in the catalogue."""
        get, search = self._get, self._search

        def find() -> Any:
            if get is not None:
                return get(code)
            return next((p for p in search("") if p.code == code), None)

        def found(proc: Any) -> None:
            if proc is not None:
                self._choose(proc)
            elif on_missing is not None:
                on_missing()

        if self._runner is None:
            found(find())
        else:
            self._runner.db(find, on_done=found, owner=self)

    def clear(self) -> None:
        self._filling = True
        self._edit.clear()
        self._filling = False
        self._current = None
        self.refresh("")
        self._show_info()

    def _on_text(self, text: str) -> None:
        if not self._filling:
            self.refresh(text)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            steps = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 8,
                Qt.Key.Key_PageUp: -8,
            }
            if key in steps and self._list.count():
                row = max(0, min(self._list.count() - 1, self._list.currentRow() + steps[key]))
                self._list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.busy():  # typed fast and pressed Enter: take the first result when in
                    self._take_when_ready = True
                    return True
                item = self._list.currentItem()
                if item is not None:
                    self._take(item)
                    return True
        return super().eventFilter(obj, event)

    def _take(self, item: QListWidgetItem) -> None:
        self._choose(item.data(_ROLE), by_officer=True)

    def _choose(self, proc: Any, by_officer: bool = False) -> None:
        self._current = proc
        self._filling = True
        self._edit.setText(proc.name)
        self._filling = False
        self._take_when_ready = False
        self.refresh(proc.name)
        self._show_info()
        self.picked.emit(proc)
        if by_officer:
            self.taken.emit()

    def _show_info(self) -> None:
        proc = self._current
        if proc is None:
            self._info.setText(self.tr("Chưa chọn thủ tục."))
            return
        fees = proc.fees_text or self.tr("theo quy định hiện hành")
        details = " · ".join(
            escape(x)
            for x in (
                proc.agency_name,
                i18n.tr("procedure_picker.time_limit", duration=proc.duration_text or "—"),
                # Published fee texts can run to a page: the gist here, the whole text as a tooltip.
                i18n.tr("procedure_picker.fees", fees=_clip(fees, 110)),
            )
        )
        self._info.setText(f"<b>{escape(proc.code)}</b> — {escape(proc.name)}<br>{details}")
        self._info.setToolTip(fees)
