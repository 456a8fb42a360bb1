"""Officer accounts: argon2id password hashes, login, lockout, and the audit trail of all three.

Guessing is slowed per officer and the state is in the database, so it holds across restarts
and for every way in (GUI login, the idle lock, ``hcc-desk login``, ``--password-stdin``): after
``login.lock_after_failures`` wrong passwords in a row the officer is locked for 1 minute, then
2, 4 … up to ``login.lock_max_minutes``, or until an admin unlocks. A success resets both.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories.lookups import find_officer
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.errors import AuthError, FieldError
from hcc_desk.services.settings import LOGIN_LOCK_AFTER_FAILURES, LOGIN_LOCK_MAX_MINUTES, read

ROLES = ("admin", "supervisor", "officer")
MIN_PASSWORD = 8
_hasher = PasswordHasher()  # argon2id with the library's current recommended cost


@dataclass(frozen=True)
class Officer:
    username: str
    full_name: str
    role: str


log = logging.getLogger("hcc_desk.auth")


class OfficerLocked(AuthError):
    """Too many wrong passwords: says how long is left (whole minutes, rounded up)."""

    def __init__(self, username: str, minutes_left: int):
        super().__init__("auth.locked", username=username, n=minutes_left)
        self.username, self.minutes_left = username, minutes_left


def normalise_username(username: str) -> str:
    """NFKC (full-width or composed look-alikes become one spelling) and no outer spaces."""
    return unicodedata.normalize("NFKC", username).strip()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    return hash_password("no such officer")


def password_problems(password: str, confirm: str | None, field: str) -> list[FieldError]:
    problems = []
    if len(password) < MIN_PASSWORD:
        problems.append(
            FieldError(field, "auth.password_needs_at_least", MIN_PASSWORD=MIN_PASSWORD)
        )
    if confirm is not None and confirm != password:
        problems.append(FieldError(field + "_confirm", "auth.passwords_do_match"))
    return problems


_WRONG = AuthError("auth.wrong_user_name_password")


class AuthService:
    def __init__(self, store: Sessions, clock: Callable[[], datetime] = datetime.now):
        self._store = store
        self._clock = clock

    def login(self, username: str, password: str) -> Officer:
        return self.check(username, password, "officer.login")

    def check(
        self,
        username: str,
        password: str,
        success_action: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> Officer:
        """The password check behind every way in. Failures and lockouts are audited and
        committed before the error is raised (raising inside the transaction would roll the
        count back); ``success_action`` names the audit row of a success, None for none."""
        username = normalise_username(username)
        detail = dict(detail or {})
        with self._store.write() as s:
            outcome = self._attempt(s, username, password, detail, success_action)
        if isinstance(outcome, Exception):
            # Who it was is in the audit log; the log file gets no names.
            log.info(
                "login refused: %s", "locked" if isinstance(outcome, OfficerLocked) else "wrong"
            )
            raise outcome
        return outcome

    def _attempt(
        self,
        s: Session,
        username: str,
        password: str,
        detail: dict[str, Any],
        success_action: str | None,
    ) -> Officer | AuthError:
        now = self._clock()
        row = find_officer(s, username)
        if row is None or not row.active:
            if row is None:  # the same argon2 cost as a real account: no user-name oracle
                password_matches(_dummy_hash(), password)
            add_audit(
                s,
                username or "?",
                "officer.login_failed",
                "officer",
                row.uuid if row else None,
                {**detail, "reason": "unknown"},
            )
            return _WRONG
        if row.locked_until is not None and row.locked_until > now:
            add_audit(
                s,
                row.username,
                "officer.login_failed",
                "officer",
                row.uuid,
                {**detail, "reason": "locked"},
            )
            return OfficerLocked(row.username, _minutes(row.locked_until - now))
        if not password_matches(row.password_hash, password):
            row.failed_logins += 1
            add_audit(
                s,
                row.username,
                "officer.login_failed",
                "officer",
                row.uuid,
                {**detail, "reason": "password", "failures": row.failed_logins},
            )
            if row.failed_logins < read(s, LOGIN_LOCK_AFTER_FAILURES):
                return _WRONG
            row.lockouts += 1
            cap = read(s, LOGIN_LOCK_MAX_MINUTES)
            minutes = min(2 ** min(row.lockouts - 1, 20), cap)
            row.locked_until, row.failed_logins = now + timedelta(minutes=minutes), 0
            add_audit(
                s,
                row.username,
                "officer.locked",
                "officer",
                row.uuid,
                {"minutes": minutes, "until": row.locked_until.isoformat()},
            )
            return OfficerLocked(row.username, minutes)
        row.failed_logins, row.lockouts, row.locked_until = 0, 0, None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        if success_action:
            add_audit(s, row.username, success_action, "officer", row.uuid, detail)
        return Officer(row.username, row.full_name, row.role)

    def verify(self, username: str, password: str) -> bool:
        """Unlock after the idle lock: the same check and lockout, without a login record.
        A locked officer gets OfficerLocked (the lock screen shows its message)."""
        try:
            self.check(username, password)
        except OfficerLocked:
            raise
        except AuthError:
            return False
        return True

    def unlock(self, username: str, by: str) -> None:
        """An admin lifts a lockout (``by`` has already proved to be an admin)."""
        username = normalise_username(username)
        with self._store.write() as s:
            row = find_officer(s, username)
            if row is not None:
                row.failed_logins, row.lockouts, row.locked_until = 0, 0, None
                add_audit(s, by, "officer.unlocked", "officer", row.uuid, {"officer": row.username})
        if row is None:
            raise AuthError("auth.officer", username=username)

    def officer(self, username: str) -> Officer:
        username = normalise_username(username)
        with self._store.session() as s:
            row = find_officer(s, username)
            if row is None or not row.active:
                raise AuthError("auth.active_officer", username=username)
            return Officer(row.username, row.full_name, row.role)


def _minutes(left: timedelta) -> int:
    return max(1, math.ceil(left.total_seconds() / 60))
