"""One due date everywhere (issue 10): a supplement wait recorded on a real central (uvicorn,
SQLite file) moves the due date on central, then — after ``hcc-desk sync`` — on the desk and in
its ledger; an apology date outside office time is refused on central as on the desk; central
refuses a pushed receipt dated in the future."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

pytest.importorskip("hcc_central.app")

from sqlalchemy import select

from hcc_central.admin import AdminError
from hcc_central.models import Dossier as CentralDossier
from hcc_central.status_change import set_status
from hcc_core.domain.calendar import Duration, WorkCalendar, appointment
from hcc_core.domain.status import DossierStatus as S
from hcc_desk import cli
from hcc_desk.app import open_context
from hcc_desk.core.store.models import Dossier
from hcc_desk.services.intake_request import request_from_json_text
from tests.sync.conftest import EXAMPLE
from tests.sync.test_against_central import Central, _enrolled_desk

RECEIVED = datetime(2026, 11, 2, 8, 0)  # Monday; passport: 8 working days
PAUSED = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def central(tmp_path):
    c = Central(tmp_path / "central")
    yield c
    c.stop()
    c.proxy.stop()


def _sync(profile) -> None:
    assert cli.main(["sync", "--profile", str(profile), "--until-idle", "--timeout", "30"]) == 0


def test_pause_on_central_moves_the_due_date_on_central_desk_and_ledger(central, tmp_path):
    profile = tmp_path / "desk"
    _enrolled_desk(central, profile)
    ctx = open_context(profile)
    try:
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["received_at"] = RECEIVED.isoformat()
        saved = ctx.intake.submit(request_from_json_text(json.dumps(data)), "lan")
    finally:
        ctx.close()
    _sync(profile)
    original = appointment(RECEIVED, Duration.working_days(8), WorkCalendar())
    assert saved.due_at == original == datetime(2026, 11, 12, 8, 0)

    # The agency asks for a supplement, the applicant brings it back a few minutes ago.
    restart = datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=2)
    central.server.write(set_status, saved.code, S.WAITING_SUPPLEMENT, at=PAUSED, actor="ca")
    central.server.write(set_status, saved.code, S.PROCESSING, at=restart, actor="ca")
    cal = WorkCalendar()
    expected = cal.add_working_time(original, cal.working_time_between(PAUSED, restart))
    assert expected > datetime.now()  # the dossier is not late: the wait does not count
    with central.server.db.read() as s:  # central's row: what supervision reads
        assert s.get(CentralDossier, saved.uuid).due_at == expected

    _sync(profile)
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            d = s.scalar(select(Dossier).where(Dossier.code == saved.code))
            assert (d.status, d.due_at) == (S.PROCESSING, expected)
        day = RECEIVED.date()
        [row] = [r for r in ctx.forms.ledger_data(day, day, "lan").rows if r.code == saved.code]
        assert row.due_at == expected and row.timing != "overdue"  # was "Quá hạn" before
    finally:
        ctx.close()


def test_central_refuses_an_apology_date_outside_office_time(central, tmp_path):
    profile = tmp_path / "desk"
    _enrolled_desk(central, profile)
    ctx = open_context(profile)
    try:
        saved = ctx.intake.submit(request_from_json_text(EXAMPLE.read_text("utf-8")), "lan")
    finally:
        ctx.close()
    _sync(profile)
    sunday = datetime(2027, 1, 3, 10, 0)
    with pytest.raises(AdminError, match="not office time"):
        central.server.write(set_status, saved.code, S.PROCESSING, due_at=sunday, actor="ca")
    night = datetime(2027, 1, 4, 3, 0)
    with pytest.raises(AdminError, match="07:00"):
        central.server.write(set_status, saved.code, S.PROCESSING, due_at=night, actor="ca")
    ok = datetime(2027, 1, 4, 16, 0)
    central.server.write(set_status, saved.code, S.PROCESSING, due_at=ok, actor="ca")
    _sync(profile)
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            assert s.scalar(select(Dossier.due_at).where(Dossier.code == saved.code)) == ok
    finally:
        ctx.close()


def test_a_year_imported_on_central_reaches_the_desk_by_sync(central, tmp_path):
    from datetime import date

    from hcc_central.cli import main as central_main

    profile = tmp_path / "desk"
    _enrolled_desk(central, profile)
    year_file = tmp_path / "vn-2027.json"
    year_file.write_text(
        json.dumps(
            {
                "format": "hcc-desk-calendar",
                "version": 1,
                "revision": "2027-a",
                "years": [
                    {
                        "year": 2027,
                        "sources": [{"id": "TB", "title": "Thông báo thử 2027"}],
                        "days_off": [{"day": "2027-03-10", "name": "Nghỉ thử", "source": "TB"}],
                        "worked_days": [{"day": "2027-03-13", "name": "Làm bù", "source": "TB"}],
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    ctx = open_context(profile)
    try:
        assert ctx.calendars.admin_warning(date(2026, 12, 4)) is not None  # 2027 missing
    finally:
        ctx.close()
    assert central_main(["admin", "--db", central.db_url, "import-calendar", str(year_file)]) == 0
    _sync(profile)
    ctx = open_context(profile)
    try:
        assert ctx.calendars.admin_warning(date(2026, 12, 4)) is None
        cal = ctx.calendars.current()
        assert not cal.is_working_day(date(2027, 3, 10)) and cal.is_working_day(date(2027, 3, 13))
        assert cal.fallback_years([2027]) == []  # no longer the holidays package
    finally:
        ctx.close()


def test_calendar_day_limit_gets_the_same_date_from_a_wait_on_central_or_on_the_desk(
    central, tmp_path
):
    """Judicial-record certificate (3.000333): 10 days. Received Wed 04/03/2026: day 10 is
    Saturday 14/03, so Monday 16/03. A one-day wait (05→06/03) ends on Sunday 15/03: still
    Monday 16/03, whether the wait is recorded on central or at the counter."""
    from hcc_central.cli import main as central_main
    from hcc_central.models import Centre
    from hcc_desk.services.agency_steps import AgencyStepsService
    from tests.services.after_intake_helpers import Clock

    profile = tmp_path / "desk"
    _enrolled_desk(central, profile)
    centre_id = central.server.write(lambda s: s.scalar(select(Centre.id)))
    catalogue = EXAMPLE.parents[2] / "src/hcc_core/data" / "catalogue" / "procedures.json"
    assert (
        central_main(
            [
                "admin",
                "--db",
                central.db_url,
                "import-catalogue",
                str(catalogue),
                "--centre",
                str(centre_id),
            ]
        )
        == 0
    )
    received = datetime(2026, 3, 4, 10, 0)
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(procedure_code="3.000333", received_at=received.isoformat())
    ctx = open_context(profile)
    try:
        on_central, at_desk = (
            ctx.intake.submit(request_from_json_text(json.dumps(data)), "lan") for _ in range(2)
        )
        assert on_central.due_at == at_desk.due_at == datetime(2026, 3, 16, 17, 0)
        steps = AgencyStepsService(ctx.store, ctx.calendars, Clock(datetime(2026, 3, 5, 10)))
        steps.request_supplement(at_desk.code, "lan", missing_papers=["Tờ khai"], reason="thiếu")
        steps._clock = Clock(datetime(2026, 3, 6, 10))
        assert steps.supplement_received(at_desk.code, "lan").due_at == datetime(2026, 3, 16, 17, 0)
    finally:
        ctx.close()
    _sync(profile)
    central.server.write(
        set_status, on_central.code, S.WAITING_SUPPLEMENT, at=datetime(2026, 3, 5, 10), actor="ca"
    )
    central.server.write(
        set_status, on_central.code, S.PROCESSING, at=datetime(2026, 3, 6, 10), actor="ca"
    )
    _sync(profile)
    with central.server.db.read() as s:
        assert {s.get(CentralDossier, d.uuid).due_at for d in (on_central, at_desk)} == {
            datetime(2026, 3, 16, 17, 0)
        }
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            assert set(
                s.scalars(
                    select(Dossier.due_at).where(Dossier.code.in_([on_central.code, at_desk.code]))
                )
            ) == {datetime(2026, 3, 16, 17, 0)}
    finally:
        ctx.close()
