"""Working-time calendar and appointment (ngày hẹn trả) computation — docs/domain.md.

All datetimes are naive local (Vietnam) time.

Rules, following the production system described in docs/domain.md (TH-DVC):

* Durations are kept in hours, 8 h = 1 working day. When the configured office day is not 8 h
  long, hours are scaled to it, so "1 ngày làm việc" is always exactly one office day.
* Working kind: the start is moved into office time (before opening -> opening, lunch ->
  afternoon start, after closing or on a day off -> next working day's opening), then office
  time is added across lunch, nights, weekends and holidays. A due time that lands exactly on
  the end of a period stays there (e.g. 17:00, not 07:00 next day).
* Same day ("trong ngày", hours == 0): due at closing time of the day the clock starts, i.e.
  received during office hours -> closing time that day; after closing -> next working day's
  closing time.
* Cut-off (e.g. 15:00, procedure-specific): received on a working day strictly after the
  cut-off -> counted as received at the next working day's opening. Applies to every kind.
* Calendar kind ("ngày"): the receipt day is not counted; due = start day + n days, moved off
  weekends/holidays to the next working day, at closing time (end of that office day).
* Pauses (waiting for the applicant to supplement): time inside pauses does not count. Working
  kind adds the office time inside the pauses; calendar kind adds the dates elapsed (resubmission
  date − request date). A still-open pause (end None) means the clock is stopped: the result is
  None, there is no due date until the applicant resubmits.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any, Literal, NoReturn

from hcc_core import i18n
from hcc_core.i18n import msg

from .errors import DomainError, ValidationError
from .official_calendar import OfficialCalendar, bundled_calendar

log = logging.getLogger("hcc_core.calendar")

HOURS_PER_DAY = 8
DEFAULT_PERIODS: tuple[tuple[time, time], ...] = (
    (time(7, 0), time(11, 30)),
    (time(13, 30), time(17, 0)),
)
EXTRA_DAY_OFF_NAME = "Ngày nghỉ theo lịch của cơ quan"
# Guards against endless loops on a calendar with (almost) no working days.
_MAX_SCAN_DAYS = 366 * 40
# Upper bound for a duration: 10 years of working days is far beyond any procedure.
_MAX_HOURS = HOURS_PER_DAY * 366 * 10


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _parse_hhmm(text: str) -> time:
    return time.fromisoformat(text)


def _format_hhmm(t: time) -> str:
    # Seconds only when present, so the stored config stays "07:00"-style and still round-trips.
    return t.isoformat(timespec="minutes" if not (t.second or t.microsecond) else "auto")


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """Daily office periods, in order, e.g. 07:00-11:30 and 13:30-17:00."""

    periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS

    def __post_init__(self) -> None:
        periods = tuple((start, end) for start, end in self.periods)
        object.__setattr__(self, "periods", periods)
        if not periods:
            _bad_hours("domain.calendar.periods")
        previous_end: time | None = None
        for start, end in periods:
            if not isinstance(start, time) or not isinstance(end, time):
                _bad_hours("domain.calendar.times_must_datetime_time")
            if start.tzinfo is not None or end.tzinfo is not None:
                _bad_hours("domain.calendar.times_must_naive_local")
            if start >= end:
                _bad_hours("domain.calendar.must_precede", start=start, end=end)
            if previous_end is not None and start < previous_end:
                _bad_hours("domain.calendar.periods_overlap_out_order")
            previous_end = end

    @property
    def opening(self) -> time:
        return self.periods[0][0]

    @property
    def closing(self) -> time:
        return self.periods[-1][1]

    @property
    def day_length(self) -> timedelta:
        return timedelta(seconds=sum(_seconds(e) - _seconds(s) for s, e in self.periods))

    def to_config(self) -> list[list[str]]:
        return [[_format_hhmm(s), _format_hhmm(e)] for s, e in self.periods]

    @classmethod
    def from_config(cls, periods: Iterable[Sequence[str]]) -> OfficeHours:
        return cls(tuple((_parse_hhmm(s), _parse_hhmm(e)) for s, e in periods))


def _bad_hours(reason_id: str, /, **params: Any) -> NoReturn:
    raise ValidationError(
        "calendar.office_hours_invalid", "office_hours", reason=msg(reason_id, **params)
    )


@lru_cache(maxsize=64)
def _public_calendar(year: int) -> tuple[Mapping[date, str], frozenset[date]]:
    """Fallback for a year the official calendar does not cover: the ``holidays`` package's
    Vietnamese holidays and swapped Saturdays (statutory days; announced swaps often missing)."""
    # deferred: ~65 ms import, only needed once dates are computed
    from holidays.countries.vietnam import Vietnam
    from holidays.version import __version__ as holidays_version

    log.warning(
        "official calendar has no year %s: using the holidays package (%s) as a "
        "fallback; import the year's decision",
        year,
        holidays_version,
    )
    # holidays' country classes leave __init__ unannotated.
    table = Vietnam(years=year, language="vi")  # type: ignore[no-untyped-call]
    names = {day: name for day, name in table.items() if day.year == year}
    worked = frozenset(day for day in table.weekend_workdays if day.year == year)
    return names, worked


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Which days are working days and when the office is open.

    Precedence: ``worked_days`` (staff override, e.g. a swapped Saturday) > ``extra_days_off``
    > the official calendar (``official``; None: the bundled one) for the years it covers, the
    ``holidays`` package as a fallback for the others > ``weekend`` (Python weekday numbers,
    Monday = 0). ``use_public_holidays`` False ignores both the official calendar and holidays.
    """

    office_hours: OfficeHours = field(default_factory=OfficeHours)
    weekend: frozenset[int] = frozenset({5, 6})
    extra_days_off: frozenset[date] = frozenset()
    worked_days: frozenset[date] = frozenset()
    use_public_holidays: bool = True
    official: OfficialCalendar | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for name in ("weekend", "extra_days_off", "worked_days"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        if not self.weekend <= frozenset(range(7)):
            _bad_config("domain.calendar.weekend_days_must")
        if len(self.weekend) == 7:
            _bad_config("domain.calendar.working_weekday")
        both = self.extra_days_off & self.worked_days
        if both:
            day = min(both)
            _bad_config("domain.calendar.both_day_off_worked", day=day)

    # --- days -------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        if isinstance(day, datetime):
            day = day.date()
        if day in self.worked_days:
            return True
        if day in self.extra_days_off:
            return False
        if self.use_public_holidays:
            official = self.official_calendar()
            if official.covers(day.year):
                if official.day_off_name(day) is not None:
                    return False
                if official.is_worked(day):
                    return True
            else:
                names, swapped_workdays = _public_calendar(day.year)
                if day in names:
                    return False
                if day in swapped_workdays:
                    return True
        return day.weekday() not in self.weekend

    def official_calendar(self) -> OfficialCalendar:
        return self.official if self.official is not None else bundled_calendar()

    def fallback_years(self, years: Iterable[int]) -> list[int]:
        """Which of ``years`` the official calendar does not cover (``holidays`` is used)."""
        if not self.use_public_holidays:
            return []
        official = self.official_calendar()
        return [y for y in years if not official.covers(y)]

    def next_working_day(self, day: date, *, include_self: bool = False) -> date:
        if isinstance(day, datetime):
            day = day.date()
        candidate = day if include_self else day + timedelta(days=1)
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_working_day(candidate):
                return candidate
            candidate += timedelta(days=1)
        raise DomainError("calendar.no_working_days", "calendar")

    def holidays_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Non-working days other than plain weekends in [first, last], with their names."""
        found: dict[date, str] = {}
        if self.use_public_holidays:
            official = self.official_calendar()
            for year in range(first.year, last.year + 1):
                if official.covers(year):
                    names = official.years[year].days_off
                else:
                    names, _ = _public_calendar(year)
                found.update((d, n) for d, n in names.items() if first <= d <= last)
        for day in self.extra_days_off:
            if first <= day <= last:
                found.setdefault(day, EXTRA_DAY_OFF_NAME)
        return sorted((d, n) for d, n in found.items() if d not in self.worked_days)

    # --- office time ------------------------------------------------------------------------

    def _periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        return [
            (datetime.combine(day, s), datetime.combine(day, e))
            for s, e in self.office_hours.periods
        ]

    def opening_of(self, day: date) -> datetime:
        return datetime.combine(day, self.office_hours.opening)

    def closing_of(self, day: date) -> datetime:
        return datetime.combine(day, self.office_hours.closing)

    def normalise(self, moment: datetime) -> datetime:
        """The first instant at or after ``moment`` when the office is open."""
        day = moment.date()
        if self.is_working_day(day):
            for start, end in self._periods_on(day):
                if moment < start:
                    return start
                if moment < end:
                    return moment
        return self.opening_of(self.next_working_day(day))

    def is_working_moment(self, moment: datetime) -> bool:
        """Inside office time on a working day; a period's end counts (due times land there)."""
        if not self.is_working_day(moment.date()):
            return False
        return any(start <= moment <= end for start, end in self._periods_on(moment.date()))

    def add_working_time(self, moment: datetime, amount: timedelta) -> datetime:
        """``moment`` plus ``amount`` of office time (a due time may sit on a period's end)."""
        current = self.normalise(moment)
        if amount <= timedelta(0):
            return current
        remaining = amount
        for _ in range(_MAX_SCAN_DAYS):
            for start, end in self._periods_on(current.date()):
                if end <= current:
                    continue
                begin = max(start, current)
                available = end - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
            current = self.opening_of(self.next_working_day(current.date()))
        raise DomainError("calendar.no_working_days", "calendar")

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Office time inside [start, end]."""
        total = timedelta(0)
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                for p_start, p_end in self._periods_on(day):
                    overlap = min(p_end, end) - max(p_start, start)
                    if overlap > timedelta(0):
                        total += overlap
            day += timedelta(days=1)
        return total

    # --- configuration ----------------------------------------------------------------------

    def to_config(self) -> dict[str, Any]:
        """JSON-ready dict; dates as ISO strings, sorted so diffs of the stored file stay small."""
        return {
            "office_hours": self.office_hours.to_config(),
            "weekend": sorted(self.weekend),
            "extra_days_off": sorted(d.isoformat() for d in self.extra_days_off),
            "worked_days": sorted(d.isoformat() for d in self.worked_days),
            "use_public_holidays": self.use_public_holidays,
        }

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> WorkCalendar:
        """Build from ``to_config`` output; missing keys take defaults, unknown keys are ignored."""
        try:
            kwargs: dict[str, Any] = {}
            if "office_hours" in config:
                kwargs["office_hours"] = OfficeHours.from_config(config["office_hours"])
            if "weekend" in config:
                kwargs["weekend"] = frozenset(_as_weekday(x) for x in config["weekend"])
            for key in ("extra_days_off", "worked_days"):
                if key in config:
                    kwargs[key] = frozenset(date.fromisoformat(x) for x in config[key])
            if "use_public_holidays" in config:
                flag = config["use_public_holidays"]
                if not isinstance(flag, bool):
                    raise TypeError("use_public_holidays must be true/false")
                kwargs["use_public_holidays"] = flag
        except DomainError:
            raise
        except (TypeError, ValueError, AttributeError) as err:
            _bad_config("domain.calendar.bad_value", err=err)
        return cls(**kwargs)


def _as_weekday(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("weekday must be an integer")
    return value


def _bad_config(reason_id: str, /, **params: Any) -> NoReturn:
    raise ValidationError("calendar.config_invalid", "calendar", reason=msg(reason_id, **params))


# --- durations ------------------------------------------------------------------------------

DurationKind = Literal["working", "calendar"]
DurationUnit = Literal["day", "hour"]


@dataclass(frozen=True, slots=True)
class Duration:
    """A published processing time. ``hours``: 8 h = 1 day (both kinds).

    ``unit`` only records how the procedure states it, for display ("0,5 ngày" vs "04 giờ").
    """

    hours: float
    kind: DurationKind = "working"
    cutoff: time | None = None
    unit: DurationUnit = "day"

    def __post_init__(self) -> None:
        if isinstance(self.hours, bool) or not isinstance(self.hours, int | float):
            _bad_duration("domain.calendar.hours_must_number")
        if not math.isfinite(self.hours) or self.hours < 0 or self.hours > _MAX_HOURS:
            _bad_duration("domain.calendar.hours_out_range")
        if self.kind not in ("working", "calendar"):
            _bad_duration("domain.calendar.unknown_kind", kind=repr(self.kind))
        if self.unit not in ("day", "hour"):
            _bad_duration("domain.calendar.unknown_unit", unit=repr(self.unit))
        if self.kind == "calendar" and (self.hours % HOURS_PER_DAY or self.unit != "day"):
            _bad_duration("domain.calendar.calendar_days_must_whole")
        if self.cutoff is not None and (
            not isinstance(self.cutoff, time) or self.cutoff.tzinfo is not None
        ):
            _bad_duration("domain.calendar.cutoff_must_naive_time")

    @classmethod
    def working_days(cls, days: float, cutoff: time | None = None) -> Duration:
        return cls(days * HOURS_PER_DAY, "working", cutoff, "day")

    @classmethod
    def working_hours(cls, hours: float, cutoff: time | None = None) -> Duration:
        return cls(hours, "working", cutoff, "hour")

    @classmethod
    def calendar_days(cls, days: int, cutoff: time | None = None) -> Duration:
        return cls(days * HOURS_PER_DAY, "calendar", cutoff, "day")

    @classmethod
    def same_day(cls, cutoff: time | None = None) -> Duration:
        """ "Trong ngày": due at closing time of the receipt day (after cutoff: next day's)."""
        return cls(0, "working", cutoff, "day")

    @property
    def days(self) -> float:
        return self.hours / HOURS_PER_DAY

    def text(self, lang: str) -> str:
        """How the duration reads in ``lang`` ("08 ngày làm việc", "8 working days")."""
        if self.hours == 0:
            return i18n.tr("duration.same_day", lang)
        if self.kind == "calendar":
            msg_id, n = "duration.calendar_days", self.days
        elif self.unit == "hour" or self.hours % (HOURS_PER_DAY / 2):
            msg_id, n = "duration.working_hours", self.hours
        else:
            msg_id, n = "duration.working_days", self.days
        return i18n.tr(msg_id, lang, n=n, amount=_number(n, lang))

    def cutoff_note(self, lang: str) -> str | None:
        if self.cutoff is None:
            return None
        return i18n.tr("duration.cutoff_note", lang, at=f"{self.cutoff:%H:%M}")

    def to_config(self) -> dict[str, Any]:
        return {
            "hours": self.hours,
            "kind": self.kind,
            "cutoff": None if self.cutoff is None else _format_hhmm(self.cutoff),
            "unit": self.unit,
        }

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Duration:
        try:
            hours = config["hours"]
            cutoff = config.get("cutoff")
            cutoff_time = None if cutoff is None else _parse_hhmm(cutoff)
            kind, unit = config.get("kind", "working"), config.get("unit", "day")
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            _bad_duration("domain.calendar.bad_duration_config", err=err)
        return cls(hours, kind, cutoff_time, unit)


def _bad_duration(reason_id: str, /, **params: Any) -> NoReturn:
    raise ValidationError("duration.invalid", "duration", reason=msg(reason_id, **params))


def _number(value: float, lang: str) -> str:
    # Vietnamese writes whole numbers on two digits ("08 ngày") and a decimal comma.
    if float(value).is_integer():
        return str(int(value)) if lang == "en" else f"{int(value):02d}"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(".", ",")


# --- appointment ----------------------------------------------------------------------------

Pause = tuple[datetime, datetime | None]


def appointment(
    received_at: datetime,
    duration: Duration,
    calendar: WorkCalendar,
    pauses: Sequence[Pause] = (),
) -> datetime | None:
    """Due datetime for a dossier received at ``received_at`` (rules in the module docstring).

    Returns None while a pause is still open (clock stopped, waiting for the applicant).
    """
    received_at = _local(received_at)
    start = _clock_start(received_at, duration, calendar)
    merged = _merge_pauses([(_local(b), e if e is None else _local(e)) for b, e in pauses], start)
    if merged is None:
        return None

    if duration.kind == "calendar":
        paused_days = sum((end.date() - begin.date()).days for begin, end in merged)
        last_day = start.date() + timedelta(days=int(duration.days) + paused_days)
        return calendar.closing_of(calendar.next_working_day(last_day, include_self=True))

    if duration.hours == 0:
        due = calendar.closing_of(start.date())
    else:
        due = calendar.add_working_time(start, _office_time(duration.hours, calendar))
    paused = sum((calendar.working_time_between(b, e) for b, e in merged), timedelta(0))
    if paused:
        due = calendar.add_working_time(due, paused)
    return due


_VIETNAM = timezone(timedelta(hours=7))  # no daylight saving


def _local(moment: datetime) -> datetime:
    """Naive Vietnam local time; aware datetimes (e.g. from sync) are converted, not rejected."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(_VIETNAM).replace(tzinfo=None)


def _clock_start(received_at: datetime, duration: Duration, calendar: WorkCalendar) -> datetime:
    day = received_at.date()
    if (
        duration.cutoff is not None
        and calendar.is_working_day(day)
        and received_at.time() > duration.cutoff
    ):
        return calendar.opening_of(calendar.next_working_day(day))
    return calendar.normalise(received_at)


def _office_time(hours: float, calendar: WorkCalendar) -> timedelta:
    # Scale so that 8 h always means one full configured office day.
    day_seconds = calendar.office_hours.day_length.total_seconds()
    return timedelta(seconds=hours * day_seconds / HOURS_PER_DAY)  # microsecond resolution


def _merge_pauses(
    pauses: Sequence[Pause], start: datetime
) -> list[tuple[datetime, datetime]] | None:
    """Pauses clipped to the clock start and merged; None if any pause is still open."""
    closed: list[tuple[datetime, datetime]] = []
    for begin, end in pauses:
        if end is None:
            return None
        if end < begin:
            raise ValidationError("calendar.pause_order", "calendar", start=begin, end=end)
        begin = max(begin, start)
        if end > begin:
            closed.append((begin, end))
    closed.sort()
    merged: list[tuple[datetime, datetime]] = []
    for begin, end in closed:
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged
