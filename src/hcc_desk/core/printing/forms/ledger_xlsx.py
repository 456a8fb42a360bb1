"""The ledger (Mẫu 06 / 2025: Mẫu 07) as an Excel workbook (openpyxl).

Real dates (filterable, sortable) and literal text: a value typed as ``=HYPERLINK(...)`` stays
text, never a formula. Printing from Excel gives landscape A4 with the header rows repeated.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

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
from hcc_desk.core.printing.text import clean, clip

SHEET = "Sổ theo dõi hồ sơ"
HEADER_ROWS = (5, 6)  # titles, then the dates under "Ngày, tháng, năm"
FIRST_DATA_ROW = 7
DATE_FORMAT = "DD/MM/YYYY HH:MM"
EXCEL_CELL_LIMIT = 32_767  # characters Excel keeps in one cell

_thin = Side(style="thin")
_BOX = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD = Alignment(wrap_text=True, horizontal="center", vertical="center")


def write_ledger_xlsx(
    data: LedgerData,
    out: str | os.PathLike[str] | BinaryIO,
    *,
    form_set: FormSet = FormSet.TT01_2018,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("ledger", form_set)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    n = len(COLUMNS)
    last = get_column_letter(n)
    mark = f"Mẫu số {tpl.number} — {tpl.basis}" if tpl.number else ""
    for row, text, bold in (
        (1, _text(data.centre.name), True),
        (2, tpl.title, True),
        (3, period_text(data), False),
        (4, mark, False),
    ):
        _put(ws, row, 1, text).font = Font(bold=bold, size=13 if row == 2 else 11, italic=row == 4)
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.cell(row, 1).alignment = Alignment(horizontal="center")
    top, sub = HEADER_ROWS
    for col, c in enumerate(COLUMNS, 1):
        if c.dated:
            _put(ws, sub, col, c.title)
        else:
            _put(ws, top, col, c.title)
            ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
        ws.column_dimensions[get_column_letter(col)].width = _width(col - 1, c.weight)
    _put(ws, top, FIRST_DATED + 1, DATE_GROUP)
    ws.merge_cells(
        start_row=top, start_column=FIRST_DATED + 1, end_row=top, end_column=LAST_DATED + 1
    )
    grey = PatternFill("solid", fgColor="EEEEEE")
    for row in HEADER_ROWS:
        for col in range(1, n + 1):
            cell = ws.cell(row, col)
            cell.font, cell.alignment, cell.border, cell.fill = Font(bold=True), _HEAD, _BOX, grey
    for i, ledger_row in enumerate(data.rows):
        for col, value in enumerate(row_cells(ledger_row), 1):
            cell = _put(ws, FIRST_DATA_ROW + i, col, value)
            cell.alignment, cell.border = _WRAP, _BOX
            if isinstance(value, datetime):
                cell.number_format = DATE_FORMAT
    _put(ws, FIRST_DATA_ROW + len(data.rows) + 1, 1, totals_text(data.rows))
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3)  # codes and titles stay in view
    ws.auto_filter.ref = f"A{sub}:{last}{FIRST_DATA_ROW + max(len(data.rows), 1) - 1}"
    ws.print_title_rows = f"{top}:{sub}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = "HCC Desk"
    wb.properties.title = clip(clean(f"{tpl.title} {period_text(data)}"), 200)
    wb.save(out)


def _width(index: int, weight: float) -> float:
    """Column width in characters: content-sized columns get what their values need."""
    if weight:
        return weight * 0.9
    if COLUMNS[index].dated:
        return 17.0
    return {0: 5.0, 1: 27.0}.get(index, 9.0)


def _text(value: str | None) -> str:
    # Control characters are not allowed in the file format; the rest is kept as typed.
    return clip(clean(value or ""), EXCEL_CELL_LIMIT)


def _put(ws, row: int, col: int, value: Cell):
    cell = ws.cell(row, col)
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"  # openpyxl would store "=..." as a formula
    else:
        cell.value = value
    return cell
