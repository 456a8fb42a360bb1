"""Alembic migrations: fresh upgrade on SQLite and PostgreSQL matches the models; concurrent
starts (several API processes) do not trip over each other."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from hcc_central.db import Database
from hcc_central.migrate import current_revision, head_revision, upgrade
from hcc_central.models import Base
from tests.central import pg
from tests.support.threads import run_together


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'm.db'}", pool_size=4)
        yield db
        db.dispose()
        return
    with pg.fresh_database(request.getfixturevalue("pg_admin_url")) as url:
        db = Database(url, pool_size=4)
        yield db
        db.dispose()


def test_upgrade_builds_exactly_the_models(empty_db: Database):
    assert current_revision(empty_db.engine) is None
    upgrade(empty_db.engine)
    assert current_revision(empty_db.engine) == head_revision()
    with empty_db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert "dossier" in inspect(conn).get_table_names()
    upgrade(empty_db.engine)  # at head: nothing to do


def test_concurrent_upgrades(empty_db: Database):
    def run(gate: threading.Barrier) -> None:
        gate.wait()
        upgrade(empty_db.engine)

    run_together([run] * 3, timeout=120)
    assert current_revision(empty_db.engine) == head_revision()
