"""Queries of the after-intake steps (return desk, agency steps): a dossier by its scanned code
with what a step needs loaded, its hand-over hops, its hand-back and apologies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from ..models import Dossier, DossierNotice, HandBack, Handover

CODE_TAIL_START = 15  # 1-based start of "YYMMDD-NNNN" in "000.00.61.H57-YYMMDD-NNNN"


def _dossier_with_history() -> Select[tuple[Dossier]]:
    # Every step reads the events (status machine, event time) and the parties: load them at once.
    return select(Dossier).options(
        selectinload(Dossier.events),
        selectinload(Dossier.procedure),
        selectinload(Dossier.submitter),
        selectinload(Dossier.owner),
    )


def dossier_by_code(session: Session, code: str) -> Dossier | None:
    return session.scalar(_dossier_with_history().where(Dossier.code == code))


def dossiers_by_code_tail(session: Session, tail: str, limit: int = 2) -> list[Dossier]:
    """Dossiers whose code ends in ``tail`` ("YYMMDD-NNNN"); ``limit`` 2 tells unique from not."""
    found = session.scalars(
        _dossier_with_history()
        .where(func.substr(Dossier.code, CODE_TAIL_START) == tail)
        .limit(limit)
    )
    return list(found.all())


def last_handover(session: Session, dossier_id: int) -> Handover | None:
    return session.scalar(
        select(Handover)
        .where(Handover.dossier_id == dossier_id)
        .order_by(Handover.seq.desc())
        .limit(1)
    )


def last_handover_seq(session: Session, dossier_id: int) -> int:
    """The number of the dossier's last hop (0 before the first)."""
    last = session.scalar(select(func.max(Handover.seq)).where(Handover.dossier_id == dossier_id))
    return last or 0


def hand_back_of(session: Session, dossier_id: int) -> HandBack | None:
    return session.scalar(select(HandBack).where(HandBack.dossier_id == dossier_id))


def first_apology_previous_due(session: Session, dossier_id: int) -> datetime | None:
    """The appointment the dossier's first apology replaced (None without an apology)."""
    return session.scalar(
        select(DossierNotice.previous_due_at)
        .where(
            DossierNotice.dossier_id == dossier_id,
            DossierNotice.kind == "apology",
            DossierNotice.previous_due_at.is_not(None),
        )
        .order_by(DossierNotice.at, DossierNotice.id)
        .limit(1)
    )
