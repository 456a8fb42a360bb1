"""Catalogue queries: agencies and procedures with their papers."""

from __future__ import annotations

import re

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session, selectinload

from hcc_core.catalogue.levels import normalise_level
from hcc_core.domain.text import fold

from ..models import Agency, Procedure
from ..records import AgencyInfo, ProcedureInfo
from .convert import agency_info, procedure_info


def _procedures(active_only: bool) -> Select[tuple[Procedure]]:
    stmt = select(Procedure).options(selectinload(Procedure.papers))
    if active_only:
        stmt = stmt.where(Procedure.active.is_(True))
    return stmt


def list_agencies(session: Session, active_only: bool = True) -> list[AgencyInfo]:
    stmt = select(Agency).order_by(Agency.name)
    if active_only:
        stmt = stmt.where(Agency.active.is_(True))
    return [agency_info(a) for a in session.scalars(stmt)]


def at_level(record_level: str | None, level: str | None) -> bool:
    """Is a procedure offered by a centre of ``level`` ("province"/"commune"; None = all)?
    A record that states no level, or words it in a way we cannot read, is offered rather than
    hidden: the officer can still judge it, but could not pick a procedure that is missing."""
    if level is None or record_level is None:
        return True
    try:
        return normalise_level(record_level) in (None, level)
    except ValueError:
        return True


def list_procedures(
    session: Session, active_only: bool = True, level: str | None = None
) -> list[ProcedureInfo]:
    stmt = _procedures(active_only).join(Procedure.agency).order_by(Agency.name, Procedure.name)
    return [procedure_info(p) for p in session.scalars(stmt) if at_level(p.level, level)]


def get_procedure(session: Session, procedure_id: int) -> ProcedureInfo | None:
    p = session.scalar(_procedures(False).where(Procedure.id == procedure_id))
    return None if p is None else procedure_info(p)


def search_procedures(
    session: Session,
    query: str,
    active_only: bool = True,
    limit: int = 50,
    level: str | None = None,
) -> list[ProcedureInfo]:
    """Accent-free: every query word must occur in the folded name, or the query is a prefix
    of the code. Code hits first, then names starting with the query, then the rest."""
    folded = fold(query)
    words = re.findall(r"\w+", folded)
    if not words:
        return []
    stmt = _procedures(active_only)
    name_hit = [Procedure.name_folded.contains(w, autoescape=True) for w in words]
    code_hit = Procedure.code.startswith(query.strip(), autoescape=True)
    rows = [
        p
        for p in session.scalars(stmt.where(code_hit | and_(*name_hit)))
        if at_level(p.level, level)
    ]

    def rank(p: Procedure) -> tuple[int, str]:
        if p.code and p.code.startswith(query.strip()):
            return (0, p.code)
        return (1 if p.name_folded.startswith(folded) else 2, p.name_folded)

    return [procedure_info(p) for p in sorted(rows, key=rank)[:limit]]
