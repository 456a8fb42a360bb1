"""List model of a dossier's papers in the scan dialog: each row's text (name, and how many pages
are saved or waiting) with the paper's position in the checklist as ``POSITION_ROLE``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from hcc_desk.ui.row_table_model import Index

POSITION_ROLE = Qt.ItemDataRole.UserRole


class DossierPapersModel(QAbstractListModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[tuple[int | None, str]] = []

    def set_rows(self, rows: list[tuple[int | None, str]]) -> None:
        """``rows``: (position, text) per paper, in checklist order."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, position: int | None) -> int:
        return next((r for r, (p, _t) in enumerate(self._rows) if p == position), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position, text = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == POSITION_ROLE:
            return position
        return None
