"""The enrolment key (``<profile>/enrolment-key.json``), kept from before the first try of an
enrolment until it succeeds.

Central answers a retry with the same code and key with the same device (docs/security.md
#enrolment), so the key is written durably *before* the request goes out: an answer lost on the
network, or a desk killed while waiting, is then retried with it and ends with one device. A new
code or another central gets a new key. Owner-only like device.json: with the code it would
fetch the device's token until the code's retry window closes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path


def new_key() -> str:
    """32 random bytes, base64url without padding (protocol.ENROL_KEY_PATTERN)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()


def code_hash(code: str) -> str:
    """As central matches codes: case, spaces and dashes do not count."""
    return hashlib.sha256("".join(ch for ch in code.upper() if ch.isalnum()).encode()).hexdigest()


@dataclass(frozen=True)
class PendingEnrolment:
    central_url: str
    code_sha256: str
    key: str


class EnrolKeyStore:
    def __init__(self, path: Path):
        self.path = path

    def key_for(self, central_url: str, code: str) -> str:
        """The key of this enrolment: the one kept from an earlier try with the same central
        and code, else a new one, saved (fsynced) before it is returned."""
        pending = self.load()
        if pending and (pending.central_url, pending.code_sha256) == (central_url, code_hash(code)):
            return pending.key
        fresh = PendingEnrolment(central_url, code_hash(code), new_key())
        self._save(fresh)
        return fresh.key

    def load(self) -> PendingEnrolment | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return PendingEnrolment(
                str(data["central_url"]), str(data["code_sha256"]), str(data["key"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or damaged: the next enrolment starts with a new key

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def _save(self, pending: PendingEnrolment) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(pending.__dict__, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        if sys.platform != "win32":  # the rename itself must survive a power cut too
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
