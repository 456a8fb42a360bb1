"""Small queries the use cases share: a procedure by its reference, the officer, this counter."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_desk.core.store.models import Centre, Counter, Officer, Procedure
from hcc_desk.core.store.records import ProcedureInfo
from hcc_desk.core.store.repositories import get_procedure


def procedure_ref(info: ProcedureInfo) -> str:
    """How an intake names a procedure: its national code, or ``#<id>`` for the few without."""
    return info.code or f"#{info.id}"


def find_procedure(session: Session, ref: str) -> ProcedureInfo | None:
    ref = ref.strip()
    if ref.startswith("#") and ref[1:].isdigit():
        info = get_procedure(session, int(ref[1:]))
    else:
        pid = session.scalar(select(Procedure.id).where(Procedure.code == ref))
        info = None if pid is None else get_procedure(session, pid)
    return info if info is not None and info.active else None


def find_officer(session: Session, username: str) -> Officer | None:
    return session.scalar(select(Officer).where(Officer.username == username))


def the_centre(session: Session) -> Centre | None:
    return session.scalar(select(Centre).order_by(Centre.id).limit(1))


def this_counter(session: Session) -> Counter | None:
    return session.scalar(select(Counter).where(Counter.is_this_device.is_(True)))
