"""Desk migration 0007 on a database that already holds a catalogue: levels become codes,
fees start unknown, the new source columns are empty, and the seed then fills them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from hcc_desk.core.store import migrate, open_store
from hcc_desk.core.store.catalogue_import import seed_default_catalogue
from hcc_desk.core.store.engine import make_engine
from hcc_desk.core.store.repositories import list_procedures


def test_0007_maps_levels_and_adds_empty_sources(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    open_store(db).close()
    engine = make_engine(db, foreign_keys=False)
    migrate.downgrade(engine, "0006")
    with engine.begin() as con:
        con.execute(
            text(
                "INSERT INTO agency (id, name, unit_code, active) "
                "VALUES (1, 'Sở Tư pháp', '000.00.51.H57', 1)"
            )
        )
        for i, level in enumerate(
            ["Cấp tỉnh", "Cấp xã", "Cấp tỉnh, Cấp xã", "Cấp Tỉnh", "Cấp bộ", None], start=1
        ):
            con.execute(
                text(
                    "INSERT INTO procedure (id, code, name, name_folded, agency_id, level, "
                    "duration_hours, duration_kind, duration_unit, day_kind_assumed, legal_basis, "
                    "notes, active, updated_at) VALUES (:id, :code, :name, :name, 1, :level, 40, "
                    "'working', 'day', 0, '[]', '[]', 1, '2026-01-01 00:00:00')"
                ),
                {"id": i, "code": f"1.00000{i}", "name": f"Thủ tục {i}", "level": level},
            )
    engine.dispose()

    store = open_store(db)
    try:
        with store.session() as s:
            by_code = {p.code: p for p in list_procedures(s, active_only=False)}
            assert [by_code[f"1.00000{i}"].level for i in range(1, 7)] == [
                "province",
                "commune",
                "province",
                "province",
                None,
                None,
            ]
            assert all(p.fees == () and p.time_source is None for p in by_code.values())
            assert seed_default_catalogue(s).ok
        with store.session() as s:
            lltp = next(p for p in list_procedures(s) if p.code == "3.000333")
            assert (lltp.duration_kind, lltp.time_quote) == ("calendar", "10 Ngày")
    finally:
        store.close()
