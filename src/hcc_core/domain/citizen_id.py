"""The 12-digit personal identification number and the QR code on chip ID cards.

Number layout (NĐ 137/2015/NĐ-CP Art. 13, TT 07/2016/TT-BCA Art. 7; docs/domain.md):
digits 1-3 birth-registration province (or a country code for births abroad, first digit
non-zero), digit 4 century+sex (1900s 0/1, 2000s 2/3, ... even = male), digits 5-6 the last two
digits of the birth year, digits 7-12 random. There is no check digit, so validation is
structural only.

QR payload: ``id|old id (may be empty)|full name|ddmmyyyy|Nam/Nữ|address|ddmmyyyy issue``.
The parser is deliberately forgiving (6-field variants, address split over extra ``|``
fields, scanner noise) and reports oddities as warnings instead of refusing the scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .errors import DomainWarning, ValidationError
from .provinces import PROVINCES
from .text import fold, squash

ABROAD_NAME = "Nước ngoài"
MALE = "Nam"
FEMALE = "Nữ"

# A chip-card QR payload is well under 300 characters; anything far longer is not one.
MAX_QR_LENGTH = 2048

_ID = re.compile(r"[0-9]{12}")
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}")
# Optional AIM symbology prefix ("]Q1") some scanners are configured to send before the data.
_QR_ID_FIELD = re.compile(r"(?:\][A-Za-z][0-9])?\s*([0-9]{12})")
_DATE = re.compile(r"([0-9]{2})[/.\-]?([0-9]{2})[/.\-]?([0-9]{4})")
_MALE_WORDS = frozenset({"nam", "male", "m"})
_FEMALE_WORDS = frozenset({"nu", "female", "f"})


@dataclass(frozen=True, slots=True)
class IdNumber:
    number: str
    province_code: str
    province_name: str
    sex: str  # "Nam" / "Nữ"
    birth_year: int
    born_abroad: bool = False


def validate_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Validate a 12-digit personal ID; whitespace anywhere (typed in groups) is ignored.

    A number whose first digit is non-zero is a birth registered abroad: the first three
    digits are then a country code we have no table for, so it is accepted with
    ``born_abroad=True`` and province name "Nước ngoài" rather than refusing a real citizen.
    """
    if len(text) > 64:  # cheap guard before any per-character work
        raise ValidationError("id.length", "id_number", length=len(text.strip()))
    number = "".join(squash(text).split())
    if not number:
        raise ValidationError("id.empty", "id_number")
    if not number.isascii() or not number.isdigit():
        raise ValidationError("id.not_digits", "id_number")
    if len(number) != 12:
        raise ValidationError("id.length", "id_number", length=len(number))

    code = number[:3]
    born_abroad = code[0] != "0"
    if born_abroad:
        province_name = ABROAD_NAME
    elif code in PROVINCES:
        province_name = PROVINCES[code]
    else:
        raise ValidationError("id.province_unknown", "id_number", code=code)

    gender_century = int(number[3])
    birth_year = 1900 + (gender_century // 2) * 100 + int(number[4:6])
    if birth_year > (today or date.today()).year:
        raise ValidationError("id.birth_year_future", "id_number", year=birth_year)
    sex = MALE if gender_century % 2 == 0 else FEMALE
    return IdNumber(number, code, province_name, sex, birth_year, born_abroad)


class QrParseError(ValidationError):
    """The scanned text is not a readable citizen ID QR payload."""


@dataclass(frozen=True, slots=True)
class CitizenQr:
    id_number: str
    old_id_number: str | None
    full_name: str
    date_of_birth: date | None
    sex: str | None  # "Nam" / "Nữ" / None when unreadable
    address: str
    issue_date: date | None
    warnings: tuple[DomainWarning, ...] = ()

    @property
    def issued_by(self) -> str | None:
        """Issuing authority for the "Nơi cấp" field, derived from the issue date."""
        return issuing_authority(self.issue_date) if self.issue_date else None


def looks_like_citizen_qr(text: str) -> bool:
    """Cheap check for a keyboard-wedge input box: is this a QR payload or a typed number?"""
    if len(text) > MAX_QR_LENGTH or "|" not in text:
        return False
    first = squash(text.split("|", 1)[0])
    return _QR_ID_FIELD.fullmatch(first) is not None


def parse_citizen_qr(text: str, *, today: date | None = None) -> CitizenQr:
    """Parse a chip ID card QR payload.

    Raises QrParseError (and nothing else) when the text has no leading 12-digit ID or too
    few fields; every other oddity becomes a DomainWarning on the result.
    """
    if not isinstance(text, str):
        raise QrParseError("qr.not_qr", "qr")
    if not text.strip():
        raise QrParseError("qr.empty", "qr")
    if len(text) > MAX_QR_LENGTH:
        raise QrParseError("qr.too_long", "qr", length=len(text))
    if "|" not in text:
        raise QrParseError("qr.not_qr", "qr")
    today = today or date.today()

    fields = [squash(part) for part in text.split("|")]
    while fields and not fields[-1]:
        fields.pop()
    while fields and not fields[0]:
        fields.pop(0)
    id_match = _QR_ID_FIELD.fullmatch(fields[0]) if fields else None
    if id_match is None:
        raise QrParseError("qr.no_id", "qr")
    id_number = id_match.group(1)

    rest = fields[1:]
    with_old_slot = _has_old_id_slot(rest)
    base = 1 if with_old_slot else 0
    if len(rest) < base + 3:  # need name, date of birth and sex at least
        raise QrParseError("qr.too_few_fields", "qr", count=len(fields))

    warnings: list[DomainWarning] = []
    old_id = _old_id(rest[0], warnings) if with_old_slot else None
    full_name = rest[base]
    if not full_name:
        warnings.append(DomainWarning.make("qr.name_missing", "full_name"))
    date_of_birth = _date_field(rest[base + 1], "qr.dob_invalid", "date_of_birth", warnings)
    sex = _parse_sex(rest[base + 2])
    if sex is None:
        warnings.append(DomainWarning.make("qr.sex_unreadable", "sex", value=rest[base + 2]))
    address, issue_date = _address_and_issue_date(rest[base + 3 :], warnings)

    _check_consistency(id_number, date_of_birth, sex, issue_date, today, warnings)
    return CitizenQr(
        id_number=id_number,
        old_id_number=old_id,
        full_name=full_name,
        date_of_birth=date_of_birth,
        sex=sex,
        address=address,
        issue_date=issue_date,
        warnings=tuple(warnings),
    )


def _has_old_id_slot(rest: list[str]) -> bool:
    # The sex field ("Nam"/"Nữ") is the most recognisable anchor: it is 4th after the ID with
    # the old-ID slot and 3rd without it. Otherwise judge by whether the first field has letters.
    if len(rest) > 3 and _parse_sex(rest[3]) is not None:
        return True
    if len(rest) > 2 and _parse_sex(rest[2]) is not None:
        return False
    return not any(ch.isalpha() for ch in rest[0]) if rest else False


def _old_id(raw: str, warnings: list[DomainWarning]) -> str | None:
    value = "".join(raw.split())
    if not value:
        return None
    if _OLD_ID.fullmatch(value):
        return value
    warnings.append(DomainWarning.make("qr.old_id_invalid", "old_id_number", value=raw))
    return None


def _parse_sex(raw: str) -> str | None:
    key = fold(raw)
    if key in _MALE_WORDS:
        return MALE
    if key in _FEMALE_WORDS:
        return FEMALE
    return None


def _parse_date(raw: str) -> date | None:
    match = _DATE.fullmatch(raw.replace(" ", ""))
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_field(raw: str, code: str, field: str, warnings: list[DomainWarning]) -> date | None:
    parsed = _parse_date(raw)
    if parsed is None:
        warnings.append(DomainWarning.make(code, field, value=raw))
    return parsed


def _address_and_issue_date(
    tail: list[str], warnings: list[DomainWarning]
) -> tuple[str, date | None]:
    # The issue date is the first date-shaped field after sex; address text is never a bare
    # date, so everything before it is the address (rejoined if it was split on '|').
    issue_index = next((i for i, part in enumerate(tail) if _DATE.fullmatch(part)), None)
    if issue_index is None and len(tail) >= 2 and not any(c.isalpha() for c in tail[-1]):
        issue_index = len(tail) - 1  # a garbled date in the last slot
    if issue_index is None:
        warnings.append(DomainWarning.make("qr.issue_date_missing", "issue_date"))
        return _join_address(tail), None

    address = _join_address(tail[:issue_index])
    issue_date = _date_field(tail[issue_index], "qr.issue_date_invalid", "issue_date", warnings)
    extras = [part for part in tail[issue_index + 1 :] if part]
    if extras:
        warnings.append(DomainWarning.make("qr.extra_fields", "qr", count=len(extras)))
    return address, issue_date


def _join_address(parts: list[str]) -> str:
    return ", ".join(part for part in parts if part)


def _check_consistency(
    id_number: str,
    date_of_birth: date | None,
    sex: str | None,
    issue_date: date | None,
    today: date,
    warnings: list[DomainWarning],
) -> None:
    try:
        info: IdNumber | None = validate_id_number(id_number, today=today)
    except ValidationError as err:
        info = None
        warnings.append(DomainWarning.make("qr.id_invalid", "id_number", reason=err))
    if date_of_birth is not None:
        if date_of_birth > today:
            warnings.append(
                DomainWarning.make("qr.dob_future", "date_of_birth", value=_vn(date_of_birth))
            )
        if info is not None and info.birth_year != date_of_birth.year:
            warnings.append(
                DomainWarning.make(
                    "qr.birth_year_mismatch",
                    "date_of_birth",
                    id_year=info.birth_year,
                    dob_year=date_of_birth.year,
                )
            )
    if info is not None and sex is not None and info.sex != sex:
        warnings.append(DomainWarning.make("qr.sex_mismatch", "sex", id_sex=info.sex, qr_sex=sex))
    if issue_date is not None:
        if issue_date > today:
            warnings.append(
                DomainWarning.make("qr.issue_date_future", "issue_date", value=_vn(issue_date))
            )
        if date_of_birth is not None and issue_date < date_of_birth:
            warnings.append(
                DomainWarning.make(
                    "qr.issue_before_birth",
                    "issue_date",
                    issue=_vn(issue_date),
                    birth=_vn(date_of_birth),
                )
            )


def _vn(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


# Issuing authority printed on the card, by issue date (docs/domain.md, [P] third-party code).
AUTHORITY_BEFORE_2018_10_10 = "Cục Cảnh sát ĐKQL cư trú và DLQG về dân cư"
AUTHORITY_2018_10_10_TO_2024_06_30 = "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
AUTHORITY_FROM_2024_07_01 = "Bộ Công an"


def issuing_authority(issue_date: date) -> str:
    """Authority for the "Nơi cấp" field of a chip ID card issued on ``issue_date``."""
    if isinstance(issue_date, datetime):  # datetime vs date comparisons raise TypeError
        issue_date = issue_date.date()
    if issue_date < date(2018, 10, 10):
        return AUTHORITY_BEFORE_2018_10_10
    if issue_date < date(2024, 7, 1):
        return AUTHORITY_2018_10_10_TO_2024_06_30
    return AUTHORITY_FROM_2024_07_01
