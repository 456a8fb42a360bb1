"""Reading what a paper is from its OCR text (issue 14, item 3): realistic Vietnamese OCR output,
with the noise scans give (marks lost, O/0 and l/1, the header's two columns on one line), and
confidences that pre-fill (>= 0.8) only for clear patterns."""

from __future__ import annotations

from datetime import date

import pytest

from hcc_desk.core.digitise.metadata import FIELDS, PREFILL, Suggestion, suggest

TODAY = date(2026, 11, 25)

BIRTH_KINDS = [
    "Tờ khai đăng ký khai sinh theo mẫu",
    "Giấy chứng sinh",
    "Bản sao Giấy khai sinh của người con",
    "Giấy tờ tùy thân của người đi đăng ký",
]

# Tesseract (vie) on a 200 dpi scan: the header's two columns come out as one line each.
BIRTH_CERTIFICATE = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG THUẬN HÓA Độc lập - Tự do - Hạnh phúc
—————

Số: 45/TLKS

GIẤY KHAI SINH

Họ, chữ đệm, tên: NGUYỄN THỊ HƯƠNG
Ngày, tháng, năm sinh: 12/03/1990
Nơi sinh: Bệnh viện Đa khoa tỉnh Quảng Trị
Số định danh cá nhân: 045190012345
Họ, chữ đệm, tên người mẹ: TRẦN THỊ LAN
Số định danh cá nhân: 046165001234

Huế, ngày 05 tháng 3 năm 2021
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def _values(found: dict[str, Suggestion]) -> dict[str, str]:
    return {k: v.value for k, v in found.items()}


def _sure(found: dict[str, Suggestion]) -> set[str]:
    return {k for k, v in found.items() if v.confidence >= PREFILL}


def test_birth_certificate():
    found = suggest(BIRTH_CERTIFICATE, BIRTH_KINDS, [], TODAY)
    assert _values(found) == {
        "kind": "Bản sao Giấy khai sinh của người con",
        "number": "45/TLKS",
        "issuer": "ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA",
        "issued_on": "2021-03-05",  # not the birth date above it
        "owner_id_number": "045190012345",
    }
    # Two valid ID numbers, neither known to the dossier: which one is the owner's is a guess.
    assert _sure(found) == {"kind", "number", "issuer", "issued_on"}
    assert all(0.0 <= s.confidence <= 1.0 for s in found.values())
    assert set(found) <= set(FIELDS)


def test_an_applicants_id_number_is_near_certain():
    found = suggest(BIRTH_CERTIFICATE, BIRTH_KINDS, ["046165001234", "045190012345"], TODAY)
    assert found["owner_id_number"].value == "045190012345"  # the child, printed first
    found = suggest(BIRTH_CERTIFICATE, BIRTH_KINDS, ["046165001234"], TODAY)
    assert found["owner_id_number"] == Suggestion("046165001234", 0.95)


CHIP_CARD = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
§SOCIALIST REPUBLIC OF VIET NAM
Independenee - Freedom - Happiness
CĂN CƯỚC CÔNG DÂN
Citizen Identity Card.
Số / No.: O46185O12345.
Họ và tên / Full name:
NGUYÊN THỊ HƯƠNG
Ngày sinh / Date of birth: 12/03/1985
Giới tính /Sex: Nữ _ Quốc tịch / Nationality: Việt Nam
Quê quán / Place of origin: Hải Lăng, Quảng Trị
Nơi thường trú / Place of residence: 12 Lê Lợi, Huế

Có giá trị đến: 12/03/2045.
Date of expiry'

Ngày, tháng, năm / Date, month, year: 15/08/2021

'CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI
'DIRECTOR GENERAL OF THẺ POLICE DEPARTMENT FOR ADMINISTRATIVE MANAGEMENT OF SOCIAL ORDER.
"""
CARD_KINDS = [
    "Tờ khai đề nghị cấp hộ chiếu phổ thông",
    "Bản sao Thẻ Căn cước hoặc thẻ Căn cước công dân hoặc Giấy xác nhận căn cước",
    "Giấy khai sinh",
]


def test_chip_id_card_front_and_back():
    found = suggest(CHIP_CARD, CARD_KINDS, ["046185012345"], TODAY)
    assert _values(found) == {
        "kind": CARD_KINDS[1],
        "number": "046185012345",  # O read for 0, twice
        "issuer": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "issued_on": "2021-08-15",
        "valid_until": "2045-03-12",
        "owner_id_number": "046185012345",
    }
    assert _sure(found) == set(found)
    assert found["owner_id_number"].confidence == 0.95


LAND_USE = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

GIẤY CHỨNG NHẬN
QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẲẢN KHÁC GẮN LIỀN VỚI ĐẤT

1. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất
Ông: Nguyễn Văn An, sinh năm 1975, CCCD số: 046075001234
Địa chỉ thường trú: thôn Phú Xuân, xã Hải Lăng, tỉnh Quảng Trị
Số vào sổ cấp GCN: CS 01234
Quảng Trị, ngày 05 tháng 3 năm 2021

TM. ỦY BAN NHÂN DÂN HUYỆN HẢI LĂNG
KT. CHỦ TỊCH

BY 123456
"""
LAND_KINDS = [
    "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18",
    "Giấy chứng nhận đã cấp",
    "Bản gốc Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
    "với đất",
]


