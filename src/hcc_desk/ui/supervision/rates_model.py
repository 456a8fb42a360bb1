"""Table model of the on-time rates: one row per group (agency, procedure or officer), then the
total in bold (the service gives it last, with an empty key)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QFont

from hcc_core.vn_format import vn_percent
from hcc_desk.ui.row_table_model import Index, RowTableModel

HEADERS = (
    QT_TRANSLATE_NOOP("SupervisionView", "Nhóm"),
    QT_TRANSLATE_NOOP("SupervisionView", "Trước hạn"),
    QT_TRANSLATE_NOOP("SupervisionView", "Đúng hạn"),
    QT_TRANSLATE_NOOP("SupervisionView", "Quá hạn"),
    QT_TRANSLATE_NOOP("SupervisionView", "Tổng"),
    QT_TRANSLATE_NOOP("SupervisionView", "Tỷ lệ đúng hạn"),
)
TOTAL = QT_TRANSLATE_NOOP("SupervisionView", "Tổng cộng")


class RatesModel(RowTableModel):
    HEADERS = HEADERS
    CONTEXT = "SupervisionView"

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
