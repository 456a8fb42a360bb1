"""Programmatic Alembic: no alembic.ini at runtime, scripts found next to this file.

Works from a source tree, an installed wheel and a PyInstaller bundle, provided the bundle ships
``hcc_desk/core/store/migrations`` (env.py + versions/*.py) as data files next to the modules.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from hcc_core.alembic_lock import ALEMBIC_LOCK

from .engine import immediate
from .schema_version import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    return inspect_database(engine)[0]


def inspect_database(engine: Engine) -> tuple[str | None, bool]:
    """(schema revision, has other tables), read in one snapshot: another process may be
    creating the schema right now, and mixing two snapshots would misjudge the file."""
    with engine.connect() as conn, conn.begin():
        revision = MigrationContext.configure(conn).get_current_revision()
        names = inspect(conn).get_table_names()
    return revision, any(not n.startswith("sqlite_") and n != "alembic_version" for n in names)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction, then refuse to continue if any foreign key is dangling.

    BEGIN IMMEDIATE: a second desk process starting at the same moment waits, then finds the
    schema already at head (Alembic reads the revision inside the transaction) and does nothing.
    """
    cfg = _config()
    with ALEMBIC_LOCK, immediate(engine).connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if bad:
        raise StoreError(f"foreign keys broken after upgrade to {revision}: {bad[:5]}")


def backup_database(
    db_path: Path, backup_dir: Path, revision: str | None, key: bytes | None = None
) -> Path:
    """Consistent copy via SQLite's online backup API (safe with WAL and other readers);
    an encrypted database is copied encrypted with its own key."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_path.stem}-rev{revision or 'none'}-{stamp}.db"
    n = 1
    while target.exists():
        n += 1
        target = backup_dir / f"{db_path.stem}-rev{revision or 'none'}-{stamp}-{n}.db"
    if key is not None:
        from hcc_desk.core.db_cipher import copy_encrypted

        copy_encrypted(db_path, target, key)
        return target
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def downgrade(engine: Engine, revision: str) -> None:
    """For support and tests only; the app itself never downgrades."""
    cfg = _config()
    with ALEMBIC_LOCK, engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
