"""Migration 0004 on a 0003 database with data: result/return times filled from the history,
the search index (FTS triggers on dossier) intact, new tables added; downgrade drops them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, text

from hcc_desk.core.store import migrate, open_store
from hcc_desk.core.store.engine import make_engine
from hcc_desk.core.store.models import Dossier
from hcc_desk.core.store.repositories import search_dossiers
from tests.store.test_store_migrations import _build_rev_0001

NEW_TABLES = {"dossier_notice", "handover", "hand_back", "centre_dossier"}


def _build_rev_0003(db: Path) -> None:
    """The 0001 fixture's dossier, taken to 0003 and given a history up to "result ready"."""
    _build_rev_0001(db)
    engine = make_engine(db, foreign_keys=False)
    migrate.upgrade(engine, "0003")
    with engine.begin() as c:
        for i, (status, at) in enumerate(
            [(2, "2025-12-01 09:00:00"), (4, "2025-12-02 08:00:00"), (9, "2025-12-05 15:00:00")],
            start=1,
        ):
            c.execute(
                text(
                    "INSERT INTO status_event (uuid, dossier_id, status, at, actor) "
                    "VALUES (:u, 1, :s, :at, 'lan')"
                ),
                {"u": f"e-{i}", "s": status, "at": at},
            )
        c.execute(text("UPDATE dossier SET status = 9"))
    engine.dispose()


def test_upgrade_fills_result_times_and_keeps_search(tmp_path):
    db = tmp_path / "desk.db"
    _build_rev_0003(db)
    store = open_store(db, backup_dir=tmp_path / "bk")
    try:
        assert store.revision_found == "0003" and "rev0003" in store.backup_path.name
        assert set(inspect(store.engine).get_table_names()) >= NEW_TABLES
        with store.write() as s:
            d = s.get(Dossier, 1)
            assert d.result_ready_at == datetime(2025, 12, 5, 15, 0) and d.returned_at is None
            assert [x.code for x in search_dossiers(s, "hoa")] == [d.code]
            d.submitter.full_name = "Lê Văn Mạnh"  # new search key → the FTS update trigger
        with store.session() as s:
            assert [x.code for x in search_dossiers(s, "manh")] == ["000.00.52.H57-251201-0001"]
            triggers = {
                r[0]
                for r in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            }
            assert {"dossier_fts_ai", "dossier_fts_ad", "dossier_fts_au"} <= triggers
            indexes = {
                r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
            }
            assert {"ix_dossier_code_tail", "ix_dossier_status_due"} <= indexes
    finally:
        store.close()


def test_downgrade_0004_drops_only_its_tables_and_columns(tmp_path):
    db = tmp_path / "desk.db"
    _build_rev_0003(db)
    open_store(db).close()
    engine = make_engine(db, foreign_keys=False)
    migrate.downgrade(engine, "0003")
    inspector = inspect(engine)
    names = set(inspector.get_table_names())
    columns = {c["name"] for c in inspector.get_columns("dossier")}
    engine.dispose()
    assert not (NEW_TABLES & names) and {"dossier", "outbox"} <= names
    assert not ({"result_ready_at", "returned_at"} & columns)
