"""Queries of the sync service: what is parked in the outbox and the attachment queue, and the
outbox states of a list of dossiers (today's list shows them)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Attachment, OutboxOp

SQLITE_MAX_PARAMS = 500  # well under SQLite's bound-parameter limit


def parked_ops(session: Session, op_ids: Collection[str] | None = None) -> list[OutboxOp]:
    """The parked outbox operations; only those of ``op_ids`` when given."""
    q = select(OutboxOp).where(OutboxOp.state == "parked")
    if op_ids is not None:
        q = q.where(OutboxOp.op_id.in_(op_ids))
    return list(session.scalars(q).all())


def parked_attachments(session: Session, uuids: Collection[str] | None = None) -> list[Attachment]:
    """The attachments whose upload is parked; only those of ``uuids`` when given."""
    q = select(Attachment).where(Attachment.upload_state == "parked")
    if uuids is not None:
        q = q.where(Attachment.uuid.in_(uuids))
    return list(session.scalars(q).all())


def outbox_states(session: Session, entity_uuids: Sequence[str]) -> dict[str, set[str]]:
    """The states of the outbox operations of each entity (an empty set: none queued)."""
    found: dict[str, set[str]] = {u: set() for u in entity_uuids}
    for start in range(0, len(entity_uuids), SQLITE_MAX_PARAMS):
        chunk = entity_uuids[start : start + SQLITE_MAX_PARAMS]
        rows = session.execute(
            select(OutboxOp.entity_uuid, OutboxOp.state)
            .where(OutboxOp.entity_uuid.in_(chunk))
            .distinct()
        ).tuples()
        for entity, state in rows:
            found[entity].add(state)
    return found
