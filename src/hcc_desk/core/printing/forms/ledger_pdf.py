"""The ledger (Mẫu 06 / 2025: Mẫu 07) as a landscape A4 PDF.

A wide table whose three header rows (titles, the date group, column numbers) head every page;
continuation pages also carry a running line with the period and the page number.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer
from reportlab.platypus.tables import Table, TableStyle

from hcc_core.vn_format import vn_date, vn_time
from hcc_desk.core.printing import document, fonts
from hcc_desk.core.printing.forms.common import Out, mark_style
from hcc_desk.core.printing.forms.data import FormSet, LedgerData
from hcc_desk.core.printing.forms.ledger import (
    COLUMNS,
    DATE_GROUP,
    FIRST_DATED,
    LAST_DATED,
    Cell,
    period_text,
    row_cells,
    totals_text,
)
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.receipt_parts import LIMITS, header
from hcc_desk.core.printing.styles import LAYOUTS, styles_for
from hcc_desk.core.printing.text import clean, clip, para

LAYOUT = replace(
    LAYOUTS["A4"], page_size=landscape(A4), margins=(12 * mm, 10 * mm, 10 * mm, 12 * mm)
)
CELL_LIMIT = 300  # characters per cell: a pasted essay in one field cannot fill pages
CODE_COLUMN = 1


@cache
def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    family = fonts.register_fonts()
    cell = ParagraphStyle(
        "ledger_cell", fontName=family, fontSize=7, leading=8.4, alignment=TA_LEFT, splitLongWords=1
    )
    center = ParagraphStyle("ledger_center", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("ledger_head", parent=center, fontName=fonts.BOLD)
    return cell, center, head


def render_ledger_pdf(
    data: LedgerData,
    out: Out,
    *,
    form_set: FormSet = FormSet.TT01_2018,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("ledger", form_set)
    st = styles_for("A4")
    period = period_text(data)
    intro: list[Flowable] = []
    if tpl.number:
        intro.append(Paragraph(f"Mẫu số {tpl.number} — {tpl.basis}", mark_style("A4")))
    intro += [
        header(
            data.centre.governing_body,
            data.centre.name,
            data.book or "……",
            data.centre.place_name,
            data.generated_at.date(),
            LAYOUT,
            st,
        ),
        Paragraph(tpl.title, st.title),
        Paragraph(period, st.italic_center),
    ]
    story = [
        *intro,
        *_tables(data, _height_of(intro)),
        Spacer(1, LAYOUT.s(4)),
        Paragraph(totals_text(data.rows), st.body),
    ]
    if data.officer_name:
        story.append(Paragraph(f"Người lập sổ: {para(data.officer_name, LIMITS['name'])}", st.body))
    running = f"{tpl.title} — {period}"
    document.build(
        out, LAYOUT, st, [(running, story)], title=clip(clean(f"{tpl.title} {period}"), 200)
    )


_PAD = (2, 2, 2, 3)  # left, right, top, bottom padding of every cell
# Room kept free on each page: the frame's own rounding, and the running line of later pages.
_SLACK = 6 * mm


def _tables(data: LedgerData, intro_height: float) -> list[Flowable]:
    """One table per page, the three header rows on top of each.

    reportlab splits one long table by re-wrapping every remaining row at each page break,
    which grows with the square of the rows (a month of a busy centre took minutes). Here
    each row is measured once and the rows are cut into pages up front.
    """
    cell, _, _ = _cell_styles()
    widths = _widths(data)
    head = _head_rows()
    head_height = _table(head, widths).wrap(LAYOUT.frame_width, LAYOUT.page_size[1])[1]
    if not data.rows:
        empty: list[object] = [""] * len(COLUMNS)
        empty[1] = Paragraph("(Không có hồ sơ trong khoảng thời gian này)", cell)
        return [_table([*head, empty], widths, span_empty=True)]
    frame = LAYOUT.page_size[1] - LAYOUT.margins[0] - LAYOUT.margins[2]
    room = frame - intro_height - _SLACK
    pages: list[list[list[object]]] = [[]]
    used = head_height
    for r in data.rows:
        row = _cells(row_cells(r), cell)
        h = _rows_height([row], widths)
        if pages[-1] and used + h > room:
            pages.append([])
            used, room = head_height, frame - _SLACK
        pages[-1].append(row)
        used += h
    out: list[Flowable] = []
    for i, rows in enumerate(pages):
        if i:
            out.append(PageBreak())
        out.append(_table([*head, *rows], widths))
    return out


def _head_rows() -> list[list[object]]:
    _, center, head = _cell_styles()
    top: list[object] = [Paragraph(c.title, head) if not c.dated else "" for c in COLUMNS]
    top[FIRST_DATED] = Paragraph(DATE_GROUP, head)
    sub: list[object] = [Paragraph(c.title, head) if c.dated else "" for c in COLUMNS]
    numbers: list[object] = [Paragraph(f"({i})", center) for i in range(1, len(COLUMNS) + 1)]
    return [top, sub, numbers]


def _rows_height(rows: list[list[object]], widths: list[float]) -> float:
    """Height the rows take in a table of these column widths (no spanned cells)."""
    left, right, top, bottom = _PAD
    leading = _cell_styles()[0].leading
    total = 0.0
    for row in rows:
        tallest = 0.0
        for value, w in zip(row, widths, strict=True):
            if isinstance(value, Paragraph):
                tallest = max(tallest, value.wrap(w - left - right, 1e6)[1])
            elif value:
                tallest = max(tallest, leading * (str(value).count("\n") + 1))
        total += tallest + top + bottom
    return total


def _height_of(flowables: list[Flowable]) -> float:
    width, frame = LAYOUT.frame_width, LAYOUT.page_size[1]
    return sum(f.wrap(width, frame)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def _table(rows: list[list[object]], widths: list[float], *, span_empty: bool = False) -> Table:
    spans = [("SPAN", (i, 0), (i, 1)) for i, c in enumerate(COLUMNS) if not c.dated]
    spans.append(("SPAN", (FIRST_DATED, 0), (LAST_DATED, 0)))
    if span_empty:
        spans.append(("SPAN", (1, 3), (len(COLUMNS) - 1, 3)))
    left, right, top, bottom = _PAD
    cell = _cell_styles()[0]
    # repeatRows stays as a safety net should a measured page still not fit.
    table = Table(rows, colWidths=widths, repeatRows=3)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, 2), "MIDDLE"),
                ("VALIGN", (0, 3), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 2), colors.Color(0.92, 0.92, 0.92)),
                ("LEFTPADDING", (0, 0), (-1, -1), left),
                ("RIGHTPADDING", (0, 0), (-1, -1), right),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
                # Plain-string cells (codes, counts, dates): the cell font, centred but the code.
                ("FONTNAME", (0, 3), (-1, -1), cell.fontName),
                ("FONTSIZE", (0, 3), (-1, -1), cell.fontSize),
                ("LEADING", (0, 3), (-1, -1), cell.leading),
                ("ALIGN", (0, 3), (-1, -1), "CENTER"),
                ("ALIGN", (CODE_COLUMN, 3), (CODE_COLUMN, -1), "LEFT"),
                *spans,
            ]
        )
    )
    return table


def _widths(data: LedgerData) -> list[float]:
    """Codes, dates and counts get the width they need on one line (a code broken in two
    cannot be scanned or searched as a whole); the rest share what is left by weight."""
    cell, _, _ = _cell_styles()
    pad = 4 + 1

    def fit(texts: list[str], cap: float) -> float:
        return min(cap, max(stringWidth(s, cell.fontName, cell.fontSize) for s in texts) + pad)

    sized = {
        0: fit([str(len(data.rows)), "TT", "(1)"], 12 * mm),
        1: fit(
            [clip(clean(r.code), LIMITS["code"]) for r in data.rows]
            + ["000.00.00.H00-000000-0000"],
            45 * mm,
        ),
        3: 10 * mm,
    }
    for i, c in enumerate(COLUMNS):
        if c.dated:
            sized[i] = fit(["00/00/0000"], 20 * mm)
    rest = LAYOUT.frame_width - sum(sized.values())
    total = sum(c.weight for c in COLUMNS)
    return [sized.get(i, rest * c.weight / total) for i, c in enumerate(COLUMNS)]


def _cells(values: list[Cell], cell: ParagraphStyle) -> list[object]:
    """Free text as Paragraphs (wrapped, escaped); counts, dates and the code as plain strings,
    which the table draws directly — a Paragraph per cell was most of the render time."""
    out: list[object] = []
    for i, value in enumerate(values):
        if value is None:
            out.append("")
        elif isinstance(value, datetime):
            out.append(f"{vn_date(value)}\n{vn_time(value)}")
        elif isinstance(value, int):
            out.append(str(value))
        elif i == CODE_COLUMN:
            out.append(" ".join(clip(clean(value), LIMITS["code"]).split()))
        else:
            out.append(Paragraph(para(value, CELL_LIMIT, max_lines=4), cell))
    return out
