"""The official calendar file: announced days off and swapped Saturdays move due dates; the
``holidays`` package only for years the file does not cover; bad files refused clearly."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime

import pytest

from hcc_core.data_files import data_path
from hcc_core.domain.calendar import Duration, WorkCalendar, appointment
from hcc_core.domain.official_calendar import (
    CalendarFileError,
    OfficialCalendar,
    bundled_calendar,
    load_calendar_file,
    parse_calendar,
)

CAL = WorkCalendar()  # the bundled official calendar
FALLBACK_ONLY = WorkCalendar(official=OfficialCalendar())  # no year covered: holidays package
ONE_DAY = Duration.working_days(1)


def test_bundled_file_covers_2025_and_2026_with_a_source_for_every_day():
    official = bundled_calendar()
    assert official.covered_years() == [2025, 2026]  # 2027 not announced when it was written
    raw = json.loads(data_path("calendar", "vn-official.json").read_text("utf-8"))
    for block in raw["years"]:
        ids = {s["id"] for s in block["sources"]}
        for row in block["days_off"] + block["worked_days"]:
            assert row["source"] in ids
        for row in block["worked_days"]:
            assert date.fromisoformat(row["day"]).weekday() == 5  # swapped Saturdays
        for row in block["days_off"]:  # only days that would otherwise be worked
            assert date.fromisoformat(row["day"]).weekday() < 5


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 4, 26), True),  # Saturday worked for Friday 02/05/2025 (TB 6150)
        (date(2025, 5, 2), False),
        (date(2026, 1, 2), False),  # Friday off, worked Saturday 10/01/2026 (12729/VPCP-KGVX)
        (date(2026, 1, 10), True),
        (date(2026, 8, 22), True),  # Saturday worked for Monday 31/08/2026
        (date(2026, 8, 31), False),
        (date(2026, 4, 27), False),  # Hùng Kings' day fell on Sunday 26/04: Monday off
        (date(2026, 11, 24), True),  # "Ngày Văn hóa Việt Nam": not confirmed as a day off
        (date(2026, 2, 16), False),
        (date(2026, 2, 23), True),  # Tết 2026 ends Sunday 22/02
    ],
)
def test_official_days(day, working):
    assert CAL.is_working_day(day) is working


def test_announced_day_off_moves_the_due_date():
    received = datetime(2025, 12, 31, 10, 0)  # Wednesday; 01/01 and the swapped 02/01 off
    assert appointment(received, ONE_DAY, CAL) == datetime(2026, 1, 5, 10, 0)
    assert appointment(received, ONE_DAY, FALLBACK_ONLY) == datetime(2026, 1, 2, 10, 0)


def test_swapped_saturday_is_a_working_day_for_due_dates():
    assert appointment(datetime(2026, 1, 9, 15, 0), ONE_DAY, CAL) == datetime(2026, 1, 10, 15, 0)
    assert appointment(datetime(2026, 8, 21, 15, 0), ONE_DAY, CAL) == datetime(2026, 8, 22, 15, 0)
    # calendar-day limits end on a working day: the swapped Saturday is one
    assert appointment(datetime(2026, 8, 12, 9, 0), Duration.calendar_days(10), CAL) == datetime(
        2026, 8, 22, 17, 0
    )


def test_uncovered_year_falls_back_to_holidays_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="hcc_core.calendar"):
        assert not CAL.is_working_day(date(2093, 9, 2))  # statutory day from holidays
    assert any("2093" in r.getMessage() and "holidays" in r.getMessage() for r in caplog.records)
    assert CAL.fallback_years([2025, 2026, 2027]) == [2027]
    assert WorkCalendar(use_public_holidays=False).fallback_years([2027]) == []


def test_holidays_between_names_come_from_the_file():
    names = dict(CAL.holidays_between(date(2026, 8, 29), date(2026, 9, 6)))
    assert sorted(names) == [date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)]
    assert "22/08/2026" in names[date(2026, 8, 31)]


def _doc(**year):
    block = {
        "year": 2030,
        "sources": [{"id": "QD", "title": "Quyết định thử"}],
        "days_off": [{"day": "2030-01-01", "name": "Tết Dương lịch", "source": "QD"}],
        "worked_days": [],
    }
    block.update(year)
    return {"format": "hcc-desk-calendar", "version": 1, "years": [block]}


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (
            {"worked_days": [{"day": "2030-01-02", "name": "x", "source": "QD"}]},
            "không phải thứ Bảy",
        ),
        (
            {"days_off": [{"day": "2031-01-01", "name": "x", "source": "QD"}]},
            "không thuộc năm 2030",
        ),
        ({"days_off": [{"day": "2030-01-01", "name": "x", "source": "KHAC"}]}, "không có trong"),
        ({"days_off": [{"day": "01/01/2030", "name": "x", "source": "QD"}]}, "YYYY-MM-DD"),
        ({"days_off": [{"day": "2030-01-01", "name": " ", "source": "QD"}]}, "thiếu tên"),
        ({"sources": []}, "văn bản nguồn"),
        (
            {
                "days_off": [{"day": "2030-01-05", "name": "x", "source": "QD"}],
                "worked_days": [{"day": "2030-01-05", "name": "x", "source": "QD"}],
            },
            "vừa là ngày nghỉ",
        ),
    ],
)
def test_bad_files_are_refused_with_the_row_named(change, fragment):
    with pytest.raises(CalendarFileError) as err:
        parse_calendar(_doc(**change), "lich.json")
    assert fragment in err.value.message and "lich.json" in err.value.message
    assert err.value.text("en")


def test_not_a_calendar_file(tmp_path):
    with pytest.raises(CalendarFileError, match="không phải tệp lịch"):
        parse_calendar([{"day": "2030-01-01"}])
    bad = tmp_path / "x.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(CalendarFileError, match="không phải JSON hợp lệ"):
        load_calendar_file(bad)
    good = tmp_path / "ok.json"
    good.write_text(json.dumps(_doc()), encoding="utf-8")
    assert load_calendar_file(good).covered_years() == [2030]


def test_a_missing_bundled_file_falls_back_instead_of_failing(monkeypatch, tmp_path, caplog):
    import hcc_core.data_files as data_files

    bundled_calendar.cache_clear()
    monkeypatch.setattr(data_files, "data_root", lambda: tmp_path)
    try:
        with caplog.at_level(logging.ERROR, logger="hcc_core.calendar"):
            assert bundled_calendar().covered_years() == []
        assert "unusable" in caplog.text
        assert WorkCalendar().fallback_years([2026]) == [2026]
    finally:
        bundled_calendar.cache_clear()
