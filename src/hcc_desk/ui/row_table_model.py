"""The read-only table model every list of the desk is: rows of records, a fixed set of
translated column headers; a subclass says only what a cell shows (``data``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    HEADERS: ClassVar[Sequence[str]] = ()
    CONTEXT: ClassVar[str] = ""  # the translation context of the headers

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def column_headers(self) -> Sequence[str]:
        return self.HEADERS

    def header_text(self, section: int) -> str:
        """The header's source text; shown translated in ``CONTEXT``."""
        return self.column_headers()[section]

    def shown_header(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.column_headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.shown_header(self.header_text(section))
        return None
