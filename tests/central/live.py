"""A real uvicorn server on 127.0.0.1 (ephemeral port) in a thread, and a desk-like client."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn

from hcc_central.app import create_app
from hcc_central.db import Database
from hcc_central.settings import Settings


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
        deadline = time.monotonic() + 15
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
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
