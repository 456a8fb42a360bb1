"""Table model of dossier summaries (today's list and search results)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)

from hcc_desk.ui import i18n
from hcc_desk.ui.formatting import short_datetime, time_text
from hcc_desk.ui.row_table_model import Index, RowTableModel

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


def status_text(status: Any) -> str:
    """The status in the interface language, whatever form the service gives it in."""
    from hcc_core.domain.status import DossierStatus

    if isinstance(status, int) and not isinstance(status, DossierStatus):
        try:
            status = DossierStatus(status)
        except ValueError:
            return str(status)
    return i18n.text(status)


def applicant_text(d: Any) -> str:
    owner = getattr(d, "owner_name", "") or ""
    submitter = getattr(d, "submitter_name", "") or ""
    if owner and owner != submitter:
        return f"{submitter} → {owner}"
    return submitter or owner


def papers_text(d: Any) -> str:
    """The papers whose text matched a search ("📄 Giấy khai sinh"), or ""."""
    papers = getattr(d, "matched_papers", ()) or ()
    return f"📄 {', '.join(papers)}" if papers else ""


class DossierTableModel(RowTableModel):
    HEADERS = HEADERS
    CONTEXT = "DossierTableModel"

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._sync: dict[str, str] = {}

    def set_rows(self, rows: list[Any], sync_states: dict[str, str] | None = None) -> None:
        """``sync_states``: uuid → "synced"/"pending"/"parked" (none: not enrolled)."""
        self._sync = dict(sync_states or {})
        super().set_rows(rows)

    def sync_text(self, d: Any) -> str:
        state = self._sync.get(getattr(d, "uuid", ""), "")
        return QCoreApplication.translate("DossierTableModel", SYNC_TEXT[state]) if state else ""

    def summary(self, row: int) -> Any:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                d.code,
                time_text(d.received_at),
                " · ".join(t for t in (applicant_text(d), papers_text(d)) if t),
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
                papers_text(d),
            ]
            return "\n".join(p for p in parts if p)
        return None
