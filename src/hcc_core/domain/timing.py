"""Was a result early, on time or late? And how urgent is an unfinished dossier? (docs/domain.md)

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

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

from hcc_core.i18n import Msg, msg

from .calendar import Duration, DurationKind, Pause, WorkCalendar, appointment
from .errors import ValidationError
from .status import DossierStatus, timeliness

Timing = Literal["early", "on_time", "late"]
TIMINGS: tuple[Timing, ...] = ("early", "on_time", "late")
_FROM_TIMELINESS: dict[str, Timing] = {"betimes": "early", "ontime": "on_time", "overtime": "late"}

Urgency = Literal["overdue", "today", "soon", "later", "paused"]
SOON_WORKING_DAYS = 2  # "due within two working days" on the supervision view


def classify(finished_at: datetime, due_at: datetime | None) -> Timing:
    """Early / on time / late of a result finished at ``finished_at`` against ``due_at``.

    No appointment (the clock was stopped) counts as on time, like ``status.timeliness``.
    """
    return _FROM_TIMELINESS[timeliness(due_at, finished_at, finished_at)]


def closed_pauses(
    pauses: Sequence[Pause], not_before: datetime | None = None
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


# --- one due date on the desk and on central -------------------------------------------------
# Both sides record the same status history (events merged by uuid) and call these functions, so
# a pause, a restart or an apology recorded on either side gives the same appointment on both.

History = Sequence[tuple[int, datetime]]  # (status, at) of the dossier's events
Apology = tuple[datetime, datetime]  # (recorded at, new appointment)


def supplement_pauses(history: History) -> list[Pause]:
    """The waits for a supplement in a status history: from the event that entered "waiting for
    supplement" to the next event that left it (end None while still waiting)."""
    pauses: list[Pause] = []
    started: datetime | None = None
    for status, at in sorted(history, key=lambda e: e[1]):
        waiting = status == DossierStatus.WAITING_SUPPLEMENT
        if waiting and started is None:
            started = at
        elif not waiting and started is not None:
            pauses.append((started, at))
            started = None
    if started is not None:
        pauses.append((started, None))
    return pauses


def due_from_history(
    received_at: datetime,
    limit: Duration,
    calendar: WorkCalendar,
    history: History,
    apologies: Sequence[Apology] = (),
) -> datetime | None:
    """The appointment in force: the receipt's appointment (or the latest apology's new date)
    moved by every supplement wait after it. An open wait is left out (it is counted when the
    applicant brings the papers), so the date shown while waiting is the one before the wait."""
    pauses = [(b, e) for b, e in supplement_pauses(history) if e is not None]
    if apologies:
        since, due = max(apologies)
        return move_by_pauses(due, [(b, e) for b, e in pauses if b >= since], calendar, limit.kind)
    return appointment(received_at, limit, calendar, pauses)


def due_after_restart(
    due_at: datetime | None,
    history: History,
    restart_at: datetime,
    calendar: WorkCalendar,
    kind: DurationKind = "working",
    *,
    received_at: datetime | None = None,
    limit: Duration | None = None,
) -> datetime | None:
    """The appointment in force once the applicant brings the papers at ``restart_at``.

    When the limit is known and the appointment in force is still the one the history gives
    (no apology or manual date since), it is recomputed from the whole history
    (``due_from_history``): a calendar-day limit then ends on the first working day after
    receipt + limit + the days waited, not a day later when the old date had been moved off
    a day off. Otherwise the appointment in force moves by the wait that ends now (working
    kind: its office time; calendar kind: its days). For working-time limits both give the same
    date (tests pin this). Desk and central both call this, so they agree.
    """
    if due_at is None:
        return None
    open_waits = [b for b, e in supplement_pauses(history) if e is None]
    if not open_waits:
        return due_at
    restart_at = max(restart_at, open_waits[-1])
    if (
        limit is not None
        and received_at is not None
        and due_from_history(received_at, limit, calendar, history) == due_at
    ):
        return due_from_history(
            received_at, limit, calendar, [*history, (int(DossierStatus.PROCESSING), restart_at)]
        )
    return move_by_pauses(due_at, [(open_waits[-1], restart_at)], calendar, kind)


def limit_of(fields: Mapping[str, Any]) -> Duration | None:
    """The procedure's limit from its catalogue fields (``duration_hours``, ``duration_kind``,
    ``duration_unit``, ``cutoff``: the desk's columns, central's procedure payload); None when
    they are missing or invalid."""
    try:
        return Duration.from_config(
            {
                "hours": fields["duration_hours"],
                "kind": fields.get("duration_kind") or "working",
                "unit": fields.get("duration_unit") or "day",
                "cutoff": fields.get("cutoff"),
            }
        )
    except (KeyError, TypeError, ValidationError):
        return None


def new_due_problem(calendar: WorkCalendar, new_due_at: datetime) -> Msg | None:
    """Why an apology's new appointment cannot be used, or None.

    It must be office time on a working day: not a Sunday, a holiday or 03:00 at night. The
    message names the next working moment, which the officer can take.
    """
    if calendar.is_working_moment(new_due_at):
        return None
    nxt = calendar.normalise(new_due_at)
    return msg("timing.new_due_off_hours", at=new_due_at, next=nxt)


def nth_working_day_after(day: date, n: int, calendar: WorkCalendar) -> date:
    for _ in range(n):
        day = calendar.next_working_day(day)
    return day


def urgency(
    due_at: datetime | None,
    now: datetime,
    calendar: WorkCalendar,
    soon_days: int = SOON_WORKING_DAYS,
) -> Urgency:
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
