"""Sync use cases for the GUI and the CLI: background sync, "sync now", status, parked records,
and officer login checked against central when it answers."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from hcc_desk.core.store.models import Officer
from hcc_desk.core.store.repositories import add_audit, get_setting, set_setting
from hcc_desk.core.store.repositories import sync as queries
from hcc_desk.core.store.repositories.capture import dossier_by_uuid
from hcc_desk.core.store.repositories.lookups import find_officer
from hcc_desk.core.store.store import Sessions, Store
from hcc_desk.core.sync import outbox
from hcc_desk.core.sync.attachments import add_attachment
from hcc_desk.core.sync.backoff import Rng
from hcc_desk.core.sync.client import CentralClient, OfficerLocked, SyncError
from hcc_desk.core.sync.clock_check import ClockWatch
from hcc_desk.core.sync.credentials import CredentialStore
from hcc_desk.core.sync.engine import SyncEngine, SyncReport
from hcc_desk.core.sync.officer_session import SESSIONS, SessionKeeper
from hcc_desk.core.sync.runner import BackgroundSync, ParkedItem, SyncStatus, read_status
from hcc_desk.services.auth import AuthService, hash_password, password_matches
from hcc_desk.services.auth import Officer as OfficerView
from hcc_desk.services.errors import AuthError, NotFound, UserError

log = logging.getLogger("hcc_desk.sync")
# Usernames central has vouched for: for them central's "no" is final even if the cached hash
# would match (password changed or account disabled centrally).
CENTRAL_OFFICERS = "sync.central_officers"
STOP_WAIT = 0.3  # seconds a stop waits for the sync thread before leaving it to finish


def _not_enrolled() -> UserError:
    return NotFound(
        "sync.desk_enrolled_with_central",
    )


class SyncService:
    def __init__(
        self,
        store: Sessions,
        profile_root: Path,
        credentials: CredentialStore,
        *,
        client_factory: Callable[..., CentralClient] = CentralClient,
        clock: Callable[[], datetime] = datetime.now,
        rng: Rng | None = None,
        interval: float = 30.0,
        probe_interval: float = 3.0,
    ):
        self._store, self._credentials = store, credentials
        self._client_factory, self._clock, self._rng = client_factory, clock, rng
        self.attachments_dir = profile_root / "attachments"
        self._intervals = (interval, probe_interval)
        self._runner: BackgroundSync | None = None
        self.clock_watch = ClockWatch()  # fed by every client this service makes

    def is_enrolled(self) -> bool:
        return self._credentials.load() is not None

    def engine(self) -> SyncEngine:
        cred = self._credentials.load()
        if cred is None:
            raise _not_enrolled()
        client = self._client_factory(cred.central_url, cred.device_token, ca_pem=cred.ca_pem)
        client.clock = self.clock_watch  # central's time, for the clock warning in status()
        return SyncEngine(
            self._store, client, self._clock, self._rng, attachments_dir=self.attachments_dir
        )

    # --- background ---------------------------------------------------------------------------
    def start_background(self) -> bool:
        """Start the sync thread; False (nothing started) when the desk isn't enrolled."""
        if self._runner is not None:
            return True
        if not self.is_enrolled():
            return False
        engine = self.engine()
        self._runner = BackgroundSync(
            engine, self._db_path(), interval=self._intervals[0], probe_interval=self._intervals[1]
        )
        self._runner.start()
        return True

    def stop(self, wait: float = STOP_WAIT) -> None:
        """Stop background sync without making the closing desk wait for central: a pass
        waiting on a request is left to end on its own (ARCHITECTURE.md, "The GUI thread")."""
        if self._runner is not None:
            if not self._runner.stop(wait):
                log.info("sync stopped; a request to central is still finishing in the background")
            self._runner = None

    def nudge(self) -> None:
        if self._runner is not None:
            self._runner.nudge()

    def sync_now(self, timeout: float = 120.0) -> SyncReport:
        """One pass now, ignoring backoff timers (through the thread when it runs)."""
        if self._runner is not None:
            report = self._runner.run_now(timeout)
            if report is None:
                raise UserError("sync.sync_still_running_background")
            return report
        engine = self.engine()
        try:
            return engine.run_once(force=True)
        finally:
            engine.client.close()

    def run_until_idle(
        self,
        timeout: float,
        on_pass: Callable[[SyncReport], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> tuple[bool, SyncReport]:
        """Passes until nothing is waiting (parked records don't count) or ``timeout``."""
        engine = self.engine()
        deadline, pause = time.monotonic() + timeout, 0.5
        try:
            while True:
                report = engine.run_once(force=True)
                if on_pass is not None:
                    on_pass(report)
                if report.completed and read_status(self._store).pending == 0:
                    return True, report
                left = deadline - time.monotonic()
                if left <= 0:
                    return False, report
                if report.pushed or report.duplicates or report.uploaded_bytes or report.pulled:
                    pause = 0.5  # it moved before failing: the link works, go on at once
                    continue
                sleep(min(pause, left))
                pause = min(pause * 2, 5.0)
        finally:
            engine.client.close()

    # --- state for the GUI --------------------------------------------------------------------
    def status(self) -> SyncStatus:
        """From memory while the thread runs (cheap for the GUI thread), else from the DB;
        with a warning when this PC's clock differs from central's (central refuses records
        dated after its clock + 5 min)."""
        status = self._runner.status() if self._runner is not None else read_status(self._store)
        warning = self.clock_watch.warning()
        return dataclasses.replace(status, clock_warning=warning) if warning else status

    def parked(self) -> list[ParkedItem]:
        return list(read_status(self._store).parked_items)

    def retry_parked(self, ids: list[str] | None = None) -> int:
        """Put parked ops (by op_id) and attachments (by uuid) back in the queue; all if None."""
        n = 0
        with self._store.write() as s:
            for op in queries.parked_ops(s, ids):
                outbox.rebuild_op(s, op)
                n += op.state == "pending"
            for att in queries.parked_attachments(s, ids):
                att.upload_state, att.upload_id, att.uploaded_offset = "pending", None, 0
                att.last_error = None
                n += 1
        if self._runner is not None:
            self._runner.nudge(force=True)
        return n

    def dossier_sync_state(self, uuid: str) -> str:
        with self._store.session() as s:
            return outbox.entity_state(s, uuid)

    def dossier_sync_states(self, uuids: list[str]) -> dict[str, str]:
        """The same for a whole list in one query (today's list): uuid → state."""
        with self._store.session() as s:
            found = queries.outbox_states(s, uuids)
        return {
            u: "parked"
            if "parked" in st
            else "pending"
            if ("pending" in st or not st)
            else "synced"
            for u, st in found.items()
        }

    def attach(
        self,
        dossier_uuid: str,
        data: bytes,
        filename: str,
        content_type: str,
        paper_position: int | None = None,
    ) -> str:
        """Add a file to a saved dossier; returns the attachment's uuid."""
        with self._store.write() as s:
            dossier = dossier_by_uuid(s, dossier_uuid)
            if dossier is None:
                raise NotFound("sync.dossier", dossier_uuid=dossier_uuid)
            return add_attachment(
                s,
                dossier,
                self.attachments_dir,
                data,
                filename=filename,
                content_type=content_type,
                paper_position=paper_position,
            ).uuid

    def _db_path(self) -> Path:
        if isinstance(self._store, Store):
            return self._store.path
        if isinstance(self._store, _OpensStore):  # the desk's LazyStore: opened by now
            return self._store.get().path
        raise TypeError(f"cannot tell the database file of {self._store!r}")


@runtime_checkable
class _OpensStore(Protocol):
    """A store opened on first use (app.LazyStore): ``get()`` is the open Store."""

    def get(self) -> Store: ...


class CentralAuth:
    """Officer login: central decides when it answers, and the desk then caches its own argon2id
    hash of the typed password; offline (or not enrolled) the cached local hash decides.
    Accounts central has never confirmed (made at this desk's setup) keep their local check.
    Central's answer carries a short-lived officer session, kept in memory (``sessions``) for
    the calls made on the officer's behalf (the supervision feed). A name central has locked
    is refused here too: the cached hash is no way around central's lockout."""

    def __init__(
        self,
        local: AuthService,
        store: Sessions,
        credentials: CredentialStore,
        client_factory: Callable[..., CentralClient] = CentralClient,
        sessions: SessionKeeper = SESSIONS,
    ):
        self._local, self._store = local, store
        self._credentials, self._client_factory = credentials, client_factory
        self.sessions = sessions

    def login(self, username: str, password: str) -> OfficerView:
        username = username.strip()
        cred = self._credentials.load()
        if cred is None:
            return self._local.login(username, password)
        client = self._client_factory(cred.central_url, cred.device_token, ca_pem=cred.ca_pem)
        try:
            account = client.login(username, password)
        except OfficerLocked as exc:
            with self._store.write() as s:
                add_audit(
                    s,
                    username or "?",
                    "officer.login_locked",
                    "officer",
                    None,
                    {"by": "central", "retry_after": exc.retry_after},
                )
            wait = f" ({int(exc.retry_after)} s)" if exc.retry_after else ""
            raise AuthError("sync.central_locked_account_after", wait=wait) from exc
        except SyncError as exc:  # unreachable, busy, or this device refused: cached hash
            log.info("central login unavailable (%s): checking the cached password", exc.message)
            return self._local.login(username, password)
        finally:
            client.close()
        if account is None:
            with self._store.session() as s:
                central_managed = username in get_setting(s, CENTRAL_OFFICERS, [])
            if not central_managed:  # an account made on this desk only (e.g. at setup)
                return self._local.login(username, password)
            with self._store.write() as s:
                add_audit(
                    s, username or "?", "officer.login_failed", "officer", None, {"by": "central"}
                )
            raise AuthError("sync.wrong_user_name_password")
        with self._store.write() as s:
            row = find_officer(s, account.username)
            if row is None:
                row = Officer(username=account.username, password_hash="")
                s.add(row)
            row.full_name, row.role, row.active = account.full_name, account.role, True
            if not password_matches(row.password_hash, password):
                row.password_hash = hash_password(password)
            managed = get_setting(s, CENTRAL_OFFICERS, [])
            if account.username not in managed:
                set_setting(s, CENTRAL_OFFICERS, [*managed, account.username])
        officer = self._local.login(account.username, password)
        self.sessions.keep(
            cred.device_token, account.username, account.session, account.session_expires_at
        )
        return officer

    def logout(self, username: str) -> None:
        """Forget the officer's session here and end it on central (best effort: offline, it
        simply expires there)."""
        cred = self._credentials.load()
        token = None if cred is None else self.sessions.drop(cred.device_token, username)
        if cred is None or token is None:
            return
        client = self._client_factory(cred.central_url, cred.device_token, ca_pem=cred.ca_pem)
        try:
            client.logout(token)
        except SyncError as exc:
            log.info("central logout failed (%s): the session expires there", exc.message)
        finally:
            client.close()

    def verify(self, username: str, password: str) -> bool:
        return self._local.verify(username, password)

    def officer(self, username: str) -> OfficerView:
        return self._local.officer(username)
