"""Calendar and catalogue imports for the admin screen: first a preview of what the file would
change, then the import itself through the existing code (services/calendars.py,
core/store/catalogue_import.py). Admin-only and audited; a preview writes nothing.

The catalogue preview runs the real import inside a savepoint and rolls it back, so what it
lists is exactly what applying would do (same matching, same checks), not a second opinion.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hcc_core.domain.official_calendar import (
    CalendarFileError,
    bundled_calendar,
    load_calendar_file,
)
from hcc_desk.core.store.models import CalendarDay
from hcc_desk.core.store.repositories.admin_imports import procedure_snapshot
from hcc_desk.core.store.repositories.calendars import (
    calendar_days_between,
    loaded_calendar_years,
)
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.admin_officers import check_admin
from hcc_desk.services.errors import InvalidInput

if TYPE_CHECKING:  # the imports themselves load lazily, on first use
    from hcc_desk.core.store.catalogue_import import ImportReport as CatalogueImportReport
    from hcc_desk.services.calendars import CalendarService
    from hcc_desk.services.calendars import ImportReport as CalendarImportReport


@dataclass(frozen=True)
class DayChange:
    day: date
    kind: str  # "off" or "work"
    name: str
    change: str  # "added", "removed" or "changed"


@dataclass(frozen=True)
class CalendarPreview:
    years: list[int]
    changes: list[DayChange]

    def of(self, change: str) -> list[DayChange]:
        return [c for c in self.changes if c.change == change]


@dataclass(frozen=True)
class ProcedureChange:
    ref: str  # national code, or the name for the few without
    name: str
    change: str  # "added", "changed" or "removed" (retired: no longer offered)
    fields: tuple[str, ...] = ()  # what changed


@dataclass(frozen=True)
class CataloguePreview:
    changes: list[ProcedureChange]
    unchanged: int
    agencies_added: int
    warnings: list[str] = field(default_factory=list)

    def of(self, change: str) -> list[ProcedureChange]:
        return [c for c in self.changes if c.change == change]


class AdminImports:
    def __init__(self, store: Sessions, calendars: CalendarService):
        self._store, self._calendars = store, calendars

    # -- calendar ---------------------------------------------------------------------------
    def preview_calendar(self, actor: str, path: Path) -> CalendarPreview:
        check_admin(self._store, actor, "calendar.preview")
        try:
            official = load_calendar_file(Path(path))
        except CalendarFileError as err:
            raise InvalidInput.like(err) from None
        years = official.covered_years()
        with self._store.session() as s:
            loaded = loaded_calendar_years(s)
            stored = calendar_days_between(s, date(min(years), 1, 1), date(max(years), 12, 31))
        changes: list[DayChange] = []
        for year in years:
            now = _days_in_force(year, loaded, stored)
            new = {d: (k, n) for d, k, n in official.years[year].rows()}
            for day in sorted(now.keys() | new.keys()):
                if day not in now:
                    changes.append(DayChange(day, *new[day], "added"))
                elif day not in new:
                    changes.append(DayChange(day, *now[day], "removed"))
                elif now[day] != new[day]:
                    changes.append(DayChange(day, *new[day], "changed"))
        return CalendarPreview(years, changes)

    def apply_calendar(self, actor: str, path: Path) -> CalendarImportReport:
        check_admin(self._store, actor, "calendar.import")
        return self._calendars.import_file(Path(path), actor)  # audited there

    # -- catalogue --------------------------------------------------------------------------
    def preview_catalogue(
        self, actor: str, path: Path, retire_missing: bool = False
    ) -> CataloguePreview:
        check_admin(self._store, actor, "catalogue.preview")
        from hcc_desk.core.store.catalogue_import import import_catalogue

        with self._store.write() as s:
            savepoint = s.begin_nested()
            try:
                before = procedure_snapshot(s)
                report = import_catalogue(s, Path(path), deactivate_missing=retire_missing)
                after = procedure_snapshot(s) if report.ok else {}
            finally:
                savepoint.rollback()  # a preview: nothing of the import stays
        if not report.ok:
            raise _not_importable(report.errors)
        changes: list[ProcedureChange] = []
        for key, (ref, name, values) in after.items():
            old = before.get(key)
            if old is None:
                changes.append(ProcedureChange(ref, name, "added"))
            elif old[2] != values:
                if old[2]["active"] and not values["active"]:
                    changes.append(ProcedureChange(ref, name, "removed"))
                else:
                    diff = tuple(k for k in values if values[k] != old[2][k] and k != "active")
                    changes.append(ProcedureChange(ref, name, "changed", diff or ("active",)))
        return CataloguePreview(
            changes, report.unchanged, report.agencies_added, list(report.warnings)
        )

    def apply_catalogue(
        self, actor: str, path: Path, retire_missing: bool = False
    ) -> CatalogueImportReport:
        check_admin(self._store, actor, "catalogue.import")
        from hcc_desk.core.store.catalogue_import import import_audited

        with self._store.write() as s:
            report = import_audited(s, Path(path), actor, deactivate_missing=retire_missing)
        if not report.ok:
            raise _not_importable(report.errors)
        return report


def _days_in_force(
    year: int, loaded: set[int], stored: list[CalendarDay]
) -> dict[date, tuple[str, str]]:
    """The year's exception days today: the rows a load stored, or the bundled file's days
    with this desk's own edits on top (what ``store_year`` would replace)."""
    now: dict[date, tuple[str, str]] = {}
    bundled = bundled_calendar()
    if year not in loaded and bundled.covers(year):
        now = {d: (k, n) for d, k, n in bundled.years[year].rows()}
    for r in stored:
        if r.day.year == year:
            now[r.day] = (r.kind, r.note or "")
    return now


def _not_importable(errors: Iterable[str]) -> InvalidInput:
    listing = "\n  ".join(list(errors)[:50])
    return InvalidInput("admin_imports.catalogue_imported_nothing_written", listing=listing)