def test_land_use_certificate_title_over_two_lines():
    found = suggest(LAND_USE, LAND_KINDS, [], TODAY)
    assert found["kind"].value == LAND_KINDS[2]  # not "Giấy chứng nhận đã cấp": the 2nd line
    assert found["kind"].confidence >= PREFILL
    assert found["number"].value == "CS01234"
    assert found["issued_on"] == Suggestion("2021-03-05", 0.85)
    # The issuer printed only at the signature: shown, not pre-filled.
    assert found["issuer"].value == "ỦY BAN NHÂN DÂN HUYỆN HẢI LĂNG"
    assert found["issuer"].confidence < PREFILL
    assert found["owner_id_number"] == Suggestion("046075001234", 0.85)  # labelled "CCCD số"
    assert "valid_until" not in found


DECISION = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

THÀNH PHỐ HUẾ Độc lập - Tự do - Hạnh phúc
Số: 123/2021/QĐ-UBND Huế, ngày 21 tháng 11 năm 2021
QUYẾT ĐỊNH

Về việc cấp giấy phép xây dựng

Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ;
Căn cứ Quyết định số 15/2020/QĐ-UBND ngày 10/02/2020 của UBND thành phố;
Xét đề nghị của ông Trần Văn Bình, CCCD số 046190001234;

Điều 1. Cấp giấy phép xây dựng cho ông Trần Văn Bình.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def test_a_decision_its_own_number_and_date_not_those_it_cites():
    kinds = [
        "Đơn đề nghị cấp giấy phép xây dựng",
        "Quyết định giao đất hoặc giấy tờ về quyền sử dụng đất",
        "Bản vẽ thiết kế xây dựng",
    ]
    found = suggest(DECISION, kinds, [], TODAY)
    assert found["number"] == Suggestion("123/2021/QĐ-UBND", 0.85)
    assert found["issued_on"] == Suggestion("2021-11-21", 0.85)
    assert found["issuer"] == Suggestion("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ", 0.85)
    # "QUYẾT ĐỊNH" fits any decision: offered, never pre-filled.
    assert found["kind"].value == kinds[1]
    assert found["kind"].confidence < PREFILL


BUSINESS = """SỞ KẾ HOẠCH VÀ ĐẦU TƯ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG TRỊ Độc lập - Tự do - Hạnh phúc
PHÒNG ĐĂNG KÝ KINH DOANH

GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP
CÔNG TY TRÁCH NHIỆM HỮU HẠN

Mã số doanh nghiệp: 32OO123456
Đăng ký lần đầu: ngày 05 tháng 3 năm 2015
Đăng ký thay đổi lần thứ 2: ngày 10 tháng 01 năm 2021

1. Tên công ty viết bằng tiếng Việt: CÔNG TY TNHH HƯƠNG GIANG
Họ và tên: NGUYÊN VĂNAN Số định danh cá nhân: 046075001234

TRƯỞNG PHÒNG
"""


def test_business_registration():
    kinds = [
        "Giấy đề nghị đăng ký doanh nghiệp",
        "Bản sao Giấy chứng nhận đăng ký doanh nghiệp",
        "Điều lệ công ty",
    ]
    found = suggest(BUSINESS, kinds, [], TODAY)
    assert _values(found) == {
        "kind": kinds[1],
        "number": "3200123456",
        "issuer": "SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH QUẢNG TRỊ - PHÒNG ĐĂNG KÝ KINH DOANH",
        "issued_on": "2021-01-10",  # re-issued at its last change
        "owner_id_number": "046075001234",
    }
    assert _sure(found) == set(found)


