"""The officer sessions this desk holds (the wire side is ``hcc_core.wire.officer``; docs/security.md).

``POST /api/v1/officers/login`` (device token + the officer's password) answers the officer and
a short-lived session token; calls made on an officer's behalf beyond the device's own sync
(the supervision feed) send it in the ``X-Officer-Session`` header. ``POST /officers/logout``
ends it. A locked name answers 423 with ``Retry-After``.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import datetime

from hcc_core.wire.officer import SESSION_HEADER, LoginAnswer

__all__ = ["SESSIONS", "SESSION_HEADER", "LoginAnswer", "SessionKeeper"]


@dataclass(frozen=True)
class Held:
    token: str
    expires_at: datetime


class SessionKeeper:
    """The officer sessions central gave this process, in memory only (never on disk: a stolen
    profile holds none), by device and officer. Central decides whether one is still good."""

    def __init__(self) -> None:
        self._held: dict[tuple[str, str], Held] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(device_token: str, username: str) -> tuple[str, str]:
        return hashlib.sha256(device_token.encode()).hexdigest(), username

    def keep(self, device_token: str, username: str, token: str, expires_at: datetime) -> None:
        with self._lock:
            self._held[self._key(device_token, username)] = Held(token, expires_at)

    def get(self, device_token: str, username: str, now: datetime | None = None) -> str | None:
        """The session held for this officer; with ``now``, only if central's expiry time is
        still ahead (the desk's clock may differ from central's: without it central decides)."""
        with self._lock:
            held = self._held.get(self._key(device_token, username))
        if held is None or (now is not None and held.expires_at <= now):
            return None
        return held.token

    def drop(self, device_token: str, username: str) -> str | None:
        with self._lock:
            held = self._held.pop(self._key(device_token, username), None)
        return None if held is None else held.token


SESSIONS = SessionKeeper()  # the process's (the GUI logs in once, the views use it)
