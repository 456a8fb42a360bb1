"""The supervision report as an xlsx workbook and as a PDF (bundled font, literal user text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hcc_core.domain.status import DossierStatus
from hcc_core.vn_format import vn_datetime, vn_percent
from hcc_desk.core.supervision.report import DossierRow, Lists, RateRow

LIST_TITLES = {
    "overdue": "Quá hạn",
    "due_today": "Đến hạn hôm nay",
    "due_soon": "Đến hạn trong 2 ngày làm việc",
    "waiting": "Chờ bổ sung",
}
GROUP_TITLES = {
    "agency": "Theo cơ quan",
    "procedure": "Theo thủ tục",
    "officer": "Theo cán bộ tiếp nhận",
}
LIST_COLUMNS = (
    "Mã hồ sơ",
    "Thủ tục",
    "Cơ quan giải quyết",
    "Quầy",
    "Cán bộ tiếp nhận",
    "Ngày nhận",
    "Hẹn trả",
    "Hẹn trả ban đầu",
    "Trạng thái",
    "Chờ bổ sung từ",
)
RATE_COLUMNS = ("Nhóm", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng", "Tỷ lệ đúng hạn")
TOTAL = "Tổng cộng"


@dataclass(frozen=True)
class SupervisionReport:
    now: datetime
    date_from: date
    date_to: date
    lists: Lists
    rates: dict[str, list[RateRow]]
    last_fetch: datetime | None
    centre_name: str

    def list_rows(self, name: str) -> list[DossierRow]:
        rows: list[DossierRow] = getattr(self.lists, name)
        return rows


def _dt(value: datetime | None) -> str:
    return vn_datetime(value) if value else ""


def list_cells(row: DossierRow) -> list[str | int]:
    return [
        row.code,
        row.procedure_name,
        row.agency,
        row.counter_slot,
        row.officer,
        _dt(row.received_at),
        _dt(row.due_at),
        _dt(row.statutory_due_at) if row.apologised else "",
        DossierStatus(row.status).text("vi"),
        _dt(row.waiting_since),
    ]


def rate_cells(row: RateRow) -> list[str | int]:
    return [
        row.key or TOTAL,
        row.early,
        row.on_time,
        row.late,
        row.total,
        vn_percent(row.on_time_share, ratio=True) if row.total else "—",
    ]


def _source_note(r: SupervisionReport) -> str:
    if r.last_fetch is None:
        return "Chưa lấy dữ liệu từ máy chủ trung tâm: chỉ có hồ sơ của quầy này."
    return f"Dữ liệu các quầy khác cập nhật lúc {_dt(r.last_fetch)}."


# --- xlsx -------------------------------------------------------------------------------------


def write_xlsx(r: SupervisionReport, out: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    summary = wb.active
    summary.title = "Tổng hợp"
    bold = Font(bold=True)

    def put(ws: Any, row: int, values: Sequence[object], header: bool = False) -> None:
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # typed text is text, never a formula ("=…")
            if header:
                cell.font = bold

    put(summary, 1, [f"BÁO CÁO GIÁM SÁT — {r.centre_name}"], header=True)
    put(
        summary,
        2,
        [
            f"Lập lúc {_dt(r.now)}; tỷ lệ đúng hạn từ {r.date_from:%d/%m/%Y} "
            f"đến {r.date_to:%d/%m/%Y}"
        ],
    )
    put(summary, 3, [_source_note(r)])
    line = 5
    for name, title in LIST_TITLES.items():
        put(summary, line, [title, len(r.list_rows(name))])
        line += 1
    for by, title in GROUP_TITLES.items():
        line += 1
        put(summary, line, [title], header=True)
        line += 1
        put(summary, line, list(RATE_COLUMNS), header=True)
        for rate in r.rates.get(by, []):
            line += 1
            put(summary, line, rate_cells(rate), header=not rate.key)
    summary.column_dimensions["A"].width = 60
    for name, title in LIST_TITLES.items():
        ws = wb.create_sheet(title[:31])
        put(ws, 1, list(LIST_COLUMNS), header=True)
        for i, row in enumerate(r.list_rows(name), start=2):
            put(ws, i, list_cells(row))
        for col, width in enumerate((28, 50, 36, 6, 28, 17, 17, 17, 24, 17), start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = "A2"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    wb.save(tmp)
    tmp.replace(out)
    return out


# --- PDF --------------------------------------------------------------------------------------


def write_pdf(r: SupervisionReport, out: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from hcc_desk.core.printing.styles import styles_for
    from hcc_desk.core.printing.text import para

    st = styles_for("A4")
    small = ParagraphStyle("supervision_cell", parent=st.cell, fontSize=8, leading=9.5)
    small_head = ParagraphStyle("supervision_head", parent=st.cell_head, fontSize=8, leading=9.5)
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ]
    )

    def cell(value: object, head: bool = False) -> Paragraph:
        return Paragraph(para(str(value), 300, max_lines=3), small_head if head else small)

    story: list[Any] = [  # reportlab's flowables (reportlab is untyped)
        Paragraph(para(r.centre_name.upper(), 300), st.header),
        Paragraph("BÁO CÁO GIÁM SÁT TIẾN ĐỘ GIẢI QUYẾT HỒ SƠ", st.title),
        Paragraph(
            para(
                f"Lập lúc {_dt(r.now)}. Tỷ lệ đúng hạn từ {r.date_from:%d/%m/%Y} đến "
                f"{r.date_to:%d/%m/%Y}. {_source_note(r)}",
                400,
            ),
            st.italic_center,
        ),
    ]
    counts = [
        [cell(t, True) for t in LIST_TITLES.values()],
        [cell(len(r.list_rows(n))) for n in LIST_TITLES],
    ]
    story += [Table(counts, style=grid, hAlign="LEFT"), Spacer(1, 4 * mm)]
    widths = (90 * mm, 22 * mm, 22 * mm, 22 * mm, 18 * mm, 30 * mm)
    for by, title in GROUP_TITLES.items():
        story.append(Paragraph(title, st.section))
        data = [[cell(c, True) for c in RATE_COLUMNS]]
        data += [[cell(v, not rate.key) for v in rate_cells(rate)] for rate in r.rates.get(by, [])]
        story += [
            Table(data, colWidths=widths, style=grid, hAlign="LEFT", repeatRows=1),
            Spacer(1, 3 * mm),
        ]
    # Code and date-times must not wrap (they are read and searched as one piece): at 8 pt a
    # code is 36.1 mm and "09:00 25/11/2026" 22.1 mm wide, plus 2 × 2 pt padding.
    list_widths = (
        39 * mm,
        42 * mm,
        30 * mm,
        9 * mm,
        28 * mm,
        24 * mm,
        24 * mm,
        24 * mm,
        28 * mm,
        24 * mm,
    )
    for name, title in LIST_TITLES.items():
        rows = r.list_rows(name)
        story.append(Paragraph(f"{title} ({len(rows)})", st.section))
        if not rows:
            story.append(Paragraph("Không có hồ sơ.", st.body))
            continue
        data = [[cell(c, True) for c in LIST_COLUMNS]]
        data += [[cell(v) for v in list_cells(row)] for row in rows]
        story += [
            Table(data, colWidths=list_widths, style=grid, hAlign="LEFT", repeatRows=1),
            Spacer(1, 3 * mm),
        ]
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    doc = SimpleDocTemplate(
        str(tmp),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title="Báo cáo giám sát",
        author="HCC Desk",
        creator="HCC Desk",
    )
    doc.build(story)
    tmp.replace(out)
    return out
