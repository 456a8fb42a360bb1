"""The official working calendar as data: per year, the weekdays off and the swapped working
Saturdays, each with the document that announced it (``hcc_core/data/calendar/vn-official.json``).

A year in the file is *covered*: its days come from the file and nothing else. A year that is not
covered falls back to the ``holidays`` package (statutory days only, swaps often missing) and the
admin is warned. The format is also what ``hcc-desk calendar import`` and central's
``import-calendar`` read, so a new year's decision is loaded the same way.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

from hcc_core.errors import ExpectedError
from hcc_core.i18n import msg

FORMAT_NAME = "hcc-desk-calendar"
FORMAT_VERSION = 1
BUNDLED = ("calendar", "vn-official.json")
_MAX_TEXT = 300


class CalendarFileError(ExpectedError, ValueError):
    """A calendar file that cannot be used (a message id from the catalogue)."""


@dataclass(frozen=True)
class OfficialYear:
    year: int
    days_off: Mapping[date, str]  # weekdays (or holidays) the office is closed, with names
    worked_days: Mapping[date, str]  # weekend days worked instead (swaps)
    sources: tuple[Mapping[str, str], ...] = ()

    def rows(self) -> list[tuple[date, str, str]]:
        """(day, "off" | "work", name) of the year, by date."""
        out = [(d, "off", n) for d, n in self.days_off.items()]
        out += [(d, "work", n) for d, n in self.worked_days.items()]
        return sorted(out)

    def source_titles(self) -> list[str]:
        return [s.get("title", "") for s in self.sources]


@dataclass(frozen=True)
class OfficialCalendar:
    """The years covered and their days. Immutable; lookups by date are dict lookups."""

    years: Mapping[int, OfficialYear] = field(default_factory=dict)
    revision: str = ""

    def covers(self, year: int) -> bool:
        return year in self.years

    def day_off_name(self, day: date) -> str | None:
        entry = self.years.get(day.year)
        return None if entry is None else entry.days_off.get(day)

    def is_worked(self, day: date) -> bool:
        entry = self.years.get(day.year)
        return entry is not None and day in entry.worked_days

    def covered_years(self) -> list[int]:
        return sorted(self.years)

    def without(self, years: Iterable[int]) -> OfficialCalendar:
        drop = set(years)
        return OfficialCalendar(
            {y: e for y, e in self.years.items() if y not in drop}, self.revision
        )

    def __hash__(self) -> int:  # years/revision identify it; WorkCalendar stays hashable
        return hash((tuple(sorted(self.years)), self.revision))


def parse_calendar(raw: Any, name: str = "calendar") -> OfficialCalendar:
    """Validate a calendar document (the bundled file's format); CalendarFileError on any fault,
    naming the year and row, so an admin can fix the file."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        _fail(
            "domain.official_calendar.calendar_file_format_must", name=name, FORMAT_NAME=FORMAT_NAME
        )
    if raw.get("version") != FORMAT_VERSION:
        _fail(
            "domain.official_calendar.version_supported_need",
            name=name,
            get=repr(raw.get("version")),
            FORMAT_VERSION=FORMAT_VERSION,
        )
    years = raw.get("years")
    if not isinstance(years, list) or not years:
        _fail("domain.official_calendar.years_must_non_empty", name=name)
    parsed: dict[int, OfficialYear] = {}
    for block in years:
        entry = _year(block, name)
        if entry.year in parsed:
            _fail("domain.official_calendar.year_appears_twice", name=name, year=entry.year)
        parsed[entry.year] = entry
    return OfficialCalendar(parsed, str(raw.get("revision") or "")[:40])


def load_calendar_file(path: Path) -> OfficialCalendar:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        _fail("domain.official_calendar.read", name=path.name, value=err.strerror or err)
    except ValueError as err:
        _fail("domain.official_calendar.invalid_json", name=path.name, err=err)
    return parse_calendar(raw, path.name)


@lru_cache(maxsize=1)
def bundled_calendar() -> OfficialCalendar:
    """The calendar shipped with the app (read once per process). A missing or broken file is
    logged and covers no year: due dates fall back to ``holidays`` and the admin is warned,
    rather than no dossier being received at all."""
    from hcc_core.data_files import data_path

    try:
        return load_calendar_file(data_path(*BUNDLED))
    except (FileNotFoundError, CalendarFileError) as err:
        logging.getLogger("hcc_core.calendar").error("bundled official calendar unusable: %s", err)
        return OfficialCalendar()


def _year(block: Any, name: str) -> OfficialYear:
    if (
        not isinstance(block, dict)
        or isinstance(block.get("year"), bool)
        or not isinstance(block.get("year"), int)
        or not 2000 <= block["year"] <= 2100
    ):
        _fail("domain.official_calendar.every_years_entry_needs", name=name)
    year = block["year"]
    sources = block.get("sources")
    if not isinstance(sources, list) or not sources:
        _fail("domain.official_calendar.year_at_least_one", name=name, year=year)
    ids: dict[str, dict[str, str]] = {}
    for s in sources:
        if not isinstance(s, dict) or not _text(s.get("id")) or not _text(s.get("title")):
            _fail("domain.official_calendar.year_every_source_needs", name=name, year=year)
        ids[s["id"]] = {k: str(v)[: _MAX_TEXT * 2] for k, v in s.items() if isinstance(v, str)}
    off = _days(block, "days_off", year, ids, name)
    worked = _days(block, "worked_days", year, ids, name)
    both = off.keys() & worked.keys()
    if both:
        d = min(both)
        _fail("domain.official_calendar.both_day_off_worked", name=name, d=d)
    for d in worked:
        if d.weekday() < 5:
            _fail("domain.official_calendar.worked_day_saturday_sunday", name=name, d=d)
    return OfficialYear(year, off, worked, tuple(ids.values()))


def _days(
    block: Mapping[str, Any], key: str, year: int, sources: Mapping[str, Any], name: str
) -> dict[date, str]:
    rows = block.get(key, [])
    if not isinstance(rows, list):
        _fail("domain.official_calendar.year_must_list", name=name, year=year, key=key)
    out: dict[date, str] = {}
    for i, row in enumerate(rows):
        where = msg("domain.official_calendar.where", name=name, year=year, key=key, i=i)
        try:
            day = date.fromisoformat(row["day"])
        except (TypeError, KeyError, ValueError):
            _fail("domain.official_calendar.day_must_yyyy_mm", where=where)
        if day.year != year:
            _fail("domain.official_calendar.is_not_in", where=where, day=day, year=year)
        if not _text(row.get("name")):
            _fail("domain.official_calendar.name_missing", where=where)
        if row.get("source") not in sources:
            _fail(
                "domain.official_calendar.source_listed_sources",
                where=where,
                get=repr(row.get("source")),
            )
        if day in out:
            _fail("domain.official_calendar.repeated", where=where, day=day)
        out[day] = row["name"].strip()[:_MAX_TEXT]
    return out


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _fail(msg_id: str, /, **params: Any) -> NoReturn:
    raise CalendarFileError(msg_id, **params)
