"""Small queries the use cases share (in core/store/repositories/lookups.py) and how an intake
names a procedure."""

from __future__ import annotations

from hcc_desk.core.store.records import ProcedureInfo
from hcc_desk.core.store.repositories.lookups import find_officer as find_officer
from hcc_desk.core.store.repositories.lookups import find_procedure as find_procedure
from hcc_desk.core.store.repositories.lookups import the_centre as the_centre
from hcc_desk.core.store.repositories.lookups import this_counter as this_counter


def procedure_ref(info: ProcedureInfo) -> str:
    """How an intake names a procedure: its national code, or ``#<id>`` for the few without."""
    return info.code or f"#{info.id}"
