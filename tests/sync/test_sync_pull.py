"""Pull: events merge by uuid, the cursor moves with the applied changes, pending local work is
never overwritten (changes wait in deferred_change)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from hcc_desk.core.store.models import (
    Agency,
    CalendarDay,
    DeferredChange,
    Dossier,
    OutboxOp,
    Procedure,
    StatusEvent,
    SyncState,
)
from hcc_desk.core.sync import pull as pull_module

EVENT = "e0000000-0000-4000-8000-000000000001"


def _status_change(uuid, event_uuid=EVENT, status=4, at=None):
    # An agency acts after the counter received the dossier (the rule: the latest event wins).
    at = at or (datetime.now() + timedelta(hours=1)).replace(microsecond=0).isoformat()
    return {
        "dossier_uuid": uuid,
        "due_at": "2026-12-10T16:30:00",
        "event": {
            "uuid": event_uuid,
            "status": status,
            "at": at,
            "actor": "so_tu_phap",
            "note": "Đang xử lý",
        },
    }


def _dossier(desk, uuid):
    with desk.ctx.store.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        return d.status, d.due_at, sorted(e.uuid for e in d.events)


def _cursor(desk):
    with desk.ctx.store.session() as s:
        return s.get(SyncState, 1).cursor


def test_status_change_is_applied_once_by_event_uuid(desk):
    [uuid] = desk.intake()
    desk.engine().run_once()  # pushed
    desk.central.add_change("dossier.status", uuid, _status_change(uuid))
    report = desk.engine().run_once()
    assert report.pulled == 1 and _cursor(desk) == 1
    status, due, events = _dossier(desk, uuid)
    assert status == 4 and due.day == 10 and EVENT in events and len(events) == 2
    # The same event again (served twice, or echoed under another seq): no duplicate.
    desk.central.add_change("dossier.status", uuid, _status_change(uuid))
    with desk.ctx.store.write() as s:
        s.get(SyncState, 1).cursor = 0
    desk.engine().run_once()
    assert len(_dossier(desk, uuid)[2]) == 2 and _cursor(desk) == 2


def test_catalogue_agency_and_calendar_changes(desk):
    desk.central.add_change(
        "agency.upsert",
        "a1",
        {"name": "Sở Thử nghiệm", "short_name": "STN", "unit_code": "000.00.99.H57"},
    )
    desk.central.add_change(
        "procedure.upsert",
        "p1",
        {
            "code": "9.999999",
            "name": "Thủ tục thử",
            "agency": "000.00.99.H57",
            "duration_hours": 40,
            "duration_kind": "working",
            "duration_unit": "day",
            "papers": [{"name": "Tờ khai", "originals": 1}],
        },
    )
    desk.central.add_change(
        "calendar.day", "2026-12-31", {"day": "2026-12-31", "kind": "off", "note": "Nghỉ bù"}
    )
    report = desk.engine().run_once()
    assert report.pulled == 3 and report.errors == [], report.errors
    with desk.ctx.store.session() as s:
        assert (
            s.scalar(select(Agency).where(Agency.unit_code == "000.00.99.H57")).name
            == "Sở Thử nghiệm"
        )
        assert s.scalar(select(Procedure).where(Procedure.code == "9.999999")).name == "Thủ tục thử"
        assert s.get(CalendarDay, date(2026, 12, 31)).kind == "off"
    desk.central.add_change("calendar.day", "2026-12-31", {"day": "2026-12-31", "kind": None})
    desk.engine().run_once()
    with desk.ctx.store.session() as s:
        assert s.get(CalendarDay, date(2026, 12, 31)) is None


@pytest.mark.expect_log_warnings  # the skipped change is logged for support
def test_a_bad_change_is_reported_and_skipped_not_blocking(desk):
    desk.central.add_change("calendar.day", "x", {"day": "not a day", "kind": "off"})
    desk.central.add_change("calendar.day", "y", {"day": "2026-12-30", "kind": "off"})
    report = desk.engine().run_once()
    assert report.pulled == 1 and len(report.errors) == 1 and _cursor(desk) == 2


def test_cursor_moves_only_with_the_changes_it_covers(desk, monkeypatch):
    [uuid] = desk.intake()
    desk.engine().run_once()
    desk.central.add_change("dossier.status", uuid, _status_change(uuid))
    desk.central.add_change("calendar.day", "d", {"day": "2026-12-30", "kind": "off"})
    real = pull_module._calendar_day

    def crash(*_a):  # the process dies half-way through the page
        raise SystemExit("power cut")

    monkeypatch.setattr(pull_module, "_calendar_day", crash)
    with pytest.raises(SystemExit):
        desk.engine().run_once()
    assert _cursor(desk) == 0 and len(_dossier(desk, uuid)[2]) == 1  # nothing half-applied
    monkeypatch.setattr(pull_module, "_calendar_day", real)
    report = desk.engine().run_once()
    assert report.pulled == 2 and _cursor(desk) == 2 and len(_dossier(desk, uuid)[2]) == 2


def test_change_for_a_dossier_with_pending_ops_waits_until_they_are_pushed(desk):
    [uuid] = desk.intake()
    engine = desk.engine()
    with desk.ctx.store.write() as s:  # the op is backing off: still pending during the pull
        s.scalar(select(OutboxOp)).next_attempt_at = desk.clock() + timedelta(seconds=30)
    desk.central.add_change("dossier.status", uuid, _status_change(uuid))
    report = engine.run_once()
    assert report.deferred == 1 and report.pulled == 0 and _cursor(desk) == 1
    assert _dossier(desk, uuid)[0] == 2  # local state untouched
    with desk.ctx.store.session() as s:
        assert s.scalar(select(DeferredChange)).entity_uuid == uuid

    desk.clock.advance(31)
    report = engine.run_once()
    assert report.pushed == 1 and report.pulled == 1
    assert _dossier(desk, uuid)[0] == 4
    with desk.ctx.store.session() as s:
        assert s.scalar(select(DeferredChange)) is None
        assert s.scalar(select(StatusEvent).where(StatusEvent.uuid == EVENT)) is not None


def test_older_event_does_not_roll_status_back(desk):
    [uuid] = desk.intake()
    desk.engine().run_once()
    desk.central.add_change("dossier.status", uuid, _status_change(uuid, status=10))
    desk.central.add_change(
        "dossier.status",
        uuid,
        _status_change(
            uuid, "e0000000-0000-4000-8000-000000000002", status=4, at="2000-01-01T08:00:00"
        ),
    )
    desk.engine().run_once()
    status, _, events = _dossier(desk, uuid)
    assert status == 10 and len(events) == 3


def _procedure(code, name, **over):
    return {
        "code": code,
        "name": name,
        "agency": "000.00.51.H57",
        "unit_code": "000.00.51.H57",
        "duration_hours": 40,
        "duration_kind": "working",
        "duration_unit": "day",
        "papers": [{"position": 1, "name": "Tờ khai", "originals": 1, "note": None}],
        "active": True,
        "uuid": "p",
        **over,
    }


@pytest.mark.expect_log_warnings  # the refused procedure is logged for support
def test_one_bad_procedure_does_not_lose_the_rest_of_the_page(desk):
    desk.central.add_change("procedure.upsert", "p1", _procedure("9.000001", "Thủ tục A"))
    desk.central.add_change(
        "procedure.upsert", "p2", _procedure("9.000002", "B", duration_hours="soon")
    )
    desk.central.add_change("procedure.upsert", "p3", _procedure("9.000003", "Thủ tục C"))
    report = desk.engine().run_once()
    assert report.pulled == 2 and len(report.errors) == 1 and "duration_hours" in report.errors[0]
    desk.central.add_change(
        "procedure.upsert", "p1", _procedure("9.000001", "Thủ tục A", active=False)
    )
    desk.engine().run_once()
    with desk.ctx.store.session() as s:
        codes = {
            p.code: p.active
            for p in s.scalars(select(Procedure).where(Procedure.code.like("9.00000%")))
        }
    assert codes == {"9.000001": False, "9.000003": True}


def test_a_kind_from_a_newer_central_is_skipped_quietly(desk):
    desk.central.add_change("rating.added", "r1", {"stars": 3})
    desk.central.add_change("calendar.day", "2026-12-29", {"day": "2026-12-29", "kind": "off"})
    report = desk.engine().run_once()
    assert report.completed and report.errors == [] and report.pulled == 1
    assert _cursor(desk) == 2
