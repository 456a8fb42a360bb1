"""Each form's PDF, read back as a counter would: its fields (pdftotext) and both its barcodes
(zxing-cpp on a 300 dpi render: the dossier code's Code128 and the Circular 01/2023 QR), under
both legal bases."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcc_desk.core.printing.forms.data import FormSet, HopRow
from hcc_desk.core.printing.forms.render import render_form
from hcc_desk.core.printing.forms.templates import template_for
from hcc_desk.core.printing.paper_qr import parse_fragment
from tests.forms import form_samples as samples
from tests.support.printed import barcodes, page_count, page_size_mm, pdf_text

COMMON = [
    "UBND THÀNH PHỐ HUẾ",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    f"Mã hồ sơ: {samples.CODE}",
]

FIELDS = {
    "supplement": [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        f"Số: {samples.CODE}/HDHS",
        "Huế, ngày 06 tháng 02 năm 2025",
        "Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: Nguyễn Thị Hương",
        "Địa chỉ: 12 Lê Lợi, phường Thuận Hóa",
        "Số điện thoại: 0905 123 456",
        "Email: huong.nguyen@example.vn",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 05 tháng 02 năm 2025",
        "Cơ quan yêu cầu bổ sung: UBND phường Thuận Hóa",
        "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:",
        "1 Giấy chứng sinh bản chính",
        "2 Bản sao Giấy chứng nhận kết hôn",
        "Lý do: Giấy chứng sinh không rõ ngày sinh",
        "tạm dừng từ 09 giờ 30 phút, ngày 06 tháng 02 năm 2025",
        "liên hệ với Lê Văn Bình, số điện thoại 0234 3 822 822",
        "NGƯỜI HƯỚNG DẪN",
        "(Ký và ghi rõ họ tên)",
    ],
    "refusal": [
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        f"Số: {samples.CODE}",
        "Huế, ngày 06 tháng 02 năm 2025",
        "Tiếp nhận hồ sơ của: Nguyễn Thị Hương",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        (
            "Qua xem xét, UBND phường Thuận Hóa thông báo không tiếp nhận, giải quyết hồ sơ này "
            "với lý do cụ thể như sau: Việc khai sinh đã được đăng ký tại UBND xã Phú Mậu."
        ),
        "Xin thông báo cho Ông/Bà được biết và thực hiện.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Lê Văn Bình",
    ],
    "stop": [
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        f"Số: {samples.CODE}",
        "Huế, ngày 07 tháng 02 năm 2025",
        "V/v dừng giải quyết hồ sơ thủ tục hành chính",
        "Kính gửi: Ông/Bà Nguyễn Thị Hương",
        "Ngày 05 tháng 02 năm 2025, TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ đã tiếp "
        "nhận hồ sơ",
        f"mã hồ sơ {samples.CODE}",
        "Trong quá trình giải quyết, UBND phường Thuận Hóa thông báo dừng giải quyết hồ sơ",
        "Người yêu cầu đã có văn bản đề nghị dừng giải quyết.",
        "Hồ sơ và giấy tờ Ông/Bà đã nộp được trả lại",
        "Nơi nhận:",
        "THỦ TRƯỞNG CƠ QUAN",
    ],
    "apology": [
        "Huế, ngày 10 tháng 02 năm 2025",
        "Kính gửi: Ông/Bà Nguyễn Thị Hương",
        "Ngày 05 tháng 02 năm 2025, TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ tiếp nhận",
        "Đăng ký khai sinh",
        f"mã hồ sơ {samples.CODE}",
        "Thời gian hẹn trả kết quả là 14 giờ 00 phút, ngày 10 tháng 02 năm 2025",
        "UBND phường Thuận Hóa chưa có kết quả",
        "Lý do: Chờ kết quả xác minh của Công an",
        "09 giờ 00 phút, ngày 14 tháng 02 năm 2025",
        "Nơi nhận:",
        "THỦ TRƯỞNG CƠ QUAN",
        "(Ký, ghi rõ họ tên và đóng dấu)",
    ],
    "control": [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)",
        "Tên tổ chức/cá nhân: Nguyễn Thị Hương",
        "Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 05 tháng 02 năm 2025",
        "Thời gian hẹn trả kết quả: 14 giờ 00 phút, ngày 10 tháng 02 năm 2025",
        "Cơ quan (bộ phận) giải quyết hồ sơ: UBND phường Thuận Hóa",
        "Cơ quan phối hợp giải quyết hồ sơ: Công an phường Thuận Hóa",
        "TÊN CƠ QUAN",
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "GHI CHÚ",
        "1. Giao: Bộ phận tiếp nhận và trả kết quả",
        "2. Nhận: UBND phường Thuận Hóa",
        "3. Giao: UBND phường Thuận Hóa",
        "4. Nhận: Công an phường Thuận Hóa",
        "10 giờ 15 phút, ngày 05 tháng 02 năm 2025",
        "14 giờ 40 phút, ngày 06 tháng 02 năm 2025",
        "Xác minh cư trú",
        "Đúng hạn",
        "Người giao",
        "Người nhận",
        "Có kết quả giải quyết: 09 giờ 20 phút, ngày 10 tháng 02 năm 2025",
        "Đã trả kết quả: 15 giờ 45 phút, ngày 10 tháng 02 năm 2025",
    ],
    "result": [
        "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        "Huế, ngày 10 tháng 02 năm 2025",
        "Người nộp hồ sơ: Nguyễn Thị Hương",
        "Thời gian hẹn trả kết quả: 14 giờ 00 phút, ngày 10 tháng 02 năm 2025",
        "Thời gian trả kết quả: 15 giờ 45 phút, ngày 10 tháng 02 năm 2025",
        "Tiến độ giải quyết: Quá hạn",
        "Kết quả giải quyết: Giấy khai sinh bản chính và 02 bản sao",
        "Họ và tên: Trần Văn Phước",
        "Số định danh cá nhân: 046085012345",
        "Quan hệ với hồ sơ: Người được ủy quyền",
        "Giấy ủy quyền: Giấy ủy quyền số 15/UQ ngày 07/02/2025",
        "NGƯỜI NHẬN KẾT QUẢ",
        "NGƯỜI TRẢ KẾT QUẢ",
        "Lê Văn Bình",
    ],
}

# What the legal basis changes: the form-number caption, and for Mẫu 04 the title and wording.
BASIS = {
    FormSet.TT01_2018: {
        "supplement": ["Mẫu số 02 Thông tư số 01/2018/TT-VPCP ngày 23/11/2018"],
        "refusal": ["Mẫu số 03 Thông tư số 01/2018/TT-VPCP"],
        "stop": [],  # no stop form in the 2018 set: unnumbered
        "apology": [
            "Mẫu số 04 Thông tư số 01/2018/TT-VPCP",
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            "V/v xin lỗi đối với hồ sơ giải quyết quá hạn",
            "hẹn lại thời gian trả kết quả vào",
        ],
        "control": ["Mẫu số 05 Thông tư số 01/2018/TT-VPCP"],
        "result": [],
    },
    FormSet.TT03_2025: {
        "supplement": ["Mẫu số 02 Thông tư số 03/2025/TT-VPCP ngày 15/9/2025"],
        "refusal": ["Mẫu số 03 Thông tư số 03/2025/TT-VPCP"],
        "stop": ["Mẫu số 05 Thông tư số 03/2025/TT-VPCP"],
        "apology": [
            "Mẫu số 04 Thông tư số 03/2025/TT-VPCP",
            "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
            "V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ",
            "đồng ý gia hạn thời gian giải quyết hồ sơ đến",
        ],
        "control": ["Mẫu số 06 Thông tư số 03/2025/TT-VPCP"],
        "result": [],
    },
}


def render(
    data,
    tmp_path: Path,
    form_set: FormSet = FormSet.TT01_2018,
    paper: str = "A4",
    name: str = "form.pdf",
) -> Path:
    out = tmp_path / name
    render_form(data, out, paper=paper, form_set=form_set)
    return out


@pytest.mark.parametrize("form_set", list(FormSet))
@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_every_field_of_the_form_is_printed(kind: str, form_set: FormSet, tmp_path: Path) -> None:
    pdf = render(samples.SAMPLES[kind](), tmp_path, form_set)
    text = pdf_text(pdf)
    missing = [f for f in COMMON + FIELDS[kind] + BASIS[form_set][kind] if f not in text]
    assert not missing
    other = BASIS[FormSet.TT03_2025 if form_set is FormSet.TT01_2018 else FormSet.TT01_2018]
    assert not [f for f in other[kind] if f in text]  # nothing of the other set leaks in
    assert page_count(pdf) == 1


# The minimum facts of Circular 01/2023/TT-VPCP each paper's QR carries (besides its name).
QR_FACTS = {
    "hs": samples.CODE,
    "tthc": "1.001193.000.00.00.H57",
    "dd": "046190001234",
    "ht": "HCC Desk",
}
ISSUED = {
    "supplement": "2025-02-06T09:30",
    "refusal": "2025-02-06T10:00",
    "stop": "2025-02-07T14:00",
    "apology": "2025-02-10T15:00",
    "control": "2025-02-05T08:05",
    "result": "2025-02-10T15:45",
}
APPOINTMENT = {"apology": "2025-02-14T09:00", "control": "2025-02-10T14:00"}


@pytest.mark.parametrize("form_set", list(FormSet))
@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_both_barcodes_scan_at_300_dpi(kind: str, form_set: FormSet, tmp_path: Path) -> None:
    pdf = render(samples.SAMPLES[kind](), tmp_path, form_set)
    found = barcodes(pdf, top=0.15)  # the QR in the upper left corner, the code beside it
    assert found["code128"] == [samples.CODE]
    [qr] = found["qr"]
    assert qr.partition("#")[0] == samples.LINK  # opens the dossier's status page
    facts = parse_fragment(qr)
    want = {**QR_FACTS, "giay": template_for(kind, form_set).title, "tg": ISSUED[kind]}
    if kind in APPOINTMENT:
        want["hen"] = APPOINTMENT[kind]
    assert facts == want


def test_a5_paper_keeps_fields_and_a_scannable_barcode(tmp_path: Path) -> None:
    pdf = render(samples.control(), tmp_path, paper="A5")
    w, h = page_size_mm(pdf)
    assert round(w) == 148 and round(h) == 210
    assert "2. Nhận: UBND phường Thuận Hóa" in pdf_text(pdf)
    assert barcodes(pdf)["code128"] == [samples.CODE]


def test_the_owner_collecting_needs_no_authorisation_line(tmp_path: Path) -> None:
    text = pdf_text(
        render(samples.result(relation="owner", authorisation_ref=None, timing="early"), tmp_path)
    )
    assert "Quan hệ với hồ sơ: Chủ hồ sơ (người nộp hồ sơ)" in text
    assert "Giấy ủy quyền" not in text
    assert "Tiến độ giải quyết: Trước hạn" in text


def test_apology_without_the_old_appointment_cites_the_receipt(tmp_path: Path) -> None:
    text = pdf_text(render(samples.apology(old_due_at=None, agency_name=None), tmp_path))
    assert "Thời gian hẹn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in text
    assert "Đến nay, TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ chưa có kết quả" in text


def test_long_papers_list_flows_onto_pages_with_header_and_running_line(tmp_path: Path) -> None:
    papers = tuple(f"Giấy tờ cần bổ sung số {i}" for i in range(1, 121))
    pdf = render(samples.supplement(missing_papers=papers), tmp_path)
    pages = page_count(pdf)
    assert pages >= 3
    text = pdf_text(pdf)
    assert all(f"Giấy tờ cần bổ sung số {i} " in text + " " for i in (1, 60, 119, 120))
    for page in range(2, pages + 1):
        page_text = pdf_text(pdf, page)
        assert f"Mã hồ sơ: {samples.CODE} — PHIẾU YÊU CẦU BỔ SUNG" in page_text
        assert f"trang {page}" in page_text
    assert "Thành phần hồ sơ cần bổ sung, hoàn thiện" in pdf_text(pdf, 2)  # header repeated
    assert "NGƯỜI HƯỚNG DẪN" in pdf_text(pdf, pages)


def test_control_slip_leaves_blank_rows_for_hops_to_come(tmp_path: Path) -> None:
    one = (
        HopRow(
            "Bộ phận tiếp nhận và trả kết quả", samples.AGENCY, samples.RECEIVED.replace(hour=9)
        ),
    )
    text = pdf_text(
        render(
            samples.control(hops=one, result_ready_at=None, returned_at=None, coordinating=()),
            tmp_path,
        )
    )
    assert "Cơ quan phối hợp giải quyết hồ sơ: Không" in text
    assert "3. Giao: …" in text and "8. Nhận: …" in text  # three blank hand-overs
    assert "Có kết quả giải quyết" not in text and "Đã trả kết quả" not in text
