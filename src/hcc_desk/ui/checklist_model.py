"""A list of names the officer ticks (the papers a supplement request asks for): an item model
with a check box per row, the names shown in full as tooltips (they run to a sentence or two)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from hcc_desk.ui.row_table_model import Index


class ChecklistModel(QAbstractListModel):
    def __init__(self, names: list[str] | None = None, parent: Any = None):
        super().__init__(parent)
        self._names = list(names or [])
        self._ticked = [False] * len(self._names)

    def checked(self) -> list[str]:
        return [n for n, on in zip(self._names, self._ticked, strict=True) if on]

    def set_checked(self, name: str, on: bool = True) -> None:
        for row, candidate in enumerate(self._names):
            if candidate == name:
                self.setData(self.index(row, 0), on, Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._names)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._names[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            on = self._ticked[index.row()]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        # Views send the state as an int; set_checked as a bool.
        if isinstance(value, bool):
            on = value
        else:
            on = Qt.CheckState(value) == Qt.CheckState.Checked
        self._ticked[index.row()] = on
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
