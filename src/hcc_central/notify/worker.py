"""Sending the outbox: any number of ``serve`` processes run one worker each; a message is
claimed by exactly one of them before it is sent.

A claim is a lease: in one short transaction the worker picks due messages (PostgreSQL: ``FOR
UPDATE SKIP LOCKED``, so two workers never wait on nor take the same rows) and moves each from
its seen state to ``sending`` with ``claimed_until`` = now + lease, compared and set in one
UPDATE (on SQLite, whose write transactions are already exclusive, that compare is the whole
guard). It then sends outside any transaction and records the outcome only if its lease is
still the row's: ``sent``; or ``pending`` again with an exponential backoff and the error; or
``failed`` once the attempts are spent or the error is permanent. A process that dies between
the send and that record leaves a ``sending`` row whose lease runs out: it is sent again, with
the same Message-ID / idempotency key (sender.py), and counted as one more attempt.

Logs carry notification ids and error kinds only: never a recipient or a text.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session

from ..changes import audit
from ..db import Database, rows_changed
from ..models import Notification
from ..settings import Settings
from .sender import Outgoing, Sender, SendError, senders

logger = logging.getLogger(__name__)

BATCH = 20
MAX_BACKOFF = timedelta(hours=1)
ACTOR = "notify"


@dataclass(frozen=True)
class Claimed:
    message: Outgoing
    attempts: int
    lease: datetime


@dataclass
class Pass:
    claimed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def backoff(settings: Settings, attempts: int) -> timedelta:
    """Wait after the ``attempts``-th failure: the base, doubled each time, at most an hour."""
    seconds = settings.notify_retry_seconds * 2 ** max(attempts - 1, 0)
    return min(timedelta(seconds=seconds), MAX_BACKOFF)


def lease_time(settings: Settings) -> timedelta:
    """Longer than any one send can take (a connect, a login, a send: each with the timeout)."""
    return timedelta(seconds=max(300, 4 * settings.notify_timeout_seconds))


def _claimable(now: datetime) -> ColumnElement[bool]:
    return or_(Notification.claimed_until.is_(None), Notification.claimed_until < now)


def expire_stale(s: Session, settings: Settings, now: datetime) -> int:
    """Messages not sent within ``notify_max_age_hours`` (no channel configured, a long
    outage) end as failed: news of a step days old would mislead more than it helps."""
    oldest = now - timedelta(hours=settings.notify_max_age_hours)
    result = s.execute(
        update(Notification)
        .where(Notification.state == "pending", Notification.created_at < oldest)
        .values(
            state="failed",
            last_error=func.coalesce(
                Notification.last_error,
                f"chưa gửi được sau {settings.notify_max_age_hours} giờ (kênh chưa cấu hình?)",
            ),
        )
    )
    return rows_changed(result)


class Worker:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        channels: Mapping[str, Sender] | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.db = db
        self.settings = settings
        self.channels = dict(senders(settings) if channels is None else channels)
        self.clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- one pass -----------------------------------------------------------------------------
    def claim(self, now: datetime) -> list[Claimed]:
        lease = now + lease_time(self.settings)
        with self.db.read() as s:  # most passes find nothing: no write lock for them (SQLite)
            due = s.scalar(
                select(Notification.id)
                .where(
                    Notification.state.in_(("pending", "sending")),
                    Notification.next_attempt_at <= now,
                    _claimable(now),
                )
                .limit(1)
            )
        if due is None:
            return []
        with self.db.write() as s:
            expire_stale(s, self.settings, now)
            ids = s.scalars(
                select(Notification.id)
                .where(
                    Notification.state.in_(("pending", "sending")),
                    Notification.channel.in_(list(self.channels)),
                    Notification.next_attempt_at <= now,
                    _claimable(now),
                )
                .order_by(Notification.next_attempt_at, Notification.id)
                .limit(BATCH)
                .with_for_update(skip_locked=True)
            ).all()
            mine = []
            for nid in ids:
                taken = s.execute(
                    update(Notification)
                    .where(
                        Notification.id == nid,
                        Notification.state.in_(("pending", "sending")),
                        _claimable(now),
                    )
                    .values(
                        state="sending",
                        claimed_until=lease,
                        attempts=Notification.attempts + 1,
                    )
                )
                if rows_changed(taken) == 1:
                    mine.append(nid)
            rows = s.scalars(select(Notification).where(Notification.id.in_(mine))).all()
            return [
                Claimed(
                    Outgoing(n.id, n.channel, n.recipient, n.subject, n.body), n.attempts, lease
                )
                for n in sorted(rows, key=lambda n: n.id)
            ]

    def run_once(self, now: datetime | None = None) -> Pass:
        """Claim the due messages and send them; ``now`` for tests that move time."""
        now = now or self.clock()
        done = Pass()
        if not self.channels:
            return done
        claimed = self.claim(now)
        done.claimed = len(claimed)
        for i, item in enumerate(claimed):
            if self._stop.is_set():  # shutting down: the rest go back at once, not at lease end
                self._release(claimed[i:])
                break
            try:
                self._send(item.message)
            except SendError as err:
                if self._record_failure(item, err, now):
                    done.failed += 1
                else:
                    done.retrying += 1
            else:
                self._record_sent(item, now)
                done.sent += 1
        return done

    def _send(self, message: Outgoing) -> None:
        try:
            self.channels[message.channel].send(message)
        except SendError:
            raise
        except Exception as bug:  # noqa: BLE001 - a bug or an odd value: recorded, retried, never stuck
            raise SendError(f"lỗi khi gửi: {type(bug).__name__}") from None

    def _mine(self, item: Claimed) -> ColumnElement[bool]:
        return (
            (Notification.id == item.message.id)
            & (Notification.state == "sending")
            & (Notification.claimed_until == item.lease)
        )

    def _record_sent(self, item: Claimed, now: datetime) -> None:
        with self.db.write() as s:
            result = s.execute(
                update(Notification)
                .where(self._mine(item))
                .values(state="sent", sent_at=now, claimed_until=None, last_error=None)
            )
            if rows_changed(result) != 1:  # lease lost (a very slow send): the other one counts
                logger.info("notification %s sent after its lease ended", item.message.id)
                return
            audit(s, ACTOR, "notification.sent", id=item.message.id,
                  channel=item.message.channel, attempts=item.attempts)  # fmt: skip
        logger.info("notification %s sent (%s)", item.message.id, item.message.channel)

    def _record_failure(self, item: Claimed, err: SendError, now: datetime) -> bool:
        """Record a failed send; True when it was the last attempt."""
        final = err.permanent or item.attempts >= self.settings.notify_max_attempts
        values: dict[str, object] = {"claimed_until": None, "last_error": err.text}
        if final:
            values["state"] = "failed"
        else:
            values["state"] = "pending"
            values["next_attempt_at"] = now + backoff(self.settings, item.attempts)
        with self.db.write() as s:
            result = s.execute(update(Notification).where(self._mine(item)).values(**values))
            if final and rows_changed(result) == 1:
                audit(s, ACTOR, "notification.failed", id=item.message.id,
                      channel=item.message.channel, attempts=item.attempts)  # fmt: skip
        if final:
            logger.warning(
                "notification %s failed after %d attempt(s)", item.message.id, item.attempts
            )
        else:
            logger.info("notification %s: attempt %d failed", item.message.id, item.attempts)
        return final

    def _release(self, items: list[Claimed]) -> None:
        with self.db.write() as s:
            for item in items:
                s.execute(
                    update(Notification)
                    .where(self._mine(item))
                    .values(state="pending", claimed_until=None, attempts=Notification.attempts - 1)
                )

    # --- the background thread of a serve process ---------------------------------------------
    def start(self) -> Worker:
        self._thread = threading.Thread(target=self._loop, name="hcc-notify", daemon=True)
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                done = self.run_once()
            except Exception as err:  # noqa: BLE001 - the database may be down: try again later
                # The type only: a database error's text can quote a row's values.
                logger.error("notification pass failed: %s", type(err).__name__)
                done = Pass()
            if done.claimed < BATCH:
                self._stop.wait(self.settings.notify_poll_seconds)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop taking messages; a send under way may finish (it has its own timeout), its
        thread is not waited for longer than ``timeout`` (a daemon: it dies with the process,
        and its lease sends the message again elsewhere)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)


def start_worker(db: Database, settings: Settings) -> Worker | None:
    """The worker of a serve process, if a channel is configured."""
    worker = Worker(db, settings)
    return worker.start() if worker.channels else None
