"""Pooled PostgreSQL connections that died while idle (a restart, a firewall timeout) are
replaced before use, without a ping on every checkout."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from hcc_central import db as central_db
from hcc_central.db import Database


def _kill_backend(url: str, pid: int) -> None:
    """From a connection of its own (not the pool's)."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as other:
        other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    engine.dispose()


def _pooled_pid(db: Database) -> int:
    with db.read() as s:
        return s.execute(text("SELECT pg_backend_pid()")).scalar_one()


@pytest.mark.parametrize(("idle_ping_s", "survives"), [(0.0, True), (3600.0, False)])
def test_a_connection_dead_in_the_pool_is_replaced_when_idle_long_enough(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, idle_ping_s: float, survives: bool
):
    monkeypatch.setattr(central_db, "IDLE_PING_S", idle_ping_s)
    db = Database(pg_url, pool_size=1)
    try:
        dead = _pooled_pid(db)
        _kill_backend(pg_url, dead)
        if survives:  # idle "long enough": pinged, found dead, replaced
            assert _pooled_pid(db) != dead
        else:  # used a moment ago: not pinged, so the first use fails (the desk retries)
            with pytest.raises(OperationalError):
                _pooled_pid(db)
            assert _pooled_pid(db) != dead  # and the pool has dropped it
    finally:
        db.dispose()
