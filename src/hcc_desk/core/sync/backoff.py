"""Capped exponential backoff with full jitter: many desks coming back online at once after a
central outage spread their retries over the whole window instead of arriving together."""

from __future__ import annotations

from typing import Protocol

BASE_S = 1.0
CAP_S = 60.0


class Rng(Protocol):
    def random(self) -> float: ...


def backoff_delay(attempts: int, rng: Rng, base: float = BASE_S, cap: float = CAP_S) -> float:
    """Seconds to wait after the ``attempts``-th failed try (1, 2, …): uniform in
    ``[0, min(cap, base · 2^(attempts-1)))``."""
    ceiling: float = min(cap, base * 2 ** min(max(attempts - 1, 0), 30))
    return rng.random() * ceiling
