"""One sync pass: push the outbox, upload attachments, pull central's changes.

Push comes first so central holds our latest state before we read its changes; a pulled change
for a dossier that still has ops to push waits in ``deferred_change`` (pull.py).
A transient failure (network, timeout, 429/5xx) ends the pass; the ops that were in flight get a
per-op ``next_attempt_at`` (capped exponential backoff, full jitter). An op central rejects is
parked and the rest carry on.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, cast

from pydantic import ValidationError
from sqlalchemy.orm import Session

from hcc_core.wire import protocol as p
from hcc_desk.core.store.models import OutboxOp, SyncState
from hcc_desk.core.store.store import Sessions

from . import outbox
from .backoff import BASE_S, CAP_S, Rng, backoff_delay
from .client import AuthFailed, CentralClient, Refused, SyncError, TooLarge, Transient
from .pull import Applied, apply_changes, apply_deferred
from .uploads import Progress, Uploader

log = logging.getLogger("hcc_desk.sync")
PULL_LIMIT = 500
MAX_PULL_PAGES = 200  # per pass: a long backlog continues next pass instead of starving pushes
Batch = list[tuple[int, p.PushOp]]


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    parked: int = 0
    pulled: int = 0
    deferred: int = 0
    uploaded_bytes: int = 0
    errors: list[str] = field(default_factory=list)
    completed: bool = False  # every phase ran (some records may still have been parked)
    offline: bool = False  # the network failed: retry when a probe answers
    auth_failed: bool = False  # central refuses this device: re-enrol


def sync_state(session: Session) -> SyncState:
    row = session.get(SyncState, 1)
    if row is None:
        row = SyncState(id=1, cursor=0)
        session.add(row)
        session.flush()
    return row


class SyncEngine:
    def __init__(
        self,
        store: Sessions,
        client: CentralClient,
        clock: Callable[[], datetime] = datetime.now,
        rng: Rng | None = None,
        *,
        attachments_dir: Path | None = None,
        batch_size: int = p.MAX_PUSH_OPS,
        backoff_base: float = BASE_S,
        backoff_cap: float = CAP_S,
        on_progress: Progress | None = None,
    ):
        self.store, self.client, self.clock = store, client, clock
        self.rng: Rng = rng or random.Random()  # noqa: S311 - retry jitter, not a secret
        self.batch_size = min(batch_size, p.MAX_PUSH_OPS)
        self.backoff = (backoff_base, backoff_cap)
        self.attachments_dir = attachments_dir
        self.on_progress = on_progress
        self._lock = threading.Lock()  # one pass at a time (timer, nudge and "sync now")

    def run_once(self, force: bool = False) -> SyncReport:
        """One pass. ``force`` ignores backoff timers (sync now, network just came back)."""
        with self._lock:
            report = SyncReport()
            try:
                self._push(report, force)
                if self.attachments_dir is not None:
                    self._upload(report)
                self._pull(report)
                report.completed = True
            except Transient as exc:
                report.offline = exc.network
                report.errors.append(exc.message)
                if exc.network:
                    self.client.drop_connections()
            except AuthFailed as exc:
                report.auth_failed = True
                report.errors.append(f"{exc.message} — cần đăng ký lại / re-enrol this desk")
            except Refused as exc:  # wrong URL or a central of another version: not the data
                report.errors.append(f"central answered {exc.status}: {exc.message}")
            self._record(report)
            return report

    # --- push ---------------------------------------------------------------------------------
    def _push(self, report: SyncReport, force: bool) -> None:
        tried: set[int] = set()
        while True:
            batch = self._claim(report, force, tried)
            if not batch:
                return
            tried.update(i for i, _ in batch)
            self._send(batch, report)

    def _claim(self, report: SyncReport, force: bool, tried: set[int]) -> Batch:
        with self.store.write() as s:
            ids = outbox.due_op_ids(s, self.clock(), self.batch_size, force=force, exclude=tried)
            batch: Batch = []
            for row in (s.get(OutboxOp, i) for i in ids):
                assert row is not None
                try:
                    batch.append(
                        (
                            row.id,
                            p.PushOp(
                                op_id=row.op_id,
                                # pydantic checks the kind: a row it refuses is parked below
                                kind=cast(Literal["dossier.upsert"], row.kind),
                                entity_uuid=row.entity_uuid,
                                payload=p.DossierDoc.model_validate(row.payload),
                            ),
                        )
                    )
                except ValidationError as exc:
                    outbox.park(row, f"invalid for central: {exc.errors()[0]['msg']}", 422)
                    report.parked += 1
            # Counted as sent before it goes: from now on a retry must reuse this op_id.
            outbox.mark_sent(s, [i for i, _ in batch])
        return batch

    def _send(self, batch: Batch, report: SyncReport) -> None:
        try:
            response = self.client.push([op for _, op in batch])
        except (TooLarge, Refused) as exc:
            if isinstance(exc, Refused) and exc.status not in (400, 422):
                self._back_off([i for i, _ in batch], exc)
                raise
            if len(batch) == 1:  # this one op is the problem: park it, go on with the rest
                with self.store.write() as s:
                    row = s.get(OutboxOp, batch[0][0])
                    if row is not None:
                        outbox.park(row, exc.message, exc.status or 400)
                report.parked += 1
                return
            if isinstance(exc, TooLarge):
                self.batch_size = max(1, len(batch) // 2)  # remember for the next batches
            half = len(batch) // 2
            self._send(batch[:half], report)
            self._send(batch[half:], report)
            return
        except (Transient, AuthFailed) as exc:
            self._back_off([i for i, _ in batch], exc)
            raise
        self._apply_results(batch, response, report)

    def _apply_results(self, batch: Batch, response: p.PushResponse, report: SyncReport) -> None:
        results = {r.op_id: r for r in response.results}
        missing: list[int] = []
        with self.store.write() as s:
            for row_id, op in batch:
                row = s.get(OutboxOp, row_id)
                if row is None or row.state != "pending":
                    continue
                r = results.get(op.op_id)
                if r is None:
                    missing.append(row_id)
                elif r.outcome == "rejected":
                    outbox.park(row, r.reason or f"rejected ({r.code})", r.code)
                    report.parked += 1
                else:
                    outbox.mark_done(s, row)
                    if r.outcome == "applied":
                        report.pushed += 1
                    else:
                        report.duplicates += 1
        if missing:
            self._back_off(missing, SyncError("central gave no result for this op"))
            report.errors.append(f"central gave no result for {len(missing)} op(s)")

    def _back_off(self, ids: list[int], exc: SyncError) -> None:
        now = self.clock()
        with self.store.write() as s:
            for row in (s.get(OutboxOp, i) for i in ids):
                if row is None or row.state != "pending":
                    continue
                delay = backoff_delay(row.attempts, self.rng, *self.backoff)
                if isinstance(exc, Transient) and exc.retry_after:
                    delay = max(delay, exc.retry_after)
                row.next_attempt_at = now + timedelta(seconds=delay)
                row.last_error = exc.message[:500]

    # --- uploads and pull ---------------------------------------------------------------------
    def _upload(self, report: SyncReport) -> None:
        assert self.attachments_dir is not None
        uploader = Uploader(self.store, self.client, self.attachments_dir, self.on_progress)
        if not uploader.todo():
            return
        limits = self.client.limits()
        with self.store.write() as s:
            sync_state(s).limits = limits.model_dump()
        try:
            parked, problems = uploader.run(limits)
        finally:
            report.uploaded_bytes += uploader.sent
        report.parked += parked
        report.errors.extend(problems)

    def _pull(self, report: SyncReport) -> None:
        out = Applied()
        with self.store.write() as s:
            apply_deferred(s, out)
        for _ in range(MAX_PULL_PAGES):
            with self.store.session() as s:
                row = s.get(SyncState, 1)
                cursor = row.cursor if row is not None else 0
            page = self.client.pull(cursor, PULL_LIMIT)
            with self.store.write() as s:
                state = sync_state(s)
                if state.cursor == cursor:  # else another process applied this page already
                    apply_changes(s, page.changes, out)
                    state.cursor = max(cursor, page.cursor)  # same transaction as the changes
            if not page.more:
                break
        report.pulled += out.applied
        report.deferred += out.deferred
        report.errors.extend(out.errors)

    def _record(self, report: SyncReport) -> None:
        now = self.clock()
        try:
            with self.store.write() as s:
                state = sync_state(s)
                state.last_attempt_at = now
                if report.completed:
                    state.last_success_at = now
                    state.last_error = "; ".join(report.errors)[:1000] or None
                else:
                    state.last_error = "; ".join(report.errors)[:1000]
        except Exception:  # a locked or full disk must not hide the pass's own outcome
            log.exception("could not record the sync outcome")
