"""A pushed dossier's digitised papers (``papers[].digitised``, protocol 3) as rows of
``digitised_paper``, rewritten with the dossier by the push ingest (ingest.py).

What a device says is taken only where central can hold it to account: an entry naming an
attachment the dossier does not have is dropped, and the owner's name and date of birth come from
the dossier's own person with that ID number (submitter or owner), never from the entry. Whether
the copy is signed, and by whom, central reads from the uploaded bytes (signatures.py).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, select

from hcc_core.domain.text import fold

from .bulk import insert_rows
from .ingest_rows import chunks
from .models import DigitisedPaper

NAME_MAX = 200  # digitised_paper.owner_name_folded
_TABLE: Table = DigitisedPaper.__table__  # type: ignore[assignment]


def has_digitised(doc: dict[str, Any] | None) -> bool:
    """Cheap: a push without digitised papers (every protocol 1–2 push) costs only this."""
    return doc is not None and any(p.get("digitised") for p in doc["papers"])


def owner_of(doc: dict[str, Any], id_number: str | None) -> tuple[str | None, date | None]:
    """The folded name and date of birth of the dossier's person with ``id_number`` (owner
    first); (None, None) when nobody in the dossier has it."""
    if not id_number:
        return None, None
    for person in (doc.get("owner"), doc.get("submitter")):
        if person and id_number in (person.get("id_number"), person.get("old_id_number")):
            name = fold(person.get("full_name") or "")[:NAME_MAX] or None
            born = person.get("date_of_birth")
            return name, date.fromisoformat(born) if born else None
    return None, None


def paper_rows(doc: dict[str, Any], centre_id: int) -> list[dict[str, Any]]:
    """One row per digitised entry naming one of the dossier's attachments (first wins)."""
    own = {a["uuid"] for a in doc["attachments"]}
    rows: dict[str, dict[str, Any]] = {}
    for paper in doc["papers"]:
        d = paper.get("digitised")
        if not d or d["attachment_uuid"] not in own or d["attachment_uuid"] in rows:
            continue
        name, born = owner_of(doc, d.get("owner_id_number"))
        reused = d.get("reused_from") or {}
        rows[d["attachment_uuid"]] = {
            "paper_uuid": d["attachment_uuid"],
            "dossier_uuid": doc["uuid"],
            "centre_id": centre_id,
            "kind": d["kind"],
            "number": d.get("number"),
            "issuer": d.get("issuer"),
            "issued_on": _day(d.get("issued_on")),
            "valid_until": _day(d.get("valid_until")),
            "owner_id_number": d.get("owner_id_number"),
            "owner_name_folded": name,
            "owner_birth": born,
            "reused_from": reused.get("paper_uuid"),
        }
    return list(rows.values())


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def replace_papers(
    s: Connection,
    papers: dict[str, list[dict[str, Any]]],
    now: datetime,
    *,
    existing: Collection[str] = (),
) -> None:
    """Rewrite the digitised papers of these dossiers (dossier uuid → paper_rows): rows no
    longer sent are dropped, a row kept keeps its created_at. Only dossiers in ``existing``
    (stored before this transaction) can have rows to read and drop. No statement at all for a
    push without digitised papers."""
    if not papers:
        return
    stored = [d for d in papers if d in existing]
    created: dict[str, datetime] = {}
    for part in chunks(stored):
        found = s.execute(
            select(_TABLE.c.paper_uuid, _TABLE.c.created_at).where(_TABLE.c.dossier_uuid.in_(part))
        ).tuples()
        created |= dict(found.all())
        s.execute(delete(_TABLE).where(_TABLE.c.dossier_uuid.in_(part)))
    rows = [
        {**r, "created_at": created.get(r["paper_uuid"], now), "updated_at": now}
        for rows in papers.values()
        for r in rows
    ]
    insert_rows(s, _TABLE, rows)  # one statement (unnest on PostgreSQL)
