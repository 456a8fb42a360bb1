"""A real uvicorn server on 127.0.0.1 (ephemeral port) in a thread, and a desk-like client."""

from __future__ import annotations

import base64
import itertools
import secrets
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import select

from hcc_central import admin
from hcc_central.app import create_app
from hcc_central.db import Database
from hcc_central.models import Officer
from hcc_central.settings import Settings
from tests.support.waits import poll

_units = itertools.count(1)


class LiveServer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.app = create_app(settings)
        self.db: Database = self.app.state.central.db
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on", ws="none", http="h11")
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )

    def start(self) -> LiveServer:
        self._thread.start()

        def started() -> bool:
            if not self._thread.is_alive():
                raise RuntimeError("uvicorn stopped while starting")
            return self.server.started

        if not poll(started, 15):
            raise RuntimeError("uvicorn did not start")
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=15)
        self._sock.close()

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.base_url + "/api/v1", headers=headers, timeout=30)

    def write(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run an admin function in one transaction (as the CLI does)."""
        with self.db.write() as s:
            return fn(s, *args, **kwargs)


@dataclass
class Desk:
    """One enrolled counter PC of a test centre."""

    centre_id: int
    unit: str
    slot: int
    code_slots: int
    device_id: str
    token: str
    http: httpx.Client
    k: dict[str, int] = field(default_factory=dict)  # per-day count, as the desk keeps it


class ServeProcess:
    """``hcc-central serve`` as its own process (its own GIL: for load measurements)."""

    def __init__(self, db_url: str, store: Path, *extra: str) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.db = Database(db_url, pool_size=2)
        argv = [sys.executable, "-m", "hcc_central", "serve", "--db", db_url, "--store",
                str(store), "--port", str(self.port), "--log-level", "warning", *extra]  # fmt: skip
        self.proc = subprocess.Popen(argv)

    def start(self) -> ServeProcess:

        def healthy() -> bool:
            if self.proc.poll() is not None:
                raise RuntimeError("hcc-central serve exited while starting")
            try:
                return httpx.get(self.base_url + "/healthz", timeout=2).is_success
            except httpx.HTTPError:
                return False

        if not poll(healthy, 30, interval=0.1):
            raise RuntimeError("hcc-central serve did not start")
        return self

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=15)
        self.db.dispose()

    client = LiveServer.client
    write = LiveServer.write


def new_unit() -> str:
    n = next(_units)
    return f"{n // 10000 % 1000:03d}.{n // 100 % 100:02d}.{n % 100:02d}.T{n // 10_000_000:02d}"


def make_centre(central: LiveServer | ServeProcess, code_slots: int = 10) -> tuple[int, str]:
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
        demo_officer(s)
        return centre.id

    return central.write(create), unit


def new_key() -> str:
    """A desk's enrolment key: 32 random bytes, base64url without padding."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()


def demo_officer(s) -> None:
    """The officer the test dossiers name as actor ("demo", of every centre): central accepts
    pushed events only by its officers."""
    if s.scalar(select(Officer.id).where(Officer.username == "demo")) is None:
        admin.create_officer(
            s, username="demo", full_name="Demo", role="officer", password="kiem-thu-quay-01"
        )


def desk_for(
    central: LiveServer | ServeProcess,
    centre: tuple[int, str] | None = None,
    slot: int = 1,
    code_slots: int = 10,
) -> Desk:
    """Enrol a counter PC (of a new centre unless given) the way a desk does."""
    centre_id, unit = centre or make_centre(central, code_slots)
    code, _ = central.write(admin.enrol_counter, centre_id, name=f"Quầy {slot}", slot=slot)
    with central.client() as http:
        r = http.post("/enrol", json={"code": code, "device_name": f"PC {slot}", "key": new_key()})
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
