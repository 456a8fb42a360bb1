"""12-digit personal ID and chip-card QR parsing."""

from datetime import date, datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hcc_core.domain.citizen_id import (
    ABROAD_NAME,
    CitizenQr,
    IdNumber,
    QrParseError,
    issuing_authority,
    looks_like_citizen_qr,
    parse_citizen_qr,
    validate_id_number,
)
from hcc_core.domain.errors import ValidationError
from hcc_core.domain.provinces import PROVINCES

TODAY = date(2026, 6, 1)
FAST = settings(deadline=None, max_examples=300)


def test_province_table_matches_shared_data():
    assert len(PROVINCES) == 63
    assert PROVINCES["046"] == "Thừa Thiên Huế"
    assert PROVINCES["001"] == "Hà Nội" and PROVINCES["079"] == "Hồ Chí Minh"


@pytest.mark.parametrize(
    ("number", "sex", "year"),
    [
        ("046095001234", "Nam", 1995),
        ("046195001234", "Nữ", 1995),
        ("001200001234", "Nam", 2000),
        ("079325001234", "Nữ", 2025),
        ("048000000001", "Nam", 1900),
    ],
)
def test_validate_id_number_decodes_sex_and_year(number, sex, year):
    info = validate_id_number(number, today=TODAY)
    assert info == IdNumber(number, number[:3], PROVINCES[number[:3]], sex, year, False)


def test_validate_id_number_accepts_whitespace():
    assert validate_id_number("  046 095 001234\n", today=TODAY).number == "046095001234"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "id.empty"),
        ("   ", "id.empty"),
        ("04609500123A", "id.not_digits"),
        ("٠٤٦٠٩٥٠٠١٢٣٤", "id.not_digits"),  # Arabic-Indic digits are not accepted
        ("04609500123", "id.length"),
        ("0460950012345", "id.length"),
        ("003095001234", "id.province_unknown"),  # 003 is not a province code
        ("097095001234", "id.province_unknown"),
        ("000095001234", "id.province_unknown"),
        ("046227001234", "id.birth_year_future"),  # 2027 > 2026
        ("046495001234", "id.birth_year_future"),  # 2100s
        ("1" * 200, "id.length"),
    ],
)
def test_validate_id_number_rejects(text, code):
    with pytest.raises(ValidationError) as info:
        validate_id_number(text, today=TODAY)
    assert info.value.code == code and info.value.field == "id_number"
    assert info.value.message and info.value.text("en")


def test_birth_abroad_has_country_code():
    info = validate_id_number("840095001234", today=TODAY)
    assert info.born_abroad and info.province_name == ABROAD_NAME and info.province_code == "840"


@st.composite
def valid_ids(draw):
    code = draw(st.sampled_from(sorted(PROVINCES)))
    century_sex = draw(st.integers(0, 3))
    yy = draw(st.integers(0, 99 if century_sex < 2 else TODAY.year - 2000))
    tail = draw(st.integers(0, 999_999))
    number = f"{code}{century_sex}{yy:02d}{tail:06d}"
    return number, (1900 if century_sex < 2 else 2000) + yy, "Nam" if century_sex % 2 == 0 else "Nữ"


@FAST
@given(valid_ids())
def test_generated_ids_validate(case):
    number, year, sex = case
    info = validate_id_number(number, today=TODAY)
    assert (info.number, info.birth_year, info.sex) == (number, year, sex)


@FAST
@given(st.text(max_size=80))
def test_validate_id_number_only_raises_validation_error(text):
    try:
        validate_id_number(text, today=TODAY)
    except ValidationError:
        pass


# --- QR -------------------------------------------------------------------------------------

STANDARD = (
    "046095001234|191234567|Nguyễn Văn An|01021995|Nam|12 Lê Lợi, Phường Phú Hội, TP Huế|15032021"
)


def test_parse_standard_qr():
    qr = parse_citizen_qr(STANDARD, today=TODAY)
    assert qr == CitizenQr(
        id_number="046095001234",
        old_id_number="191234567",
        full_name="Nguyễn Văn An",
        date_of_birth=date(1995, 2, 1),
        sex="Nam",
        address="12 Lê Lợi, Phường Phú Hội, TP Huế",
        issue_date=date(2021, 3, 15),
        warnings=(),
    )
    assert qr.issued_by == "Cục Cảnh sát quản lý hành chính về trật tự xã hội"


