"""Threads in a test that fail instead of hanging.

Every wait has a deadline, an exception in any thread is raised again in the test's own thread,
and a thread that fails breaks the shared barrier, so the others stop waiting for it at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

Job = Callable[[threading.Barrier], object]


def run_together(jobs: Sequence[Job], timeout: float) -> None:
    """Run each job in its own thread, handing all of them one barrier to line up on.

    Returns when all have finished; raises the first error a job raised (rather than the
    BrokenBarrierError it caused in the others), or AssertionError if any job is still running
    after ``timeout`` seconds. Each barrier wait is also bounded by ``timeout``.
    """
    gate = threading.Barrier(len(jobs), timeout=timeout)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(job: Job) -> None:
        try:
            job(gate)
        except BaseException as exc:
            with lock:
                errors.append(exc)
            gate.abort()

    threads = [threading.Thread(target=run, args=(job,), daemon=True) for job in jobs]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    with lock:
        causes = [e for e in errors if not isinstance(e, threading.BrokenBarrierError)]
        first = (causes or errors or [None])[0]
    if first is not None:
        raise first
    stuck = sum(t.is_alive() for t in threads)
    assert stuck == 0, f"{stuck} of {len(threads)} threads still running after {timeout} s"
