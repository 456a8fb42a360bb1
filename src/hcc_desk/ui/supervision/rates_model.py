"""Table model of the on-time rates: one row per group (agency, procedure or officer), then the
total in bold (the service gives it last, with an empty key)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from hcc_core.vn_format import vn_percent

HEADERS = (
    QT_TRANSLATE_NOOP("SupervisionView", "Nhóm"),
    QT_TRANSLATE_NOOP("SupervisionView", "Trước hạn"),
    QT_TRANSLATE_NOOP("SupervisionView", "Đúng hạn"),
    QT_TRANSLATE_NOOP("SupervisionView", "Quá hạn"),
    QT_TRANSLATE_NOOP("SupervisionView", "Tổng"),
    QT_TRANSLATE_NOOP("SupervisionView", "Tỷ lệ đúng hạn"),
)
TOTAL = QT_TRANSLATE_NOOP("SupervisionView", "Tổng cộng")
Index = QModelIndex | QPersistentModelIndex


class RatesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SupervisionView", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.key or QCoreApplication.translate("SupervisionView", TOTAL),
                str(r.early),
                str(r.on_time),
                str(r.late),
                str(r.total),
                vn_percent(r.on_time_share, ratio=True) if r.total else "—",
            )[index.column()]
        if role == Qt.ItemDataRole.FontRole and not r.key:
            font = QFont()
            font.setBold(True)
            return font
        return None
