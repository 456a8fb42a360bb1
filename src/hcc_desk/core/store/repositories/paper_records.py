"""Queries of the papers' records (what each digitised copy is; migration 0011)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Attachment, Officer, PaperRecord


def records_by_position(session: Session, dossier_id: int) -> dict[int, PaperRecord]:
    rows = session.scalars(select(PaperRecord).where(PaperRecord.dossier_id == dossier_id))
    return {r.paper_position: r for r in rows}


def record_at(session: Session, dossier_id: int, position: int) -> PaperRecord | None:
    return session.scalar(
        select(PaperRecord).where(
            PaperRecord.dossier_id == dossier_id, PaperRecord.paper_position == position
        )
    )


def newest_attachments(session: Session, dossier_id: int) -> dict[int, Attachment]:
    """Paper position → its newest attachment (a text-layer or signed version is newer than
    the scan it was made from)."""
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.dossier_id == dossier_id, Attachment.paper_position.is_not(None))
        .order_by(Attachment.id)
    )
    return {a.paper_position: a for a in rows if a.paper_position is not None}


def officer_names(session: Session, officer_ids: set[int]) -> dict[int, str]:
    if not officer_ids:
        return {}
    rows = session.execute(select(Officer.id, Officer.full_name).where(Officer.id.in_(officer_ids)))
    return dict(rows.tuples().all())
