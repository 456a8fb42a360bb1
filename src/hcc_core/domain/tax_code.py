"""Enterprise tax codes (mã số thuế, MST) — docs/domain.md.

10 digits: N1N2 province of establishment, N3-N9 sequence (not all zero), N10 check digit.
Dependent units append a 3-digit suffix 001-999 ("0100047516-001"); the check digit covers the
first 10 digits only.

Individuals: since 01-07-2025 an individual's tax code is their 12-digit personal ID
(TT 86/2024/TT-BTC, unconfirmed). ``validate_tax_code`` deliberately covers enterprise codes
only and rejects a 12-digit number with a specific message; validate an individual's number
with ``citizen_id.validate_id_number`` instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ValidationError
from .text import squash

_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_FORMAT = re.compile(r"([0-9]{10})(?:-?([0-9]{3}))?")


@dataclass(frozen=True, slots=True)
class TaxCode:
    number: str  # normalised: "0100047516" or "0100047516-001"
    base: str  # the 10-digit enterprise code
    branch: str | None  # "001".."999" for a dependent unit

    @property
    def is_branch(self) -> bool:
        return self.branch is not None


def tax_check_digit(first_nine: str) -> int | None:
    """Check digit for the first 9 digits, or None when no valid code exists (S mod 11 == 0).

    Some home-grown validators map that case to 0; stdnum and we reject it.
    """
    total = sum(w * int(d) for w, d in zip(_WEIGHTS, first_nine, strict=True))
    remainder = total % 11
    return None if remainder == 0 else 10 - remainder


def validate_tax_code(text: str) -> TaxCode:
    """Validate and normalise an enterprise/branch tax code; spaces are ignored."""
    if len(text) > 64:
        raise ValidationError("tax.format", "tax_code")
    compact = "".join(squash(text).split())
    if not compact:
        raise ValidationError("tax.empty", "tax_code")
    if len(compact) == 12 and compact.isascii() and compact.isdigit():
        raise ValidationError("tax.personal_id", "tax_code")
    match = _FORMAT.fullmatch(compact)
    if match is None:
        raise ValidationError("tax.format", "tax_code")
    base, branch = match.groups()
    if base[2:9] == "0000000":
        raise ValidationError("tax.sequence_zero", "tax_code", number=base)
    if tax_check_digit(base[:9]) != int(base[9]):
        raise ValidationError("tax.check_digit", "tax_code", number=base)
    if branch == "000":
        raise ValidationError("tax.branch_zero", "tax_code")
    number = f"{base}-{branch}" if branch else base
    return TaxCode(number, base, branch)
