"""Queries of signing a saved dossier's papers: whether a copy is still waiting for its text
layer (a copy is signed after it, so that the signature covers the text)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import OcrJob


def text_layer_pending(session: Session, attachment_id: int) -> bool:
    """The copy's OCR job is queued or running: its text-layer version is still to come."""
    state = session.scalar(select(OcrJob.state).where(OcrJob.attachment_id == attachment_id))
    return state in ("queued", "running")
