"""Table model of one supervision list (overdue, due today, due soon, waiting for a supplement).

Displayed text is formatted for the officer; ``SORT_ROLE`` gives the raw value (dates as ISO
text, the counter as a number) so a proxy sorts by date rather than by "dd/MM" text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
)

from hcc_desk.ui.dossier_model import status_text
from hcc_desk.ui.formatting import short_datetime
from hcc_desk.ui.row_table_model import Index, RowTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole
# Translated in the screen's context, where the English strings already are.
HEADERS = (
    QT_TRANSLATE_NOOP("SupervisionView", "Mã hồ sơ"),
    QT_TRANSLATE_NOOP("SupervisionView", "Thủ tục"),
    QT_TRANSLATE_NOOP("SupervisionView", "Cơ quan"),
    QT_TRANSLATE_NOOP("SupervisionView", "Quầy"),
    QT_TRANSLATE_NOOP("SupervisionView", "Cán bộ tiếp nhận"),
    QT_TRANSLATE_NOOP("SupervisionView", "Hẹn trả"),
    QT_TRANSLATE_NOOP("SupervisionView", "Hẹn ban đầu"),
    QT_TRANSLATE_NOOP("SupervisionView", "Trạng thái"),
)
WAITING_SINCE = QT_TRANSLATE_NOOP("SupervisionView", "Chờ bổ sung từ")
PROCEDURE_COLUMN = 1


class DueListModel(RowTableModel):
    HEADERS = HEADERS
    CONTEXT = "SupervisionView"

    def __init__(self, waiting: bool = False, parent: Any = None):
        """``waiting``: the list of dossiers waiting for a supplement (column 6 says since when;
        in the other lists it is the appointment an apology replaced)."""
        super().__init__(parent)
        self.waiting = waiting

    def header_text(self, section: int) -> str:
        return WAITING_SINCE if (section == 6 and self.waiting) else HEADERS[section]

    def _second_date(self, r: Any) -> Any:
        if self.waiting:
            return r.waiting_since
        return r.statutory_due_at if r.apologised else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            second = self._second_date(r)
            return (
                r.code,
                r.procedure_name,
                r.agency,
                str(r.counter_slot),
                r.officer,
                short_datetime(r.due_at) if r.due_at else "",
                short_datetime(second) if second else "",
                status_text(r.status),
            )[col]
        if role == SORT_ROLE:
            if col == 3:
                return int(r.counter_slot or 0)
            if col in (5, 6):
                value = r.due_at if col == 5 else self._second_date(r)
                return value.isoformat() if value else ""
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and col == PROCEDURE_COLUMN:
            return r.procedure_name
        return None
