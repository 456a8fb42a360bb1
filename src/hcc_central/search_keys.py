"""Search keys of a dossier (table dossier_key) and of what an officer types into the search box.

One key per distinct value: "i:<ID number>" (12-digit citizen ID or 9-digit old ID), "p:<phone>"
(national form 0…, from +84 / spaces / dots), "n:<name>" (accent-free, lower-case: fold()) of
the submitter and of the owner. The same functions read the dossier and the query, so what an
officer types matches what a desk sent however either was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, insert

from hcc_core.domain.text import fold, squash
from hcc_core.wire.protocol import CODE_PATTERN

from .ingest_rows import chunks
from .models import DossierKey

KEY_MAX = 210
NAME_MAX = KEY_MAX - 2
_CODE = re.compile(CODE_PATTERN)
_PHONE_NOISE = re.compile(r"[\s.\-()]")
# Vietnamese numbers in national form: mobiles 0 + 9 digits, landlines 02x + 8 digits.
_PHONE = re.compile(r"0[1-9][0-9]{8,9}")
_ID = re.compile(r"[0-9]{12}|[0-9]{9}")


def normalise_phone(text: str) -> str | None:
    """ "+84 912 345 678", "0912.345.678", "84912345678" → "0912345678"; None if not a phone."""
    digits = _PHONE_NOISE.sub("", squash(text[:64]))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits if _PHONE.fullmatch(digits) else None


def normalise_id(text: str) -> str | None:
    """A 12-digit citizen ID or a 9-digit old ID, spaces and dots dropped; None otherwise."""
    digits = _PHONE_NOISE.sub("", squash(text[:64]))
    return digits if _ID.fullmatch(digits) else None


def normalise_code(text: str) -> str | None:
    value = squash(text[:64]).upper()
    return value if _CODE.fullmatch(value) else None


def search_kind(text: str) -> str:
    """ "code" | "id_number" | "phone" | "name": what a search text is taken for."""
    if normalise_code(text):
        return "code"
    if normalise_id(text):
        return "id_number"
    if normalise_phone(text):
        return "phone"
    return "name"


def query_key(kind: str, text: str) -> str:
    """The key a search of ``kind`` looks up (a prefix for names); "" when nothing to look up."""
    if kind == "id_number":
        return "i:" + (normalise_id(text) or "")
    if kind == "phone":
        return "p:" + (normalise_phone(text) or "")
    name = fold(text[: NAME_MAX * 4])[:NAME_MAX]
    return "n:" + name if name else ""


def doc_keys(doc: dict[str, Any]) -> set[str]:
    keys: set[str] = set()
    for person in (doc.get("submitter"), doc.get("owner")):
        if not person:
            continue
        for field in ("id_number", "old_id_number"):
            if (value := normalise_id(person.get(field) or "")) is not None:
                keys.add("i:" + value)
        if (phone := normalise_phone(person.get("phone") or "")) is not None:
            keys.add("p:" + phone)
        if name := fold(person.get("full_name") or "")[:NAME_MAX]:
            keys.add("n:" + name)
    return keys


def key_rows(doc: dict[str, Any], centre_id: int, received_at: datetime) -> list[dict[str, Any]]:
    return [
        {"dossier_uuid": doc["uuid"], "key": k, "centre_id": centre_id, "received_at": received_at}
        for k in sorted(doc_keys(doc))
    ]


def replace_keys(
    s: Connection, rows: Iterable[dict[str, Any]], *, existing: Iterable[str] = ()
) -> None:
    """Store the keys of dossier rows (ingest_rows.dossier_row dicts, doc included), first
    dropping the old keys of the ``existing`` dossiers (updates)."""
    table: Table = DossierKey.__table__  # type: ignore[assignment]
    old = list(existing)
    for part in chunks(old):
        s.execute(delete(table).where(table.c.dossier_uuid.in_(part)))
    new = [k for r in rows for k in key_rows(r["doc"], r["centre_id"], r["received_at"])]
    if new:
        s.execute(insert(table), new)
