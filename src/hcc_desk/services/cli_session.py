"""Sessions for headless commands: ``hcc-desk login`` leaves one, later commands present it.

The random token is in an owner-only file of the profile; the database keeps only its SHA-256,
the officer and a fixed expiry (``cli.session_hours``, default a working day; never extended).
A copied file is worthless elsewhere: another profile's database does not know its hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from hcc_desk.core.store.models import OfficerSession
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories.cli_sessions import (
    delete_expired_officer_sessions,
    officer_session_by_digest,
)
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.settings import CLI_SESSION_HOURS, read

SESSION_FILE = "officer-session"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class CliSessions:
    def __init__(
        self, store: Sessions, profile_root: Path, clock: Callable[[], datetime] = datetime.now
    ):
        self._store = store
        self.path = Path(profile_root) / SESSION_FILE
        self._clock = clock

    def open(self, officer: str) -> datetime:
        """A new session for ``officer`` (replacing this profile's previous one); its expiry."""
        token = secrets.token_urlsafe(32)
        now = self._clock().replace(microsecond=0)
        with self._store.write() as s:
            expires = now + timedelta(hours=read(s, CLI_SESSION_HOURS))
            self._forget(s)
            delete_expired_officer_sessions(s, now)
            s.add(
                OfficerSession(
                    token_sha256=_digest(token), officer=officer, created_at=now, expires_at=expires
                )
            )
            add_audit(
                s,
                officer,
                "officer.session_opened",
                "officer",
                None,
                {"expires_at": expires.isoformat()},
            )
            self._write_file({"officer": officer, "token": token})
        return expires

    def current(self) -> tuple[str | None, str]:
        """(officer, "") for a valid session, else (None, why): "none", "unknown", "expired"."""
        data = self._read_file()
        if data is None:
            return None, "none"
        with self._store.session() as s:
            row = officer_session_by_digest(s, _digest(data["token"]))
        if row is None or row.officer != data["officer"]:
            return None, "unknown"
        if row.expires_at <= self._clock():
            return None, "expired"
        return row.officer, ""

    def close(self) -> str | None:
        """End this profile's session; the officer it belonged to, if any."""
        with self._store.write() as s:
            officer = self._forget(s)
            if officer:
                add_audit(s, officer, "officer.session_closed", "officer", None, {})
        self.path.unlink(missing_ok=True)
        return officer

    def _forget(self, s: Session) -> str | None:
        data = self._read_file()
        if data is None:
            return None
        row = officer_session_by_digest(s, _digest(data["token"]))
        if row is None:
            return None
        s.delete(row)
        return row.officer

    def _read_file(self) -> dict[str, str] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not (
            isinstance(data, dict)
            and isinstance(data.get("officer"), str)
            and isinstance(data.get("token"), str)
        ):
            return None
        return data

    def _write_file(self, data: dict[str, str]) -> None:
        """Owner-only from the first byte (O_CREAT with 0600), replaced atomically."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, self.path)
        os.chmod(self.path, 0o600)
