"""The databases the central benchmarks run against: a throw-away PostgreSQL database on the
server the tests use (or ``HCC_BENCH_PG``), and a row count read in its own short session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select

from hcc_central.db import Database

# The server's admin URL: the benchmarks' own setting, else the test suite's (unless that asks
# for a private cluster), else the local default.
_TEST_PG = os.environ.get("HCC_CENTRAL_TEST_PG", "")
PG_ADMIN = (
    os.environ.get("HCC_BENCH_PG")
    or (_TEST_PG if _TEST_PG.startswith("postgresql") else "")
    or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextmanager
def fresh_database(admin_url: str = PG_ADMIN) -> Iterator[str]:
    """A new empty database on that server, dropped afterwards; yields its URL."""
    import psycopg

    libpq = admin_url.replace("postgresql+psycopg://", "postgresql://")
    name = f"hcc_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def row_count(db_url: str, model: Any) -> int:
    db = Database(db_url, pool_size=1)
    try:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(model)) or 0
    finally:
        db.dispose()
