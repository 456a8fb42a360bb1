"""Who acts, and how often one may guess: officer sessions, login lockout, lookup limits.

- An officer session proves that this officer typed the right password at this device: the
  token is random, only its SHA-256 is stored, it is bound to the device (and so the centre),
  and it ends at a fixed time (``session_minutes``), when unused for ``session_idle_minutes``,
  at logout, or when the officer is disabled.
- Failed logins are counted per normalised username, known or not (``LoginThrottle``): after
  ``login_max_failures`` in a row the name is locked, for ``login_lock_seconds`` doubling with
  each further failure up to ``login_lock_max_seconds``; a success or an admin unlock resets.
- argon2 runs behind ``HashGate``; public lookups spend ``Buckets`` tokens, and so does each
  device's lookup of reusable papers (``paper_lookups``).

One ``Guard`` per app, made on first use (``guard_of``); tests replace its clocks.
"""

from __future__ import annotations

import math
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import APIKeyHeader
from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from hcc_core.wire.officer import SESSION_HEADER

from .auth import DeviceCtx
from .db import rows_changed
from .models import LoginThrottle, Officer, OfficerSession, WebSession
from .ratelimit import Buckets
from .security import HashGate, sha256_hex
from .settings import Settings

SUPERVISING_ROLES = ("supervisor", "admin")
COUNTER_ROLES = ("officer", "supervisor", "admin")  # who works at a desk (not "agency")
FORGET_FAILURES = timedelta(hours=24)  # a failure older than this no longer counts

session_header = APIKeyHeader(
    name=SESSION_HEADER,
    scheme_name="OfficerSession",
    auto_error=False,
    description="session token from POST /api/v1/officers/login",
)
SessionToken = Annotated[str | None, Depends(session_header)]


@dataclass
class Guard:
    settings: Settings
    clock: Callable[[], datetime] = datetime.now  # naive local time, as central stores it
    monotonic: Callable[[], float] = time.monotonic
    hashing: HashGate = field(init=False)
    lookup_ip: Buckets = field(init=False)
    lookup_code: Buckets = field(init=False)
    paper_lookups: Buckets = field(init=False)  # per device (api/papers.py)
    pruned_at: datetime | None = None  # last drop of forgotten login failures

    def __post_init__(self) -> None:
        s = self.settings
        self.hashing = HashGate(s.hash_concurrency, s.hash_queue)
        self.lookup_ip = Buckets(s.lookup_ip_per_minute, clock=lambda: self.monotonic())
        self.lookup_code = Buckets(s.lookup_code_per_minute, clock=lambda: self.monotonic())
        window = max(1, s.paper_lookup_window_minutes)
        self.paper_lookups = Buckets(
            s.paper_lookups_per_device / window,
            burst=s.paper_lookups_per_device,
            clock=lambda: self.monotonic(),
        )

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)


_made = threading.Lock()


def guard_of(app: FastAPI) -> Guard:
    guard = getattr(app.state, "guard", None)
    if guard is None:
        with _made:
            guard = getattr(app.state, "guard", None)
            if guard is None:
                guard = app.state.guard = Guard(app.state.central.settings)
    return guard


def _guard(request: Request) -> Guard:
    return guard_of(request.app)


GuardDep = Annotated[Guard, Depends(_guard)]


def too_many(detail: str, seconds: int, status: int = 429) -> HTTPException:
    return HTTPException(status, detail, headers={"Retry-After": str(max(1, seconds))})


# --- lockout ----------------------------------------------------------------------------------


def locked_for(s: Session, username: str, now: datetime) -> int:
    """Seconds this name stays locked (0: not locked)."""
    until = s.scalar(select(LoginThrottle.locked_until).where(LoginThrottle.username == username))
    return 0 if until is None or until <= now else math.ceil((until - now).total_seconds())


