"""Small queries the use cases share: a procedure by its reference, an officer, this centre and
counter, the last ledger number of a book."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Centre, Counter, Dossier, Officer, Procedure
from ..records import ProcedureInfo
from .procedures import get_procedure


def find_procedure(session: Session, ref: str) -> ProcedureInfo | None:
    """An active procedure by its national code, or by ``#<id>`` for the few without one."""
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


def last_ledger_number(session: Session, counter_id: int, book: str) -> int:
    """The highest number written in a counter's ledger book (0 for a new book)."""
    last = session.scalar(
        select(func.max(Dossier.ledger_number)).where(
            Dossier.counter_id == counter_id, Dossier.ledger_book == book
        )
    )
    return last or 0
