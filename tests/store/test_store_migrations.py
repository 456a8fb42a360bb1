from __future__ import annotations

import sqlite3
import warnings
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from hcc_desk.core.store import StoreError, head_revision, migrate, open_store
from hcc_desk.core.store.engine import make_engine
from hcc_desk.core.store.models import Base
from hcc_desk.core.store.repositories import get_dossier_detail, search_dossiers

VERSIONS = Path(__file__).parents[2] / "src/hcc_desk/core/store/migrations/versions"


def _revision(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_empty_file_migrates_to_head(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new" / "desk.db")
    try:
        assert store.revision_found is None and store.backup_path is None
        newest = max(f.name[:4] for f in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))
        assert _revision(store.path) == head_revision() == newest
        tables = set(inspect(store.engine).get_table_names())
        assert {"dossier", "draft", "dossier_fts", "audit_log", "calendar_day"} <= tables
        assert not (tmp_path / "new" / "backups").exists()
    finally:
        store.close()


def test_models_match_migrated_schema(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.db")

    def ours(name: str | None, type_: str, _parents: object) -> bool:
        return not (type_ == "table" and (name or "").startswith(("dossier_fts", "alembic")))

    with store.engine.connect() as conn, warnings.catch_warnings():
        # The code-tail expression index can't be reflected; that is expected.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection")
        ctx = MigrationContext.configure(conn, opts={"include_name": ours, "compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []
    store.close()


def _build_rev_0001(db: Path) -> None:
    engine = make_engine(db, foreign_keys=False)
    migrate.upgrade(engine, "0001")
    now = datetime(2025, 12, 1, 9, 0)
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO agency (id, name, unit_code, active) VALUES (1, 'Sở Y tế', "
                "'000.00.52.H57', 1)"
            )
        )
        c.execute(
            text(
                "INSERT INTO procedure (id, name, name_folded, agency_id, duration_hours, "
                "duration_kind, duration_unit, day_kind_assumed, legal_basis, notes, active, "
                "updated_at) VALUES (1, 'Cấp giấy phép', 'cap giay phep', 1, 80, 'working', 'day',"
                " 0, '[]', '[]', 1, :now)"
            ),
            {"now": now},
        )
        c.execute(
            text(
                "INSERT INTO officer (id, uuid, username, full_name, password_hash, role, active, "
                "failed_logins, created_at) VALUES (1, 'o-1', 'lan', 'Trần Thị Lan', 'x', "
                "'officer', 1, 0, :now)"
            ),
            {"now": now},
        )
        for i, (name, idn) in enumerate(
            [("Lê Văn Đức", "046090000111"), ("Phạm Thị Hoa", "046190000222")], start=1
        ):
            c.execute(
                text(
                    "INSERT INTO applicant (id, uuid, kind, full_name, name_folded, id_number, "
                    "created_at) VALUES (:i, :u, 'individual', :n, '', :idn, :now)"
                ),
                {"i": i, "u": f"a-{i}", "n": name, "idn": idn, "now": now},
            )
        c.execute(
            text(
                "INSERT INTO dossier (id, uuid, code, procedure_id, agency_id, officer_id, "
                "submitter_id, owner_id, sets, delivery_method, received_at, status, created_at, "
                "updated_at, search_name, id_number, phone) VALUES (1, 'd-1', "
                "'000.00.52.H57-251201-0001', 1, 1, 1, 1, 2, 1, 'counter', :now, 2, :now, :now, "
                "'le van duc pham thi hoa', '046090000111', '0905000111')"
            ),
            {"now": now},
        )
    engine.dispose()


def test_upgrade_from_0001_backs_up_then_preserves_data(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    _build_rev_0001(db)
    store = open_store(db, backup_dir=tmp_path / "bk")
    try:
        assert store.revision_found == "0001"
        backup = store.backup_path
        assert backup is not None and backup.parent == tmp_path / "bk"
        assert "rev0001" in backup.name
        con = sqlite3.connect(backup)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert con.execute("SELECT count(*) FROM dossier").fetchone()[0] == 1
        con.close()

        assert _revision(db) == head_revision()
        with store.session() as s:
            detail = get_dossier_detail(s, "000.00.52.H57-251201-0001")
            assert detail is not None
            assert detail.submitter.full_name == "Lê Văn Đức"
            assert detail.owner is not None and detail.owner.full_name == "Phạm Thị Hoa"
            # 0002 backfilled the owner key and built the FTS index from existing rows.
            assert [d.code for d in search_dossiers(s, "046190000222")] == [detail.code]
            assert [d.code for d in search_dossiers(s, "hoa")] == [detail.code]
    finally:
        store.close()


def test_default_backup_dir_is_next_to_db(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    _build_rev_0001(db)
    open_store(db).close()
    backups = list((tmp_path / "backups").glob("desk-rev0001-*.db"))
    assert len(backups) == 1


def test_reopening_at_head_makes_no_backup(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    open_store(db).close()
    store = open_store(db)
    assert store.revision_found == head_revision() and store.backup_path is None
    store.close()
    assert not (tmp_path / "backups").exists()


def test_database_from_newer_program_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    open_store(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE stuff (x)")
    con.close()
    with pytest.raises(StoreError, match="not an HCC Desk database"):
        open_store(db)


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    open_store(db).close()
    engine = make_engine(db, foreign_keys=False)
    migrate.downgrade(engine, "0001")
    assert "dossier_fts" not in inspect(engine).get_table_names()
    engine.dispose()
    store = open_store(db)
    assert store.revision_found == "0001" and _revision(db) == head_revision()
    store.close()


def test_migrations_dir_is_located_from_the_package() -> None:
    # What a wheel or a PyInstaller bundle must ship next to the modules.
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    names = sorted(p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert names[:6] == [
        "0001_base_schema.py",
        "0002_search_drafts.py",
        "0003_sync.py",
        "0004_after_intake.py",
        "0005_audit_chain.py",
        "0006_login_lockout.py",
    ]
    assert [n[:4] for n in names] == [f"{i:04d}" for i in range(1, len(names) + 1)]


_OPEN = """
import sys
from pathlib import Path
from hcc_desk.core.store import open_store
open_store(Path(sys.argv[1])).close()
"""


def test_processes_opening_a_new_database_together(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    db = tmp_path / "desk.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN, str(db)], stderr=subprocess.PIPE, env=env, text=True
        )
        for _ in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert _revision(db) == head_revision()


def test_failed_upgrade_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    _build_rev_0001(db)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE draft (x)")  # 0002 will fail on its last step
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="unchanged"):
        open_store(db)
    assert _revision(db) == "0001"
    con = sqlite3.connect(db)
    columns = [r[1] for r in con.execute("PRAGMA table_info(dossier)")]
    con.close()
    assert "owner_id_number" not in columns  # the first step of 0002 was rolled back too


def test_cheap_head_reading_agrees_with_alembic(tmp_path):
    from hcc_desk.core.store.schema_version import file_revision, script_head

    assert script_head() == head_revision()
    store = open_store(tmp_path / "d.db")
    store.close()
    assert file_revision(tmp_path / "d.db") == head_revision()
    assert file_revision(tmp_path / "missing.db") is None
