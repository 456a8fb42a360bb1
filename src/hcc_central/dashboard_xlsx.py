"""The supervisors' dashboard as a workbook (``/giam-sat/xuat.xlsx``): the four lists, the
on-time rates and the ratings, one sheet each, Vietnamese names.

Every cell is a value: text that a spreadsheet would read as a formula (starting with = + - @,
typed by a desk or a citizen) gets a leading apostrophe and is stored as text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .dashboard import GROUPS, LEVELS, GroupBy, ListKind, ListRow, Rates, Ratings

LIST_SHEETS: dict[ListKind, str] = {
    "overdue": "Quá hạn",
    "today": "Đến hạn hôm nay",
    "soon": "Sắp đến hạn",
    "waiting": "Chờ bổ sung",
}
GROUP_TITLES: dict[GroupBy, str] = {
    "agency": "Theo cơ quan",
    "procedure": "Theo thủ tục",
    "officer": "Theo cán bộ tiếp nhận",
}
_FORMULA_START = ("=", "+", "-", "@")


def as_text(value: str) -> str:
    """Text a spreadsheet cannot mistake for a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


@dataclass(frozen=True)
class Export:
    centre_name: str
    made_at: datetime
    first: date
    last: date
    lists: dict[ListKind, list[ListRow]]
    rates: Rates
    ratings: Ratings


def workbook(e: Export) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    bold = Font(bold=True)

    def put(ws: Any, values: Sequence[object], header: bool = False) -> None:
        ws.append([as_text(v) if isinstance(v, str) else v for v in values])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, datetime):
                cell.number_format = "hh:mm dd/mm/yyyy"
            if header:
                cell.font = bold

    first = True
    for kind, title in LIST_SHEETS.items():
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        put(ws, [f"{title} — {e.centre_name}; lập lúc {e.made_at:%H:%M %d/%m/%Y}"], header=True)
        since = "Chờ bổ sung từ" if kind == "waiting" else "Trạng thái"
        put(
            ws,
            [
                "Mã hồ sơ",
                "Thủ tục",
                "Cơ quan giải quyết",
                "Cán bộ tiếp nhận",
                "Ngày tiếp nhận",
                "Hẹn trả",
                since,
            ],
            header=True,
        )
        for r in e.lists[kind]:
            put(
                ws,
                [
                    r.code,
                    r.procedure_name,
                    r.agency,
                    r.officer,
                    r.received_at,
                    r.due_at,
                    r.waiting_since if kind == "waiting" else r.status,
                ],
            )
    ws = wb.create_sheet("Tỷ lệ đúng hạn")
    put(ws, [f"Kết quả trả từ {e.first:%d/%m/%Y} đến {e.last:%d/%m/%Y}"], header=True)
    for by in GROUPS:
        put(ws, [])
        put(ws, [GROUP_TITLES[by]], header=True)
        put(
            ws,
            ["Tên", "Đã có kết quả", "Sớm hạn", "Đúng hạn", "Trễ hạn", "Tỷ lệ đúng hạn (%)"],
            header=True,
        )
        for rate in e.rates.by[by]:
            share = None if rate.share is None else round(rate.share * 100, 1)
            put(
                ws,
                [rate.key or "Tổng cộng", rate.total, rate.early, rate.on_time, rate.late, share],
                header=not rate.key,
            )
    ws = wb.create_sheet("Đánh giá")
    put(ws, [f"Đánh giá từ {e.first:%d/%m/%Y} đến {e.last:%d/%m/%Y}"], header=True)
    put(ws, ["Mức", "Số lượt"], header=True)
    for level, text in LEVELS.items():
        put(ws, [text, e.ratings.counts.get(level, 0)])
    put(ws, [])
    put(ws, ["Mã hồ sơ", "Mức", "Ý kiến", "Lúc"], header=True)
    for c in e.ratings.comments:
        put(ws, [c.code, c.level_text, c.comment, c.at])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
