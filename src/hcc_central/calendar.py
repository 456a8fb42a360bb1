"""Central's working calendar: the same official calendar the desks use (the bundled file, or a
year imported from its decision and sent to every desk), for the due dates central moves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core.domain.calendar import Duration, WorkCalendar
from hcc_core.domain.official_calendar import (
    CalendarFileError,
    OfficialCalendar,
    OfficialYear,
    bundled_calendar,
    parse_calendar,
)
from hcc_core.domain.timing import limit_of

from .admin import AdminError
from .changes import audit, emit_many
from .models import CalendarDay, CalendarYear, Procedure


def work_calendar(s: Session) -> WorkCalendar:
    """Default office hours (07:00–11:30, 13:30–17:00; the desks' default too), weekends off,
    the official calendar; days imported in the old list format stay overrides."""
    rows = list(s.scalars(select(CalendarDay)))
    imported = {y.year for y in s.scalars(select(CalendarYear))}
    years = dict(bundled_calendar().without(imported).years)
    for y in imported:
        mine = [r for r in rows if r.day.year == y]
        years[y] = OfficialYear(
            y,
            {r.day: r.note or "" for r in mine if r.kind == "off"},
            {r.day: r.note or "" for r in mine if r.kind == "work"},
        )
    loose = [r for r in rows if r.day.year not in imported]
    return WorkCalendar(
        extra_days_off=frozenset(r.day for r in loose if r.kind == "off"),
        worked_days=frozenset(r.day for r in loose if r.kind == "work"),
        official=OfficialCalendar(years, bundled_calendar().revision),
    )


def procedure_limit(s: Session, centre_id: int, doc: dict[str, Any]) -> Duration | None:
    """The dossier's procedure limit from this centre's catalogue (by national code); None when
    central does not know the procedure (the due date then moves by the wait, in working time)."""
    code = doc.get("procedure_code")
    if not code:
        return None
    data = s.scalar(
        select(Procedure.data)
        .where(Procedure.centre_id == centre_id, Procedure.code == code)
        .limit(1)
    )
    return None if not isinstance(data, dict) else limit_of(data)


def import_official(s: Session, raw: Any, name: str, *, actor: str) -> int:
    """Load the years of an official calendar document (validated whole first): each year's
    days replace the stored ones, and desks get ``calendar.day`` and ``calendar.year`` changes.
    Returns the number of days changed."""
    try:
        official = parse_calendar(raw, name)
    except CalendarFileError as err:
        raise AdminError(f"{err.text('en')} / {err.message}") from None
    stored = {c.day: c for c in s.scalars(select(CalendarDay))}
    changes: list[tuple[None, str, str, dict[str, Any]]] = []
    for year in official.covered_years():
        entry = official.years[year]
        wanted = {d: (k, n) for d, k, n in entry.rows()}
        for day in [d for d in stored if d.year == year and d not in wanted]:
            s.delete(stored.pop(day))
            changes.append(
                (
                    None,
                    "calendar.day",
                    day.isoformat(),
                    {"day": day.isoformat(), "kind": None, "note": None},
                )
            )
        for day, (kind, note) in sorted(wanted.items()):
            row = stored.get(day)
            if row is not None and (row.kind, row.note) == (kind, note):
                continue
            if row is None:
                stored[day] = row = CalendarDay(day=day)
                s.add(row)
            row.kind, row.note = kind, note
            changes.append(
                (
                    None,
                    "calendar.day",
                    day.isoformat(),
                    {"day": day.isoformat(), "kind": kind, "note": note},
                )
            )
        _mark_year(s, year, official.revision, list(entry.sources))
        changes.append(
            (
                None,
                "calendar.year",
                str(year),
                {"year": year, "revision": official.revision, "sources": list(entry.sources)},
            )
        )
    emit_many(s, changes)  # type: ignore[arg-type]
    audit(
        s,
        actor,
        "calendar.import",
        file=name,
        years=official.covered_years(),
        changed=sum(c[1] == "calendar.day" for c in changes),
    )
    return sum(c[1] == "calendar.day" for c in changes)


def _mark_year(s: Session, year: int, revision: str, sources: list[Any]) -> None:
    row = s.get(CalendarYear, year)
    if row is None:
        row = CalendarYear(year=year)
        s.add(row)
    row.revision, row.sources = revision or None, sources
    row.imported_at = datetime.now().replace(microsecond=0)
