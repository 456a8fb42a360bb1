"""Percentiles for every benchmark, computed one way.

Definition — linear interpolation between closest ranks (Hyndman & Fan type 7, the default of
numpy.percentile, ``statistics.quantiles(method="inclusive")`` and Excel's PERCENTILE.INC):
with the n samples sorted as x[0] ≤ … ≤ x[n-1], the q-th percentile (0 ≤ q ≤ 100) lies at
position h = (n - 1)·q/100 and is x[⌊h⌋] + (h - ⌊h⌋)·(x[⌊h⌋+1] - x[⌊h⌋]).
So q = 0 is the minimum, q = 100 the maximum, q = 50 the median, and one sample is every
percentile of itself. On 20 samples the p95 is x[18.05]: 95 % of the way from the 19th value to
the 20th, never a lower rank (an index such as ``int(n * 0.95) - 1`` gives x[13] of 15, a p93).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


def percentile(samples: Iterable[float], q: float) -> float:
    """The q-th percentile (0–100) of ``samples``, as defined above."""
    xs = sorted(samples)
    if not xs:
        raise ValueError("percentile of no samples")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile q must be within 0–100, not {q}")
    h = (len(xs) - 1) * q / 100
    below = math.floor(h)
    if below == len(xs) - 1:  # q = 100, or a single sample
        return xs[below]
    return xs[below] + (h - below) * (xs[below + 1] - xs[below])


def median(samples: Iterable[float]) -> float:
    return percentile(samples, 50)


@dataclass(frozen=True)
class Summary:
    """The figures the benchmarks print about one set of timings."""

    n: int
    min: float
    p50: float
    p95: float
    p99: float
    max: float

    def scaled(self, factor: float) -> Summary:
        """The same figures in another unit (e.g. ×1000: seconds to milliseconds)."""
        return Summary(
            self.n, *(v * factor for v in (self.min, self.p50, self.p95, self.p99, self.max))
        )


def summary(samples: Iterable[float]) -> Summary:
    xs = sorted(samples)
    p50, p95, p99 = (percentile(xs, q) for q in (50, 95, 99))  # raises on no samples
    return Summary(len(xs), xs[0], p50, p95, p99, xs[-1])
