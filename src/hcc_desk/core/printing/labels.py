"""Which label an identifier is printed under (Luật Căn cước 2023, in force 1-7-2024).

A person's number is the "Số định danh cá nhân" (12 digits, on the thẻ căn cước); an old
9-digit CMND number, still valid until its card expires, keeps its own name; an organisation
is identified by its enterprise code / tax code — never printed under a personal-ID label.
"""

from __future__ import annotations

PERSON_ID = "Số định danh cá nhân"
OLD_ID = "Số CMND"
ORGANISATION_ID = "Mã số doanh nghiệp/Mã số thuế"
OTHER_ID = "Số giấy tờ tùy thân"


def id_label(number: str | None, kind: str = "individual") -> str:
    """The label for ``number`` of a party of ``kind`` ("individual" | "organisation")."""
    if kind == "organisation":
        return ORGANISATION_ID
    digits = (number or "").strip()
    if digits.isdigit() and len(digits) == 12:
        return PERSON_ID
    if digits.isdigit() and len(digits) == 9:
        return OLD_ID
    return OTHER_ID if digits else PERSON_ID