def record_failure(s: Session, g: Guard, username: str, now: datetime) -> int:
    """Count a failed login (inside the write transaction); seconds of lock it now carries."""
    forget = now - FORGET_FAILURES
    if g.pruned_at is None or g.pruned_at < now - timedelta(hours=1):
        # Rows of names nobody tried for a day: dropped now and then, not on every failure
        # (concurrent deletes of the same rows would make racing failures wait on each other).
        g.pruned_at = now
        s.execute(delete(LoginThrottle).where(LoginThrottle.last_failed_at < forget))
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    first = insert(LoginThrottle).values(username=username, failures=1, last_failed_at=now)
    stale = LoginThrottle.last_failed_at < forget  # an old run of failures no longer counts
    stmt = first.on_conflict_do_update(
        index_elements=[LoginThrottle.username],
        set_={
            "failures": case((stale, 1), else_=LoginThrottle.failures + 1),
            "last_failed_at": now,
        },
    ).returning(LoginThrottle.failures)
    # Atomic on both databases: racing guesses all count.
    failures: int = s.execute(stmt).scalar_one()
    over = failures - g.settings.login_max_failures
    if over < 0:
        return 0
    seconds: int = min(  # 2**n is typed Any (a negative n gives a float); n >= 0 here
        g.settings.login_lock_max_seconds, g.settings.login_lock_seconds * 2 ** min(over, 30)
    )
    s.execute(
        update(LoginThrottle)
        .where(LoginThrottle.username == username)
        .values(locked_until=now + timedelta(seconds=seconds))
    )
    return seconds


def clear_failures(s: Session, username: str) -> bool:
    """After a success, or an admin's unlock: True if there was something to clear."""
    return bool(
        rows_changed(s.execute(delete(LoginThrottle).where(LoginThrottle.username == username)))
    )


# --- sessions ---------------------------------------------------------------------------------


def open_session(s: Session, g: Guard, officer: Officer, dev: DeviceCtx) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    now = g.now()
    expires = now + timedelta(minutes=g.settings.session_minutes)
    s.add(
        OfficerSession(
            token_sha256=sha256_hex(token),
            officer_id=officer.id,
            device_id=dev.device_id,
            centre_id=dev.centre_id,
            created_at=now,
            expires_at=expires,
            last_seen_at=now,
        )
    )
    # Ended sessions are of no use: drop them as new ones come.
    s.execute(delete(OfficerSession).where(OfficerSession.expires_at < now - timedelta(days=1)))
    return token, expires


class SessionRefused(Exception):
    def __init__(self, reason: str, detail: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail or {}


def officer_of(s: Session, g: Guard, token: str | None, dev: DeviceCtx) -> Officer:
    """The officer whose live session this is, at this device (SessionRefused otherwise).
    Marks it used (the idle timeout counts from here)."""
    if not token:
        raise SessionRefused("missing")
    row = s.get(OfficerSession, sha256_hex(token), with_for_update=True)
    now = g.now()
    if row is None:
        raise SessionRefused("unknown")
    who = s.get_one(Officer, row.officer_id)
    detail = {"officer": who.username}
    if row.device_id != dev.device_id:
        raise SessionRefused("other_device", detail | {"session_device": row.device_id})
    if row.revoked_at is not None:
        raise SessionRefused("revoked", detail)
    idle = g.settings.session_idle_minutes
    if row.expires_at <= now or (idle and row.last_seen_at + timedelta(minutes=idle) <= now):
        raise SessionRefused("expired", detail)
    if not who.active:
        raise SessionRefused("disabled", detail)
    row.last_seen_at = now
    return who


def end_session(s: Session, g: Guard, token: str | None, dev: DeviceCtx) -> Officer:
    who = officer_of(s, g, token, dev)
    row = s.get_one(OfficerSession, sha256_hex(token or ""))
    row.revoked_at = g.now()
    return who


def end_sessions_of(s: Session, officer_id: int, now: datetime) -> int:
    """Every live session of an officer, at desks and in browsers (password changed, account
    disabled)."""
    ended = 0
    for table in (OfficerSession, WebSession):
        ended += rows_changed(
            s.execute(
                update(table)
                .where(table.officer_id == officer_id, table.revoked_at.is_(None))
                .values(revoked_at=now)
            )
        )
    return ended


SESSION_MESSAGES = {
    "missing": "no officer session: log in again",
    "unknown": "unknown officer session: log in again",
    "other_device": "this officer session belongs to another device: log in here",
    "revoked": "this officer session was ended: log in again",
    "expired": "the officer session has expired: log in again",
    "disabled": "this officer account is disabled",
}
