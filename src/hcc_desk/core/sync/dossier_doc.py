"""Dossier rows → ``protocol.DossierDoc``: the full state of one dossier, as pushed to central."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core.wire.protocol import DossierDoc
from hcc_desk.core.store.models import (
    Applicant,
    Attachment,
    Counter,
    Dossier,
    Officer,
    PaperRecord,
)


def _person(a: Applicant) -> dict[str, Any]:
    return {
        "kind": a.kind,
        "full_name": a.full_name,
        "id_number": a.id_number,
        "old_id_number": a.old_id_number,
        "tax_code": a.tax_code,
        "date_of_birth": a.date_of_birth,
        "sex": a.sex,
        "address": a.address,
        "phone": a.phone,
        "email": a.email,
    }


def _digitised(
    session: Session, d: Dossier, attachments: Sequence[Attachment]
) -> dict[int, dict[str, Any]]:
    """Paper position → its checked metadata and copy (issue 14): only a record the officer
    checked, of a paper that has a copy. The copy is the paper's newest attachment (a text
    layer or a signature made after the check is a newer version of the same paper), except
    a reused copy, which stays the file central listed."""
    records = session.scalars(
        select(PaperRecord).where(
            PaperRecord.dossier_id == d.id, PaperRecord.checked_at.is_not(None)
        )
    ).all()
    if not records:
        return {}
    by_id = {a.id: a for a in attachments}
    newest = {a.paper_position: a for a in attachments if a.paper_position is not None}
    out: dict[int, dict[str, Any]] = {}
    for r in records:
        copy = newest.get(r.paper_position)
        if r.reused_paper_uuid and r.attachment_id in by_id:
            copy = by_id[r.attachment_id]
        if copy is None:
            continue
        reused = (
            {
                "paper_uuid": r.reused_paper_uuid,
                "dossier_code": r.reused_dossier_code,
                "sha256": r.reused_sha256,
            }
            if r.reused_paper_uuid
            else None
        )
        out[r.paper_position] = {
            "attachment_uuid": copy.uuid,
            "kind": r.kind,
            "number": r.number,
            "issuer": r.issuer,
            "issued_on": r.issued_on,
            "valid_until": r.valid_until,
            "owner_id_number": r.owner_id_number,
            "reused_from": reused,
        }
    return out


def dossier_doc_dict(session: Session, d: Dossier) -> dict[str, Any]:
    """The DossierDoc fields as plain values (not yet validated)."""
    counter = d.counter or session.scalar(select(Counter).where(Counter.is_this_device.is_(True)))
    officer: Officer = d.officer
    owner = d.owner
    attachments = session.scalars(
        select(Attachment).where(Attachment.dossier_id == d.id).order_by(Attachment.id)
    ).all()
    digitised = _digitised(session, d, attachments)
    return {
        "uuid": d.uuid,
        "code": d.code,
        "lookup_pin": d.lookup_pin or "",
        "procedure_code": d.procedure.code,
        "procedure_name": d.procedure.name,
        "unit_code": d.agency.unit_code,
        "counter_slot": counter.slot if counter else 0,
        "officer": officer.username,
        # An organisation always files through a person, so the owner tells the kind.
        "applicant_kind": owner.kind if owner is not None else d.submitter.kind,
        "submitter": _person(d.submitter),
        "owner": None if owner is None else _person(owner),
        "papers": [
            {
                "position": p.position,
                "name": p.name,
                "originals": p.originals,
                "certified_copies": p.certified_copies,
                "photocopies": p.photocopies,
                **({"digitised": digitised[p.position]} if p.position in digitised else {}),
            }
            for p in d.papers
        ],
        "sets": d.sets,
        "delivery_method": d.delivery_method,
        "delivery_address": d.delivery_address,
        "notes": d.notes,
        "received_at": d.received_at,
        "due_at": d.due_at,
        "status": d.status,
        "events": [
            {"uuid": e.uuid, "status": e.status, "at": e.at, "actor": e.actor, "note": e.note}
            for e in sorted(d.events, key=lambda e: (e.at, e.id or 0))
        ],
        "attachments": [
            {
                "uuid": a.uuid,
                "paper_position": a.paper_position,
                "filename": a.filename,
                "content_type": a.content_type,
                "size": a.size,
                "sha256": a.sha256,
            }
            for a in attachments
        ],
    }


def build_dossier_doc(session: Session, d: Dossier) -> DossierDoc:
    """Raises pydantic.ValidationError when a stored value doesn't fit the wire contract."""
    session.flush()
    return DossierDoc.model_validate(dossier_doc_dict(session, d))
