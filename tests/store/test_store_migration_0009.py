"""Migration 0009: centre level, and one ledger line per counter, book and number."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from hcc_desk.core.store import migrate
from hcc_desk.core.store.engine import make_engine

NOW = datetime(2026, 3, 2, 9, 0)


def _insert(conn, table: str, **values) -> None:
    """A row with ``values``; every other NOT NULL column without a default gets a filler."""
    for _cid, name, type_, notnull, default, pk in conn.exec_driver_sql(
        f"PRAGMA table_info({table})"
    ).all():
        if name in values or not notnull or default is not None or pk:
            continue
        kind = (type_ or "").upper()
        values[name] = (
            0
            if any(t in kind for t in ("INT", "BOOL", "FLOAT", "REAL", "NUM"))
            else NOW
            if ("DATE" in kind or "TIME" in kind)
            else f"{table}-{name}"
        )
    cols = ", ".join(values)
    conn.execute(
        text(f"INSERT INTO {table} ({cols}) VALUES ({', '.join(':' + c for c in values)})"), values
    )


def _desk_at_0008(db: Path):
    engine = make_engine(db, foreign_keys=False)
    migrate.upgrade(engine, "0008")
    with engine.begin() as c:
        _insert(
            c, "centre", id=1, name="TT", governing_body="UBND", place_name="Huế", code_slots=20
        )
        _insert(c, "agency", id=1, name="Sở Tư pháp", unit_code="000.00.51.H57", active=1)
        _insert(
            c,
            "procedure",
            id=1,
            name="Thủ tục",
            name_folded="thu tuc",
            agency_id=1,
            active=1,
            duration_hours=80,
            duration_kind="working",
            duration_unit="day",
            legal_basis="[]",
            notes="[]",
        )
        _insert(
            c,
            "officer",
            id=1,
            uuid="o-1",
            username="lan",
            full_name="Lan",
            password_hash="x",
            role="officer",
            active=1,
        )
        _insert(c, "applicant", id=1, uuid="a-1", kind="individual", full_name="An")
        _insert(c, "counter", id=1, name="Quầy 01", slot=1, is_this_device=1)
        # two lines of book 2026 share number 1 (what the index now forbids), one has 2
        for i, number in ((1, 1), (2, 1), (3, 2)):
            _insert(
                c,
                "dossier",
                id=i,
                uuid=f"d-{i}",
                code=f"000.00.51.H57-260302-000{i}",
                procedure_id=1,
                agency_id=1,
                officer_id=1,
                submitter_id=1,
                counter_id=1,
                sets=1,
                delivery_method="counter",
                received_at=NOW,
                status=2,
                ledger_book="2026",
                ledger_number=number,
            )
    return engine


def test_upgrade_renumbers_a_clashing_line_then_enforces_one_line_per_number(tmp_path):
    engine = _desk_at_0008(tmp_path / "desk.db")
    try:
        migrate.upgrade(engine, "0009")
        with engine.begin() as c:
            lines = c.execute(text("SELECT id, ledger_number FROM dossier ORDER BY id")).all()
            assert lines == [(1, 1), (2, 3), (3, 2)]  # the oldest keeps its number
            assert c.execute(text("SELECT level FROM centre")).scalar() == "province"
        with engine.connect() as c:  # (inspect() warns on the code-tail expression index)
            unique = {r[1] for r in c.exec_driver_sql("PRAGMA index_list(dossier)") if r[2]}
        assert "uq_dossier_ledger_entry" in unique
        with pytest.raises(IntegrityError), engine.begin() as c:
            c.execute(text("UPDATE dossier SET ledger_number = 1 WHERE id = 3"))
        migrate.downgrade(engine, "0008")
        with engine.begin() as c:  # the old schema again: no index, no level
            c.execute(text("UPDATE dossier SET ledger_number = 1 WHERE id = 3"))
            assert "level" not in {r[1] for r in c.exec_driver_sql("PRAGMA table_info(centre)")}
    finally:
        engine.dispose()
