"""Enterprise tax codes and phone numbers."""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hcc_core.domain.errors import ValidationError
from hcc_core.domain.phone import PhoneNumber, validate_phone
from hcc_core.domain.tax_code import TaxCode, tax_check_digit, validate_tax_code

FAST = settings(deadline=None, max_examples=300)


# --- tax code -------------------------------------------------------------------------------


def test_worked_example_from_domain_notes():
    assert tax_check_digit("010004751") == 6
    assert validate_tax_code("0100047516") == TaxCode("0100047516", "0100047516", None)


@pytest.mark.parametrize(
    "raw", ["0100047516-001", "0100047516001", " 0100047516 - 001 ", "0100 047 516-001"]
)
def test_branch_forms_normalise(raw):
    code = validate_tax_code(raw)
    assert code == TaxCode("0100047516-001", "0100047516", "001") and code.is_branch


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "tax.empty"),
        ("010004751", "tax.format"),
        ("01000475161", "tax.format"),
        ("0100047516-01", "tax.format"),
        ("0100047516/001", "tax.format"),
        ("01000475l6", "tax.format"),
        ("046095001234", "tax.personal_id"),
        ("0100047517", "tax.check_digit"),
        ("0100047516-000", "tax.branch_zero"),
        ("0100000000", "tax.sequence_zero"),
        ("9" * 100, "tax.format"),
    ],
)
def test_invalid_tax_codes(raw, code):
    with pytest.raises(ValidationError) as info:
        validate_tax_code(raw)
    assert info.value.code == code and info.value.field == "tax_code"


def test_remainder_zero_has_no_valid_code():
    # 31*1 + 29*0 + ... : find a 9-digit prefix with S mod 11 == 0 and check all 10 endings fail
    prefix = next(f"01{n:07d}" for n in range(1, 10_000) if tax_check_digit(f"01{n:07d}") is None)
    for last in "0123456789":
        with pytest.raises(ValidationError):
            validate_tax_code(prefix + last)


@st.composite
def valid_tax_codes(draw):
    head = draw(st.from_regex(r"[0-9]{9}", fullmatch=True))
    assume(head[2:] != "0000000")
    check = tax_check_digit(head)
    assume(check is not None)
    return head + str(check)


@FAST
@given(valid_tax_codes(), st.integers(0, 9), st.integers(1, 9))
def test_valid_codes_validate_and_any_single_digit_change_fails(code, position, delta):
    assert validate_tax_code(code).number == code
    changed = code[:position] + str((int(code[position]) + delta) % 10) + code[position + 1 :]
    with pytest.raises(ValidationError):
        validate_tax_code(changed)


@FAST
@given(valid_tax_codes(), st.integers(1, 999))
def test_branch_round_trip(code, branch):
    result = validate_tax_code(f"{code}{branch:03d}")
    assert result.number == f"{code}-{branch:03d}" and result.base == code


@FAST
@given(st.text(max_size=40))
def test_tax_code_only_raises_validation_error(text):
    try:
        validate_tax_code(text)
    except ValidationError:
        pass


# --- phone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84912345678",
        "+84 912 345 678",
        "+84 (0) 912 345 678",
        "84912345678",
        "0084912345678",
        " 091 234 5678\n",
    ],
)
def test_mobile_forms(raw):
    assert validate_phone(raw) == PhoneNumber("0912345678", "+84912345678", "mobile")


@pytest.mark.parametrize(
    ("raw", "national"),
    [
        ("0234 3823 456", "02343823456"),
        ("(024) 3825 1234", "02438251234"),
        ("+84 28 3829 1234", "02838291234"),
    ],
)
def test_landlines(raw, national):
    phone = validate_phone(raw)
    assert phone.kind == "landline" and phone.national == national
    assert phone.e164 == "+84" + national[1:]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "phone.empty"),
        (" - ", "phone.empty"),
        ("09123456a8", "phone.invalid_chars"),
        ("+1 555 123 4567", "phone.invalid_chars"),
        ("091234567", "phone.length"),
        ("09123456789", "phone.length"),
        ("0243825123", "phone.length"),
        ("0123456789", "phone.unknown_prefix"),
        ("0612345678", "phone.unknown_prefix"),
        ("0412345678", "phone.unknown_prefix"),
        ("01689123456", "phone.old_mobile_prefix"),
        ("1" * 100, "phone.length"),
    ],
)
def test_invalid_phones(raw, code):
    with pytest.raises(ValidationError) as info:
        validate_phone(raw)
    assert info.value.code == code and info.value.field == "phone"


def test_old_prefix_suggests_new_number():
    with pytest.raises(ValidationError) as info:
        validate_phone("0168 912 3456")
    assert "0389123456" in info.value.message
    with pytest.raises(ValidationError) as info:
        validate_phone("01203456789")
    assert "0703456789" in info.value.message


MOBILES = st.from_regex(r"0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}", fullmatch=True)


def _styles(national: str) -> list[str]:
    body = national[1:]
    return [
        national,
        f"+84{body}",
        f"84{body}",
        f"0084{body}",
        f"{national[:4]} {national[4:7]} {national[7:]}",
        f"{national[:4]}.{national[4:7]}.{national[7:]}",
        f"{national[:4]}-{national[4:7]}-{national[7:]}",
        f"+84 {body[:2]} {body[2:5]} {body[5:]}",
    ]


@FAST
@given(MOBILES)
def test_all_mobile_styles_normalise_to_the_same_number(national):
    results = {validate_phone(style) for style in _styles(national)}
    assert results == {PhoneNumber(national, "+84" + national[1:], "mobile")}


@FAST
@given(st.from_regex(r"02[0-9]{9}", fullmatch=True))
def test_landline_styles_normalise(national):
    for style in (
        national,
        "+84" + national[1:],
        "0084" + national[1:],
        f"({national[:4]}) {national[4:]}",
    ):
        assert validate_phone(style).national == national


@FAST
@given(st.text(max_size=30))
def test_phone_only_raises_validation_error(text):
    try:
        phone = validate_phone(text)
    except ValidationError:
        return
    assert phone.national.isdigit() and phone.e164.startswith("+84")
