"""Migration 0003 on a 0002 database with data: backup first, data intact, sync tables added."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text

from hcc_desk.core.store import migrate, open_store
from hcc_desk.core.store.engine import make_engine
from hcc_desk.core.store.repositories import get_dossier_detail, search_dossiers
from hcc_desk.core.sync import outbox
from tests.store.test_store_migrations import _build_rev_0001

SYNC_TABLES = {"outbox", "sync_state", "deferred_change", "attachment"}


def _build_rev_0002(db: Path) -> None:
    _build_rev_0001(db)
    engine = make_engine(db, foreign_keys=False)
    migrate.upgrade(engine, "0002")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO draft (uuid, officer, updated_at, payload) VALUES "
                "('dr-1', 'lan', '2025-12-02 10:00:00', '{\"notes\": \"nháp\"}')"
            )
        )
    engine.dispose()


def test_upgrade_from_0002_backs_up_and_keeps_data(tmp_path):
    db = tmp_path / "desk.db"
    _build_rev_0002(db)
    store = open_store(db, backup_dir=tmp_path / "bk")
    try:
        assert store.revision_found == "0002"
        assert store.backup_path is not None and "rev0002" in store.backup_path.name
        con = sqlite3.connect(store.backup_path)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
        assert con.execute("SELECT count(*) FROM dossier").fetchone()[0] == 1
        con.close()
        assert set(inspect(store.engine).get_table_names()) >= SYNC_TABLES
        with store.session() as s:
            detail = get_dossier_detail(s, "000.00.52.H57-251201-0001")
            assert detail is not None and detail.submitter.full_name == "Lê Văn Đức"
            assert [d.code for d in search_dossiers(s, "hoa")] == [detail.code]
            assert s.execute(text("SELECT payload FROM draft")).scalar_one() is not None
            assert outbox.counts(s) == {"pending": 0, "parked": 0}
    finally:
        store.close()


def test_downgrade_0003_drops_only_the_sync_tables(tmp_path):
    db = tmp_path / "desk.db"
    _build_rev_0002(db)
    open_store(db).close()
    engine = make_engine(db, foreign_keys=False)
    migrate.downgrade(engine, "0002")
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    assert not (SYNC_TABLES & names) and {"dossier", "draft"} <= names
