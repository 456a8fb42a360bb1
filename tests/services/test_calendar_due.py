"""The desk's calendar and due dates (issue 10): the admin warning in December, importing a
year's decision, central's years applied by a pull, apology dates on working time only, and no
receipt dated in the future — on a real SQLite profile, through the CLI where an admin uses it."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from hcc_core.wire.protocol import Change
from hcc_desk.cli import EXIT_INVALID, EXIT_OK, main
from hcc_desk.core.store.models import AuditLog, CalendarYear, Dossier
from hcc_desk.core.sync.pull import Applied, apply_changes
from hcc_desk.services.agency_steps import AgencyStepsService
from hcc_desk.services.calendars import calendar_warning
from hcc_desk.services.errors import FieldErrors, IntakeRejected
from hcc_desk.services.intake_request import IntakeRequest, PersonInput
from tests.services.after_intake_helpers import QR, Clock, intake


def _year_file(tmp_path, year=2027, **extra):
    doc = {
        "format": "hcc-desk-calendar",
        "version": 1,
        "revision": "test",
        "years": [
            {
                "year": year,
                "sources": [{"id": "TB", "title": "Thông báo thử"}],
                "days_off": [
                    {"day": f"{year}-01-01", "name": "Tết Dương lịch", "source": "TB"},
                    {"day": f"{year}-03-10", "name": "Nghỉ thử", "source": "TB"},
                ],
                "worked_days": [{"day": f"{year}-02-20", "name": "Làm bù", "source": "TB"}],
                **extra,
            }
        ],
    }
    path = tmp_path / f"lich-{year}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_warning_from_december_when_next_year_is_missing():
    assert calendar_warning(date(2026, 11, 30), [2025, 2026]) is None
    warning = calendar_warning(date(2026, 12, 1), [2025, 2026])
    assert "2027" in warning.message and "2027" in warning.text("en")
    assert not warning.urgent  # a reminder: doctor shows it without failing
    assert calendar_warning(date(2026, 12, 1), [2026, 2027]) is None
    late = calendar_warning(date(2027, 3, 1), [2025, 2026])  # in the year itself: fallback
    assert "dự phòng" in late.message and "fallback" in late.text("en")
    assert late.urgent


def test_import_cli_loads_the_year_and_due_dates_follow(demo_ctx, tmp_path, monkeypatch, capsys):
    profile = tmp_path / "desk"
    assert demo_ctx.calendars.admin_warning(date(2026, 12, 4)) is not None
    cal = demo_ctx.calendars.current()
    assert cal.is_working_day(date(2027, 3, 10))  # a Wednesday, before the import
    demo_ctx.close()
    path = _year_file(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    assert (
        main(
            [
                "calendar",
                "import",
                str(path),
                "--profile",
                str(profile),
                "--officer",
                "demo",
                "--password-stdin",
            ]
        )
        == EXIT_OK
    )
    assert "2027" in capsys.readouterr().out
    from hcc_desk.app import open_context

    ctx = open_context(profile)
    try:
        assert ctx.calendars.admin_warning(date(2026, 12, 4)) is None
        cal = ctx.calendars.current()
        assert not cal.is_working_day(date(2027, 3, 10))  # the decision's day off
        assert cal.is_working_day(date(2027, 2, 20))  # its swapped Saturday
        assert cal.fallback_years([2027]) == []
        with ctx.store.session() as s:
            assert s.get(CalendarYear, 2027).origin == "import"
            assert "calendar.import" in [a.action for a in s.scalars(select(AuditLog))]
    finally:
        ctx.close()


def test_import_cli_refuses_a_bad_file_and_changes_nothing(demo_ctx, tmp_path, monkeypatch, capsys):
    profile = tmp_path / "desk"
    demo_ctx.close()
    bad = _year_file(tmp_path, worked_days=[{"day": "2027-02-19", "name": "x", "source": "TB"}])
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    assert (
        main(
            [
                "calendar",
                "import",
                str(bad),
                "--profile",
                str(profile),
                "--officer",
                "demo",
                "--password-stdin",
            ]
        )
        == EXIT_INVALID
    )
    err = capsys.readouterr().err
    assert "không phải thứ Bảy" in err and "Traceback" not in err
    from hcc_desk.app import open_context

    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            assert s.get(CalendarYear, 2027) is None
    finally:
        ctx.close()


def test_pulled_calendar_year_rules_its_year(demo_ctx):
    changes = [
        Change(
            seq=1,
            kind="calendar.year",
            entity_uuid="2026",
            payload={"year": 2026, "revision": "r2", "sources": [{"id": "X"}]},
        ),
        Change(
            seq=2,
            kind="calendar.day",
            entity_uuid="2026-03-03",
            payload={"day": "2026-03-03", "kind": "off", "note": "Nghỉ thử"},
        ),
    ]
    before = demo_ctx.calendars.current()
    assert not before.is_working_day(date(2026, 1, 2))  # bundled: the announced day off
    out = Applied()
    with demo_ctx.store.write() as s:
        apply_changes(s, changes, out)
    assert out.applied == 2 and not out.errors
    cal = demo_ctx.calendars.current()  # rebuilt: the tables changed
    assert not cal.is_working_day(date(2026, 3, 3))
    assert cal.is_working_day(date(2026, 1, 2))  # central's 2026 replaced the bundled one


def test_apology_date_on_sunday_or_at_night_is_refused(demo_ctx):
    clock = Clock(datetime(2026, 11, 25, 9, 0))
    steps = AgencyStepsService(demo_ctx.store, demo_ctx.calendars, clock)
    code = intake(demo_ctx, clock.now)
    for bad in (datetime(2026, 12, 13, 10, 0), datetime(2026, 12, 14, 3, 0)):  # Sunday; 03:00
        with pytest.raises(FieldErrors) as err:
            steps.apologise(code, "demo", new_due_at=bad, reason="Chờ xác minh")
        assert "không phải giờ làm việc" in err.value.message
        assert "07:00 14/12/2026" in err.value.message  # the next working moment is offered
    done = steps.apologise(code, "demo", new_due_at=datetime(2026, 12, 14, 7, 0), reason="x")
    assert done.due_at == datetime(2026, 12, 14, 7, 0)


def test_receipt_time_in_the_future_is_refused(demo_ctx):
    ahead = datetime.now().replace(microsecond=0) + timedelta(hours=1)
    req = IntakeRequest(
        procedure_code="1.001456",
        citizen_qr=QR,
        submitter=PersonInput(phone="0912345678"),
        received_at=ahead,
    )
    with pytest.raises(IntakeRejected) as err:
        demo_ctx.intake.submit(req, "demo")
    assert any(e.field == "received_at" and "tương lai" in e.message for e in err.value.errors)
    with demo_ctx.store.session() as s:
        assert s.scalar(select(Dossier.id)) is None
    just_now = datetime.now().replace(microsecond=0) + timedelta(seconds=30)  # clock skew
    req.received_at = just_now
    assert demo_ctx.intake.submit(req, "demo").received_at == just_now


def test_receipt_time_in_the_future_is_refused_by_the_intake_cli(
    demo_ctx, tmp_path, capsys, monkeypatch
):
    demo_ctx.close()
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "intake-individual.json"
    data = json.loads(example.read_text(encoding="utf-8"))
    data["received_at"] = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    assert (
        main(
            [
                "intake",
                "--profile",
                str(tmp_path / "desk"),
                "--officer",
                "demo",
                "--password-stdin",
                str(path),
            ]
        )
        == EXIT_INVALID
    )
    err = capsys.readouterr().err
    assert "received_at" in err and "tương lai" in err and "Traceback" not in err


def test_doctor_reports_the_calendar(demo_ctx, tmp_path, capsys):
    from hcc_desk.core import db_cipher
    from hcc_desk.core.keystore import profile_key
    from hcc_desk.profile import Profile
    from hcc_desk.services.calendars import warning_from_connection

    demo_ctx.close()
    profile = Profile(tmp_path / "desk")
    assert main(["doctor", "--profile", str(profile.root)]) in (0, 1)
    out = capsys.readouterr().out.lower()
    assert "lịch làm việc" in out  # its own line, [OK] or [LỖI]
    # the same check at chosen dates, over the connection doctor opens
    db = profile.db_path
    key = None if db_cipher.is_plain_sqlite(db) else profile_key(profile.root, create=False)
    con = db_cipher.connect(db, key, read_only=True)
    try:
        assert "2027" in warning_from_connection(con, date(2026, 12, 4)).message
        assert warning_from_connection(con, date(2026, 6, 1)) is None
    finally:
        con.close()