NO_MARKS = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
PHUONG THUAN HOA Doc lap - Tu do - Hanh phuc
So: 45/TLKS
GIAY KHAI SINH
Ho, chu dem, ten: NGUYEN THI HUONG
Ngay, thang, nam sinh: 12/03/1990
Hue, ngay 05 thang 3 nam 2021
TM. UY BAN NHAN DAN
CHU TICH
"""


def test_text_without_diacritics():
    found = suggest(NO_MARKS, BIRTH_KINDS, [], TODAY)
    assert found["kind"].value == "Bản sao Giấy khai sinh của người con"
    assert found["number"].value == "45/TLKS"
    assert found["issued_on"].value == "2021-03-05"
    # Read, but without its marks: the officer should type it properly, so not pre-filled.
    assert found["issuer"].value == "UY BAN NHAN DAN PHUONG THUAN HOA"
    assert found["issuer"].confidence < PREFILL


O_AND_L_NOISE = """UBND PHƯỜNG VỸ DẠ
S0: 12/2O21/QĐ-UBND
GIAY KHAl SINH
Số định danh cá nhân: O4519OO12345
Huế, ngày O5 tháng O3 năm 2O2l
CHỦ TỊCH
"""


def test_o_for_zero_and_l_for_one():
    found = suggest(O_AND_L_NOISE, BIRTH_KINDS, [], TODAY)
    assert found["number"].value == "12/2021/QĐ-UBND"
    assert found["issued_on"].value == "2021-03-05"
    assert found["owner_id_number"].value == "045190012345"
    assert found["kind"].value == "Bản sao Giấy khai sinh của người con"
    assert found["issuer"].value == "UBND PHƯỜNG VỸ DẠ"


def test_a_date_in_the_future_is_no_issue_date():
    misread = BIRTH_CERTIFICATE.replace("năm 2021", "năm 2031")
    assert "issued_on" not in suggest(misread, BIRTH_KINDS, [], TODAY)
    # With a past date elsewhere, that one is offered, though it is weaker.
    both = misread.replace("Nơi sinh", "Ngày cấp: 07/04/2021\nNơi sinh")
    assert suggest(both, BIRTH_KINDS, [], TODAY)["issued_on"].value == "2021-04-07"


def test_of_two_dates_the_one_at_the_signature_wins():
    # A certified copy: the original's date at the top, the copy's at its signature.
    text = """ỦY BAN NHÂN DÂN XÃ HẢI LĂNG
Số: 88/UBND
Hải Lăng, ngày 02 tháng 01 năm 2019
GIẤY XÁC NHẬN
Xác nhận ông Nguyễn Văn An sinh ngày 12/03/1975, cư trú tại thôn Phú Xuân.
Ngày 10 tháng 01 năm 2020 ông An đã chuyển đến thôn Phú Xuân.
Hải Lăng, ngày 05 tháng 3 năm 2021
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""
    found = suggest(text, ["Giấy xác nhận nơi cư trú"], [], TODAY)
    assert found["issued_on"].value == "2021-03-05"
    assert found["issued_on"].confidence < PREFILL  # two dates of the same kind: a choice


def test_an_expiry_before_the_issue_is_not_offered():
    text = CHIP_CARD.replace("12/03/2045", "12/03/2020")
    found = suggest(text, CARD_KINDS, [], TODAY)
    assert found["issued_on"].value == "2021-08-15"
    assert "valid_until" not in found


def test_nothing_found_is_empty():
    assert suggest("", BIRTH_KINDS, [], TODAY) == {}
    assert suggest("~~ ,,, /// ||| ..\n\n  \x0c", BIRTH_KINDS, [], TODAY) == {}
    assert suggest("Lorem ipsum dolor sit amet.\nconsectetur 42", BIRTH_KINDS, [], TODAY) == {}


def test_a_twelve_digit_number_that_is_no_id_is_not_offered():
    text = """Số tài khoản: 123456789012
Số tài khoản / Account No.: 046185012345
Mã hồ sơ: 099185012345
Mã giao dịch 001299012345
Điện thoại: 0912345678
"""
    # 099: no province; 001299…: born in 2099; 1234…: unlabelled, not an ID card's pattern;
    # 046185…: fits an ID number, but the text says it is an account
    assert "owner_id_number" not in suggest(text, BIRTH_KINDS, [], TODAY)
    # An old 9-digit card counts only when the text says it is one.
    assert "owner_id_number" not in suggest("Điện thoại 091234567", [], [], TODAY)
    found = suggest("CMND số: 191234567", [], [], TODAY)
    assert found["owner_id_number"] == Suggestion("191234567", 0.6)


