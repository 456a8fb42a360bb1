"""The Mẫu 01 receipt PDF, checked the way a counter would: text, page size, scanned codes."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from hcc_desk.core.printing.forms.data import FormSet
from hcc_desk.core.printing.paper_qr import parse_fragment
from hcc_desk.core.printing.receipt import COPY_MARKERS, render_receipt_pdf
from hcc_desk.core.printing.receipt_data import FeeLine, ReceiptData
from hcc_desk.core.printing.sample import sample_receipt
from tests.support.printed import barcodes, page_count, page_size_mm, pdf_text, receipt_facts

# The form's own wording, whatever the dossier.
LABELS = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "Bộ phận tiếp nhận và trả kết quả: TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    "Địa chỉ chủ hồ sơ:",
    "1. Thành phần hồ sơ nộp gồm:",
    "STT",
    "Tên giấy tờ",
    "Bản chính",
    "Bản sao chứng thực",
    "Bản photo",
    "NGƯỜI NỘP HỒ SƠ",
    "NGƯỜI TIẾP NHẬN HỒ SƠ",
    "(Ký và ghi rõ họ tên)",
    "lập thành 02 liên",
    "mang theo Giấy này",
    "Mẫu số 01",
    "Thông tư số 03/2025/TT-VPCP",
]


def values(r: ReceiptData) -> list[str]:
    """Every value of the receipt's data, as the form's lines show it."""
    received = r.received_at
    return [
        *receipt_facts(r),
        r.governing_body,
        r.centre_name,
        f"Số: {r.dossier_code}",
        f"{r.place_name}, ngày {received:%d} tháng {received:%m} năm {received:%Y}",
        f"Địa chỉ: {r.applicant_address}",
        f"Số điện thoại: {r.applicant_phone}",
        f"Email: {r.applicant_email}",
        f"Chủ hồ sơ: {r.owner_name}",
        r.owner_id,
        f"{r.procedure_name} (mã thủ tục: {r.procedure_code})",
        *(p.name for p in r.papers),
        f"2. Số lượng hồ sơ: {r.sets:02d} (bộ)",
        f"3. Thời gian giải quyết hồ sơ theo quy định là: {r.processing_time_text}",
        r.result_delivery_text,
        "Phí, lệ phí: Đăng ký khai sinh đúng hạn: 0 đồng (Miễn lệ phí) — căn cứ Luật Hộ tịch "
        "2014, Điều 11",
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {r.ledger_book} Số thứ tự: {r.ledger_number}",
        f"Ghi chú: {r.notes}",
        f"Tra cứu tình trạng hồ sơ tại {r.lookup_url}",
        f"Mã tra cứu {r.lookup_pin}",
        f"Đường dây nóng: {r.hotline}",
    ]


def render(data: ReceiptData, tmp_path: Path, paper: str = "A4", name: str = "r.pdf") -> Path:
    out = tmp_path / name
    render_receipt_pdf(data, out, paper=paper)
    return out


@pytest.fixture
def a4(receipt: ReceiptData, tmp_path: Path) -> Path:
    return render(receipt, tmp_path)


def test_every_label_and_value_of_the_form_is_printed(receipt: ReceiptData, a4: Path) -> None:
    for page in (1, 2):  # each copy in full
        text = pdf_text(a4, page)
        missing = [line for line in LABELS + values(receipt) if line not in text]
        assert not missing


def test_two_copies_one_page_each_with_their_markers(a4: Path) -> None:
    assert page_count(a4) == 2
    assert COPY_MARKERS == ("(Liên 1: Lưu)", "(Liên 2: Giao người nộp hồ sơ)")
    for page, marker in enumerate(COPY_MARKERS, 1):
        text = pdf_text(a4, page)
        assert marker in text and COPY_MARKERS[2 - page] not in text


def test_page_sizes(receipt: ReceiptData, tmp_path: Path) -> None:
    w, h = page_size_mm(render(receipt, tmp_path, "A4", "a4.pdf"))
    assert (round(w), round(h)) == (210, 297)
    a5 = render(receipt, tmp_path, "A5", "a5.pdf")
    w, h = page_size_mm(a5)
    assert (round(w), round(h)) == (148, 210)
    assert page_count(a5) == 2
    for page in (1, 2):
        text = pdf_text(a5, page)
        assert not [line for line in LABELS + values(receipt) if line not in text]


# The QR of Circular 01/2023/TT-VPCP: the lookup link, then the minimum facts it lists.
QR_FACTS = {
    "hs": "000.00.22.H57-250205-0007",
    "tthc": "1.001193.000.00.00.H57",
    "dd": "046225000321",  # the owner: the party the procedure is for
    "giay": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "ht": "HCC Desk",
    "tg": "2025-02-05T08:05",
    "hen": "2025-02-10T14:00",
}


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_barcode_and_qr_scan(receipt: ReceiptData, tmp_path: Path, paper: str) -> None:
    pdf = render(receipt, tmp_path, paper)
    for page in (1, 2):
        found = barcodes(pdf, page, top=0.15)  # the QR sits in the upper left corner
        assert found["code128"] == [receipt.dossier_code]
        [qr] = found["qr"]
        link, _, _ = qr.partition("#")
        assert link == receipt.lookup_url and parse_fragment(qr) == QR_FACTS


def test_qr_without_url_carries_code_and_pin(receipt: ReceiptData, tmp_path: Path) -> None:
    pdf = render(dataclasses.replace(receipt, lookup_url=None), tmp_path)
    for page in (1, 2):
        [qr] = barcodes(pdf, page)["qr"]
        assert qr.startswith(f"?ma={receipt.dossier_code}&pin={receipt.lookup_pin}#")
        assert parse_fragment(qr) == QR_FACTS
    assert "Tra cứu tình trạng hồ sơ bằng Mã hồ sơ" in pdf_text(pdf)


def test_the_2018_set_prints_its_own_caption(receipt: ReceiptData, tmp_path: Path) -> None:
    text = pdf_text(render(dataclasses.replace(receipt, form_set=FormSet.TT01_2018), tmp_path))
    assert text.count("Mẫu số 01") == 2 and "Thông tư số 01/2018/TT-VPCP" in text
    assert "03/2025" not in text


def test_markup_in_user_text_prints_literally(receipt: ReceiptData, tmp_path: Path) -> None:
    nasty = "<b>x</b><font size=80>&amp; A&B <br/> &#65;"
    data = dataclasses.replace(
        receipt,
        applicant_name=nasty,
        notes=nasty,
        papers=(dataclasses.replace(receipt.papers[0], name=nasty),),
    )
    text = pdf_text(render(data, tmp_path))
    assert text.count(nasty) >= 2 * 4  # name, signature, note, paper row; in both copies


def test_owner_block_only_when_owner_is_someone_else(receipt: ReceiptData, tmp_path: Path) -> None:
    same = dataclasses.replace(
        receipt, owner_name=receipt.applicant_name, owner_id=receipt.applicant_id_number
    )
    assert "Chủ hồ sơ" not in pdf_text(render(same, tmp_path, name="same.pdf"))
    none = dataclasses.replace(receipt, owner_name=None, owner_id=None, owner_address=None)
    assert "Chủ hồ sơ" not in pdf_text(render(none, tmp_path, name="none.pdf"))


def test_long_papers_list_flows_with_repeated_table_header(tmp_path: Path) -> None:
    pdf = render(sample_receipt(papers=200), tmp_path)
    pages = page_count(pdf)
    assert pages >= 6
    text = pdf_text(pdf)
    assert "Giấy tờ kèm theo số 200" in text
    first, second = pdf_text(pdf, 1), pdf_text(pdf, 2)
    assert "(Liên 1: Lưu)" in first
    # A continuation page repeats the table header and names its dossier and copy.
    assert "Tên giấy tờ" in second and "Bản sao chứng thực" in second
    assert "Mã hồ sơ: 000.00.22.H57-250205-0007 — (Liên 1: Lưu) — trang 2" in second
    # Copy 2 starts on a fresh page of its own.
    starts = [
        p
        for p in range(1, pages + 1)
        if "GIẤY TIẾP NHẬN HỒ SƠ" in pdf_text(pdf, p) and "Liên 2" in pdf_text(pdf, p)
    ]
    assert starts and starts[0] == pages // 2 + 1


def test_very_long_text_is_cut_with_ellipsis(receipt: ReceiptData, tmp_path: Path) -> None:
    data = dataclasses.replace(
        receipt,
        applicant_name="Nguyễn " * 2000,
        governing_body="X" * 10_000,
        procedure_name="thủ tục " * 3000,
        notes="dòng\n" * 5000,
        dossier_code="9" * 3000,
    )
    pdf = render(data, tmp_path, "A5")
    text = pdf_text(pdf)
    assert "…" in text and "Nguyễn Nguyễn" in text and "thủ tục thủ tục" in text
    assert page_count(pdf) <= 8
    assert barcodes(pdf)["code128"] == []  # too long to scan: printed as text only


def test_output_to_binary_file_and_bad_paper(receipt: ReceiptData, tmp_path: Path) -> None:
    buf = io.BytesIO()
    render_receipt_pdf(receipt, buf)
    pdf = tmp_path / "from-buffer.pdf"
    pdf.write_bytes(buf.getvalue())
    assert f"Mã hồ sơ: {receipt.dossier_code}" in pdf_text(pdf) and page_count(pdf) == 2
    with pytest.raises(ValueError, match="paper"):
        render_receipt_pdf(receipt, io.BytesIO(), paper="Letter")


def test_the_2018_set_receipt_carries_both_barcodes(receipt: ReceiptData, tmp_path: Path) -> None:
    pdf = render(dataclasses.replace(receipt, form_set=FormSet.TT01_2018), tmp_path)
    for page in (1, 2):
        found = barcodes(pdf, page, top=0.15)
        assert found["code128"] == [receipt.dossier_code]
        [qr] = found["qr"]
        assert parse_fragment(qr) == QR_FACTS  # the paper's name is the same in both sets


@pytest.mark.parametrize(
    ("number", "label"),
    [("046190001234", "Số định danh cá nhân: 046190001234"), ("191234567", "Số CMND: 191234567")],
)
def test_id_labels_follow_the_identification_law(
    receipt: ReceiptData, tmp_path: Path, number: str, label: str
) -> None:
    org = dataclasses.replace(
        receipt,
        applicant_id_number=number,
        owner_kind="organisation",
        owner_name="Công ty TNHH Hương Giang",
        owner_id="3301234568",
    )
    text = pdf_text(render(org, tmp_path))
    assert label in text
    assert "Chủ hồ sơ: Công ty TNHH Hương Giang; Mã số doanh nghiệp/Mã số thuế: 3301234568" in text
    assert "Hộ chiếu" not in text and "Thẻ căn cước/" not in text


def test_empty_contacts_print_no_bare_label_and_no_fee_gives_a_neutral_line(
    receipt: ReceiptData, tmp_path: Path
) -> None:
    from hcc_desk.core.printing.fees import UNKNOWN

    bare = dataclasses.replace(
        receipt,
        applicant_email="",
        applicant_phone="",
        applicant_address="",
        fees=(),
        owner_name=None,
    )
    text = pdf_text(render(bare, tmp_path))
    assert "Email" not in text and "Số điện thoại" not in text and "Địa chỉ:" not in text
    assert f"Phí, lệ phí: {UNKNOWN}" in text


def test_fee_cases_print_amount_case_and_basis(receipt: ReceiptData, tmp_path: Path) -> None:
    fees = (
        FeeLine("Trong nước", 1234567, "1.234.567 đồng", "Thông tư 25/2021/TT-BTC"),
        FeeLine(None, None, "Miễn lệ phí cho người khuyết tật", None),
    )
    text = pdf_text(render(dataclasses.replace(receipt, fees=fees), tmp_path))
    assert (
        "Phí, lệ phí: - Trong nước: 1.234.567 đồng — căn cứ Thông tư 25/2021/TT-BTC "
        "- Miễn lệ phí cho người khuyết tật"
    ) in text


def test_a_wrapped_value_never_leaves_one_word_alone(receipt: ReceiptData, tmp_path: Path) -> None:
    import subprocess

    from hcc_desk.core.printing.receipt_parts import keep_tail

    assert keep_tail("TRUNG TÂM THÀNH PHỐ HUẾ") == "TRUNG TÂM THÀNH PHỐ&nbsp;HUẾ"
    assert keep_tail("<b>x</b>") == "<b>x</b>" and keep_tail("một") == "một"
    pdf = render(receipt, tmp_path)  # the centre's name wraps on the receiving-unit line
    lines = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    body = lines[next(i for i, ln in enumerate(lines) if "(Liên 1: Lưu)" in ln) :]
    # A wrapped line starts at the margin; one word alone there is a stray line.
    assert not [ln for ln in body if len(ln.split()) == 1 and ln.startswith(ln.strip())]
