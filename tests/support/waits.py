"""Wait for a condition instead of sleeping a guessed time: fast when the condition comes early,
patient when the machine is slow, and a clear failure when it never comes."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def poll(predicate: Callable[[], T], timeout: float = 10.0, interval: float = 0.02) -> T | None:
    """Call ``predicate`` until it returns something truthy and return that, or None once
    ``timeout`` seconds have passed (for callers to whom "not within the time" is an answer)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)  # the pace of the polling, not a guess at how long things take


def wait_until(
    predicate: Callable[[], T],
    timeout: float = 10.0,
    message: str = "the condition",
    interval: float = 0.02,
) -> T:
    """Like ``poll``, but a timeout fails the test, saying what did not happen."""
    value = poll(predicate, timeout, interval)
    if value is None:
        raise AssertionError(f"timed out after {timeout:g} s waiting for {message}")
    return value
