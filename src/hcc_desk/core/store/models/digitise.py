"""Digitised papers: the OCR queue and the text of each attached paper (0010), and what each
digitised copy is (0011)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, now, uuid_column

OCR_STATES = ("queued", "running", "done", "failed")


class OcrJob(Base):
    """One attachment waiting for (or given) its text layer. Queued in the transaction that
    stores the attachment, so a crash or a quit only delays it to the next start."""

    __tablename__ = "ocr_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), unique=True
    )
    state: Mapped[str] = mapped_column(String(8), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)  # runs started (a crash mid-run counts)
    last_error: Mapped[str | None]
    # The new version with the text layer (None: the file kept its own text, or it failed).
    result_attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachment.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=now)
    finished_at: Mapped[datetime | None]

    __table_args__ = (
        CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name="ocr_state_known"),
        Index("ix_ocr_job_state_id", "state", "id"),
    )


class PaperText(Base):
    """The text of an attached paper; ``text_folded`` (accent-free, like names) is what the
    full-text index ``dossier_fts_paper`` holds."""

    __tablename__ = "paper_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), unique=True
    )
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    text_folded: Mapped[str] = mapped_column(Text)


class PaperRecord(Base):
    """What a dossier paper's digitised copy is (0011; issue 14, item 3): its kind, number,
    issuer, dates and owner, typed by the officer or suggested from the copy's OCR text
    (``suggested``: field → {"value", "confidence"}) and then checked. Only a checked record
    (``checked_at`` set) is pushed to central, where other desks may reuse the copy. A reused
    copy (item 4) names the central paper it came from (``reused_*``)."""

    __tablename__ = "paper_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    paper_position: Mapped[int]
    # The copy it describes; None until the paper has one.
    attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("attachment.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(default="")
    number: Mapped[str | None] = mapped_column(String(64))
    issuer: Mapped[str | None] = mapped_column(String(300))
    issued_on: Mapped[date | None]
    valid_until: Mapped[date | None]
    owner_id_number: Mapped[str | None] = mapped_column(String(12))
    suggested: Mapped[dict[str, Any]] = mapped_column(default=dict)
    checked_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    checked_at: Mapped[datetime | None]
    reused_paper_uuid: Mapped[str | None] = mapped_column(String(36))
    reused_dossier_code: Mapped[str | None] = mapped_column(String(32))
    reused_sha256: Mapped[str | None] = mapped_column(String(64))
    reused_signer: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)

    __table_args__ = (UniqueConstraint("dossier_id", "paper_position"),)
