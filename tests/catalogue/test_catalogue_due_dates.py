"""Property test over the whole shipped catalogue (issue 10): for every record and any receipt
in office hours, the due date is working time, and a calendar-day limit ends no later than the
published number of days (moved to the next working day only when that day is a day off)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_core.catalogue import default_catalogue_path, read_catalogue
from hcc_core.catalogue.schema import ProcedureRecord
from hcc_core.domain.calendar import Duration, WorkCalendar, appointment

RECORDS = read_catalogue(default_catalogue_path()).procedures
CALENDAR = WorkCalendar()
FIRST, LAST = date(2025, 1, 1), date(2026, 12, 31)  # the years the official calendar covers


def _duration(r: ProcedureRecord) -> Duration:
    return Duration.from_config(
        {
            "hours": r.duration_hours,
            "kind": r.duration_kind,
            "cutoff": r.cutoff,
            "unit": r.duration_unit,
        }
    )


@st.composite
def receipts(draw: st.DrawFn) -> datetime:
    """A moment inside office hours on a working day."""
    day = draw(st.dates(FIRST, LAST).filter(CALENDAR.is_working_day))
    start, end = draw(st.sampled_from(CALENDAR.office_hours.periods))
    span = int((datetime.combine(day, end) - datetime.combine(day, start)).total_seconds())
    return datetime.combine(day, start) + timedelta(seconds=draw(st.integers(0, span - 1)))


def is_working_time(moment: datetime) -> bool:
    return CALENDAR.is_working_day(moment.date()) and any(
        s <= moment.time() <= e for s, e in CALENDAR.office_hours.periods
    )


def test_catalogue_is_loaded() -> None:
    assert len(RECORDS) >= 90 and any(r.duration_kind == "calendar" for r in RECORDS)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(RECORDS), receipts())
def test_due_date_is_working_time_and_never_later_than_published(
    rec: ProcedureRecord, received: datetime
) -> None:
    due = appointment(received, _duration(rec), CALENDAR)
    assert due is not None and due >= received
    assert is_working_time(due), (rec.code or rec.name, received, due)
    if rec.duration_kind == "calendar":
        last = received.date() + timedelta(days=int(rec.duration_hours // 8))
        # Civil Code 2015 art. 148: a limit ending on a day off ends on the next working day.
        assert due.date() == CALENDAR.next_working_day(last, include_self=True)
        if CALENDAR.is_working_day(last):
            assert due.date() == last
    elif rec.duration_hours == 0:  # same day; after a published cut-off, the next working day
        late = rec.cutoff is not None and received.time() > time.fromisoformat(rec.cutoff)
        expected = CALENDAR.next_working_day(received.date()) if late else received.date()
        assert due == CALENDAR.closing_of(expected)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(RECORDS),
    st.datetimes(datetime(2025, 1, 1), datetime(2026, 12, 20, 23, 59)),
)
def test_receipt_at_any_moment_still_gets_a_working_due_date(
    rec: ProcedureRecord, received: datetime
) -> None:
    """Nights, weekends and holidays too (an online dossier lands at any hour)."""
    due = appointment(received, _duration(rec), CALENDAR)
    assert due is not None and due >= received and is_working_time(due)
    if rec.duration_kind == "calendar":  # counted from the first working moment at or after it
        start = CALENDAR.normalise(received)
        last = start.date() + timedelta(days=int(rec.duration_hours // 8))
        assert due.date() == CALENDAR.next_working_day(last, include_self=True)
