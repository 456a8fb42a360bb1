"""Searchable papers (added in 0010): the OCR queue and the text of each attached paper."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, now

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
