"""SQLite engine with the pragmas every desk connection needs.

pysqlite's own transaction handling cannot emit BEGIN IMMEDIATE, so (as SQLAlchemy's pysqlite docs
recommend) the driver is put in autocommit mode and we emit BEGIN ourselves; the begin mode comes
from the execution option ``sqlite_begin`` so one engine serves both reads and writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

BUSY_TIMEOUT_MS = 10_000
BEGIN_OPTION = "sqlite_begin"
# FULL: in WAL mode every commit waits for the WAL to reach the disk (one fsync), so a dossier
# whose receipt was printed survives a power cut right after. NORMAL would only survive an
# application crash. The cost is measured by benchmarks/bench_durable_save.py (docs/backups.md).
SYNCHRONOUS = "FULL"


def make_engine(path: Path, *, foreign_keys: bool = True, key: bytes | None = None) -> Engine:
    """Engine on the SQLite file ``path`` in WAL mode; encrypted with SQLCipher when ``key``.

    ``foreign_keys=False`` is for migrations only: table rebuilds must not fire FK actions.
    """
    if key is None:
        engine = create_engine(f"sqlite:///{path}")
    else:
        from hcc_desk.core import db_cipher as cipher

        engine = create_engine(f"sqlite:///{path}", module=cipher.dbapi())

        @event.listens_for(engine, "do_connect")
        def _keyed_connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
            con = cipher.dbapi().connect(*cargs, **cparams)
            cipher.apply_key(con, key)  # before any other statement reads the file
            return con

    synchronous = SYNCHRONOUS  # fixed per engine (the benchmark compares two in one process)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # The receipt prints after the commit returns: the commit must be on disk by then.
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def immediate(engine: Engine) -> Engine:
    """Same pool, but transactions take the write lock at BEGIN (no upgrade deadlock later)."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
