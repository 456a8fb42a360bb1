"""Queries of the admin screen's imports (services/admin_imports.py): the whole catalogue as
columns, to compare before and after an import."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, selectinload

from ..models import Procedure

# Bookkeeping columns an import rewrites without changing what the procedure says.
_NOT_COMPARED = ("id", "uuid", "created_at", "updated_at", "name_folded")

ProcedureSnapshot = dict[int, tuple[str, str, dict[str, Any]]]


def procedure_snapshot(session: Session) -> ProcedureSnapshot:
    """Every procedure's columns and papers, keyed by database id: {id: (ref, name, values)}."""
    session.flush()
    session.expire_all()  # read what an import wrote, not what this session cached before
    out: ProcedureSnapshot = {}
    for p in session.scalars(select(Procedure).options(selectinload(Procedure.papers))):
        values = {
            a.key: getattr(p, a.key)
            for a in inspect(Procedure).column_attrs
            if a.key not in _NOT_COMPARED
        }
        values["papers"] = [
            (x.position, x.name, x.originals, x.certified_copies, x.photocopies, x.note)
            for x in p.papers
        ]
        out[p.id] = (p.code or p.name, p.name, values)
    return out
