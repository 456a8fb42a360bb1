"""Vietnamese phone numbers — docs/domain.md.

Mobile: 10 digits, 0 + 3|5|7|8|9 (post-2018 numbering). Landline: 11 digits, 02 + area code
(area codes were moved to 02x/02xx in 2017). Both are stored in national form and E.164.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .errors import ValidationError
from .text import squash

_MOBILE = re.compile(r"0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}")
_LANDLINE = re.compile(r"02[0-9]{9}")
_SEPARATORS = re.compile(r"[\s.\-()/]")

# 11-digit mobile prefixes retired in 2018 -> their 10-digit replacement, so an officer
# typing an old number gets the new one suggested instead of a bare "invalid".
_OLD_MOBILE_PREFIXES: dict[str, str] = {
    **{f"016{d}": f"03{d}" for d in range(2, 10)},
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    "0186": "056",
    "0188": "058",
    "0199": "059",
}


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    national: str  # "0912345678"
    e164: str  # "+84912345678"
    kind: Literal["mobile", "landline"]


def validate_phone(text: str) -> PhoneNumber:
    """Validate a Vietnamese mobile or landline number written in any common style."""
    if len(text) > 64:
        raise ValidationError("phone.length", "phone", length=len(text.strip()))
    compact = _SEPARATORS.sub("", squash(text))
    if not compact:
        raise ValidationError("phone.empty", "phone")
    national = _to_national(compact)
    if not national.isascii() or not national.isdigit():
        raise ValidationError("phone.invalid_chars", "phone")

    if _MOBILE.fullmatch(national):
        kind: Literal["mobile", "landline"] = "mobile"
    elif _LANDLINE.fullmatch(national):
        kind = "landline"
    else:
        _raise_specific(national)
    return PhoneNumber(national, "+84" + national[1:], kind)


def _to_national(compact: str) -> str:
    # International forms: +84, 0084, or a bare 84 followed by 9-10 digits; "+84 (0)912..."
    # also occurs, so a 0 right after the country code is dropped.
    if compact.startswith("+84"):
        rest = compact[3:]
    elif compact.startswith("0084"):
        rest = compact[4:]
    elif compact.startswith("84") and len(compact) in (11, 12):
        rest = compact[2:]
    else:
        return compact
    return rest if rest.startswith("0") else "0" + rest


def _raise_specific(national: str) -> None:
    old_new = _OLD_MOBILE_PREFIXES.get(national[:4])
    if old_new is not None and len(national) == 11:
        suggestion = old_new + national[4:]
        raise ValidationError(
            "phone.old_mobile_prefix",
            "phone",
            old_prefix=national[:4],
            new_prefix=old_new,
            suggestion=suggestion,
        )
    expected = 11 if national.startswith("02") else 10
    if len(national) != expected:
        raise ValidationError("phone.length", "phone", length=len(national))
    raise ValidationError("phone.unknown_prefix", "phone", prefix=national[:3])