def test_parse_qr_empty_old_id_slot():
    qr = parse_citizen_qr("046195001234||Trần Thị Bé|05061995|Nữ|Huế|01072024", today=TODAY)
    assert qr.old_id_number is None and qr.sex == "Nữ" and not qr.warnings
    assert qr.issued_by == "Bộ Công an"


def test_parse_qr_without_old_id_slot():
    qr = parse_citizen_qr("046195001234|Trần Thị Bé|05061995|Nữ|Huế|01072024", today=TODAY)
    assert (qr.full_name, qr.address, qr.issue_date) == ("Trần Thị Bé", "Huế", date(2024, 7, 1))
    assert qr.old_id_number is None and not qr.warnings


def test_parse_qr_noise_bom_crlf_trailing_separator_and_spilled_address():
    raw = (
        "\ufeff 046095001234 |191234567| Nguyễn  Văn An |01021995|Nam"
        "|12 Lê Lợi|Phú Hội|TP Huế|15032021|\r\n"
    )
    qr = parse_citizen_qr(raw, today=TODAY)
    assert qr.full_name == "Nguyễn Văn An"
    assert qr.address == "12 Lê Lợi, Phú Hội, TP Huế"
    assert qr.issue_date == date(2021, 3, 15) and not qr.warnings


def test_parse_qr_with_scanner_symbology_prefix():
    assert parse_citizen_qr("]Q1" + STANDARD, today=TODAY).id_number == "046095001234"


def test_parse_qr_decomposed_text_is_nfc():
    import unicodedata

    qr = parse_citizen_qr(unicodedata.normalize("NFD", STANDARD), today=TODAY)
    assert qr.full_name == "Nguyễn Văn An" and qr.sex == "Nam"


def _codes(qr):
    return {w.code for w in qr.warnings}


def test_qr_warnings_for_mismatches():
    qr = parse_citizen_qr("046195001234|191234567|An|01021996|Nam|Huế|15032021", today=TODAY)
    assert _codes(qr) == {"qr.birth_year_mismatch", "qr.sex_mismatch"}
    for warning in qr.warnings:
        assert warning.message and warning.text("en")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("046095001234|12AB|An|01021995|Nam|Huế|15032021", {"qr.old_id_invalid"}),
        ("046095001234|191234567|An|01021995|Nam|Huế|31022021", {"qr.issue_date_invalid"}),
        ("046095001234|191234567|An|01021995|Nam|Huế", {"qr.issue_date_missing"}),
        ("046095001234|191234567|An|32131995|Nam|Huế|15032021", {"qr.dob_invalid"}),
        ("046095001234|191234567|An|01021995|X|Huế|15032021", {"qr.sex_unreadable"}),
        ("046095001234|191234567||01021995|Nam|Huế|15032021", {"qr.name_missing"}),
        ("046095001234|191234567|An|01021995|Nam|Huế|15032027", {"qr.issue_date_future"}),
        ("046095001234|191234567|An|01021995|Nam|Huế|15031990", {"qr.issue_before_birth"}),
        ("046095001234|191234567|An|01021995|Nam|Huế|15032021|x|y", {"qr.extra_fields"}),
        ("003095001234|191234567|An|01021995|Nam|Huế|15032021", {"qr.id_invalid"}),
    ],
)
def test_qr_specific_warnings(raw, expected):
    assert _codes(parse_citizen_qr(raw, today=TODAY)) == expected


