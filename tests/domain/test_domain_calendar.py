"""Working-time calendar, durations and appointment (due date) computation."""

import json
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_core.domain.calendar import (
    Duration,
    OfficeHours,
    WorkCalendar,
    appointment,
)
from hcc_core.domain.errors import ValidationError

CAL = WorkCalendar()
FAST = settings(deadline=None, max_examples=150)
D = datetime


def due(received, duration, calendar=CAL, pauses=()):
    return appointment(received, duration, calendar, pauses)


# --- calendar days --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 2), True),  # Monday
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 1, 1), False),
        *[(date(2026, 2, d), False) for d in range(16, 21)],  # Tết Bính Ngọ
        (date(2026, 2, 13), True),
        (date(2026, 2, 23), True),
        (date(2026, 4, 27), False),  # Giỗ Tổ observed (26/4 is a Sunday)
        (date(2026, 4, 30), False),
        (date(2026, 5, 1), False),
        (date(2026, 9, 1), False),
        (date(2026, 9, 2), False),
        (date(2026, 8, 22), True),  # Saturday worked in exchange for 31/8 (holidays package)
        (date(2024, 5, 4), True),  # Saturday worked in exchange for 29/4/2024
        (date(2024, 4, 29), False),
    ],
)
def test_is_working_day(day, working):
    assert CAL.is_working_day(day) is working
    assert CAL.is_working_day(datetime.combine(day, time(9))) is working


def test_holidays_between_names_in_vietnamese():
    found = CAL.holidays_between(date(2026, 2, 1), date(2026, 2, 28))
    assert [d for d, _ in found] == [date(2026, 2, d) for d in range(16, 21)]
    assert any("tết nguyên đán" in name.lower() for _, name in found)
    assert CAL.holidays_between(date(2026, 3, 2), date(2026, 3, 8)) == []


def test_overrides_take_precedence():
    cal = WorkCalendar(
        extra_days_off=frozenset({date(2026, 3, 2)}), worked_days={date(2026, 2, 17)}
    )
    assert not cal.is_working_day(date(2026, 3, 2))
    assert cal.is_working_day(date(2026, 2, 17))  # a holiday explicitly worked
    assert (date(2026, 3, 2), "Ngày nghỉ theo lịch của cơ quan") in cal.holidays_between(
        date(2026, 3, 1), date(2026, 3, 31)
    )
    assert date(2026, 2, 17) not in dict(cal.holidays_between(date(2026, 2, 1), date(2026, 2, 28)))


def test_without_public_holidays():
    cal = WorkCalendar(use_public_holidays=False)
    assert cal.is_working_day(date(2026, 2, 17)) and not cal.is_working_day(date(2026, 8, 22))


def test_calendar_is_hashable_and_config_round_trips():
    cal = WorkCalendar(
        office_hours=OfficeHours(((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))),
        extra_days_off=frozenset({date(2026, 2, 13), date(2026, 2, 23)}),
        worked_days=frozenset({date(2026, 2, 7)}),
    )
    assert hash(cal) == hash(WorkCalendar.from_config(cal.to_config()))
    config = json.loads(json.dumps(cal.to_config()))
    assert config["extra_days_off"] == ["2026-02-13", "2026-02-23"]
    assert config["office_hours"] == [["07:30", "11:30"], ["13:30", "17:00"]]
    assert WorkCalendar.from_config(config) == cal
    assert WorkCalendar.from_config({}) == WorkCalendar()
    assert {cal, WorkCalendar.from_config(config)} == {cal}


@pytest.mark.parametrize(
    "config",
    [
        {"extra_days_off": ["2026-13-01"]},
        {"worked_days": "2026-01-01"},
        {"weekend": [0, 1, 2, 3, 4, 5, 6]},
        {"weekend": [7]},
        {"weekend": ["5"]},
        {"office_hours": [["11:30", "07:00"]]},
        {"office_hours": [["07:00", "12:00"], ["11:00", "17:00"]]},
        {"office_hours": []},
        {"office_hours": [["7h", "17h"]]},
        {"use_public_holidays": "yes"},
        {"extra_days_off": ["2026-03-02"], "worked_days": ["2026-03-02"]},
    ],
)
def test_bad_config_gives_validation_error(config):
    with pytest.raises(ValidationError) as info:
        WorkCalendar.from_config(config)
    assert info.value.code in ("calendar.config_invalid", "calendar.office_hours_invalid")
    assert info.value.message


