"""The ledger files from ledger data: the workbook read back with openpyxl, the PDF's text."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from hcc_desk.core.printing.forms.data import FormSet
from hcc_desk.core.printing.forms.ledger import COLUMNS
from hcc_desk.core.printing.forms.ledger_pdf import render_ledger_pdf
from hcc_desk.core.printing.forms.ledger_xlsx import FIRST_DATA_ROW, HEADER_ROWS, write_ledger_xlsx
from tests.forms import form_samples as samples
from tests.support.printed import page_count, page_size_mm, pdf_text

HOSTILE = '=HYPERLINK("http://evil.example","bấm") <b>&amp;</b>'


def _xlsx(data, tmp_path: Path, **kw):
    out = tmp_path / "ledger.xlsx"
    write_ledger_xlsx(data, out, **kw)
    return load_workbook(out).active


def test_workbook_rows_hold_the_values_typed_and_real_dates(tmp_path: Path) -> None:
    done = samples.ledger_row(
        2,
        result_ready_at=datetime(2025, 2, 7, 9, 0),
        returned_at=datetime(2025, 2, 7, 15, 30),
        status=10,
        timing="early",
        recipient="Trần Văn Phước",
        notes="Bổ sung 1 lần",
    )
    data = replace(samples.ledger(), rows=(samples.ledger_row(1), done))
    ws = _xlsx(data, tmp_path)
    top, sub = HEADER_ROWS
    titles = [ws.cell(top, i + 1).value or ws.cell(sub, i + 1).value for i in range(len(COLUMNS))]
    assert titles[:3] == ["TT", "Mã hồ sơ", "Tên thủ tục hành chính"]
    assert ws.cell(top, 8).value == "Ngày, tháng, năm"
    assert [ws.cell(sub, c).value for c in range(8, 13)] == [
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Chuyển hồ sơ đến cơ quan giải quyết",
        "Có kết quả giải quyết",
        "Trả kết quả",
    ]
    row = [ws.cell(FIRST_DATA_ROW + 1, c).value for c in range(1, len(COLUMNS) + 1)]
    assert row == [
        2,
        "000.00.22.H57-250205-0002",
        "Đăng ký khai sinh",
        1,
        "Nguyễn Văn Số 2",
        "12 Lê Lợi, Huế, 0905123456",
        "UBND phường Thuận Hóa",
        samples.RECEIVED,
        samples.DUE,
        datetime(2025, 2, 5, 10, 15),
        datetime(2025, 2, 7, 9, 0),
        datetime(2025, 2, 7, 15, 30),
        "Đã trả kết quả",
        "Trước hạn",
        "Tại quầy",
        "Trần Văn Phước",
        "Bổ sung 1 lần",
    ]
    first = [ws.cell(FIRST_DATA_ROW, c).value for c in (1, 11, 12, 13, 14)]
    assert first == [1, None, None, "Đang xử lý", "Chưa đến hạn"]
    assert ws.cell(FIRST_DATA_ROW, 8).number_format == "DD/MM/YYYY HH:MM"
    assert ws.cell(1, 1).value == "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ"
    assert ws.cell(2, 1).value == "SỔ THEO DÕI HỒ SƠ"
    assert ws.cell(3, 1).value == "Từ ngày 01/02/2025 đến ngày 28/02/2025"
    assert ws.print_title_rows == f"${top}:${sub}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.cell(FIRST_DATA_ROW + 3, 1).value == (
        "Tổng số: 2 hồ sơ; trong đó trước hạn 1, chưa đến hạn 1"
    )


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    data = replace(
        samples.ledger(),
        rows=(
            samples.ledger_row(
                1,
                applicant_name=HOSTILE,
                notes="=1+1",
                procedure_name="Tên\x00có\x07ký tự điều khiển",
            ),
        ),
    )
    out = tmp_path / "ledger.xlsx"
    write_ledger_xlsx(data, out)
    ws = load_workbook(out).active
    name = ws.cell(FIRST_DATA_ROW, 5)
    assert (name.value, name.data_type) == (HOSTILE, "s")
    assert (ws.cell(FIRST_DATA_ROW, 17).value, ws.cell(FIRST_DATA_ROW, 17).data_type) == (
        "=1+1",
        "s",
    )
    assert ws.cell(FIRST_DATA_ROW, 3).value == "Têncóký tự điều khiển"
    formulas = load_workbook(out, data_only=False).active
    assert all(c.data_type != "f" for row in formulas.iter_rows() for c in row)


def test_2025_set_numbers_the_ledger_mau_07(tmp_path: Path) -> None:
    ws = _xlsx(samples.ledger(), tmp_path, form_set=FormSet.TT03_2025)
    assert ws.cell(4, 1).value.startswith("Mẫu số 07 — Thông tư số 03/2025/TT-VPCP")
    pdf = tmp_path / "l.pdf"
    render_ledger_pdf(samples.ledger(), pdf, form_set=FormSet.TT03_2025)
    assert "Mẫu số 07 — Thông tư số 03/2025/TT-VPCP" in pdf_text(pdf)


def test_pdf_is_landscape_with_header_rows_repeated_on_every_page(tmp_path: Path) -> None:
    data = samples.ledger(rows=70)
    pdf = tmp_path / "l.pdf"
    render_ledger_pdf(data, pdf)
    w, h = page_size_mm(pdf)
    assert round(w) == 297 and round(h) == 210
    pages = page_count(pdf)
    assert pages >= 3
    text = pdf_text(pdf)
    for row in data.rows:
        assert row.code in text and row.applicant_name in text
    assert "Mẫu số 06 — Thông tư số 01/2018/TT-VPCP" in text
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/02/2025 đến ngày 28/02/2025" in text
    assert "Số: 2025" in text
    for page in range(1, pages + 1):
        page_text = pdf_text(pdf, page)
        assert "Mã hồ sơ" in page_text and "Ngày, tháng, năm" in page_text
        assert "Hẹn trả kết quả" in page_text and page_text.count("(17)") == 1
        if page > 1:
            assert f"Từ ngày 01/02/2025 đến ngày 28/02/2025 — trang {page}" in page_text
    assert "Tổng số: 70 hồ sơ; trong đó chưa đến hạn 70" in pdf_text(pdf, pages)
    assert "Người lập sổ: Lê Văn Bình" in pdf_text(pdf, pages)


def test_tall_rows_still_head_each_page_once_and_lose_no_row(tmp_path: Path) -> None:
    essay = "Địa chỉ rất dài, thôn Vỹ Dạ, phường Vỹ Dạ, thành phố Huế. " * 8
    rows = tuple(
        samples.ledger_row(
            i,
            applicant_address=essay,
            notes=essay,
            procedure_name=essay,
            applicant_name=essay[:150],
        )
        for i in range(1, 41)
    )
    pdf = tmp_path / "l.pdf"
    render_ledger_pdf(replace(samples.ledger(), rows=rows), pdf)
    pages = page_count(pdf)
    assert pages >= 10  # rows of 4 wrapped lines a column
    text = pdf_text(pdf)
    assert all(r.code in text for r in rows)
    assert [pdf_text(pdf, p).count("(17)") for p in range(1, pages + 1)] == [1] * pages


def test_codes_are_never_broken_across_lines(tmp_path: Path) -> None:
    pdf = tmp_path / "l.pdf"
    render_ledger_pdf(samples.ledger(rows=5), pdf)
    lines = [
        ln.strip()
        for ln in subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.splitlines()
    ]
    assert sum("000.00.22.H57-250205-000" in ln for ln in lines) == 5


def test_empty_period_says_so(tmp_path: Path) -> None:
    data = samples.ledger(rows=0)
    pdf = tmp_path / "l.pdf"
    render_ledger_pdf(data, pdf)
    text = pdf_text(pdf)
    assert "(Không có hồ sơ trong khoảng thời gian này)" in text
    assert "Tổng số: 0 hồ sơ" in text
    ws = _xlsx(data, tmp_path)
    assert ws.cell(FIRST_DATA_ROW, 2).value is None
