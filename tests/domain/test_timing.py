"""Early / on time / late against the appointment, on the working-time calendar (docs/domain.md)."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_core.domain.calendar import Duration, WorkCalendar, appointment
from hcc_core.domain.errors import ValidationError
from hcc_core.domain.timing import (
    classify,
    move_by_pauses,
    nth_working_day_after,
    result_timing,
    urgency,
)

CAL = WorkCalendar()
D = datetime
FAST = settings(deadline=None, max_examples=120)
MOMENTS = st.datetimes(min_value=D(2025, 1, 1), max_value=D(2027, 12, 31)).map(
    lambda d: d.replace(microsecond=0)
)


# --- the edges ------------------------------------------------------------------------------


def test_exactly_at_the_appointment_is_on_time():
    due = D(2026, 3, 5, 16, 30)
    assert classify(due, due) == "on_time"


def test_one_minute_after_the_appointment_is_late():
    due = D(2026, 3, 5, 16, 30)
    assert classify(due + timedelta(minutes=1), due) == "late"
    assert classify(due + timedelta(seconds=1), due) == "late"


def test_same_day_before_the_appointment_is_on_time_and_a_day_before_is_early():
    due = D(2026, 3, 5, 16, 30)
    assert classify(D(2026, 3, 5, 7, 0), due) == "on_time"
    assert classify(D(2026, 3, 4, 16, 59), due) == "early"


def test_no_appointment_counts_as_on_time():
    assert classify(D(2026, 3, 5, 9, 0), None) == "on_time"


def test_after_a_supplement_pause_the_appointment_moves_by_the_paused_office_time():
    received = D(2026, 3, 2, 8, 0)  # Monday
    due = appointment(received, Duration.working_days(3), CAL)
    assert due == D(2026, 3, 5, 8, 0)  # Thursday
    # Waiting for the applicant from Tuesday 10:00 to Wednesday 10:00: one office day.
    pause = (D(2026, 3, 3, 10, 0), D(2026, 3, 4, 10, 0))
    moved = move_by_pauses(due, [pause], CAL)
    assert moved == D(2026, 3, 6, 8, 0)
    # Same result as computing the appointment with the pause from scratch.
    assert moved == appointment(received, Duration.working_days(3), CAL, [pause])
    # A result on Friday 08:00 is late against the receipt, on time after the pause.
    assert classify(D(2026, 3, 6, 8, 0), due) == "late"
    assert result_timing(D(2026, 3, 6, 8, 0), due, [pause], CAL) == "on_time"
    assert result_timing(D(2026, 3, 6, 8, 1), due, [pause], CAL) == "late"


def test_an_open_pause_stops_the_clock():
    assert move_by_pauses(D(2026, 3, 5, 8, 0), [(D(2026, 3, 3, 10, 0), None)], CAL) is None


def test_a_pause_over_a_weekend_only_does_not_move_the_appointment():
    due = D(2026, 3, 6, 17, 0)  # Friday, closing time
    pause = (D(2026, 3, 7, 9, 0), D(2026, 3, 8, 15, 0))  # Saturday → Sunday
    assert move_by_pauses(due, [pause], CAL) == due


def test_across_tet_the_days_off_do_not_count():
    # Tết Bính Ngọ: 16–20 Feb 2026 off, plus the weekends around it.
    received = D(2026, 2, 12, 9, 0)  # Thursday before Tết
    due = appointment(received, Duration.working_days(3), CAL)
    assert due == D(2026, 2, 24, 9, 0)  # Thu, Fri, then Mon 23 and Tue 24 after Tết
    # Handed back on the first working day after Tết: 11 calendar days, but early.
    assert classify(D(2026, 2, 23, 15, 0), due) == "early"
    assert classify(D(2026, 2, 24, 9, 0), due) == "on_time"
    assert classify(D(2026, 2, 24, 9, 1), due) == "late"


def test_a_pause_across_tet_moves_the_appointment_by_office_time_only():
    due = D(2026, 2, 24, 9, 0)
    # Requested Friday 13 Feb 16:00, supplied Monday 23 Feb 08:00: 1 h + 1 h of office time.
    pause = (D(2026, 2, 13, 16, 0), D(2026, 2, 23, 8, 0))
    assert move_by_pauses(due, [pause], CAL) == D(2026, 2, 24, 11, 0)


def test_calendar_day_procedures_move_by_dates_elapsed():
    due = D(2026, 3, 6, 17, 0)  # Friday
    pause = (D(2026, 3, 2, 9, 0), D(2026, 3, 4, 9, 0))  # two dates
    assert move_by_pauses(due, [pause], CAL, kind="calendar") == D(2026, 3, 9, 17, 0)


def test_overlapping_pauses_count_once_and_bad_order_is_refused():
    due = D(2026, 3, 5, 8, 0)
    one = (D(2026, 3, 3, 10, 0), D(2026, 3, 4, 10, 0))
    overlapping = (D(2026, 3, 3, 14, 0), D(2026, 3, 3, 16, 0))
    assert move_by_pauses(due, [one, overlapping], CAL) == move_by_pauses(due, [one], CAL)
    with pytest.raises(ValidationError):
        move_by_pauses(due, [(D(2026, 3, 4), D(2026, 3, 3))], CAL)


# --- urgency (supervision lists) ------------------------------------------------------------


def test_overdue_the_moment_the_appointment_passes():
    due = D(2026, 3, 5, 16, 30)
    assert urgency(due, due, CAL) == "today"
    assert urgency(due, due + timedelta(seconds=1), CAL) == "overdue"


def test_due_soon_means_the_next_two_working_days():
    friday = D(2026, 3, 6, 10, 0)
    assert urgency(D(2026, 3, 9, 17, 0), friday, CAL) == "soon"  # Monday
    assert urgency(D(2026, 3, 10, 17, 0), friday, CAL) == "soon"  # Tuesday
    assert urgency(D(2026, 3, 11, 8, 0), friday, CAL) == "later"  # Wednesday
    assert urgency(None, friday, CAL) == "paused"


def test_due_soon_skips_tet():
    before_tet = D(2026, 2, 13, 10, 0)  # Friday before Tết
    assert nth_working_day_after(before_tet.date(), 2, CAL) == date(2026, 2, 24)
    assert urgency(D(2026, 2, 24, 9, 0), before_tet, CAL) == "soon"


# --- properties -----------------------------------------------------------------------------


@FAST
@given(MOMENTS, st.integers(-3 * 24 * 60, 3 * 24 * 60))
def test_classification_agrees_with_the_order_of_times(due, minutes):
    finished = due + timedelta(minutes=minutes)
    result = classify(finished, due)
    assert (result == "late") == (finished > due)
    assert (result == "early") == (finished.date() < due.date())


@FAST
@given(MOMENTS, MOMENTS, st.integers(0, 60 * 24 * 20))
def test_moving_never_goes_back_and_equals_appointment_with_pauses(received, start, length):
    duration = Duration.working_days(5)
    due = appointment(received, duration, CAL)
    start = max(start, received)
    pause = (start, start + timedelta(minutes=length))
    moved = move_by_pauses(due, [pause], CAL, not_before=received)
    assert moved is not None and moved >= due
    assert moved == appointment(received, duration, CAL, [pause])


# --- one due date on desk and central (issue 10) ----------------------------------------------

from hcc_core.domain.status import DossierStatus as _S  # noqa: E402
from hcc_core.domain.timing import (  # noqa: E402
    due_after_restart,
    due_from_history,
    new_due_problem,
    supplement_pauses,
)

EIGHT_DAYS = Duration.working_days(8)


def test_supplement_pauses_come_from_the_status_history():
    history = [
        (_S.NEW, D(2026, 3, 2, 8)),
        (_S.PROCESSING, D(2026, 3, 2, 9)),
        (_S.WAITING_SUPPLEMENT, D(2026, 3, 3, 10)),
        (_S.PROCESSING, D(2026, 3, 5, 10)),
        (_S.WAITING_SUPPLEMENT, D(2026, 3, 9, 8)),
    ]
    assert supplement_pauses(history) == [
        (D(2026, 3, 3, 10), D(2026, 3, 5, 10)),
        (D(2026, 3, 9, 8), None),
    ]


def test_restart_moves_the_due_date_by_the_working_time_waited():
    received = D(2026, 3, 2, 8)  # Monday
    base = appointment(received, EIGHT_DAYS, CAL)
    history = [(_S.NEW, received), (_S.WAITING_SUPPLEMENT, D(2026, 3, 3, 10))]
    restart = D(2026, 3, 5, 10)  # two working days waited
    moved = due_after_restart(base, history, restart, CAL)
    assert (base, moved) == (D(2026, 3, 12, 8), D(2026, 3, 16, 8))  # over the weekend
    whole = [*history, (_S.PROCESSING, restart)]
    assert moved == due_from_history(received, EIGHT_DAYS, CAL, whole)
    # not waiting: nothing moves; no date: none
    assert due_after_restart(base, [(_S.NEW, received)], restart, CAL) == base
    assert due_after_restart(None, history, restart, CAL) is None


def test_a_wait_across_tet_2026_moves_by_office_time_only():
    received = D(2026, 2, 11, 8)  # Wednesday before Tết (16–20/02 off)
    history = [
        (_S.NEW, received),
        (_S.WAITING_SUPPLEMENT, D(2026, 2, 13, 8)),
        (_S.PROCESSING, D(2026, 2, 23, 8)),
    ]  # Fri 13 → Mon 23: one working day
    due = due_from_history(received, EIGHT_DAYS, CAL, history)
    assert due == appointment(received, Duration.working_days(9), CAL)


def test_apology_date_then_a_later_wait():
    received = D(2026, 3, 2, 8)
    history = [
        (_S.NEW, received),
        (_S.WAITING_SUPPLEMENT, D(2026, 3, 17, 8)),
        (_S.PROCESSING, D(2026, 3, 18, 8)),
    ]
    apology = (D(2026, 3, 12, 9), D(2026, 3, 20, 17))  # new date; the later wait moves it
    assert due_from_history(received, EIGHT_DAYS, CAL, history, [apology]) == D(2026, 3, 23, 17)


@FAST
@given(
    received=MOMENTS,
    gaps=st.lists(st.integers(min_value=0, max_value=60 * 24 * 9), min_size=2, max_size=6),
    limit=st.sampled_from([EIGHT_DAYS, Duration.calendar_days(10), Duration.working_hours(4)]),
)
def test_restarts_one_by_one_equal_the_history_function(received, gaps, limit):
    """Desk and central move the date at each restart; the result equals the whole history."""
    history = [(_S.NEW, received)]
    due = previous = appointment(received, limit, CAL)
    at, waiting = received, False
    for gap in gaps:
        at += timedelta(minutes=gap)
        if waiting:
            due = due_after_restart(
                due, history, at, CAL, limit.kind, received_at=received, limit=limit
            )
            if limit.kind == "working":  # without the limit: the same date (working time)
                assert due == due_after_restart(previous, history, at, CAL)
        previous = due
        history.append((_S.PROCESSING if waiting else _S.WAITING_SUPPLEMENT, at))
        waiting = not waiting
    closed = history if not waiting else history[:-1]
    assert due == due_from_history(received, limit, CAL, closed)


@pytest.mark.parametrize(
    ("moment", "ok"),
    [
        (D(2026, 3, 8, 10), False),  # Sunday
        (D(2026, 2, 17, 3), False),  # 03:00 on Tết
        (D(2026, 3, 9, 3), False),  # night
        (D(2026, 3, 9, 12), False),  # lunch
        (D(2026, 3, 9, 17), True),  # closing time: due times land there
        (D(2026, 1, 10, 9), True),  # swapped working Saturday
    ],
)
def test_new_appointment_must_be_office_time(moment, ok):
    problem = new_due_problem(CAL, moment)
    assert (problem is None) is ok
    if problem is not None:
        assert "không phải giờ làm việc" in problem.text("vi")
        assert "next working moment" in problem.text("en")


def test_calendar_day_limit_restart_recomputes_from_the_history():
    """10 days from Wed 04/03/2026 end Sat 14/03, so Monday 16/03. One day waited: the 15th
    (Sunday), so still Monday 16/03 — not Tuesday, as moving Monday by a day would give."""
    limit = Duration.calendar_days(10)
    received = D(2026, 3, 4, 10)
    due = appointment(received, limit, CAL)
    history = [(_S.NEW, received), (_S.WAITING_SUPPLEMENT, D(2026, 3, 5, 10))]
    restart = D(2026, 3, 6, 10)
    assert due == D(2026, 3, 16, 17)
    assert due_after_restart(
        due, history, restart, CAL, "calendar", received_at=received, limit=limit
    ) == D(2026, 3, 16, 17)
    assert due_after_restart(due, history, restart, CAL, "calendar") == D(2026, 3, 17, 17)
    # after an apology the date in force is not the history's: it moves by the wait
    apology_due = D(2026, 3, 20, 17)  # + 1 day: Saturday 21/03, so Monday 23/03
    assert due_after_restart(
        apology_due, history, restart, CAL, "calendar", received_at=received, limit=limit
    ) == D(2026, 3, 23, 17)