# --- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("duration", "vi"),
    [
        (Duration.working_days(5), "05 ngày làm việc"),
        (Duration.working_days(0.5), "0,5 ngày làm việc"),
        (Duration.working_days(1.5), "1,5 ngày làm việc"),
        (Duration.working_days(10), "10 ngày làm việc"),
        (Duration.working_hours(4), "04 giờ làm việc"),
        (Duration.working_hours(2.5), "2,5 giờ làm việc"),
        (Duration(3, "working"), "03 giờ làm việc"),  # not a half-day multiple
        (Duration.calendar_days(15), "15 ngày"),
        (Duration.same_day(time(15)), "Trong ngày"),
    ],
)
def test_describe_vi(duration, vi):
    assert duration.text("vi") == vi
    assert duration.text("en")


def test_duration_reads_in_english_with_plurals():
    assert Duration.working_days(1).text("en") == "1 working day"
    assert Duration.working_days(1.5).text("en") == "1.5 working days"
    assert Duration.working_hours(4).text("en") == "4 working hours"
    assert Duration.calendar_days(15).text("en") == "15 days"
    assert Duration.same_day(time(15)).text("en") == "Same day"


def test_duration_values_and_config():
    assert Duration.working_days(0.5).hours == 4 and Duration.calendar_days(3).hours == 24
    assert Duration.same_day(time(15)).cutoff_note("vi") == (
        "Tiếp nhận sau 15:00 thì tính từ ngày làm việc tiếp theo"
    )
    assert Duration.working_days(2).cutoff_note("vi") is None
    for d in (
        Duration.working_days(2, time(15)),
        Duration.working_hours(4),
        Duration.calendar_days(7),
    ):
        assert Duration.from_config(json.loads(json.dumps(d.to_config()))) == d


@pytest.mark.parametrize(
    "build",
    [
        lambda: Duration(-1),
        lambda: Duration(float("nan")),
        lambda: Duration(float("inf")),
        lambda: Duration(8, "weeks"),
        lambda: Duration(12, "calendar"),
        lambda: Duration("8"),
        lambda: Duration(8, "working", "15:00"),
        lambda: Duration.from_config({"kind": "working"}),
        lambda: Duration.from_config({"hours": 8, "cutoff": "3pm"}),
    ],
)
def test_invalid_durations(build):
    with pytest.raises(ValidationError) as info:
        build()
    assert info.value.code == "duration.invalid"


# --- appointment: working kind --------------------------------------------------------------

MON = date(2026, 3, 2)  # an ordinary week: Mon 2 – Fri 6 March 2026


def at(day, hh, mm=0):
    return datetime.combine(day, time(hh, mm))


@pytest.mark.parametrize(
    ("received", "duration", "expected"),
    [
        (at(MON, 9), Duration.working_days(1), at(MON + timedelta(1), 9)),
        (at(MON, 7), Duration.working_days(1), at(MON, 17)),  # a full office day
        (at(MON, 7), Duration.working_days(0.5), at(MON, 11)),  # half day
        (at(MON, 10, 30), Duration.working_hours(2), at(MON, 14, 30)),  # crosses lunch
        (at(MON, 9, 30), Duration.working_hours(2), at(MON, 11, 30)),  # ends on lunch start
        (at(MON, 12), Duration.working_hours(1), at(MON, 14, 30)),  # received at lunch
        (at(MON, 18), Duration.working_hours(1), at(MON + timedelta(1), 8)),  # after hours
        (at(MON, 17), Duration.working_hours(1), at(MON + timedelta(1), 8)),  # at closing
        (at(MON, 6), Duration.working_hours(1), at(MON, 8)),  # before opening
        (at(MON + timedelta(4), 16), Duration.working_days(0.5), at(MON + timedelta(7), 10)),
        (at(MON + timedelta(5), 10), Duration.working_days(1), at(MON + timedelta(7), 17)),  # Sat
        (at(MON, 9), Duration.working_days(5), at(MON + timedelta(7), 9)),  # over a weekend
    ],
)
def test_working_appointments(received, duration, expected):
    assert due(received, duration) == expected


