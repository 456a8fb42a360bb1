"""Over the whole bundled catalogue and any receipt time in the years the official calendar
covers: the due date is office time on a working day (never a Sunday, a holiday or 03:00 on
Tết), and an apology date that is not is refused."""

from __future__ import annotations

from datetime import datetime, time

from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_core.catalogue import read_catalogue
from hcc_core.data_files import data_path
from hcc_core.domain.calendar import Duration, WorkCalendar, appointment
from hcc_core.domain.timing import new_due_problem

CAL = WorkCalendar()
PARSED = read_catalogue(data_path("catalogue", "procedures.json"))
LIMITS = sorted(
    {(p.duration_hours, p.duration_kind, p.duration_unit, p.cutoff) for p in PARSED.procedures},
    key=str,
)
RECEIPTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 11, 30)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


def _duration(hours, kind, unit, cutoff) -> Duration:
    return Duration(hours, kind, None if cutoff is None else time.fromisoformat(cutoff), unit)


def test_the_catalogue_was_read():
    assert not PARSED.errors and len(PARSED.procedures) >= 70 and LIMITS


@settings(deadline=None, max_examples=400)
@given(limit=st.sampled_from(LIMITS), received=RECEIPTS)
def test_no_due_date_on_non_working_time(limit, received):
    due = appointment(received, _duration(*limit), CAL)
    assert CAL.is_working_moment(due), (limit, received, due)
    assert new_due_problem(CAL, due) is None  # what an apology may use, the receipt gets too
