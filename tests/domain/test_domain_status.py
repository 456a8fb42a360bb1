"""Dossier status lifecycle, history, supplement pauses and timeliness."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_core.domain.calendar import Duration, WorkCalendar, appointment
from hcc_core.domain.errors import DomainError
from hcc_core.domain.status import (
    ALLOWED_TRANSITIONS,
    DossierStatus,
    InvalidTransition,
    StatusChange,
    StatusHistory,
    can_transition,
    timeliness,
)

S = DossierStatus
T0 = datetime(2026, 3, 2, 9, 0)
FAST = settings(deadline=None, max_examples=200)


def test_national_codes_and_sync_names():
    expected = {
        0: "interoperating",
        1: "receiving",
        2: "new",
        3: "denied",
        4: "processing",
        5: "waiting",
        6: "paying",
        7: "cancelled",
        8: "unresolved",
        9: "releasing",
        10: "done",
    }
    assert {int(s): s.sync_name for s in S} == expected
    assert S.NEW.text("vi") == "Được tiếp nhận" and S.DONE.text("vi") == "Đã trả kết quả"
    assert S.DONE.text("en") == "Result handed back"
    assert all(s.text("vi") and s.text("en") != s.text("vi") for s in S)
    assert S.from_sync_name(" Waiting ") is S.WAITING_SUPPLEMENT
    with pytest.raises(ValueError):
        S.from_sync_name("nope")


def test_terminal_statuses():
    assert {s for s in S if s.is_terminal} == {S.DONE, S.DENIED, S.CANCELLED}
    assert set(ALLOWED_TRANSITIONS) == set(S)


def test_typical_counter_flow():
    history = (
        StatusHistory()
        .apply(S.NEW, T0, "canbo1", "Tiếp nhận tại quầy")
        .apply(S.PROCESSING, T0 + timedelta(hours=1), "canbo2")
        .apply(S.WAITING_SUPPLEMENT, T0 + timedelta(days=1), "canbo2", "Thiếu bản sao")
        .apply(S.PROCESSING, T0 + timedelta(days=2), "canbo1")
        .apply(S.RELEASING, T0 + timedelta(days=3), "canbo2")
        .apply(S.DONE, T0 + timedelta(days=3, hours=2), "canbo1")
    )
    assert history.current is S.DONE and len(history.changes) == 6
    assert history.changes[0] == StatusChange(S.NEW, T0, "canbo1", "Tiếp nhận tại quầy")
    assert history.first_time(S.PROCESSING) == T0 + timedelta(hours=1)
    assert history.supplement_pauses() == [(T0 + timedelta(days=1), T0 + timedelta(days=2))]


def test_apply_is_immutable():
    empty = StatusHistory()
    one = empty.apply(S.NEW, T0, "a")
    assert empty.current is None and one.current is S.NEW
    with pytest.raises(AttributeError):
        one.changes = ()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("steps", "target", "code"),
    [
        ([], S.PROCESSING, "status.initial_invalid"),
        ([S.NEW], S.RECEIVING, "status.invalid_transition"),
        ([S.NEW], S.NEW, "status.invalid_transition"),
        ([S.NEW, S.PROCESSING, S.RELEASING, S.DONE], S.PROCESSING, "status.invalid_transition"),
        ([S.RECEIVING, S.DENIED], S.NEW, "status.invalid_transition"),
        ([S.NEW, S.CANCELLED], S.PROCESSING, "status.invalid_transition"),
    ],
)
def test_invalid_transitions(steps, target, code):
    history = StatusHistory()
    for i, step in enumerate(steps):
        history = history.apply(step, T0 + timedelta(minutes=i), "a")
    with pytest.raises(InvalidTransition) as info:
        history.apply(target, T0 + timedelta(days=1), "a")
    assert isinstance(info.value, DomainError)
    assert info.value.code == code and info.value.message and info.value.text("en")


def test_time_must_not_go_backwards():
    history = StatusHistory().apply(S.NEW, T0, "a")
    assert history.apply(S.PROCESSING, T0, "a").current is S.PROCESSING  # same instant is fine
    with pytest.raises(InvalidTransition) as info:
        history.apply(S.PROCESSING, T0 - timedelta(seconds=1), "a")
    assert info.value.code == "status.time_backwards"
    with pytest.raises(InvalidTransition):
        StatusHistory(
            (StatusChange(S.NEW, T0, "a"), StatusChange(S.PROCESSING, T0 - timedelta(1), "a"))
        )


def test_open_supplement_pause_stops_appointment():
    history = (
        StatusHistory()
        .apply(S.NEW, T0, "a")
        .apply(S.WAITING_SUPPLEMENT, T0 + timedelta(hours=1), "a")
    )
    pauses = history.supplement_pauses()
    assert pauses == [(T0 + timedelta(hours=1), None)]
    assert appointment(T0, Duration.working_days(3), WorkCalendar(), pauses) is None
    resumed = history.apply(S.PROCESSING, T0 + timedelta(hours=3), "a")
    due = appointment(T0, Duration.working_days(3), WorkCalendar(), resumed.supplement_pauses())
    assert due == datetime(2026, 3, 5, 10, 30)  # paused 10:00–12:00 = 1.5 office hours


def test_supplement_ending_in_cancellation_closes_pause():
    history = (
        StatusHistory()
        .apply(S.RECEIVING, T0, "a")
        .apply(S.WAITING_SUPPLEMENT, T0 + timedelta(hours=1), "a")
        .apply(S.CANCELLED, T0 + timedelta(hours=5), "a")
    )
    assert history.supplement_pauses() == [(T0 + timedelta(hours=1), T0 + timedelta(hours=5))]


@FAST
@given(st.lists(st.integers(0, 100), max_size=25), st.integers(0, 10))
def test_random_walks_follow_the_table(choices, wrong):
    history = StatusHistory().apply(S.NEW, T0, "a")
    for i, choice in enumerate(choices):
        options = sorted(ALLOWED_TRANSITIONS[history.current])
        if not options:
            break
        history = history.apply(options[choice % len(options)], T0 + timedelta(hours=i + 1), "a")
    target = S(wrong)
    later = T0 + timedelta(days=30)
    if can_transition(history.current, target):
        assert history.apply(target, later, "a").current is target
    else:
        with pytest.raises(InvalidTransition):
            history.apply(target, later, "a")
    for begin, end in history.supplement_pauses():
        assert end is None or begin <= end


DUE = datetime(2026, 3, 5, 17, 0)


@pytest.mark.parametrize(
    ("finished", "now", "expected"),
    [
        (datetime(2026, 3, 4, 10), None, "betimes"),
        (datetime(2026, 3, 5, 9), None, "ontime"),
        (DUE, None, "ontime"),
        (DUE + timedelta(seconds=1), None, "overtime"),
        (None, datetime(2026, 3, 5, 16), "undue"),
        (None, DUE, "undue"),
        (None, DUE + timedelta(minutes=1), "overdue"),
    ],
)
def test_timeliness(finished, now, expected):
    assert timeliness(DUE, finished, now or DUE + timedelta(days=9)) == expected


def test_timeliness_without_appointment():
    assert timeliness(None, None, DUE) == "undue"
    assert timeliness(None, DUE, DUE) == "ontime"