def test_tet_2026():
    # Thu 12 Feb + 5 working days: Fri 13, then Tết 16–20 Feb, then 23, 24, 25, 26.
    assert due(D(2026, 2, 12, 9), Duration.working_days(5)) == D(2026, 2, 26, 9)
    assert due(D(2026, 2, 13, 16), Duration.working_hours(2)) == D(2026, 2, 23, 8)


def test_reunification_and_labour_day_2026():
    # Wed 29 Apr + 1 day: 30/4 and 1/5 off, then the weekend.
    assert due(D(2026, 4, 29, 9), Duration.working_days(1)) == D(2026, 5, 4, 9)


def test_national_day_2026():
    # Fri 28 Aug + 1 day: 31/8 (swapped for Sat 22/8), 1/9 and 2/9 off.
    assert due(D(2026, 8, 28, 9), Duration.working_days(1)) == D(2026, 9, 3, 9)
    assert due(D(2026, 8, 21, 9), Duration.working_days(1)) == D(2026, 8, 22, 9)  # worked Sat


def test_extra_day_off_and_worked_saturday():
    off = WorkCalendar(extra_days_off=frozenset({MON}))
    assert due(D(2026, 2, 27, 9), Duration.working_days(1), off) == D(2026, 3, 3, 9)
    saturday = WorkCalendar(worked_days=frozenset({date(2026, 3, 7)}))
    assert due(D(2026, 3, 6, 9), Duration.working_days(1), saturday) == D(2026, 3, 7, 9)


def test_office_day_length_scales_day_durations():
    short = WorkCalendar(
        office_hours=OfficeHours(((time(7, 30), time(11, 30)), (time(13, 30), time(17)))),
    )
    assert due(at(MON, 7, 30), Duration.working_days(1), short) == at(MON, 17)
    assert due(at(MON, 7, 30), Duration.working_days(0.5), short) == at(MON, 11, 15)


# --- same day and cut-off -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (at(MON, 9), at(MON, 17)),
        (at(MON, 15), at(MON, 17)),  # exactly at the cut-off still counts today
        (at(MON, 15, 1), at(MON + timedelta(1), 17)),
        (at(MON, 6), at(MON, 17)),
        (at(MON + timedelta(5), 9), at(MON + timedelta(7), 17)),  # Saturday
        (D(2026, 2, 13, 16), D(2026, 2, 23, 17)),  # Friday before Tết, after cut-off
    ],
)
def test_same_day_with_cutoff(received, expected):
    assert due(received, Duration.same_day(time(15))) == expected


def test_same_day_without_cutoff():
    assert due(at(MON, 16, 59), Duration.same_day()) == at(MON, 17)
    assert due(at(MON, 17, 30), Duration.same_day()) == at(MON + timedelta(1), 17)


def test_cutoff_with_days():
    duration = Duration.working_days(1, cutoff=time(15))
    assert due(at(MON, 14), duration) == at(MON + timedelta(1), 14)
    assert due(at(MON, 16), duration) == at(MON + timedelta(1), 17)  # counted from Tue 07:00


# --- calendar kind --------------------------------------------------------------------------


def test_calendar_days():
    assert due(at(MON, 10), Duration.calendar_days(15)) == D(2026, 3, 17, 17)
    assert due(at(MON, 10), Duration.calendar_days(5)) == D(2026, 3, 9, 17)  # Sat -> Mon
    assert due(D(2026, 2, 10, 10), Duration.calendar_days(7)) == D(2026, 2, 23, 17)  # Tết
    assert due(at(MON, 18), Duration.calendar_days(1)) == D(2026, 3, 4, 17)  # after hours
    assert due(at(MON, 16), Duration.calendar_days(1, cutoff=time(15))) == D(2026, 3, 4, 17)


