"""Which signed digitised papers a lookup lists, and the grants that let a device fetch them
(issue 14; the routes are api/papers.py, the rules docs/central.md "Reusing digitised papers").

A paper is listed only if its copy's bytes are stored on central with a signature central
verified at upload (``attachment.signer``), it has not expired, and the dossier's person with the
queried ID number has the queried accent-free name and date of birth. The same bytes pushed again
by another dossier (a reused copy) are listed once: the first digitised wins.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from hcc_core.domain.text import fold
from hcc_core.wire.papers import GRANT_MINUTES, MAX_LISTED, ReusablePaper, ReusableQuery

from .digitised import NAME_MAX
from .models import Attachment, Centre, DigitisedPaper, Dossier, ReuseGrant
from .store import FileStore

SCOPES = ("all", "centre")
# Rows read per lookup before duplicates (the same bytes) are dropped.
_SCAN = MAX_LISTED * 4
_ID_TAG_HEX = 6  # 24 bits: see id_tag


def id_tag(id_number: str) -> str:
    """What the audit log keeps of a looked-up ID number: the first 24 bits of a SHA-256. An
    auditor can tell whether a given number may have been looked up; nobody can read the number
    back (about 10^10 possible numbers share 2^24 tags, so a tag fits thousands of them)."""
    digest = hashlib.sha256(f"hcc-central/paper-lookup/{id_number}".encode()).hexdigest()
    return digest[:_ID_TAG_HEX]


def centre_only(scope: str) -> bool:
    """Anything but "all" (a typo included) keeps lookups to the device's own centre."""
    return scope != "all"


def find(
    s: Session, store: FileStore, q: ReusableQuery, centre_id: int | None, today: date
) -> list[ReusablePaper]:
    """The listed papers of the queried person; ``centre_id`` None: of every centre."""
    name = fold(q.full_name)[:NAME_MAX]
    if not name:
        return []
    p, a = DigitisedPaper, Attachment
    stmt = (
        select(p.paper_uuid, p.kind, p.number, p.issuer, p.issued_on, p.valid_until,
               Dossier.code, Centre.name.label("centre_name"), a.signer, a.signed_at,
               a.filename, a.size, a.sha256)
        .join(a, a.uuid == p.paper_uuid)
        .join(Dossier, Dossier.uuid == p.dossier_uuid)
        .join(Centre, Centre.id == p.centre_id)
        .where(
            p.owner_id_number == q.id_number,
            p.owner_name_folded == name,
            p.owner_birth == q.date_of_birth,
            or_(p.valid_until.is_(None), p.valid_until >= today),
            a.dossier_uuid == p.dossier_uuid,  # ingest keeps it so; checked again
            a.stored_at.is_not(None),
            a.signer.is_not(None),
        )
        # Originals before reused copies, then the first digitised.
        .order_by(p.reused_from.is_not(None), p.created_at, p.paper_uuid)
        .limit(_SCAN)
    )  # fmt: skip
    if centre_id is not None:
        stmt = stmt.where(p.centre_id == centre_id)
    listed: dict[str, ReusablePaper] = {}
    for r in s.execute(stmt):
        if r.sha256 in listed or not store.has(r.sha256):
            continue
        listed[r.sha256] = _paper(r)
        if len(listed) == MAX_LISTED:
            break
    return list(listed.values())


def _paper(r: Any) -> ReusablePaper:
    return ReusablePaper(
        paper_uuid=r.paper_uuid,
        kind=r.kind,
        number=r.number,
        issuer=r.issuer,
        issued_on=r.issued_on,
        valid_until=r.valid_until,
        dossier_code=r.code,
        centre_name=r.centre_name,
        signer=r.signer,
        signed_at=r.signed_at,
        filename=r.filename,
        size=r.size,
        sha256=r.sha256,
    )


def grant(s: Session, device_id: str, papers: list[ReusablePaper], now: datetime) -> None:
    """The device may fetch these papers' files for GRANT_MINUTES (a listed one again: from
    now); its expired grants are dropped."""
    s.execute(
        delete(ReuseGrant).where(ReuseGrant.device_id == device_id, ReuseGrant.expires_at <= now)
    )
    if not papers:
        return
    until = now + timedelta(minutes=GRANT_MINUTES)
    insert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    rows = [{"device_id": device_id, "paper_uuid": p.paper_uuid, "expires_at": until}
            for p in papers]  # fmt: skip
    stmt = insert(ReuseGrant).values(rows)
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=[ReuseGrant.device_id, ReuseGrant.paper_uuid],
            set_={"expires_at": stmt.excluded.expires_at},
        )
    )


@dataclass(frozen=True)
class GrantedFile:
    sha256: str
    filename: str


def granted_file(
    s: Session, store: FileStore, device_id: str, paper_uuid: str, now: datetime
) -> GrantedFile | None:
    """The paper's stored, verified copy if this device was listed it and the grant holds."""
    a = Attachment
    row = s.execute(
        select(a.sha256, a.filename)
        .join(ReuseGrant, ReuseGrant.paper_uuid == a.uuid)
        .join(DigitisedPaper, DigitisedPaper.paper_uuid == a.uuid)
        .where(
            ReuseGrant.device_id == device_id,
            ReuseGrant.paper_uuid == paper_uuid,
            ReuseGrant.expires_at > now,
            a.stored_at.is_not(None),
            a.signer.is_not(None),
        )
    ).first()
    if row is None or not store.has(row.sha256):
        return None
    return GrantedFile(row.sha256, row.filename)
