"""Secrets: device tokens and enrolment codes are stored as SHA-256, passwords as argon2id."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# User names and passwords follow rules shared with the desk.
# Re-exported for central's modules (the `as` form says so to mypy and ruff).
from hcc_core.domain.accounts import COMMON_PASSWORDS as COMMON_PASSWORDS
from hcc_core.domain.accounts import MIN_PASSWORD as MIN_PASSWORD
from hcc_core.domain.accounts import MIN_PASSWORD_DEFAULT as MIN_PASSWORD_DEFAULT
from hcc_core.domain.accounts import USERNAME_RULE as USERNAME_RULE
from hcc_core.domain.accounts import normalise_username as normalise_username
from hcc_core.domain.accounts import password_problem as password_problem

# Read aloud / typed at the counter: no 0/O or 1/I look-alikes (same alphabet as lookup PINs).
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
ENROL_CODE_LENGTH = 10

_hasher = PasswordHasher()  # argon2id, library defaults (RFC 9106 low-memory profile)
# Verified when the username is unknown, so a wrong username costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_device_token() -> str:
    """32 random bytes, base64url without padding (what the desk keeps in device.json)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()


def new_enrolment_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(ENROL_CODE_LENGTH))


def normalise_code(code: str) -> str:
    """Officers type codes by hand: ignore case, spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


class Busy(Exception):
    """More password checks are waiting than the queue holds: answer 503, try again soon."""


class HashGate:
    """At most ``concurrency`` argon2 computations at once (each takes ~64 MiB for ~50 ms), at
    most ``queue`` more waiting: a login flood queues, then is refused, instead of exhausting
    memory. ``active``/``peak`` are read by tests and are cheap to keep."""

    def __init__(self, concurrency: int, queue: int) -> None:
        self.concurrency, self.queue = max(1, concurrency), max(0, queue)
        self.active = self.waiting = self.peak = 0
        self._cond = threading.Condition()

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._cond:
            if self.active >= self.concurrency and self.waiting >= self.queue:
                raise Busy
            self.waiting += 1
            while self.active >= self.concurrency:
                self._cond.wait()
            self.waiting -= 1
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            yield
        finally:
            with self._cond:
                self.active -= 1
                self._cond.notify()
