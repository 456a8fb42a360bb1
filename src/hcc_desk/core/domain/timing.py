"""Was a result early, on time or late? And how urgent is an unfinished dossier? (DOMAIN.md §4–5)

The appointment is the one printed on the receipt, moved by the time spent waiting for the
applicant to supplement (that time does not count, and only working time inside the pause
moves a working-day appointment: a pause across Tết or a weekend moves it by the office hours
in it, not by the days off). An apology's new appointment does not make a late result on time:
statistics keep the appointment it replaced.

Classification (as OpenCPS reports it, see ``status.timeliness``): after the appointment → late;
on an earlier calendar day than the appointment's → early; on the appointment's day, not after
it → on time. Exactly at the appointment is on time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Literal

from .calendar import DurationKind, Pause, WorkCalendar
from .errors import ValidationError
from .status import timeliness

Timing = Literal["early", "on_time", "late"]
TIMINGS: tuple[Timing, ...] = ("early", "on_time", "late")
TIMING_LABELS: dict[str, tuple[str, str]] = {
    "early": ("Trước hạn", "Early"),
    "on_time": ("Đúng hạn", "On time"),
    "late": ("Quá hạn", "Late"),
}
_FROM_TIMELINESS: dict[str, Timing] = {"betimes": "early", "ontime": "on_time",
                                       "overtime": "late"}

Urgency = Literal["overdue", "today", "soon", "later", "paused"]
SOON_WORKING_DAYS = 2  # "due within two working days" on the supervision view


def classify(finished_at: datetime, due_at: datetime | None) -> Timing:
    """Early / on time / late of a result finished at ``finished_at`` against ``due_at``.

    No appointment (the clock was stopped) counts as on time, like ``status.timeliness``.
    """
    return _FROM_TIMELINESS[timeliness(due_at, finished_at, finished_at)]


def closed_pauses(pauses: Sequence[Pause], not_before: datetime | None = None
                  ) -> list[tuple[datetime, datetime]] | None:
    """Pauses sorted and merged (clipped to ``not_before``); None while one is still open."""
    spans: list[tuple[datetime, datetime]] = []
    for begin, end in pauses:
        if end is None:
            return None
        if end < begin:
            raise ValidationError("calendar.pause_order", "calendar", start=begin, end=end)
        if not_before is not None:
            begin = max(begin, not_before)
        if end > begin:
            spans.append((begin, end))
    spans.sort()
    merged: list[tuple[datetime, datetime]] = []
    for begin, end in spans:
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def move_by_pauses(
    due_at: datetime,
    pauses: Sequence[Pause],
    calendar: WorkCalendar,
    kind: DurationKind = "working",
    not_before: datetime | None = None,
) -> datetime | None:
    """``due_at`` moved by the supplement pauses; None while a pause is still open.

    Working kind: plus the office time inside the pauses. Calendar kind ("ngày"): plus the dates
    elapsed, then off a day off, at closing time (as ``calendar.appointment`` does).
    """
    spans = closed_pauses(pauses, not_before)
    if spans is None:
        return None
    if not spans:
        return due_at
    if kind == "calendar":
        days = sum((end.date() - begin.date()).days for begin, end in spans)
        if not days:
            return due_at
        day = calendar.next_working_day(due_at.date() + timedelta(days=days), include_self=True)
        return calendar.closing_of(day)
    paused = sum((calendar.working_time_between(b, e) for b, e in spans), timedelta(0))
    if not paused:  # a pause on days off only: the appointment does not move at all
        return due_at
    return calendar.add_working_time(due_at, paused)


def result_timing(
    finished_at: datetime,
    due_at: datetime | None,
    pauses: Sequence[Pause] = (),
    calendar: WorkCalendar | None = None,
    kind: DurationKind = "working",
) -> Timing:
    """Classify a result against an appointment that the ``pauses`` have not yet moved."""
    if due_at is not None and pauses:
        if calendar is None:
            calendar = WorkCalendar()
        due_at = move_by_pauses(due_at, pauses, calendar, kind)
    return classify(finished_at, due_at)


def nth_working_day_after(day: date, n: int, calendar: WorkCalendar) -> date:
    for _ in range(n):
        day = calendar.next_working_day(day)
    return day


def urgency(due_at: datetime | None, now: datetime, calendar: WorkCalendar,
            soon_days: int = SOON_WORKING_DAYS) -> Urgency:
    """How urgent an unfinished dossier is at ``now`` (the local clock: works offline).

    overdue: the appointment has passed (the very moment it passes); today: due later today;
    soon: due within the next ``soon_days`` working days; paused: no appointment (waiting for
    the applicant); else later.
    """
    if due_at is None:
        return "paused"
    if now > due_at:
        return "overdue"
    if due_at.date() <= now.date():
        return "today"
    if due_at.date() <= nth_working_day_after(now.date(), soon_days, calendar):
        return "soon"
    return "later"