def test_without_paper_names_the_title_itself_is_offered_unsure():
    found = suggest(BIRTH_CERTIFICATE, [], [], TODAY)
    assert found["kind"] == Suggestion("Giấy khai sinh", 0.5)


def test_a_title_that_fits_no_paper_is_not_forced_on_one():
    found = suggest(BIRTH_CERTIFICATE, ["Đơn đề nghị cấp hộ chiếu", "Ảnh chân dung 4x6"], [], TODAY)
    assert "kind" not in found


@pytest.mark.parametrize("size", [10_000, 300_000])
def test_a_huge_or_hostile_text_is_read_quickly_and_safely(size):
    text = ("Số: " + "9/" * size) + "\n" + ("GIẤY " * size) + "\n\x00\ud800"
    found = suggest(text, BIRTH_KINDS, [], TODAY)
    assert all(len(s.value) <= 500 for s in found.values())


def test_a_date_broken_over_two_lines():
    text = BIRTH_CERTIFICATE.replace(
        "Huế, ngày 05 tháng 3 năm 2021", "Huế, ngày 05 tháng 3\nnăm 2021"
    )
    assert suggest(text, BIRTH_KINDS, [], TODAY)["issued_on"] == Suggestion("2021-03-05", 0.85)


def test_many_title_like_lines_against_long_paper_names_stay_quick():
    """The worst case for matching titles: a page of capitals that fit no name, against a
    long procedure list (it runs on the OCR worker; seconds here would be minutes on a day)."""
    import random
    import time

    rng = random.Random(1)
    words = [
        "GIẤY",
        "CHỨNG",
        "NHẬN",
        "QUYỀN",
        "SỬ",
        "DỤNG",
        "ĐẤT",
        "XÁC",
        "MINH",
        "THÔNG",
        "TIN",
        "BẢN",
        "KHAI",
        "HỒ",
        "SƠ",
        "ĐĂNG",
        "KÝ",
    ]
    text = "\n".join(
        " ".join(rng.choice(words) + rng.choice("ABXYZ") for _ in range(12)) for _ in range(40)
    )
    kinds = [LAND_KINDS[2] + f" số {n} " + " ".join(words) * 3 for n in range(60)]
    started = time.perf_counter()
    suggest(text, kinds, [], TODAY)
    assert time.perf_counter() - started < 5


def test_header_columns_read_one_after_the_other_and_a_short_place_date():
    text = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
ỦY BAN NHÂN DÂN
XÃ HẢI LĂNG
S6: 07/UBND-TP
GIẤY KHAI SINH
Ngày sinh: 01/02/2020
Hải Lăng, ngày 03/02/2020
CHỦ TỊCH
"""
    found = suggest(text, BIRTH_KINDS, [], TODAY)
    assert found["issuer"] == Suggestion("ỦY BAN NHÂN DÂN XÃ HẢI LĂNG", 0.85)
    assert found["number"] == Suggestion("07/UBND-TP", 0.85)
    assert found["issued_on"] == Suggestion("2020-02-03", 0.85)


# Tesseract on a blurred, tilted, speckled 110 dpi scan of the birth certificate.
POOR_SCAN = """ỦY BAN NHÂN ĐÂN CỘNG HÒA: XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG THUẬN HÓA. Độc lập - Tự ảo - Hạnh phúc

Số: 45/TLKS
GIẤY KHAI SINH

Họ, chữ đệm, tên: NGUYÊN THỊ HƯƠNG
Ngày, tháng, năm sinh: 12/03/1990
Số định đanh cá nhân: 045190012343

Huế, ngày 05 tháng 3 năm.2021
TM. ỦY BẠN NHÂN DẪN
CHỦ TỊCH
"""


def test_a_poor_scan_slipped_marks_and_a_misread_digit():
    found = suggest(POOR_SCAN, BIRTH_KINDS, ["045190012345"], TODAY)
    # The header's words put right ("ĐÂN" → "DÂN"), but shown only: the line was shaky.
    assert found["issuer"] == Suggestion("ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA", 0.7)
    assert found["issued_on"] == Suggestion("2021-03-05", 0.85)  # "năm.2021"
    assert found["number"] == Suggestion("45/TLKS", 0.85)
    # One digit off the applicant's number: hers, most likely, but the officer looks.
    assert found["owner_id_number"] == Suggestion("045190012345", 0.7)
    # Not an applicant's: the number as read.
    assert suggest(POOR_SCAN, BIRTH_KINDS, [], TODAY)["owner_id_number"].value == "045190012343"
