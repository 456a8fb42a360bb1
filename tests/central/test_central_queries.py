"""Centre-wide search and agency queues (queries.py) on SQLite and PostgreSQL, with dossiers put
on central the way desks push them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.models import FINISHED_STATUSES, DossierKey
from hcc_central.queries import agency_queue, centre_search, search_kind
from hcc_core.domain.status import DossierStatus
from tests.central import pg
from tests.central.helpers import make_doc, new_uuid, op, push
from tests.central.live import Desk, LiveServer, ServeProcess, desk_for


def _person(name: str, id_number: str | None = None, phone: str | None = None) -> dict[str, Any]:
    return {"kind": "individual", "full_name": name, "id_number": id_number, "phone": phone}


def _put(desk: Desk, **over: Any) -> dict[str, Any]:
    doc = make_doc(desk, **over)
    assert push(desk, op(doc))[0]["outcome"] == "applied"
    return doc


def _codes(page: Any) -> list[str]:
    return [r.code for r in page.rows]


def test_finished_statuses_are_the_terminal_ones():
    assert set(FINISHED_STATUSES) == {s for s in DossierStatus if s.is_terminal}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("000.00.01.H01-261125-0001", "code"),
        (" 000.00.01.h01-261125-0001 ", "code"),
        ("046090001234", "id_number"),
        ("046 090 001 234", "id_number"),
        ("191234567", "id_number"),
        ("0905123456", "phone"),
        ("+84 905 123 456", "phone"),
        ("0905.123.456", "phone"),
        ("84905123456", "phone"),
        ("024 3825 1234", "phone"),
        ("nguyen van an", "name"),
        ("Đặng Thị Bé", "name"),
        ("12345", "name"),
    ],
)
def test_search_kind(text: str, kind: str):
    assert search_kind(text) == kind


def test_each_kind_finds_its_dossier_and_never_another_centres(central: LiveServer, desk: Desk):
    other = desk_for(central)
    mine = _put(
        desk,
        submitter=_person("Trần Thị Bình", "046090009999", "0912 000 111"),
        owner=_person("Nguyễn Văn An", "046090001234", "+84905123456"),
    )
    _put(desk, submitter=_person("Đặng Đình Đức", None, None), owner=None)
    # Another centre's dossier with the same person: never found from this centre.
    theirs = _put(other, owner=_person("Nguyễn Văn An", "046090001234", "0905123456"))
    with central.db.read() as s:
        for text in ("046090001234", "046 090 009 999", "0905 123 456", "+84 912 000 111",
                     "nguyen van an", "NGUYEN VAN", "Nguyễn Văn An", "tran thi binh",
                     mine["code"], mine["code"].lower()):  # fmt: skip
            page = centre_search(s, desk.centre_id, text)
            assert _codes(page) == [mine["code"]], text
            assert page.rows[0].applicant_name == "Nguyễn Văn An"
            assert page.rows[0].agency_unit_code == desk.unit
        assert _codes(centre_search(s, desk.centre_id, "dang dinh duc")) != []
        assert centre_search(s, desk.centre_id, "Dang Dinh").rows[0].applicant_name == (
            "Đặng Đình Đức"
        )
        assert centre_search(s, desk.centre_id, theirs["code"]).rows == []
        assert _codes(centre_search(s, other.centre_id, "nguyen van an")) == [theirs["code"]]
        assert centre_search(s, desk.centre_id, "nguyen van anh").rows == []
        assert centre_search(s, desk.centre_id, "   ").rows == []
    other.http.close()


def test_search_pages(central: LiveServer, desk: Desk):
    docs = [_put(desk, submitter=_person("Lê Văn Cường", None, "0977000111")) for _ in range(5)]
    newest_first = [d["code"] for d in sorted(docs, key=lambda d: d["received_at"], reverse=True)]
    with central.db.read() as s:
        pages = [centre_search(s, desk.centre_id, "0977000111", page=n, per_page=2)
                 for n in (1, 2, 3)]  # fmt: skip
        assert [p.has_next for p in pages] == [True, True, False]
        assert [c for p in pages for c in _codes(p)] == newest_first
        names = [centre_search(s, desk.centre_id, "le van", page=n, per_page=3) for n in (1, 2)]
        assert [p.has_next for p in names] == [True, False]
        assert sorted(_codes(names[0]) + _codes(names[1])) == sorted(newest_first)


def test_agency_queue_order_pages_and_finished_excluded(central: LiveServer, desk: Desk):
    base = datetime(2026, 11, 25, 8)

    def put(due_days: int | None, status: int = 2, minute: int = 0) -> str:
        received = base + timedelta(minutes=minute)
        events = [{"uuid": new_uuid(), "status": 2, "at": received.isoformat(), "actor": "demo",
                   "note": None}]  # fmt: skip
        if status != 2:
            at = (received + timedelta(hours=1)).isoformat()
            events.append({"uuid": new_uuid(), "status": status, "at": at, "actor": "demo",
                           "note": None})  # fmt: skip
        due = None if due_days is None else (received + timedelta(days=due_days)).isoformat()
        doc = _put(desk, received_at=received.isoformat(), due_at=due, status=status,
                   events=events)  # fmt: skip
        return str(doc["code"])

    no_due = put(None)
    late = put(9)
    soon_second = put(2, minute=5)
    soon_first = put(2, minute=1)
    unresolved = put(5, status=int(DossierStatus.UNRESOLVED))
    for finished in (DossierStatus.DENIED, DossierStatus.CANCELLED):
        put(1, status=int(finished))
    expected = [soon_first, soon_second, unresolved, late, no_due]
    with central.db.read() as s:
        whole = agency_queue(s, desk.centre_id, desk.unit)
        assert _codes(whole) == expected and not whole.has_next
        first = agency_queue(s, desk.centre_id, desk.unit, page=1, per_page=2)
        last = agency_queue(s, desk.centre_id, desk.unit, page=3, per_page=2)
        assert (_codes(first), first.has_next) == (expected[:2], True)
        assert (_codes(last), last.has_next) == (expected[4:], False)
        assert whole.rows[0].applicant_name == "Nguyễn Văn An"
        # Another centre asking for this agency's code sees nothing.
        assert agency_queue(s, desk.centre_id + 10_000, desk.unit).rows == []


def test_push_with_a_changed_phone_moves_the_keys(central: LiveServer, desk: Desk):
    doc = _put(desk, submitter=_person("Phạm Thu Hà", "046090005555", "0905111222"))
    changed = {**doc, "submitter": _person("Phạm Thu Hà", "046090005555", "0905333444")}
    assert push(desk, op(changed))[0]["outcome"] == "applied"
    with central.db.read() as s:
        assert centre_search(s, desk.centre_id, "0905111222").rows == []
        assert _codes(centre_search(s, desk.centre_id, "0905 333 444")) == [doc["code"]]
        keys = s.scalars(select(DossierKey.key).where(DossierKey.dossier_uuid == doc["uuid"]))
        assert sorted(keys) == ["i:046090005555", "n:pham thu ha", "p:0905333444"]


def test_two_serve_processes_share_one_postgresql(pg_admin_url: str, tmp_path: Path):
    with pg.fresh_database(pg_admin_url) as url:
        db = Database(url, pool_size=1)
        upgrade(db.engine)
        db.dispose()
        one = ServeProcess(url, tmp_path / "one").start()
        two = ServeProcess(url, tmp_path / "two").start()
        try:
            desk = desk_for(one)
            doc = _put(desk, owner=_person("Võ Thị Sáu", "046090007777", "0905777888"))
            with two.db.read() as s:
                assert _codes(agency_queue(s, desk.centre_id, desk.unit)) == [doc["code"]]
                assert _codes(centre_search(s, desk.centre_id, "vo thi sau")) == [doc["code"]]
            desk.http.close()
        finally:
            one.stop()
            two.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_at_0008(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'b.db'}", pool_size=2)
        upgrade(db.engine, "0008")
        yield db
        db.dispose()
        return
    with pg.fresh_database(request.getfixturevalue("pg_admin_url")) as url:
        db = Database(url, pool_size=2)
        upgrade(db.engine, "0008")
        yield db
        db.dispose()


def test_migration_fills_names_and_keys_of_stored_dossiers(db_at_0008: Database):
    stored = [("Lý Thị Đào", "0905 444 555", None), ("Hồ Văn Nam", None, "Đoàn Thị Mai")]
    with db_at_0008.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO centre (id, name, governing_body, place_name, code_slots, "
                "level, stored_bytes) VALUES (1, 'TT', 'UBND', 'Huế', 10, 'province', 0)"
            )
        )
        for n, (name, phone, owner) in enumerate(stored, 1):
            doc = {"uuid": f"u{n}", "submitter": _person(name, f"04609000000{n}", phone),
                   "owner": _person(owner) if owner else None}  # fmt: skip
            conn.execute(
                text("INSERT INTO dossier (uuid, code, centre_id, unit_code, agency_unit_code, "
                     "counter_slot, lookup_pin, status, received_at, procedure_name, doc, "
                     "updated_at) VALUES (:u, :c, 1, '000.00.01.H01', '000.00.01.H01', 1, "
                     "'AB23CD', 2, :t, 'Thủ tục', :doc, :t)"),
                {"u": f"u{n}", "c": f"000.00.01.H01-261125-000{n}", "t": datetime(2026, 11, 25),
                 "doc": json.dumps(doc)},
            )  # fmt: skip
    upgrade(db_at_0008.engine)
    with db_at_0008.read() as s:
        assert _codes(centre_search(s, 1, "+84 905 444 555")) == ["000.00.01.H01-261125-0001"]
        assert _codes(centre_search(s, 1, "ly thi dao")) == ["000.00.01.H01-261125-0001"]
        found = centre_search(s, 1, "doan thi")
        assert _codes(found) == ["000.00.01.H01-261125-0002"]
        assert found.rows[0].applicant_name == "Đoàn Thị Mai"
        assert _codes(centre_search(s, 1, "046090000002")) == ["000.00.01.H01-261125-0002"]
        assert _codes(agency_queue(s, 1, "000.00.01.H01")) == [
            "000.00.01.H01-261125-0001", "000.00.01.H01-261125-0002"]  # fmt: skip


def test_hostile_search_text_finds_nothing_and_never_fails(central: LiveServer, desk: Desk):
    _put(desk)
    with central.db.read() as s:
        for typed in ("%", "_", "n%", "\\", "'; DROP TABLE dossier; --", "a\x00b", "\U0010ffff",
                      "x" * 100_000, "0" * 5000, "+84", "\u200b"):  # fmt: skip
            assert centre_search(s, desk.centre_id, typed).rows == [], repr(typed[:20])
        assert agency_queue(s, desk.centre_id, desk.unit, page=10**9, per_page=10**9).rows == []
        assert agency_queue(s, desk.centre_id, desk.unit, page=-5, per_page=0).page == 1
