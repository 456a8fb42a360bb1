"""Secrets: device tokens and enrolment codes are stored as SHA-256, passwords as argon2id."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

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


# --- usernames and passwords ------------------------------------------------------------------

USERNAME_RULE = "1–64 characters: letters a–z, digits, '.', '_' or '-'"
_USERNAME = re.compile(r"[a-z0-9._-]{1,64}")
MIN_PASSWORD = {"admin": 12}
MIN_PASSWORD_DEFAULT = 10
# The most common choices (and their local flavour): refused whatever their length.
COMMON_PASSWORDS = frozenset({
    "1234567890", "12345678910", "123456789012", "0123456789", "1111111111", "0000000000",
    "1q2w3e4r5t", "qwertyuiop", "qwerty1234", "qwerty123456", "password12", "password123",
    "password1234", "passw0rd123", "iloveyou12", "abc1234567", "abcd123456", "admin12345",
    "admin123456", "administrator", "letmein123", "welcome123", "matkhau123", "matkhau1234",
    "matkhau@123", "vietnam123", "vietnam1234", "anhyeuem123", "hcc123456",
    "trungtam123", "motcuahcc1",
})


def normalise_username(raw: str) -> str:
    """NFKC, trimmed, lower case; ValueError (with the rule) if anything else is left, e.g.
    a Cyrillic 'а' that looks like the Latin one but would be another account."""
    name = unicodedata.normalize("NFKC", raw).strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValueError(f"user name {raw!r}: {USERNAME_RULE} (no look-alike letters)")
    return name


def password_problem(username: str, role: str, password: str) -> str | None:
    """Why this password may not be set, or None."""
    need = MIN_PASSWORD.get(role, MIN_PASSWORD_DEFAULT)
    if len(password) < need:
        return f"the password must have at least {need} characters (role {role})"
    folded = password.strip().lower()
    if folded == username.lower() or username.lower() in folded and len(folded) - len(username) < 4:
        return "the password must not be (a variant of) the user name"
    if folded in COMMON_PASSWORDS:
        return "this password is among the most common ones: choose another"
    return None
