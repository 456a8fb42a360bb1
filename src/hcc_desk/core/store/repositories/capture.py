"""Queries of capture at the counter: the dossier a scan is attached to, its checklist papers,
its attachments and their total size, and the size limits central last told us."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Attachment, Dossier, DossierPaper, OcrJob, SyncState


def dossier_by_code_or_uuid(session: Session, ref: str) -> Dossier | None:
    """The CLI and the screens name a dossier by its code; sync by its uuid."""
    return session.scalar(select(Dossier).where((Dossier.code == ref) | (Dossier.uuid == ref)))


def dossier_by_uuid(session: Session, uuid: str) -> Dossier | None:
    return session.scalar(select(Dossier).where(Dossier.uuid == uuid))


def has_checklist_paper(session: Session, dossier_id: int, position: int) -> bool:
    found = session.scalar(
        select(DossierPaper.id).where(
            DossierPaper.dossier_id == dossier_id, DossierPaper.position == position
        )
    )
    return found is not None


def attached_bytes(session: Session, dossier_id: int) -> int:
    """The size of everything attached to the dossier so far (0 before the first file)."""
    total = session.scalar(
        select(func.coalesce(func.sum(Attachment.size), 0)).where(
            Attachment.dossier_id == dossier_id
        )
    )
    return int(total or 0)


def attachments_of(session: Session, dossier_id: int) -> list[Attachment]:
    """The dossier's attachments in checklist order (unassigned files first, then by age);
    a scan that has a version with a text layer is listed as that version only."""
    replaced = select(OcrJob.attachment_id).where(OcrJob.result_attachment_id.is_not(None))
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.dossier_id == dossier_id, Attachment.id.not_in(replaced))
        .order_by(Attachment.paper_position, Attachment.id)
    )
    return list(rows.all())


def attachment_by_uuid(session: Session, uuid: str) -> Attachment | None:
    return session.scalar(select(Attachment).where(Attachment.uuid == uuid))


def central_limits(session: Session) -> Mapping[str, Any] | None:
    """The size limits central sent at enrolment or since (None before it said any)."""
    row = session.get(SyncState, 1)
    return row.limits if row is not None else None
