"""run_together: a failing or stuck thread fails the test quickly, never hangs it."""

from __future__ import annotations

import threading
import time

import pytest

from tests.support.threads import run_together


def test_every_job_runs_after_all_reached_the_gate():
    arrived: list[int] = []
    passed: list[int] = []

    def job(i: int):
        def body(gate: threading.Barrier) -> None:
            arrived.append(i)
            gate.wait()
            passed.append(len(arrived))  # nobody passes before everybody arrived

        return body

    run_together([job(i) for i in range(5)], timeout=10)
    assert sorted(arrived) == list(range(5)) and passed == [5] * 5


def test_a_job_failing_before_the_gate_fails_the_test_at_once():
    def waits(gate: threading.Barrier) -> None:
        gate.wait()

    def fails(_gate: threading.Barrier) -> None:
        raise ValueError("desk 3 broke")

    started = time.monotonic()
    with pytest.raises(ValueError, match="desk 3 broke"):
        run_together([waits, waits, fails, waits], timeout=30)
    assert time.monotonic() - started < 5  # the others were released, not left to time out


def test_a_stuck_job_is_reported_after_the_timeout():
    release = threading.Event()

    def stuck(_gate: threading.Barrier) -> None:
        release.wait(30)

    started = time.monotonic()
    try:
        with pytest.raises(AssertionError, match="1 of 2 threads still running"):
            run_together([stuck, lambda gate: None], timeout=0.5)
    finally:
        release.set()
    assert time.monotonic() - started < 5
