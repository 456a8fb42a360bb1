"""Dossier search: one box, the query's shape decides the index used.

- dossier code or its "YYMMDD-NNNN" tail → code prefix (unique index / code-tail expression index)
- 9 or 12 digits → citizen ID (old CMND / CCCD), submitter or owner, exact
- phone-shaped (0…/+84…, 10–11 digits) → submitter phone, exact, normalised
- anything else → folded name; every query word must prefix-match a word of a name (FTS5),
  or of one attached paper's text (its OCR text layer, FTS5 too); those rows name the papers

Results are newest first. Broad code and name queries first take the CANDIDATE_CAP most
recently stored matches (an index walk that stops early), then sort those by received_at: for
dossiers received at this desk storage order is receipt order, so this equals the exact answer
while staying fast on a million rows.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from hcc_core.domain.text import fold

from ..models import Dossier
from ..records import DossierSummary
from ..search_keys import phone_key
from .ocr import PAPER_CANDIDATE_CAP, paper_hits, paper_names
from .summaries import summaries

CANDIDATE_CAP = 1000
QueryKind = Literal["all", "code", "code_tail", "id_number", "phone", "name"]

_CODE = re.compile(r"\d{3}\.[0-9A-Z.\-]*")
_CODE_TAIL = re.compile(r"\d{6}(-\d{0,4})?")
_SEPARATORS = re.compile(r"[\s.\-()]")
_WORD = re.compile(r"\w+")
# Same literal as the expression index of migration 0002, or SQLite won't use the index.
_CODE_TAIL_EXPR = literal_column("substr(dossier.code, 15)", String)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    kind: QueryKind
    value: str  # normalised: upper-case code, digits, national phone, or folded words


def classify_query(query: str) -> SearchQuery:
    q = query.strip()
    if not q:
        return SearchQuery("all", "")
    upper = q.upper()
    if _CODE.fullmatch(upper):
        return SearchQuery("code", upper)
    if _CODE_TAIL.fullmatch(q):
        return SearchQuery("code_tail", q)
    compact = _SEPARATORS.sub("", q)
    if compact.startswith("+") and compact[1:].isdigit():
        return SearchQuery("phone", phone_key(compact) or compact)
    if compact.isdigit():
        if len(compact) in (9, 12):
            return SearchQuery("id_number", compact)
        if compact.startswith("0") and len(compact) in (10, 11):
            return SearchQuery("phone", phone_key(compact) or compact)
        if compact.startswith("84") and len(compact) == 11:
            return SearchQuery("phone", phone_key(compact) or compact)
    return SearchQuery("name", " ".join(_WORD.findall(fold(q))))


def search_dossiers(
    session: Session, query: str, limit: int = 50, received_on: date | None = None
) -> list[DossierSummary]:
    sq = classify_query(query)
    # Words inside papers first (their own index), so the dossier query stays one index walk.
    cap = max(PAPER_CANDIDATE_CAP, 4 * limit)
    hits = paper_hits(session, sq.value.split(), cap) if sq.kind == "name" else {}
    stmt = _id_query(sq, limit, received_on, paper_dossiers=set(hits.values()))
    ids = list(session.scalars(stmt).all())
    rows = summaries(session, ids, newest_first=True)
    if not hits or not rows:
        return rows
    found = set(ids)
    names = paper_names(session, [p for p, d in hits.items() if d in found])
    by_uuid = dict(zip(_uuids_of(session, list(names)), names.values(), strict=True))
    return [replace(r, matched_papers=by_uuid[r.uuid]) if r.uuid in by_uuid else r for r in rows]


def _uuids_of(session: Session, dossier_ids: list[int]) -> list[str]:
    uuids = dict(
        session.execute(select(Dossier.id, Dossier.uuid).where(Dossier.id.in_(dossier_ids)))
        .tuples()
        .all()
    )
    return [uuids[i] for i in dossier_ids]


def _day_range(day: date) -> ColumnElement[bool]:
    start = datetime.combine(day, time.min)
    return and_(Dossier.received_at >= start, Dossier.received_at < start + timedelta(days=1))


def _newest(where: ColumnElement[bool], limit: int) -> Select[tuple[int]]:
    return (
        select(Dossier.id)
        .where(where)
        .order_by(Dossier.received_at.desc(), Dossier.id.desc())
        .limit(limit)
    )


def _id_query(
    sq: SearchQuery, limit: int, day: date | None, paper_dossiers: Collection[int] = ()
) -> Select[tuple[int]]:
    """``paper_dossiers``: dossiers whose papers hold the name query's words (matched too)."""
    cond: ColumnElement[bool]
    if sq.kind == "id_number":
        cond = or_(Dossier.id_number == sq.value, Dossier.owner_id_number == sq.value)
    elif sq.kind == "phone":
        cond = Dossier.phone == sq.value
    elif sq.kind in ("code", "code_tail"):
        key = Dossier.code if sq.kind == "code" else _CODE_TAIL_EXPR
        cond = and_(key >= sq.value, key < _successor(sq.value))
        if day is None:  # broad prefixes: walk the code index from the newest end
            cap = max(CANDIDATE_CAP, 4 * limit)
            recent = select(Dossier.id).where(cond).order_by(key.desc()).limit(cap)
            cond = Dossier.id.in_(recent.scalar_subquery())
    elif sq.kind == "name":
        cond = _name_condition(sq.value.split(), day, max(CANDIDATE_CAP, 4 * limit))
        if paper_dossiers:
            cond = or_(cond, Dossier.id.in_(sorted(paper_dossiers)))
    else:
        cond = literal_column("1") == 1
    if day is not None:
        cond = and_(cond, _day_range(day))
    return _newest(cond, limit)


def _successor(prefix: str) -> str:
    """Smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _name_condition(words: list[str], day: date | None, cap: int) -> ColumnElement[bool]:
    if not words:
        return literal_column("0") == 1
    if day is not None:
        # One day holds a few hundred rows: a LIKE per word over them beats the FTS join.
        padded = literal_column("' ' || dossier.search_name", String)
        return and_(*(padded.like(f"% {_escape(w)}%", escape="\\") for w in words))
    match = " ".join(f'"{w}"*' for w in words)
    fts: Select[tuple[int]] = (
        select(literal_column("rowid", Integer))
        .select_from(text("dossier_fts"))
        .where(text("dossier_fts MATCH :fts_query").bindparams(fts_query=match))
        .order_by(literal_column("rowid").desc())
        .limit(cap)
    )
    return Dossier.id.in_(fts.scalar_subquery())


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
