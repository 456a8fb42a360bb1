"""Queries of reused digitised copies (docs/digitising.md, "Reuse at another desk")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Dossier, PaperRecord


def reused_by_position(session: Session, dossier_uuid: str) -> dict[int, tuple[str, str | None]]:
    """Paper position → (the dossier its copy was reused from, the copy's signer)."""
    rows = session.execute(
        select(
            PaperRecord.paper_position, PaperRecord.reused_dossier_code, PaperRecord.reused_signer
        )
        .join(Dossier, Dossier.id == PaperRecord.dossier_id)
        .where(Dossier.uuid == dossier_uuid, PaperRecord.reused_dossier_code.is_not(None))
    )
    return {pos: (code, signer) for pos, code, signer in rows.tuples() if code}
