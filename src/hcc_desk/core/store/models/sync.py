"""Sync bookkeeping (added in 0003): the outbox, sync state, held-back pulls, attachments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, new_uuid, now, uuid_column

OP_STATES = ("pending", "parked", "done")
UPLOAD_STATES = ("pending", "uploading", "done", "parked")


class OutboxOp(Base):
    """One change to push. ``id`` is the push order; AUTOINCREMENT so ids are never reused."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The idempotency key central deduplicates on: a retried push reuses it.
    op_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(32))
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=now)
    attempts: Mapped[int] = mapped_column(default=0)  # times sent (so: maybe stored centrally)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None]
    state: Mapped[str] = mapped_column(String(8), default="pending")
    parked_reason: Mapped[str | None]
    parked_code: Mapped[int | None]

    __table_args__ = (
        CheckConstraint("state IN ('pending', 'parked', 'done')", name="state_known"),
        Index("ix_outbox_state_id", "state", "id"),
        {"sqlite_autoincrement": True},
    )


class SyncState(Base):
    """The single row (id = 1) describing this desk's link to central."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    central_url: Mapped[str | None]
    device_id: Mapped[str | None] = mapped_column(String(36))
    cursor: Mapped[int] = mapped_column(default=0)
    limits: Mapped[dict[str, Any] | None]  # protocol.Limits, from enrolment / GET limits
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None]
    last_attempt_at: Mapped[datetime | None]

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class DeferredChange(Base):
    """A pulled change held back because its entity still has local ops to push."""

    __tablename__ = "deferred_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    payload: Mapped[dict[str, Any]]
    received_at: Mapped[datetime] = mapped_column(default=now)


class Attachment(Base):
    """A scanned or imported file of a dossier, kept under ``<profile>/attachments``."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    paper_position: Mapped[int | None]
    filename: Mapped[str]
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str]  # relative to the attachments folder, so a copied profile still works
    upload_state: Mapped[str] = mapped_column(String(10), default="pending")
    uploaded_offset: Mapped[int] = mapped_column(default=0)
    upload_id: Mapped[str | None]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(default=now)

    __table_args__ = (
        CheckConstraint(
            "upload_state IN ('pending', 'uploading', 'done', 'parked')", name="upload_state_known"
        ),
        Index("ix_attachment_upload_state", "upload_state"),
    )
