"""Engines and transactions for SQLite (single file, WAL) and PostgreSQL (psycopg 3).

On SQLite, pysqlite's own transaction handling cannot emit BEGIN IMMEDIATE, so the driver runs in
autocommit mode and we emit BEGIN ourselves (SQLAlchemy's documented recipe; it also makes
SAVEPOINT work). Write transactions take the write lock at BEGIN: a deferred transaction that
reads first and writes later would fail with SQLITE_BUSY under concurrent writers instead of
waiting for the lock.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, Result, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

BEGIN_OPTION = "sqlite_begin"
BUSY_TIMEOUT_MS = 15_000
IDLE_PING_S = 10.0


def make_engine(url: str, *, pool_size: int = 20) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size)
        _sqlite_pragmas(engine)
        return engine
    engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """API processes outlive PostgreSQL restarts and idle-connection timeouts: a connection
    that sat in the pool for a while is pinged before use, and replaced if dead. Not every
    checkout (``pool_pre_ping``): under load that is one more round trip per request, for
    connections used a moment ago."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as err:
            raise DisconnectionError(str(err)) from err  # the pool opens a new one


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(BEGIN_OPTION, 'DEFERRED')}")


def rows_changed(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE matched: Session.execute is typed as returning any Result, but
    for these statements it is a CursorResult, which has the count."""
    assert isinstance(result, CursorResult)
    return result.rowcount


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class Database:
    """One engine, two kinds of transaction: read (shared) and write (exclusive on SQLite)."""

    def __init__(self, url: str, *, pool_size: int = 20) -> None:
        self.engine = make_engine(url, pool_size=pool_size)
        self._writer = self.engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self._writer, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._write.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read.begin() as session:
            yield session

    @contextmanager
    def write_core(self) -> Iterator[Connection]:
        """``write`` without the ORM session (the push path: less CPU per request)."""
        with self._writer.begin() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