def test_qr_twelve_digit_old_id_and_dates_with_slashes():
    qr = parse_citizen_qr("046095001234|046095009999|An|01/02/1995|nam|Huế|15-03-2021", today=TODAY)
    assert qr.old_id_number == "046095009999"
    assert qr.date_of_birth == date(1995, 2, 1) and qr.issue_date == date(2021, 3, 15)
    assert not qr.warnings


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "qr.empty"),
        ("  \r\n", "qr.empty"),
        ("046095001234", "qr.not_qr"),
        ("hello world", "qr.not_qr"),
        ("x" * 5000, "qr.too_long"),
        ("abc|def|ghi|jkl|mno", "qr.no_id"),
        ("04609500123|191234567|An|01021995|Nam|Huế|15032021", "qr.no_id"),
        ("046095001234|An|01021995", "qr.too_few_fields"),
        ("|||", "qr.no_id"),
    ],
)
def test_unreadable_qr_raises_qr_parse_error(raw, code):
    with pytest.raises(QrParseError) as info:
        parse_citizen_qr(raw, today=TODAY)
    assert info.value.code == code and info.value.message


def test_looks_like_citizen_qr():
    assert looks_like_citizen_qr(STANDARD)
    assert not looks_like_citizen_qr("046095001234")
    assert not looks_like_citizen_qr("abc|def")


@FAST
@given(st.text(max_size=300))
def test_qr_parser_never_raises_anything_else_on_text(text):
    try:
        parse_citizen_qr(text, today=TODAY)
    except QrParseError:
        pass


_FIELD = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"[0-9]{8}", fullmatch=True),
    st.from_regex(r"[0-9]{1,13}", fullmatch=True),
    st.from_regex(r"[0-9]{2}[/.\-][0-9]{2}[/.\-][0-9]{4}", fullmatch=True),
    st.sampled_from(["", " ", "Nam", "Nữ", "nu", "M", "F", "\r\n", "\ufeff"]),
)


@FAST
@given(
    st.one_of(st.from_regex(r"[0-9]{12}", fullmatch=True), st.text(max_size=14)),
    st.lists(_FIELD, max_size=10),
    st.booleans(),
)
def test_qr_parser_never_raises_anything_else_on_qr_like_input(first, fields, trailing):
    raw = "|".join([first, *fields]) + ("|" if trailing else "")
    try:
        qr = parse_citizen_qr(raw, today=TODAY)
    except QrParseError:
        return
    assert len(qr.id_number) == 12 and qr.id_number.isdigit()
    assert qr.sex in (None, "Nam", "Nữ")


NAMES = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Đức Anh", "Hồ Thị Hà", "Phan Văn Đông"]
WORDS = st.sampled_from(["Phường", "Phú Hội", "Thành phố", "Huế", "Tổ 5", "số 12", "Kiệt 3/14"])


@FAST
@given(
    valid_ids(),
    st.sampled_from(NAMES),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.lists(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=3),
    st.dates(min_value=date(2016, 1, 1), max_value=TODAY),
    st.sampled_from(["", "191234567", "046095009999"]),
    st.booleans(),
)
def test_generated_qr_round_trips(case, name, dob, address_parts, issued, old_id, with_slot):
    number, year, sex = case
    dob = dob.replace(year=year) if not (dob.month == 2 and dob.day == 29) else date(year, 2, 28)
    assume(dob <= TODAY)
    issued = max(issued, dob)
    fields = [number] + ([old_id] if with_slot else [])
    fields += [name, f"{dob:%d%m%Y}", sex, *address_parts, f"{issued:%d%m%Y}"]
    qr = parse_citizen_qr("|".join(fields), today=TODAY)
    assert qr.id_number == number and qr.full_name == name and qr.sex == sex
    assert qr.date_of_birth == dob and qr.issue_date == issued
    assert qr.address == ", ".join(address_parts)
    assert qr.old_id_number == ((old_id or None) if with_slot else None)
    assert qr.warnings == ()


@pytest.mark.parametrize(
    ("issued", "authority"),
    [
        (date(2016, 5, 1), "Cục Cảnh sát ĐKQL cư trú và DLQG về dân cư"),
        (date(2018, 10, 9), "Cục Cảnh sát ĐKQL cư trú và DLQG về dân cư"),
        (date(2018, 10, 10), "Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
        (date(2024, 6, 30), "Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
        (date(2024, 7, 1), "Bộ Công an"),
        (datetime(2025, 1, 2, 9, 30), "Bộ Công an"),
    ],
)
def test_issuing_authority(issued, authority):
    assert issuing_authority(issued) == authority
