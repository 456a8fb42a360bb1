"""The real servers the notification tests send to: an SMTP server (aiosmtpd) that keeps what
it receives, and an HTTP server standing in for the SMS gateway; the settings that point a
worker at them, and a worker pass that sends everything due."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from hcc_central.notify.worker import Worker
from hcc_central.settings import Settings
from tests.central.live import LiveServer


# --- the real servers ---------------------------------------------------------------------------
class Mailbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        mail = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append((envelope.rcpt_tos, mail))
        return "250 OK"

    def with_id(self, message_id: str) -> list[Any]:
        with self.lock:
            return [m for _, m in self.messages if m["Message-ID"] == message_id]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(name="smtp")
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield box, port
    controller.stop()


class Gateway:
    """The SMS gateway: records every request; answers a message's queued statuses first, then
    200 (per message: other tests' messages in the shared database may be sent in one pass)."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], dict[str, Any]]] = []
        self.answers: dict[str, list[int]] = {}
        self.lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with gateway.lock:
                    gateway.requests.append((dict(self.headers), body))
                    queued = gateway.answers.get(body["id"])
                    status = queued.pop(0) if queued else 200
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def for_key(self, key: str) -> list[tuple[dict[str, str], dict[str, Any]]]:
        with self.lock:
            return [r for r in self.requests if r[1]["id"] == key]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(name="gateway")
def sms_gateway() -> Iterator[Gateway]:
    g = Gateway()
    yield g
    g.close()


def channels_on(
    central: LiveServer, smtp: tuple[Mailbox, int], gateway: Gateway, **over: Any
) -> Settings:
    values: dict[str, Any] = {
        "smtp_host": "127.0.0.1",
        "smtp_port": smtp[1],
        "smtp_starttls": False,
        "smtp_from": "thongbao@hcc.test.vn",
        "sms_url": gateway.url,
        "sms_token": "gateway-secret",
        "notify_retry_seconds": 60,
        "notify_max_attempts": 3,
        "notify_timeout_seconds": 10,
    }
    return dataclasses.replace(central.settings, **{**values, **over})


def drain(worker: Worker, now: datetime | None = None) -> None:
    """Passes until nothing is due at ``now``: other tests' messages in the shared database
    may come first in a batch."""
    while worker.run_once(now).claimed:
        pass