def test_calendar_days_with_pause():
    pauses = [(at(MON, 14), D(2026, 3, 5, 9))]  # 3 dates waited
    assert due(at(MON, 10), Duration.calendar_days(15), pauses=pauses) == D(2026, 3, 20, 17)


# --- pauses ---------------------------------------------------------------------------------


def test_pause_adds_paused_working_time():
    three_days = Duration.working_days(3)
    assert due(at(MON, 9), three_days) == at(MON + timedelta(3), 9)
    pause = [(at(MON, 14), at(MON + timedelta(2), 14))]  # two office days
    assert due(at(MON, 9), three_days, pauses=pause) == at(MON + timedelta(7), 9)


def test_pause_over_weekend_or_night_adds_nothing():
    pause = [(at(MON + timedelta(4), 17), at(MON + timedelta(7), 7))]
    assert due(at(MON, 9), Duration.working_days(3), pauses=pause) == at(MON + timedelta(3), 9)


def test_overlapping_and_pre_receipt_pauses_count_once():
    pauses = [
        (at(MON, 8), at(MON, 10)),  # before receipt: only 09:00–10:00 counts
        (at(MON, 9, 30), at(MON, 10)),
        (at(MON, 9), at(MON, 9, 30)),
    ]
    assert due(at(MON, 9), Duration.working_hours(1), pauses=pauses) == at(MON, 11)


def test_open_pause_stops_the_clock():
    assert due(at(MON, 9), Duration.working_days(3), pauses=[(at(MON, 10), None)]) is None


def test_pause_end_before_start_is_rejected():
    with pytest.raises(ValidationError) as info:
        due(at(MON, 9), Duration.working_days(1), pauses=[(at(MON, 11), at(MON, 10))])
    assert info.value.code == "calendar.pause_order"


# --- properties -----------------------------------------------------------------------------

RECEIVED = st.datetimes(min_value=D(2025, 1, 1), max_value=D(2027, 6, 30))
HALF_HOURS = st.integers(min_value=1, max_value=8 * 2 * 20).map(lambda n: n / 2)


def _in_office(calendar, moment):
    if not calendar.is_working_day(moment):
        return False
    t = moment.time()
    return any(s <= t <= e for s, e in calendar.office_hours.periods)


@FAST
@given(RECEIVED, HALF_HOURS)
def test_due_is_in_office_time_and_exactly_the_duration_later(received, hours):
    result = due(received, Duration.working_hours(hours))
    assert result > received
    assert _in_office(CAL, result)
    start = CAL.normalise(received)
    assert CAL.working_time_between(start, result) == timedelta(hours=hours)


@FAST
@given(RECEIVED, HALF_HOURS, HALF_HOURS)
def test_longer_duration_never_due_earlier(received, a, b):
    short, long_ = sorted((a, b))
    assert due(received, Duration.working_hours(short)) <= due(
        received, Duration.working_hours(long_)
    )


@FAST
@given(RECEIVED, st.integers(0, 60))
def test_calendar_kind_due_on_working_day_at_closing(received, days):
    result = due(received, Duration.calendar_days(days))
    assert CAL.is_working_day(result) and result.time() == time(17)
    assert result.date() >= received.date() + timedelta(days=days)


@FAST
@given(RECEIVED, HALF_HOURS, RECEIVED, st.integers(0, 60 * 24 * 10))
def test_pause_extends_by_paused_office_time(received, hours, pause_start, minutes):
    pause_end = pause_start + timedelta(minutes=minutes)
    duration = Duration.working_hours(hours)
    base = due(received, duration)
    extended = due(received, duration, pauses=[(pause_start, pause_end)])
    paused = CAL.working_time_between(max(pause_start, CAL.normalise(received)), pause_end)
    assert extended >= base
    assert CAL.working_time_between(base, extended) == paused


def test_aware_datetimes_are_converted_to_vietnam_time():
    from datetime import UTC

    received_utc = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 09:00 in Vietnam
    assert due(received_utc, Duration.working_days(1)) == at(MON + timedelta(1), 9)
