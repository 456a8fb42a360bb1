"""Read-only queries of the web pages that must stay fast at millions of dossiers.

Every query is one centre's (the caller has authorised the officer for it) and answers a page:
per_page + 1 rows are fetched to know whether a next page exists, never a COUNT(*) over the
table. The page's keys are read from an index alone (ix_dossier_queue, ix_dossier_key_search:
index-only scans), then only that page's dossiers are read, so a deep page costs little more.

The agency's queue holds its dossiers that are not finished: finished = the terminal statuses
(DENIED, CANCELLED, DONE: models.FINISHED_STATUSES). An UNRESOLVED dossier stays in the queue
until the counter hands it back (→ DONE), like a RELEASING one: the agency still answers for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from .models import OPEN_DOSSIER, Dossier, DossierKey
from .search_keys import normalise_code, query_key, search_kind

T = TypeVar("T")
MAX_PER_PAGE = 200
# Beyond this many rows a list is refined, not paged (and OFFSET cost stays bounded).
MAX_OFFSET = 100_000

__all__ = ["Page", "QueueRow", "SearchRow", "agency_queue", "centre_search", "search_kind"]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    rows: list[T]
    page: int
    per_page: int
    has_next: bool


@dataclass(frozen=True, slots=True)
class QueueRow:
    uuid: str
    code: str
    procedure_name: str
    status: int
    received_at: datetime
    due_at: datetime | None
    applicant_name: str


@dataclass(frozen=True, slots=True)
class SearchRow(QueueRow):
    """A queue row plus the agency deciding it (a search spans the centre)."""

    agency_unit_code: str


_COLUMNS = (
    Dossier.uuid,
    Dossier.code,
    Dossier.procedure_name,
    Dossier.status,
    Dossier.received_at,
    Dossier.due_at,
    Dossier.applicant_name,
    Dossier.agency_unit_code,
)


def _bounds(page: int, per_page: int) -> tuple[int, int, int]:
    """(page, per_page, offset) clamped to sane values: the numbers come from a URL."""
    per_page = min(max(int(per_page), 1), MAX_PER_PAGE)
    page = min(max(int(page), 1), MAX_OFFSET // per_page + 1)
    return page, per_page, (page - 1) * per_page


def _page(rows: list[T], page: int, per_page: int) -> Page[T]:
    return Page(rows=rows[:per_page], page=page, per_page=per_page, has_next=len(rows) > per_page)


def agency_queue(
    s: Session, centre_id: int, agency_unit_code: str, *, page: int = 1, per_page: int = 50
) -> Page[QueueRow]:
    """The agency's open dossiers, soonest due first (no due date last), then oldest received."""
    page, per_page, offset = _bounds(page, per_page)
    keys = (
        select(Dossier.uuid, Dossier.due_at, Dossier.received_at)
        .where(
            Dossier.centre_id == centre_id,
            Dossier.agency_unit_code == agency_unit_code,
            OPEN_DOSSIER,
        )
        .order_by(Dossier.due_at.asc().nulls_last(), Dossier.received_at, Dossier.uuid)
        .limit(per_page + 1)
        .offset(offset)
        .subquery()
    )
    stmt = (
        select(*_COLUMNS)
        .join(keys, keys.c.uuid == Dossier.uuid)
        .order_by(keys.c.due_at.asc().nulls_last(), keys.c.received_at, keys.c.uuid)
    )
    rows = [
        QueueRow(r.uuid, r.code, r.procedure_name, r.status, r.received_at, r.due_at,
                 r.applicant_name or "")
        for r in s.execute(stmt)
    ]  # fmt: skip
    return _page(rows, page, per_page)


def centre_search(
    s: Session, centre_id: int, text: str, *, page: int = 1, per_page: int = 50
) -> Page[SearchRow]:
    """Dossiers of the centre by code, ID number, phone, or the start of a name typed with or
    without accents (submitter or owner). Names: alphabetical, newest first within a name;
    otherwise newest first."""
    page, per_page, offset = _bounds(page, per_page)
    kind = search_kind(text)
    stmt: Select[Any]
    order: tuple[Any, ...]
    if kind == "code":
        if offset:
            return _page([], page, per_page)
        stmt = select(*_COLUMNS).where(
            Dossier.code == normalise_code(text), Dossier.centre_id == centre_id
        )
    else:
        key = query_key(kind, text)
        if not key:
            return _page([], page, per_page)
        K = DossierKey
        found = select(K.dossier_uuid, K.key, K.received_at).where(K.centre_id == centre_id)
        if kind == "name":
            # A prefix as a range: the byte order of the key column ("C" collation) is the
            # order of the index, so the scan starts at the prefix and stops after the page.
            found = found.where(K.key >= key, K.key < _after_prefix(key))
            order = (K.key, K.received_at.desc(), K.dossier_uuid)
        else:
            found = found.where(K.key == key)
            order = (K.received_at.desc(), K.dossier_uuid)
        keys = found.order_by(*order).limit(per_page + 1).offset(offset).subquery()
        stmt = (
            select(*_COLUMNS)
            .join(keys, keys.c.dossier_uuid == Dossier.uuid)
            .where(Dossier.centre_id == centre_id)
            .order_by(keys.c.key, keys.c.received_at.desc(), keys.c.dossier_uuid)
        )
    found_rows = list(s.execute(stmt))
    rows: list[SearchRow] = []
    seen: set[str] = set()
    for r in found_rows[:per_page]:
        # A dossier whose submitter and owner both start with the name comes twice: shown once.
        if r.uuid not in seen:
            seen.add(r.uuid)
            rows.append(
                SearchRow(r.uuid, r.code, r.procedure_name, r.status, r.received_at, r.due_at,
                          r.applicant_name or "", r.agency_unit_code or "")
            )  # fmt: skip
    return Page(rows=rows, page=page, per_page=per_page, has_next=len(found_rows) > per_page)


def _after_prefix(prefix: str) -> str:
    """The least string above every string that starts with ``prefix`` (code point order)."""
    return prefix[:-1] + chr(min(ord(prefix[-1]) + 1, 0x10FFFF))
