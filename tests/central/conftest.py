"""Central under test: a real uvicorn server per database (SQLite, PostgreSQL) per session.

Tests share the server and stay independent by creating their own centre (with its own unit
code, hence their own dossier codes) through the ``desk`` factory.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.central import pg
from tests.central.live import Desk, LiveServer

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.settings import Settings

KiB = 1024
_units = itertools.count(1)


def _settings(db_url: str, store: Path) -> Settings:
    # Small limits so size checks are cheap to exercise.
    return Settings(
        db_url=db_url,
        store_dir=store,
        max_attachment_bytes=256 * KiB,
        max_dossier_bytes=512 * KiB,
        chunk_bytes=16 * KiB,
        db_pool_size=10,
    )


def _serve(db_url: str, store: Path) -> Iterator[LiveServer]:
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    server = LiveServer(_settings(db_url, store)).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_admin_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    try:
        with pg.server(tmp_path_factory.mktemp("pg")) as url:
            yield url
    except pg.Unavailable as why:
        pytest.skip(f"PostgreSQL unavailable: {why}")


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


def new_unit() -> str:
    n = next(_units)
    return f"{n // 10000 % 1000:03d}.{n // 100 % 100:02d}.{n % 100:02d}.T{n // 10_000_000:02d}"


def make_centre(central: LiveServer, code_slots: int = 10) -> tuple[int, str]:
    """A centre with one agency of a fresh unit code."""
    unit = new_unit()

    def create(s):
        centre = admin.create_centre(
            s,
            name="Trung tâm PVHCC thử",
            governing_body="UBND tỉnh thử",
            place_name="Huế",
            code_slots=code_slots,
        )
        admin.add_agency(s, centre.id, name=f"Sở thử {unit}", unit_code=unit, short_name="ST")
        return centre.id

    return central.write(create), unit


def desk_for(
    central: LiveServer,
    centre: tuple[int, str] | None = None,
    slot: int = 1,
    code_slots: int = 10,
) -> Desk:
    """Enrol a counter PC (of a new centre unless given) the way a desk does."""
    centre_id, unit = centre or make_centre(central, code_slots)
    code, _ = central.write(admin.enrol_counter, centre_id, name=f"Quầy {slot}", slot=slot)
    with central.client() as http:
        r = http.post("/enrol", json={"code": code, "device_name": f"PC {slot}"})
    assert r.status_code == 200, r.text
    body = r.json()
    return Desk(
        centre_id,
        unit,
        slot,
        body["centre"]["code_slots"],
        body["device_id"],
        body["device_token"],
        central.client(body["device_token"]),
    )


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
