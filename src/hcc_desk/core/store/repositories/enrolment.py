"""Queries of enrolment: which counter holds a slot, which agencies the desk knows, and what it
has printed already (what decides whether it may take central's identity)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Agency, Counter, Dossier


def counter_in_slot(session: Session, slot: int) -> Counter | None:
    return session.scalar(select(Counter).where(Counter.slot == slot))


def agency_unit_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Agency.unit_code)))


def dossiers_of_counter(session: Session, counter_id: int) -> int:
    """How many dossiers the counter has numbered (each code carries its slot)."""
    count = session.scalar(
        select(func.count()).select_from(Dossier).where(Dossier.counter_id == counter_id)
    )
    return count or 0


def unit_codes_with_dossiers(session: Session) -> set[str]:
    """The unit codes of the agencies at least one dossier went to (printed in their codes)."""
    return set(
        session.scalars(
            select(Agency.unit_code)
            .join(Dossier, Dossier.agency_id == Agency.id)
            .group_by(Agency.unit_code)
            .having(func.count() > 0)
        )
    )
