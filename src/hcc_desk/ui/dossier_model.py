"""Table model of dossier summaries (today's list and search results)."""

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

from hcc_desk.ui import i18n
from hcc_desk.ui.formatting import short_datetime, time_text

HEADERS = (
    QT_TRANSLATE_NOOP("DossierTableModel", "Mã hồ sơ"),
    QT_TRANSLATE_NOOP("DossierTableModel", "Giờ nhận"),
    QT_TRANSLATE_NOOP("DossierTableModel", "Người nộp / chủ hồ sơ"),
    QT_TRANSLATE_NOOP("DossierTableModel", "Thủ tục"),
    QT_TRANSLATE_NOOP("DossierTableModel", "Hẹn trả"),
    QT_TRANSLATE_NOOP("DossierTableModel", "Trạng thái"),
    QT_TRANSLATE_NOOP("DossierTableModel", "Đồng bộ"),
)
SYNC_TEXT = {
    "synced": QT_TRANSLATE_NOOP("DossierTableModel", "✓ Đã gửi"),
    "pending": QT_TRANSLATE_NOOP("DossierTableModel", "… Chờ gửi"),
    "parked": QT_TRANSLATE_NOOP("DossierTableModel", "⚠ Bị từ chối"),
}
Index = QModelIndex | QPersistentModelIndex


def status_text(status: Any) -> str:
    """The status in the interface language, whatever form the service gives it in."""
    if not hasattr(status, "label_vi") and isinstance(status, int):
        from hcc_core.domain.status import DossierStatus

        try:
            status = DossierStatus(status)
        except ValueError:
            return str(status)
    if hasattr(status, "label_vi"):
        return status.label_en if i18n.language() == "en" else status.label_vi
    return str(status)


def applicant_text(d: Any) -> str:
    owner = getattr(d, "owner_name", "") or ""
    submitter = getattr(d, "submitter_name", "") or ""
    if owner and owner != submitter:
        return f"{submitter} → {owner}"
    return submitter or owner


class DossierTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sync: dict[str, str] = {}

    def set_rows(self, rows: list[Any], sync_states: dict[str, str] | None = None) -> None:
        """``sync_states``: uuid → "synced"/"pending"/"parked" (none: not enrolled)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._sync = dict(sync_states or {})
        self.endResetModel()

    def sync_text(self, d: Any) -> str:
        state = self._sync.get(getattr(d, "uuid", ""), "")
        return QCoreApplication.translate("DossierTableModel", SYNC_TEXT[state]) if state else ""

    def summary(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DossierTableModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                d.code,
                time_text(d.received_at),
                applicant_text(d),
                d.procedure_name,
                short_datetime(d.due_at) if d.due_at else "",
                status_text(d.status),
                self.sync_text(d),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [
                d.code,
                applicant_text(d),
                getattr(d, "id_number", None),
                getattr(d, "phone", None),
                d.procedure_name,
                getattr(d, "agency_name", None),
            ]
            return "\n".join(p for p in parts if p)
        return None
