"""Token buckets in memory, by key (a client address, a dossier code).

Each API process keeps its own buckets: with N processes behind a load balancer a client gets
up to N times the rate. That is accepted: the limits are there to make PIN guessing hopeless
(10^9 PINs against a few per minute), not to meter exactly, and keeping them out of the
database means a flood of lookups costs no writes (see docs/security.md).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float
    refused: bool = False  # the last take was refused (audit the first refusal of a run only)


class Buckets:
    """``burst`` tokens per key, refilled at ``per_minute`` a minute. At most ``size`` keys are
    kept (the least recently used dropped first), so a spray of addresses cannot exhaust
    memory; a dropped key starts full again, which costs the sprayer as much as a new address."""

    def __init__(
        self,
        per_minute: float,
        burst: float | None = None,
        size: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst if burst is not None else per_minute)
        self.size, self.clock = size, clock
        self._items: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def _refilled(self, key: str) -> _Bucket:
        now = self.clock()
        b = self._items.pop(key, None)  # re-inserted: dict order is least recently used first
        if b is None:
            b = _Bucket(self.burst, now)
            while len(self._items) >= self.size:
                del self._items[next(iter(self._items))]
        else:
            b.tokens = min(self.burst, b.tokens + max(0.0, now - b.at) * self.rate)
            b.at = now
        self._items[key] = b
        return b

    def wait(self, key: str, take: bool = True) -> tuple[int, bool]:
        """(0, _) and a token taken (if ``take``) when one is there; else (whole seconds until
        one is, whether this is the first refusal since the last success)."""
        with self._lock:
            b = self._refilled(key)
            if b.tokens >= 1:
                if take:
                    b.tokens -= 1
                b.refused = False
                return 0, False
            first, b.refused = not b.refused, True
            if self.rate <= 0:
                return 3600, first
            return max(1, math.ceil((1 - b.tokens) / self.rate)), first

    def take(self, key: str) -> None:
        """Spend a token without asking (a wrong PIN after the lookup was let through)."""
        with self._lock:
            b = self._refilled(key)
            b.tokens = max(0.0, b.tokens - 1)
