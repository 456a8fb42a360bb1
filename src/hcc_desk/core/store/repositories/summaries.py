"""Build DossierSummary rows for a known set of dossier ids in one joined query."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..models import Agency, Applicant, Dossier, Procedure
from ..records import DossierSummary

_Submitter = aliased(Applicant)
_Owner = aliased(Applicant)

_COLUMNS = (
    Dossier.uuid,
    Dossier.code,
    Dossier.received_at,
    Dossier.due_at,
    Dossier.status,
    Procedure.name,
    _Submitter.full_name,
    _Owner.full_name,
    Dossier.id_number,
    Dossier.phone,
    Agency.name,
)


# Statements are immutable: every query below derives a new one from this.
_BASE = (
    select(*_COLUMNS)
    .join(Procedure, Dossier.procedure_id == Procedure.id)
    .join(Agency, Dossier.agency_id == Agency.id)
    .join(_Submitter, Dossier.submitter_id == _Submitter.id)
    .outerjoin(_Owner, Dossier.owner_id == _Owner.id)
)


def summaries(session: Session, ids: list[int], newest_first: bool) -> list[DossierSummary]:
    if not ids:
        return []
    if newest_first:
        order = (Dossier.received_at.desc(), Dossier.id.desc())
    else:
        order = (Dossier.received_at.asc(), Dossier.id.asc())
    rows = session.execute(_BASE.where(Dossier.id.in_(ids)).order_by(*order))
    return [DossierSummary(*row) for row in rows]


def dossiers_received_on(session: Session, day: date) -> list[DossierSummary]:
    """The day's dossiers in receipt order (the order of the ledger, Sổ theo dõi)."""
    start = datetime.combine(day, time.min)
    stmt = _BASE.where(
        Dossier.received_at >= start, Dossier.received_at < start + timedelta(days=1)
    ).order_by(Dossier.received_at, Dossier.id)
    return [DossierSummary(*row) for row in session.execute(stmt)]
