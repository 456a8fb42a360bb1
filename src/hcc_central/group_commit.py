"""Group commit: requests that arrive while one transaction is being written are written
together in the next one.

Why: a small push (the usual 1–5 dossiers) costs mostly what every transaction costs — BEGIN,
a few lookups, one insert per table, COMMIT and its WAL flush — not what its rows cost. When 60
counters push at once, writing the pushes waiting in this process as one transaction pays that
once for all of them. Nobody waits for a group to fill: a request that finds no write in
progress is written at once, alone. Under load it waits at most for the write in progress.

Leader/follower: the thread that finds nothing in progress writes the queue's head group; the
others sleep until their group is written, or until they are promoted to write the next one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sized
from typing import Generic, TypeVar

Item = TypeVar("Item", bound=Sized)
Out = TypeVar("Out")


class _Job(Generic[Item, Out]):
    __slots__ = ("error", "item", "lead", "out", "ready")

    def __init__(self, item: Item) -> None:
        self.item = item
        self.out: Out | None = None
        self.error: BaseException | None = None
        self.lead = False
        self.ready = threading.Event()


class GroupCommit(Generic[Item, Out]):
    """``write(items) → out`` runs in one caller's thread for a group of waiting items (whose
    ``len`` adds up to at most ``max_size``, or a single larger one); every caller in the group
    gets the same ``out``. If the group's write raises, each item is written again alone and
    its caller gets that write's ``out`` or exception: one bad item never fails the others."""

    def __init__(self, write: Callable[[list[Item]], Out], max_size: int) -> None:
        self._write, self._max = write, max_size
        self._lock = threading.Lock()
        self._queue: list[_Job[Item, Out]] = []
        self._busy = False

    def submit(self, item: Item) -> Out:
        job: _Job[Item, Out] = _Job(item)
        with self._lock:
            self._queue.append(job)
            if not self._busy:
                self._busy = job.lead = True
        if not job.lead:
            job.ready.wait()  # written by another thread, or promoted to write
        if job.lead:
            self._lead()
        if job.error is not None:
            raise job.error
        return job.out  # type: ignore[return-value]

    def _lead(self) -> None:
        with self._lock:
            group: list[_Job[Item, Out]] = []
            size = 0
            while self._queue and (not group or size + len(self._queue[0].item) <= self._max):
                size += len(self._queue[0].item)
                group.append(self._queue.pop(0))
        try:
            self._write_isolated(group)
        finally:
            with self._lock:
                nxt = self._queue[0] if self._queue else None
                if nxt is None:
                    self._busy = False
                else:
                    nxt.lead = True
            for j in group:
                j.lead = False
                j.ready.set()
            if nxt is not None:
                nxt.ready.set()

    def _write_isolated(self, group: list[_Job[Item, Out]]) -> None:
        """The group in one write; if that fails, each item again alone, so one bad item (an
        input the database refuses, a constraint only it sees) fails only its own caller."""
        try:
            out = self._write([j.item for j in group])
            for j in group:
                j.out = out
            return
        except Exception as exc:  # noqa: BLE001 — rolled back: find whose item it was
            if len(group) == 1:
                group[0].error = exc
                return
        except BaseException as exc:  # noqa: BLE001 — not the data: every caller gets it
            for j in group:
                j.error = exc
            return
        for j in group:
            try:
                j.out = self._write([j.item])
            except BaseException as exc:  # noqa: BLE001 — this caller's own failure
                j.error = exc
