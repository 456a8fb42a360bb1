"""Shared by the officer-session and guessing tests: officers, clocks, audit rows."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from hcc_central import admin
from hcc_central.guard import Guard, guard_of
from hcc_central.models import AuditLog
from hcc_desk.core.sync.officer_session import SESSION_HEADER
from tests.central.live import Desk, LiveServer

PASSWORD = "đúng-mật-khẩu-dài"
_n = itertools.count(1)


def new_officer(
    central: LiveServer, desk: Desk, role: str = "supervisor", centre: int | None = -1
) -> str:
    """A fresh officer of the desk's centre (``centre=None``: of every centre)."""
    name = f"{role[:3]}{next(_n)}.{desk.centre_id}"
    central.write(
        admin.create_officer,
        username=name,
        full_name=f"Cán bộ {name}",
        role=role,
        password=PASSWORD,
        centre_id=desk.centre_id if centre == -1 else centre,
    )
    return name


def login(desk: Desk, username: str, password: str = PASSWORD):
    return desk.http.post("/officers/login", json={"username": username, "password": password})


def session_of(desk: Desk, username: str) -> str:
    r = login(desk, username)
    assert r.status_code == 200, r.text
    return r.json()["session"]


def feed(desk: Desk, session: str | None, **params: Any):
    headers = {SESSION_HEADER: session} if session is not None else {}
    return desk.http.get("/supervision/dossiers", params=params, headers=headers)


def audits(central: LiveServer, action: str, after: int = 0) -> list[dict[str, Any]]:
    with central.db.read() as s:
        rows = s.execute(
            select(AuditLog.actor, AuditLog.detail)
            .where(AuditLog.action == action, AuditLog.seq > after)
            .order_by(AuditLog.seq)
        ).all()
    return [{"actor": actor, **detail} for actor, detail in rows]


def last_seq(central: LiveServer) -> int:
    with central.db.read() as s:
        return s.scalar(select(AuditLog.seq).order_by(AuditLog.seq.desc()).limit(1)) or 0


class FakeClock:
    """Central's wall clock and monotonic clock, moved by the test (no sleeping)."""

    def __init__(self) -> None:
        self.now = datetime.now().replace(microsecond=0)
        self.mono = 1_000.0

    def advance(self, **delta: float) -> None:
        step = timedelta(**delta)
        self.now += step
        self.mono += step.total_seconds()


@contextmanager
def controlled(central: LiveServer) -> Iterator[tuple[Guard, FakeClock]]:
    """The live central's guard on a fake clock; its parts restored afterwards (the server
    is shared by the session's tests)."""
    guard = guard_of(central.app)
    saved = dict(vars(guard))
    clock = FakeClock()
    guard.clock, guard.monotonic = (lambda: clock.now), (lambda: clock.mono)
    try:
        yield guard, clock
    finally:
        vars(guard).update(saved)
