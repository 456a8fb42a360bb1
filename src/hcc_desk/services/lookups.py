"""How an intake names a procedure (the small shared queries are in
core/store/repositories/lookups.py)."""

from __future__ import annotations

from hcc_desk.core.store.records import ProcedureInfo


def procedure_ref(info: ProcedureInfo) -> str:
    """How an intake names a procedure: its national code, or ``#<id>`` for the few without."""
    return info.code or f"#{info.id}"
