"""Queries of the officer accounts the admin screen manages (services/admin_officers.py)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Officer


def officers_by_username(session: Session) -> list[Officer]:
    return list(session.scalars(select(Officer).order_by(Officer.username)))


def username_taken(session: Session, username: str) -> bool:
    """Whether an account has this user name, whatever its case (``username`` in lower case)."""
    found = session.scalar(select(Officer.id).where(func.lower(Officer.username) == username))
    return found is not None


def active_admin_count(session: Session) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(Officer)
        .where(Officer.role == "admin", Officer.active.is_(True))
    )
    return count or 0
