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

FORMAT_NAME = "hcc-desk-calendar"
FORMAT_VERSION = 1
BUNDLED = ("calendar", "vn-official.json")
_MAX_TEXT = 300


class CalendarFileError(ValueError):
    """A calendar file that cannot be used, with a message in Vietnamese and English."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.message, self.message_en = vi, en


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
            f'{name}: không phải tệp lịch (thiếu "format": "{FORMAT_NAME}")',
            f'{name}: not a calendar file ("format" must be "{FORMAT_NAME}")',
        )
    if raw.get("version") != FORMAT_VERSION:
        _fail(
            f"{name}: phiên bản {raw.get('version')!r} không hỗ trợ (cần {FORMAT_VERSION})",
            f"{name}: version {raw.get('version')!r} not supported (need {FORMAT_VERSION})",
        )
    years = raw.get("years")
    if not isinstance(years, list) or not years:
        _fail(f'{name}: thiếu danh sách "years"', f'{name}: "years" must be a non-empty list')
    parsed: dict[int, OfficialYear] = {}
    for block in years:
        entry = _year(block, name)
        if entry.year in parsed:
            _fail(
                f"{name}: năm {entry.year} xuất hiện hai lần",
                f"{name}: year {entry.year} appears twice",
            )
        parsed[entry.year] = entry
    return OfficialCalendar(parsed, str(raw.get("revision") or "")[:40])


def load_calendar_file(path: Path) -> OfficialCalendar:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        _fail(
            f"Không đọc được tệp {path.name}: {err.strerror or err}",
            f"Cannot read {path.name}: {err.strerror or err}",
        )
    except ValueError as err:
        _fail(f"{path.name}: không phải JSON hợp lệ ({err})", f"{path.name}: invalid JSON ({err})")
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
        _fail(
            f'{name}: mỗi mục của "years" cần "year" (2000–2100)',
            f'{name}: every "years" entry needs a "year" (2000-2100)',
        )
    year = block["year"]
    sources = block.get("sources")
    if not isinstance(sources, list) or not sources:
        _fail(
            f'{name}, năm {year}: cần ít nhất một văn bản nguồn ("sources")',
            f'{name}, year {year}: at least one source document ("sources") is required',
        )
    ids: dict[str, dict[str, str]] = {}
    for s in sources:
        if not isinstance(s, dict) or not _text(s.get("id")) or not _text(s.get("title")):
            _fail(
                f'{name}, năm {year}: mỗi nguồn cần "id" và "title"',
                f'{name}, year {year}: every source needs an "id" and a "title"',
            )
        ids[s["id"]] = {k: str(v)[: _MAX_TEXT * 2] for k, v in s.items() if isinstance(v, str)}
    off = _days(block, "days_off", year, ids, name)
    worked = _days(block, "worked_days", year, ids, name)
    both = off.keys() & worked.keys()
    if both:
        d = min(both)
        _fail(
            f"{name}: ngày {d:%d/%m/%Y} vừa là ngày nghỉ vừa là ngày làm việc",
            f"{name}: {d.isoformat()} is both a day off and a worked day",
        )
    for d in worked:
        if d.weekday() < 5:
            _fail(
                f"{name}: ngày làm bù {d:%d/%m/%Y} không phải thứ Bảy/Chủ nhật",
                f"{name}: worked day {d.isoformat()} is not a Saturday or Sunday",
            )
    return OfficialYear(year, off, worked, tuple(ids.values()))


def _days(
    block: Mapping[str, Any], key: str, year: int, sources: Mapping[str, Any], name: str
) -> dict[date, str]:
    rows = block.get(key, [])
    if not isinstance(rows, list):
        _fail(
            f'{name}, năm {year}: "{key}" phải là danh sách',
            f'{name}, year {year}: "{key}" must be a list',
        )
    out: dict[date, str] = {}
    for i, row in enumerate(rows):
        where, where_en = f"{name}, năm {year}, {key}[{i}]", f"{name}, year {year}, {key}[{i}]"
        try:
            day = date.fromisoformat(row["day"])
        except (TypeError, KeyError, ValueError):
            _fail(
                f'{where}: "day" phải là ngày YYYY-MM-DD',
                f'{where_en}: "day" must be a YYYY-MM-DD date',
            )
        if day.year != year:
            _fail(
                f"{where}: ngày {day:%d/%m/%Y} không thuộc năm {year}",
                f"{where_en}: {day.isoformat()} is not in {year}",
            )
        if not _text(row.get("name")):
            _fail(f'{where}: thiếu tên ngày ("name")', f'{where_en}: "name" is missing')
        if row.get("source") not in sources:
            _fail(
                f'{where}: nguồn {row.get("source")!r} không có trong "sources"',
                f'{where_en}: source {row.get("source")!r} is not listed in "sources"',
            )
        if day in out:
            _fail(
                f"{where}: ngày {day:%d/%m/%Y} lặp lại", f"{where_en}: {day.isoformat()} repeated"
            )
        out[day] = row["name"].strip()[:_MAX_TEXT]
    return out


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _fail(vi: str, en: str) -> NoReturn:
    raise CalendarFileError(vi, en)
