"""Time-based one-time passwords (RFC 6238, SHA-1, 6 digits, 30 s): the optional second factor
of a web login, as every authenticator app computes it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote

STEP = 30
DIGITS = 6


def new_secret() -> str:
    """A random 160-bit secret, base32 as authenticator apps take it."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def code_at(secret: str, counter: int) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def now_code(secret: str, at: float | None = None) -> str:
    return code_at(secret, int((time.time() if at is None else at) // STEP))


def verify(secret: str, code: str, at: float | None = None, window: int = 1) -> bool:
    """True if ``code`` is the code of now or of ``window`` steps either side (clock drift)."""
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return False
    step = int((time.time() if at is None else at) // STEP)
    return any(
        hmac.compare_digest(code_at(secret, step + d), code) for d in range(-window, window + 1)
    )


def provisioning_uri(secret: str, username: str, issuer: str = "HCC Central") -> str:
    """The otpauth:// address an authenticator app reads (from a QR or typed)."""
    return (
        f"otpauth://totp/{quote(issuer)}:{quote(username)}"
        f"?secret={secret}&issuer={quote(issuer)}&digits={DIGITS}&period={STEP}"
    )
