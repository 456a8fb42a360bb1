"""Central's side of issue 10: the official calendar file imported and sent to desks
(``calendar.year`` + ``calendar.day``), validated whole; a receipt dated in the future refused."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from hcc_central.calendar import work_calendar
from hcc_central.cli import main
from hcc_central.models import CalendarYear
from hcc_core.wire.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.central.helpers import make_doc, op, outcomes, push
from tests.central.live import LiveServer
from tests.central.test_central_pull import mine


def pull_all(desk, cursor: int = 0) -> tuple[list[dict], int, int]:
    """Every change after ``cursor`` as today's desk asks (calendar.year is protocol 2)."""
    changes: list[dict] = []
    while True:
        r = desk.http.get(
            "/sync/pull",
            params={"cursor": cursor, "limit": 500},
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["more"]:
            return changes, cursor, 0


def _file(tmp_path: Path, year: int, worked: str) -> Path:
    doc = {
        "format": "hcc-desk-calendar",
        "version": 1,
        "revision": "t1",
        "years": [
            {
                "year": year,
                "sources": [{"id": "QD", "title": "Quyết định thử"}],
                "days_off": [{"day": f"{year}-03-06", "name": "Nghỉ thử", "source": "QD"}],
                "worked_days": [{"day": worked, "name": "Làm bù", "source": "QD"}],
            }
        ],
    }
    path = tmp_path / f"cal-{year}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_official_calendar_import_reaches_desks_and_central_due_dates(
    central: LiveServer, desk, tmp_path: Path
):
    year = 2060 + desk.centre_id % 30  # the calendar is national: a year of this test's own
    saturday = next(  # not the 6th: that is the file's day off (a year whose 6th is a Saturday)
        f"{year}-03-{d:02d}" for d in range(1, 15) if datetime(year, 3, d).weekday() == 5 and d != 6
    )
    _, cursor, _ = pull_all(desk)
    url = central.settings.db_url
    path = _file(tmp_path, year, saturday)
    assert main(["admin", "--db", url, "import-calendar", str(path)]) == 0
    changes, after, _ = pull_all(desk, cursor)
    [y] = mine(changes, "calendar.year")
    assert y["payload"]["year"] == year and y["payload"]["sources"][0]["id"] == "QD"
    days = {c["payload"]["day"]: c["payload"]["kind"] for c in mine(changes, "calendar.day")}
    assert days == {f"{year}-03-06": "off", saturday: "work"}
    with central.db.read() as s:
        assert s.get(CalendarYear, year).revision == "t1"
        cal = work_calendar(s)
    assert not cal.is_working_day(datetime(year, 3, 6).date())
    assert cal.is_working_day(datetime.fromisoformat(saturday).date())
    assert cal.fallback_years([year]) == []
    # the same file again: nothing new for the desks but the year mark
    assert main(["admin", "--db", url, "import-calendar", str(path)]) == 0
    assert mine(pull_all(desk, after)[0], "calendar.day") == []


def test_bad_calendar_file_is_refused_whole(central: LiveServer, tmp_path: Path, capsys):
    year = 2095
    weekday = next(f"{year}-03-{d:02d}" for d in range(1, 15) if datetime(year, 3, d).weekday() < 5)
    rc = main(
        [
            "admin",
            "--db",
            central.settings.db_url,
            "import-calendar",
            str(_file(tmp_path, year, weekday)),
        ]
    )
    assert rc == 2
    err = capsys.readouterr().err
    assert "not a Saturday or Sunday" in err and "Traceback" not in err
    with central.db.read() as s:
        assert s.get(CalendarYear, year) is None


def test_receipt_dated_in_the_future_is_refused(central: LiveServer, desk):
    ahead = (datetime.now() + timedelta(hours=2)).replace(microsecond=0)
    doc = make_doc(desk, received_at=ahead.isoformat())
    result = push(desk, op(doc))
    assert outcomes(result) == [("rejected", 422)]
    assert "ahead of central's clock" in result[0]["reason"]
