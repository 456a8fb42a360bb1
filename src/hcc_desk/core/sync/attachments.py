"""Adding a file to a dossier: copied into ``<profile>/attachments``, hashed, recorded, queued.

In a profile the file is encrypted (hcc_desk.core.sealed_files). It is made durable (fsync + rename) before the row that points at it is committed, so a
recorded attachment always has its bytes; a crash in between leaves at most an orphan file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

from sqlalchemy.orm import Session

from hcc_desk.core import sealed_files
from hcc_desk.core.store.models import Attachment, Dossier, new_uuid

from .outbox import enqueue_dossier


def write_file(attachments_dir: Path, att_uuid: str, filename: str, data: bytes) -> str:
    """Store ``data``; returns its path relative to ``attachments_dir``."""
    suffix = PurePath(filename).suffix.lower()[:10]
    rel = f"{att_uuid[:2]}/{att_uuid}{suffix}"
    sealed_files.write(attachments_dir, rel, data)  # encrypted in a profile's folder
    return rel


def add_attachment(
    session: Session,
    dossier: Dossier,
    attachments_dir: Path,
    data: bytes,
    *,
    filename: str,
    content_type: str,
    paper_position: int | None = None,
) -> Attachment:
    """Record a file of ``dossier`` and queue the dossier's new state (call in a write tx)."""
    att_uuid = new_uuid()
    rel = write_file(attachments_dir, att_uuid, filename, data)
    att = Attachment(
        uuid=att_uuid,
        dossier_id=dossier.id,
        paper_position=paper_position,
        filename=PurePath(filename).name[:255],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        path=rel,
        upload_state="pending",
        uploaded_offset=0,
    )
    session.add(att)
    enqueue_dossier(session, dossier)
    return att
