"""Programmatic Alembic: scripts are found next to this file, no alembic.ini needed.

Several API processes may start at once on one PostgreSQL: an advisory lock held for the
upgrade transaction makes the others wait and then find the schema at head. On SQLite the
write lock taken by BEGIN IMMEDIATE does the same.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from hcc_core.alembic_lock import ALEMBIC_LOCK

from .db import BEGIN_OPTION

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
_LOCK_KEY = 0x4843_4343  # "HCCC"


def config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = config()
    # The process-wide Alembic lock first (the desk's: one process may migrate both), then the
    # database's.
    with ALEMBIC_LOCK, engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
