"""Pull: cursor paging, centre scoping, and agency status changes made with the admin CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hcc_central import admin
from hcc_central.cli import main
from hcc_central.models import Dossier, StatusEvent
from tests.central.helpers import make_doc, new_uuid, op, outcomes, push
from tests.central.live import Desk, LiveServer


def pull_all(desk: Desk, cursor: int = 0, limit: int = 500) -> tuple[list[dict], int, int]:
    """Every change after ``cursor``, page by page; returns (changes, cursor, pages)."""
    changes, pages = [], 0
    while True:
        r = desk.http.get("/sync/pull", params={"cursor": cursor, "limit": limit})
        assert r.status_code == 200, r.text
        body = r.json()
        changes += body["changes"]
        cursor, pages = body["cursor"], pages + 1
        if not body["more"]:
            return changes, cursor, pages


def mine(changes: list[dict], kind: str) -> list[dict]:
    return [c for c in changes if c["kind"] == kind]


def test_cursor_pages_through_the_centres_changes_only(central: LiveServer, desk_factory):
    a, b = desk_factory(), desk_factory()
    for i in range(5):
        central.write(
            admin.add_agency, a.centre_id, name=f"Phòng {i}", unit_code=f"999.00.{i:02d}.A01"
        )
    central.write(admin.add_agency, b.centre_id, name="Chỉ của B", unit_code="999.00.99.B01")
    changes, cursor, pages = pull_all(a, limit=2)
    names = [c["payload"]["name"] for c in mine(changes, "agency.upsert")]
    assert "Chỉ của B" not in names
    assert names[-5:] == [f"Phòng {i}" for i in range(5)]
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(set(seqs)) and cursor == seqs[-1] and pages >= 3
    # Nothing new: same cursor back, more = false.
    r = a.http.get("/sync/pull", params={"cursor": cursor}).json()
    assert r == {"changes": [], "cursor": cursor, "more": False}
    later, _, _ = pull_all(b)
    assert "Chỉ của B" in [c["payload"]["name"] for c in mine(later, "agency.upsert")]
    assert not {c["seq"] for c in later} & set(seqs[-5:])


def test_bad_cursor_and_limit_are_422(central: LiveServer, desk):
    for params in ({"cursor": -1}, {"limit": 0}, {"limit": 1001}, {"cursor": "x"}):
        assert desk.http.get("/sync/pull", params=params).status_code == 422


def test_set_status_by_admin_cli_reaches_pull(central: LiveServer, desk, capsys):
    doc = make_doc(desk)
    push(desk, op(doc))
    _, cursor, _ = pull_all(desk)
    url = central.settings.db_url
    rc = main(
        [
            "admin",
            "--db",
            url,
            "set-status",
            doc["code"],
            "--status",
            "processing",
            "--note",
            "Chuyển phòng chuyên môn",
            "--actor",
            "Sở thử",
            "--at",
            "2026-11-25T14:00:00",
        ]
    )
    assert rc == 0
    printed = json.loads(capsys.readouterr().out)
    changes, cursor, _ = pull_all(desk, cursor)
    [change] = changes
    assert change["kind"] == "dossier.status" and change["entity_uuid"] == doc["uuid"]
    assert change["payload"] == printed
    event = change["payload"]["event"]
    assert (event["status"], event["actor"], event["at"]) == (4, "Sở thử", "2026-11-25T14:00:00")
    assert change["payload"]["due_at"] == doc["due_at"]
    with central.db.read() as s:
        stored = s.get(Dossier, doc["uuid"])
        assert stored.status == 4 and stored.doc["events"][-1] == event
        assert s.get(StatusEvent, event["uuid"]).origin == "central"
    # The desk, not yet pulled, pushes an edit: central's event and status stand.
    assert outcomes(push(desk, op(dict(doc, notes="ghi chú")))) == [("applied", 200)]
    with central.db.read() as s:
        assert s.get(Dossier, doc["uuid"]).status == 4
    # Supplement with a new appointment, then an edge the lifecycle forbids.
    assert (
        main(
            [
                "admin",
                "--db",
                url,
                "set-status",
                doc["code"],
                "--status",
                "supplement",
                "--due-at",
                "2026-12-10T17:00:00",
                "--at",
                "2026-11-26T09:00:00",
            ]
        )
        == 0
    )
    capsys.readouterr()
    [change] = pull_all(desk, cursor)[0]
    assert change["payload"]["due_at"] == "2026-12-10T17:00:00"
    assert main(["admin", "--db", url, "set-status", doc["code"], "--status", "done"]) == 2
    assert "cannot go from waiting" in capsys.readouterr().err
    assert (
        main(
            [
                "admin",
                "--db",
                url,
                "set-status",
                "000.00.00.X00-261125-0001",
                "--status",
                "processing",
            ]
        )
        == 2
    )


def test_catalogue_and_calendar_imports_emit_changes(central: LiveServer, desk, tmp_path: Path):
    catalogue = Path(__file__).parents[2] / "src/hcc_core/data" / "catalogue" / "procedures.json"
    url = central.settings.db_url
    args = [
        "admin",
        "--db",
        url,
        "import-catalogue",
        str(catalogue),
        "--centre",
        str(desk.centre_id),
    ]
    assert main(args) == 0
    changes, cursor, _ = pull_all(desk)
    procs = mine(changes, "procedure.upsert")
    assert len(procs) == len(json.loads(catalogue.read_text())["procedures"])
    first = procs[0]["payload"]
    assert {"code", "name", "agency", "duration_hours", "papers"} <= first.keys()
    assert first["agency"].count(".") == 3  # by unit code
    assert main(args) == 0  # unchanged file: no new changes
    assert pull_all(desk, cursor)[0] == []
    days = tmp_path / "days.json"
    day = f"2031-0{desk.centre_id % 9 + 1}-15"  # distinct per test centre: the calendar is shared
    days.write_text(json.dumps([{"day": day, "kind": "off", "note": "Nghỉ bù"}]))
    assert main(["admin", "--db", url, "import-calendar", str(days)]) == 0
    [cal] = mine(pull_all(desk, cursor)[0], "calendar.day")
    assert cal["payload"] == {"day": day, "kind": "off", "note": "Nghỉ bù"}
    assert cal["entity_uuid"] == day


@pytest.mark.parametrize("kind", ["holiday", 5])
def test_bad_calendar_row_changes_nothing(central: LiveServer, tmp_path: Path, kind, capsys):
    days = tmp_path / "days.json"
    days.write_text(
        json.dumps(
            [
                {"day": "2031-01-02", "kind": "off", "note": new_uuid()},
                {"day": "2031-01-03", "kind": kind},
            ]
        )
    )
    assert main(["admin", "--db", central.settings.db_url, "import-calendar", str(days)]) == 2
    assert "row 1" in capsys.readouterr().err
