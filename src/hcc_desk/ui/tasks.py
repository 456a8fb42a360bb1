"""Background work: run plain callables off the GUI thread, get results back on it.

Two lanes, as the design asks: the *db* lane has one worker, so local writes (drafts, intake,
settings) run one at a time and in order; the *io* lane has a few workers for slow, independent
jobs (rendering PDFs, talking to the printer, copying files).  Callables receive no widgets and
return plain data; callbacks run on the GUI thread, and are skipped when their owner widget has
been deleted meanwhile (a dialog closed before its render finished).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)


@dataclass(frozen=True)
class Failure:
    """An exception raised in a worker, with its traceback formatted there (plain data)."""

    exc: BaseException
    traceback_text: str


Callback = Callable[[Any], None]


class _Relay(QObject):
    """Lives in the GUI thread; its slots therefore run there (queued from the worker)."""

    finished = Signal(object, bool)

    def __init__(
        self,
        runner: TaskRunner,
        on_done: Callback | None,
        on_error: Callback | None,
        owner: QObject | None,
    ):
        super().__init__()
        self._runner, self._on_done, self._on_error, self._owner = runner, on_done, on_error, owner
        self.finished.connect(self._deliver)

    @Slot(object, bool)
    def _deliver(self, value: Any, ok: bool) -> None:
        self._runner._forget(self)
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return
        if ok:
            if self._on_done is not None:
                self._on_done(value)
        elif self._on_error is not None:
            self._on_error(value)
        else:
            self._runner.default_error(value)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never lost
            self._relay.finished.emit(Failure(exc, traceback.format_exc()), False)
        else:
            self._relay.finished.emit(result, True)


class TaskRunner(QObject):
    """Facade over two thread pools.  ``synchronous=True`` runs jobs inline (unit tests)."""

    def __init__(
        self,
        parent: QObject | None = None,
        synchronous: bool = False,
        default_error: Callback | None = None,
    ):
        super().__init__(parent)
        self._synchronous = synchronous
        self._pending: set[_Relay] = set()
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._io = QThreadPool(self)
        self._io.setMaxThreadCount(3)
        self._default_error = default_error

    def db(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn`` on the single database lane; callbacks get the result or a :class:`Failure`."""
        self._start(self._db, fn, on_done, on_error, owner)

    def io(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn`` on the I/O lane (printing, rendering, files)."""
        self._start(self._io, fn, on_done, on_error, owner)

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callback | None,
        on_error: Callback | None,
        owner: QObject | None,
    ) -> None:
        relay = _Relay(self, on_done, on_error, owner)
        self._pending.add(relay)
        job = _Job(fn, relay)
        if self._synchronous:
            job.run()
            QCoreApplication.sendPostedEvents(relay)
        else:
            pool.start(job)

    def _forget(self, relay: _Relay) -> None:
        self._pending.discard(relay)
        relay.deleteLater()

    def busy(self) -> bool:
        return bool(self._pending)

    def default_error(self, failure: Failure) -> None:
        if self._default_error is not None:
            self._default_error(failure)
        else:
            from hcc_desk.ui import errors

            errors.present_failure(None, failure)

    def wait_idle(self, timeout_ms: int = 10000) -> bool:
        """Block until every job has run and its callback was delivered (tests, shutdown)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            self._db.waitForDone(20)
            self._io.waitForDone(20)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return not self._pending

    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Let running jobs finish (a draft save in flight must reach the disk)."""
        self._db.waitForDone(timeout_ms)
        self._io.waitForDone(timeout_ms)
