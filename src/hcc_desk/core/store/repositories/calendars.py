"""Queries of the working-time calendar (services/calendars.py, services/admin_imports.py): the
exception days and which years of the official calendar this desk has loaded."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..models import CalendarDay, CalendarYear


def all_calendar_days(session: Session) -> list[CalendarDay]:
    return list(session.scalars(select(CalendarDay)))


def calendar_days_between(session: Session, first: date, last: date) -> list[CalendarDay]:
    """The exception days from ``first`` to ``last``, both included."""
    return list(
        session.scalars(
            select(CalendarDay).where(CalendarDay.day >= first, CalendarDay.day <= last)
        )
    )


def delete_calendar_days_between(session: Session, first: date, last: date) -> None:
    session.execute(delete(CalendarDay).where(CalendarDay.day >= first, CalendarDay.day <= last))


def calendar_day(session: Session, day: date) -> CalendarDay | None:
    return session.get(CalendarDay, day)


def loaded_calendar_years(session: Session) -> set[int]:
    """Years whose official calendar was loaded into the database (from central or a file)."""
    return set(session.scalars(select(CalendarYear.year)))


def calendar_year(session: Session, year: int) -> CalendarYear | None:
    return session.get(CalendarYear, year)


def calendar_stamp(session: Session) -> tuple[object, ...]:
    """A cheap fingerprint of both calendar tables: it changes with any edit, pull or import
    (also by another process), so a cached calendar knows when to rebuild."""
    days = session.execute(
        select(
            func.count(),
            func.max(CalendarDay.day),
            func.sum(
                func.length(CalendarDay.kind) + func.length(func.coalesce(CalendarDay.note, ""))
            ),
        )
    ).one()
    years = session.execute(select(func.count(), func.max(CalendarYear.loaded_at))).one()
    return (*days, *years)
