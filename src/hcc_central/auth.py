"""Device authentication: bearer token → its SHA-256 → a non-revoked device of a counter.

A busy desk calls several times a second (pushes, upload chunks), so the hot routes keep what a
lookup found for a few seconds (``DeviceCache``). Revocation is written by another process (the
admin CLI) that cannot reach this one's memory: it takes effect within that time bound.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from .db import Database
from .models import Agency, Centre, Counter, Device
from .security import same, sha256_hex

bearer = HTTPBearer(auto_error=False, description="device_token from /api/v1/enrol")
Token = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


@dataclass(frozen=True, slots=True)
class DeviceCtx:
    device_id: str
    counter_id: int
    slot: int
    centre_id: int
    code_slots: int
    unit_codes: frozenset[str] = frozenset()  # the centre's agencies (only if asked for)


class DeviceCache:
    """Token digest → what its lookup found, for ``ttl`` seconds (0: off). Only devices that
    authenticated are kept (a guessed token costs a lookup every time and no memory), at most
    ``size`` of them, the oldest dropped first."""

    def __init__(self, ttl: float, size: int = 4096, clock: Callable[[], float] = time.monotonic):
        self.ttl, self.size, self._clock = ttl, size, clock
        self._items: dict[str, tuple[float, DeviceCtx]] = {}
        self._lock = threading.Lock()

    def find(self, credentials: HTTPAuthorizationCredentials | None) -> DeviceCtx | None:
        """The device of this bearer token if it is cached (no session needed to ask)."""
        if credentials is None or not credentials.credentials:
            return None
        return self.get(sha256_hex(credentials.credentials))

    def get(self, digest: str) -> DeviceCtx | None:
        with self._lock:
            item = self._items.get(digest)
        if item is None or self._clock() >= item[0]:
            return None
        return item[1]

    def put(self, digest: str, dev: DeviceCtx) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._items.pop(digest, None)
            while len(self._items) >= self.size:
                del self._items[next(iter(self._items))]
            self._items[digest] = (self._clock() + self.ttl, dev)


def unauthorised(detail: str = "unknown or revoked device token: enrol again") -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def authenticate(
    session: Session | Connection,
    credentials: HTTPAuthorizationCredentials | None,
    *,
    units: bool = False,
    cache: DeviceCache | None = None,
) -> DeviceCtx:
    """Without ``cache``: looked up inside the request's own transaction, so revocation takes
    effect at once. With it: a device found less than ``cache.ttl`` seconds ago is not looked
    up again (it then always carries its unit codes).
    ``units``: also read the centre's unit codes, in the same query (one row per agency)."""
    if credentials is None or not credentials.credentials:
        raise unauthorised("missing bearer token")
    digest = sha256_hex(credentials.credentials)
    if cache is not None:
        dev = cache.get(digest)
        if dev is None:
            dev = _lookup(session, digest, units=True)
            cache.put(digest, dev)
        return dev
    return _lookup(session, digest, units=units)


def device_of(
    db: Database, credentials: HTTPAuthorizationCredentials | None, cache: DeviceCache
) -> DeviceCtx:
    """The calling device (or 401): from the cache without touching the database (not even a
    session) when it is there, else looked up in a short read transaction and cached."""
    dev = cache.find(credentials)
    if dev is None:
        with db.read() as s:
            dev = authenticate(s, credentials, cache=cache)
    return dev


def _lookup(session: Session | Connection, digest: str, *, units: bool) -> DeviceCtx:
    stmt = (
        select(Device.id, Device.token_sha256, Device.revoked, Counter.id, Counter.slot)
        .add_columns(Centre.id, Centre.code_slots)
        .join(Counter, Counter.id == Device.counter_id)
        .join(Centre, Centre.id == Counter.centre_id)
        .where(Device.token_sha256 == digest)
    )
    if units:
        stmt = stmt.add_columns(Agency.unit_code).outerjoin(Agency, Agency.centre_id == Centre.id)
    conn = session.connection() if isinstance(session, Session) else session
    rows = conn.execute(stmt).all()  # Core: no ORM layer per request
    # The lookup is by digest (a pre-image is not guessable); the explicit compare is cheap
    # defence in depth against a collation or index oddity.
    if not rows or rows[0][2] or not same(rows[0][1], digest):
        raise unauthorised()
    r = rows[0]
    codes = frozenset(row[7] for row in rows if row[7] is not None) if units else frozenset()
    return DeviceCtx(r[0], r[3], r[4], r[5], r[6], codes)
