"""Background sync: a thread that runs the engine on its own timer, never waiting for a local
write to restart a stuck queue.

- every ``interval`` seconds, or sooner when a backed-off op falls due;
- at once on ``nudge()`` (every commit that enqueues an op calls it, see outbox.add_waker);
- while offline, a cheap probe (GET /limits) every ``probe_interval`` seconds, and a full pass
  ignoring backoff timers the moment it answers, so queues drain right after the network heals.
``status()`` is a snapshot kept in memory: the GUI thread reads it without touching the disk.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hcc_core.i18n import Msg
from hcc_desk.core.store.models import Attachment, Dossier, OutboxOp, SyncState
from hcc_desk.core.store.store import Sessions

from . import outbox
from .engine import SyncEngine, SyncReport

log = logging.getLogger("hcc_desk.sync")


@dataclass(frozen=True)
class ParkedItem:
    kind: str  # "op" | "attachment"
    id: str  # op_id or attachment uuid
    entity_uuid: str
    reason: str
    code: int | None


@dataclass(frozen=True)
class UploadProgress:
    attachment_uuid: str
    filename: str
    sent: int
    total: int


@dataclass(frozen=True)
class SyncStatus:
    running: bool = False
    online: bool | None = None  # None: not known yet
    auth_failed: bool = False
    pending: int = 0  # ops and attachments still to send
    parked: int = 0
    parked_items: tuple[ParkedItem, ...] = ()
    last_success_at: datetime | None = None
    last_error: str | None = None
    upload: UploadProgress | None = None
    clock_warning: Msg | None = None  # this PC's clock is wrong


def read_status(store: Sessions) -> SyncStatus:
    """Counts and the last outcome, read from the database (a worker-thread call)."""
    with store.session() as s:
        c = outbox.counts(s)
        ops = s.scalars(
            select(OutboxOp).where(OutboxOp.state == "parked").order_by(OutboxOp.id).limit(100)
        )
        items = [
            ParkedItem("op", o.op_id, o.entity_uuid, o.parked_reason or "", o.parked_code)
            for o in ops
        ]
        atts = s.execute(
            select(Attachment.uuid, Dossier.uuid, Attachment.last_error)
            .join(Dossier)
            .where(Attachment.upload_state == "parked")
            .limit(100)
        )
        items += [ParkedItem("attachment", a, d, err or "", None) for a, d, err in atts]
        by_state = dict(
            s.execute(
                select(Attachment.upload_state, func.count()).group_by(Attachment.upload_state)
            )
            .tuples()
            .all()
        )
        state = s.get(SyncState, 1)
    waiting = by_state.get("pending", 0) + by_state.get("uploading", 0)
    return SyncStatus(
        pending=c["pending"] + waiting,
        parked=c["parked"] + by_state.get("parked", 0),
        parked_items=tuple(items),
        last_success_at=state.last_success_at if state else None,
        last_error=state.last_error if state else None,
    )


class BackgroundSync:
    def __init__(
        self,
        engine: SyncEngine,
        db_path: Path,
        *,
        interval: float = 30.0,
        probe_interval: float = 3.0,
    ):
        self.engine, self.db_path = engine, db_path
        self.interval, self.probe_interval = interval, probe_interval
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._cond = threading.Condition()
        self._force = False
        self._passes = 0
        self._last_report: SyncReport | None = None
        self._status = SyncStatus()
        self._offline = False
        self._failed_passes = 0  # passes cut short by central (5xx, unsettled upload, a bug)
        self._thread: threading.Thread | None = None
        engine.on_progress = self._progress

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        outbox.add_waker(self.db_path, self.nudge)
        self._thread = threading.Thread(target=self._loop, name="hcc-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> bool:
        """Ask the thread to end and wait up to ``timeout`` for it; False when a request in
        flight is still waiting for central: the thread ends, and closes its client, once that
        request returns (it is a daemon: a closing desk does not wait for it)."""
        outbox.remove_waker(self.db_path, self.nudge)
        self._stopping.set()
        self._wake.set()
        ended = True
        if self._thread is not None:
            self._thread.join(timeout)
            ended = not self._thread.is_alive()
            self._thread = None
        self._set(running=False, upload=None)
        return ended

    def nudge(self, force: bool = False) -> None:
        with self._cond:
            self._force = self._force or force
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._cond:
            return self._status

    def run_now(self, timeout: float = 120.0) -> SyncReport | None:
        """A forced pass, started after this call, and its report (None on timeout)."""
        with self._cond:
            target = self._passes + 1 + (1 if self._busy else 0)
        self.nudge(force=True)
        with self._cond:
            if not self._cond.wait_for(lambda: self._passes >= target, timeout):
                return None
            return self._last_report

    # --- the thread ---------------------------------------------------------------------------
    _busy = False

    def _loop(self) -> None:
        self._set(running=True)
        self._refresh()
        while not self._stopping.is_set():
            with self._cond:
                force, self._force = self._force, False
            if self._offline:
                if not self.engine.client.probe():
                    self._set(online=False)
                    self._sleep(self.probe_interval)
                    continue
                force = True  # reconnected: don't sit out timers set while the network was down
            self._pass(force)
            if self._stopping.is_set():
                break
            self._sleep(self._delay())
        self._set(running=False)
        self.engine.client.close()  # here, not in stop(): never under a request in flight

    def _pass(self, force: bool) -> None:
        with self._cond:
            self._busy = True
        report: SyncReport | None = None
        try:
            report = self.engine.run_once(force=force)
            was_offline, self._offline = self._offline, report.offline
            unfinished = not (report.completed or report.offline or report.auth_failed)
            self._failed_passes = self._failed_passes + 1 if unfinished else 0
            self._log_outcome(report, was_offline)
            self._set(online=not report.offline, auth_failed=report.auth_failed, upload=None)
        except Exception:  # a bug or a broken disk must not kill the thread: log, retry later
            self._failed_passes += 1
            log.exception("sync pass failed")
        finally:
            self._refresh()
            with self._cond:
                self._busy = False
                self._passes += 1
                self._last_report = report
                self._cond.notify_all()

    # A central restarting fails a pass or two; this many in a row is worth support's attention.
    FAILED_PASSES_TO_WARN = 3

    def _log_outcome(self, report: SyncReport, was_offline: bool) -> None:
        """What support reads when an officer says "it does not sync": changes of state and
        work done, not every quiet pass. Counts and central's messages only, no personal data."""
        if report.offline != was_offline:
            log.info(
                "central %s", "unreachable: working offline" if report.offline else "reachable"
            )
        if report.auth_failed and not self._status.auth_failed:
            log.error("central refuses this desk's token: it must be enrolled again")
        if report.pushed or report.pulled or report.uploaded_bytes:
            log.info(
                "sync: pushed %d, pulled %d, uploaded %d bytes",
                report.pushed,
                report.pulled,
                report.uploaded_bytes,
            )
        problems = "; ".join(report.errors)
        if report.parked:
            log.warning("sync: central refused %d record(s), parked: %s", report.parked, problems)
        elif self._failed_passes:
            failed = self._failed_passes
            level = logging.WARNING if failed >= self.FAILED_PASSES_TO_WARN else logging.INFO
            log.log(level, "sync pass unfinished (%d in a row): %s", failed, problems)

    def _delay(self) -> float:
        if self._offline:
            return self.probe_interval
        if self._failed_passes:
            # Central answered but the pass did not finish (e.g. a 5xx while it restarts, or an
            # upload that did not settle): retry soon, backing off, instead of idling a full
            # interval with work waiting.
            backoff: float = self.probe_interval * 2 ** (self._failed_passes - 1)
            return min(self.interval, backoff)
        try:
            with self.engine.store.session() as s:
                due = outbox.next_due_at(s)
        except Exception:
            log.exception("reading the next due time failed")
            return self.interval
        if due is None:
            return self.interval
        wait = (due - self.engine.clock()).total_seconds()
        return min(self.interval, max(0.05, wait))

    def _sleep(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _refresh(self) -> None:
        try:
            fresh = read_status(self.engine.store)
        except Exception:
            log.exception("reading the sync status failed")
            return
        with self._cond:
            self._status = replace(
                self._status,
                pending=fresh.pending,
                parked=fresh.parked,
                parked_items=fresh.parked_items,
                last_success_at=fresh.last_success_at,
                last_error=fresh.last_error,
            )

    def _progress(self, att_uuid: str | None, filename: str, sent: int, total: int) -> None:
        self._set(
            upload=None if att_uuid is None else UploadProgress(att_uuid, filename, sent, total)
        )

    def _set(self, **changes: Any) -> None:
        with self._cond:
            self._status = replace(self._status, **changes)
