"""Mẫu 06 (2025 set: Mẫu 07) — SỔ THEO DÕI HỒ SƠ: the columns both outputs share.

Column set of docs/domain.md (the official list is [U]): the five dates grouped under "Ngày,
tháng, năm", plus status and timeliness, which a supervisor filters on in the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hcc_core.domain.status import DossierStatus
from hcc_core.vn_format import vn_date
from hcc_desk.core.printing.forms.data import TIMING_LABELS, LedgerData, LedgerRow

DATE_GROUP = "Ngày, tháng, năm"


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the width left after the content-sized (weight 0) columns
    dated: bool = False  # under the "Ngày, tháng, năm" group


COLUMNS = (
    Column("TT", 0),  # weight 0: sized to its content by the renderer
    Column("Mã hồ sơ", 0),
    Column("Tên thủ tục hành chính", 28),
    Column("Số lượng hồ sơ (bộ)", 0),
    Column("Tên cá nhân, tổ chức", 20),
    Column("Địa chỉ, số điện thoại", 24),
    Column("Cơ quan chủ trì giải quyết", 18),
    Column("Nhận hồ sơ", 0, dated=True),
    Column("Hẹn trả kết quả", 0, dated=True),
    Column("Chuyển hồ sơ đến cơ quan giải quyết", 0, dated=True),
    Column("Có kết quả giải quyết", 0, dated=True),
    Column("Trả kết quả", 0, dated=True),
    Column("Trạng thái", 15),
    Column("Tiến độ", 16),
    Column("Phương thức nhận kết quả", 14),
    Column("Ký nhận", 14),
    Column("Ghi chú", 15),
)
FIRST_DATED = next(i for i, c in enumerate(COLUMNS) if c.dated)
LAST_DATED = max(i for i, c in enumerate(COLUMNS) if c.dated)

Cell = str | int | datetime | None


def status_label(code: int) -> str:
    try:
        return DossierStatus(code).text("vi")
    except ValueError:
        return str(code)


def timing_label(timing: str | None) -> str:
    return TIMING_LABELS.get(timing, timing) if timing else ""


def row_cells(row: LedgerRow) -> list[Cell]:
    """The row's values in COLUMNS order: text as typed, dates as datetimes (or None)."""
    contact = ", ".join(
        p for p in (row.applicant_address.strip(), row.applicant_phone.strip()) if p
    )
    return [
        row.seq,
        row.code,
        row.procedure_name,
        row.sets,
        row.applicant_name,
        contact,
        row.agency_name,
        row.received_at,
        row.due_at,
        row.transferred_at,
        row.result_ready_at,
        row.returned_at,
        status_label(row.status),
        timing_label(row.timing),
        row.delivery,
        row.recipient,
        row.notes,
    ]


def period_text(data: LedgerData) -> str:
    return f"Từ ngày {vn_date(data.date_from)} đến ngày {vn_date(data.date_to)}"


def totals_text(rows: tuple[LedgerRow, ...]) -> str:
    """ "Tổng số: 12 hồ sơ; trước hạn 3, đúng hạn 4, …" — counts per timeliness, in order."""
    counts = {key: sum(1 for r in rows if r.timing == key) for key in TIMING_LABELS}
    parts = [f"{TIMING_LABELS[k].lower()} {n}" for k, n in counts.items() if n]
    return f"Tổng số: {len(rows)} hồ sơ" + (f"; trong đó {', '.join(parts)}" if parts else "")
