"""Central under test: a real uvicorn server per database (SQLite, PostgreSQL) per session.

Tests share the server and stay independent by creating their own centre (with its own unit
code, hence their own dossier codes) through the ``desk`` factory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.settings import Settings
from tests.central import pg
from tests.central.live import Desk, LiveServer, desk_for
from tests.support.realparts import unavailable

KiB = 1024


def _settings(db_url: str, store: Path) -> Settings:
    # Small limits so size checks are cheap to exercise.
    return Settings(
        db_url=db_url,
        store_dir=store,
        max_attachment_bytes=256 * KiB,
        max_dossier_bytes=512 * KiB,
        chunk_bytes=16 * KiB,
        db_pool_size=10,
        auth_cache_seconds=1,  # short, so the revocation test waits little
        # Many lookups from 127.0.0.1 (the schemathesis run): the limits' own tests lower them
        # (tests/security/test_guessing.py).
        lookup_ip_per_minute=1_000_000,
        lookup_code_per_minute=1_000_000,
    )


def _serve(db_url: str, store: Path) -> Iterator[LiveServer]:
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    server = LiveServer(_settings(db_url, store)).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    try:
        with pg.server() as url:
            yield url
            return
    except pg.Unavailable as why:
        reason = f"PostgreSQL unavailable: {why}"
    unavailable(reason)  # outside the except: the report shows the reason, not a chained trace


@pytest.fixture(scope="session")
def pg_url(pg_admin_url: str) -> Iterator[str]:
    with pg.fresh_database(pg_admin_url) as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    root = tmp_path_factory.mktemp("central-sqlite")
    yield from _serve(f"sqlite:///{root / 'central.db'}", root / "store")


@pytest.fixture(scope="session")
def postgresql_server(
    pg_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    yield from _serve(pg_url, tmp_path_factory.mktemp("central-pg") / "store")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest) -> LiveServer:
    return request.getfixturevalue(f"{request.param}_server")


@pytest.fixture
def desk_factory(central: LiveServer) -> Iterator[Callable[..., Desk]]:
    opened: list[Desk] = []

    def make(**kwargs) -> Desk:
        opened.append(desk_for(central, **kwargs))
        return opened[-1]

    yield make
    for d in opened:
        d.http.close()


@pytest.fixture
def desk(desk_factory: Callable[..., Desk]) -> Desk:
    return desk_factory()
