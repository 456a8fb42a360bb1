"""The working-time calendar in force: settings, the official calendar (bundled file, or the
years central sent / an admin imported) and the editable table of exception days."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from hcc_core.domain.calendar import OfficeHours, WorkCalendar
from hcc_core.domain.official_calendar import (
    CalendarFileError,
    OfficialCalendar,
    OfficialYear,
    bundled_calendar,
    load_calendar_file,
)
from hcc_core.i18n import Msg
from hcc_desk.core.store.models import CalendarDay, CalendarYear
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories.calendars import (
    all_calendar_days,
    calendar_day,
    calendar_stamp,
    calendar_year,
    delete_calendar_days_between,
    loaded_calendar_years,
)
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.errors import InvalidInput
from hcc_desk.services.settings import (
    OFFICE_HOURS,
    USE_PUBLIC_HOLIDAYS,
    WEEKEND,
    SettingsService,
)

log = logging.getLogger("hcc_desk.calendar")
WARN_FROM_MONTH = 12  # from December on, next year's calendar should be loaded


class DbApiConnection(Protocol):
    """What ``warning_from_connection`` needs of sqlite3's or SQLCipher's connection."""

    def execute(self, sql: str, /) -> Any: ...


class CalendarWarning(Msg):
    """A message for the admin; ``urgent``: due dates are being computed without the official
    calendar now. Not urgent: a reminder (next year's calendar, due before 1 January)."""

    def __init__(self, msg_id: str, /, *, urgent: bool = True, **params: Any) -> None:
        super().__init__(msg_id, params)
        object.__setattr__(self, "urgent", urgent)


@dataclass(frozen=True)
class ImportReport:
    years: list[int]
    days: int


class CalendarService:
    def __init__(self, store: Sessions, settings: SettingsService):
        self._store = store
        self._settings = settings
        self._cached: WorkCalendar | None = None
        self._stamp: tuple[object, ...] | None = None
        self._generation = 0  # bumped by every change; a rebuild raced by one is not kept
        for setting in (OFFICE_HOURS, WEEKEND, USE_PUBLIC_HOLIDAYS):
            settings.subscribe(setting, self._changed)

    def _changed(self, _value: object = None) -> None:
        self._generation += 1
        self._cached = None

    def current(self) -> WorkCalendar:
        # Rebuilt only when the calendar tables changed (an edit, a pull from central, an
        # import — possibly by another process) or a calendar setting did (its listener drops
        # the cache): due dates follow at once, and one aggregate query per call is far
        # cheaper than rebuilding.
        generation = self._generation
        with self._store.session() as s:
            stamp = calendar_stamp(s)
            if self._cached is not None and stamp == self._stamp:
                return self._cached
            rows = all_calendar_days(s)
            loaded = loaded_calendar_years(s)
        settings = self._settings
        hours: list[list[str]] = settings.get(OFFICE_HOURS)
        weekend: list[int] = settings.get(WEEKEND)
        built = WorkCalendar(
            office_hours=OfficeHours.from_config(hours),
            weekend=frozenset(weekend),
            extra_days_off=frozenset(r.day for r in rows if r.kind == "off"),
            worked_days=frozenset(r.day for r in rows if r.kind == "work"),
            use_public_holidays=settings.get(USE_PUBLIC_HOLIDAYS),
            official=_official(loaded, rows),
        )
        if generation == self._generation:
            self._cached, self._stamp = built, stamp
        return built

    def covered_years(self) -> list[int]:
        """Years whose official calendar is loaded (bundled file, central or an import)."""
        with self._store.session() as s:
            loaded = loaded_calendar_years(s)
        return sorted(loaded | set(bundled_calendar().covered_years()))

    def admin_warning(self, today: date | None = None) -> CalendarWarning | None:
        """What an admin must be told: this year's calendar missing (the ``holidays`` fallback
        is in use), or, from December on, next year's not loaded yet."""
        today = today or date.today()
        if not self._settings.get(USE_PUBLIC_HOLIDAYS):
            return None
        return calendar_warning(today, self.covered_years())

    def set_day(self, day: date, kind: str | None, note: str = "") -> None:
        """Mark ``day`` as an extra day off ("off"), a worked day ("work"), or clear it (None)."""
        with self._store.write() as s:
            row = calendar_day(s, day)
            if kind is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(CalendarDay(day=day, kind=kind, note=note or None))
            else:
                row.kind, row.note = kind, note or None
        self._changed()

    def import_file(self, path: Path, actor: str) -> ImportReport:
        """Load the years of an official calendar file (the year's decision), replacing those
        years' days on this desk. The whole file is checked before anything is written."""
        try:
            official = load_calendar_file(path)
        except CalendarFileError as err:
            raise InvalidInput.like(err) from None
        days = 0
        with self._store.write() as s:
            for year in official.covered_years():
                days += store_year(s, official, year, origin="import")
            add_audit(
                s,
                actor,
                "calendar.import",
                "calendar",
                None,
                {"file": path.name, "years": official.covered_years(), "days": days},
            )
        self._changed()
        return ImportReport(official.covered_years(), days)


def store_year(session: Session, official: OfficialCalendar, year: int, *, origin: str) -> int:
    """Replace ``year``'s calendar_day rows with the file's and mark the year loaded."""
    entry = official.years[year]
    delete_calendar_days_between(session, date(year, 1, 1), date(year, 12, 31))
    rows = entry.rows()
    session.add_all(CalendarDay(day=d, kind=k, note=n) for d, k, n in rows)
    mark_year(session, year, official.revision, list(entry.sources), origin)
    return len(rows)


def mark_year(
    session: Session, year: int, revision: str | None, sources: list[Any], origin: str
) -> None:
    row = calendar_year(session, year)
    if row is None:
        row = CalendarYear(year=year, origin=origin, sources=sources)
        session.add(row)
    row.revision, row.origin, row.sources = revision, origin, sources
    row.loaded_at = datetime.now().replace(microsecond=0)


def calendar_warning(today: date, covered: list[int]) -> CalendarWarning | None:
    if today.year not in covered:
        return CalendarWarning("calendars.official_calendar_due_dates", year=today.year)
    if today.month >= WARN_FROM_MONTH and today.year + 1 not in covered:
        nxt = today.year + 1
        return CalendarWarning("calendars.working_calendar_loaded_import", urgent=False, nxt=nxt)
    return None


def warning_from_connection(
    con: DbApiConnection, today: date | None = None
) -> CalendarWarning | None:
    """``admin_warning`` over a raw DB-API connection (``hcc-desk doctor`` opens the database
    read-only, without the app context). None on a schema without the table yet."""
    try:
        loaded = {int(r[0]) for r in con.execute("SELECT year FROM calendar_year")}
        flag = con.execute("SELECT value FROM setting WHERE key = 'use_public_holidays'").fetchone()
    except Exception:  # noqa: BLE001 - an older schema: nothing to say about the calendar
        return None
    if flag is not None and str(flag[0]).strip().lower() in ("false", "0"):
        return None
    return calendar_warning(
        today or date.today(), sorted(loaded | set(bundled_calendar().covered_years()))
    )


def _official(loaded: set[int], rows: list[CalendarDay]) -> OfficialCalendar:
    """The bundled calendar, except that a year loaded into the database (from central or an
    import) takes its days from that year's calendar_day rows."""
    years = dict(bundled_calendar().without(loaded).years)
    for y in loaded:
        mine = [r for r in rows if r.day.year == y]
        years[y] = OfficialYear(
            y,
            {r.day: r.note or "" for r in mine if r.kind == "off"},
            {r.day: r.note or "" for r in mine if r.kind == "work"},
        )
    return OfficialCalendar(years, bundled_calendar().revision)
