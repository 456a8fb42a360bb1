"""Is this PC's clock right? Compared with central's, read from the ``Date`` header of its answers.

Central refuses a dossier or a status event dated more than its allowed skew (5 minutes by
default) after its own clock: a desk whose clock runs ahead would see its records parked. The
officer is warned first, in the sync status. Both clocks are compared in UTC (the header is
UTC, the PC's UTC time is independent of its time zone), so only a wrong clock is reported,
not a time zone. The header has one-second resolution and arrives after the request's
latency: differences within ``TOLERANCE`` are noise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from hcc_core.i18n import Msg, msg

ALLOWED = timedelta(minutes=5)  # central's default HCC_CENTRAL_CLOCK_SKEW_SECONDS
TOLERANCE = timedelta(seconds=60)  # warn a little before central refuses


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ClockWatch:
    """The last difference seen between central's clock and this PC's (thread-safe: the sync
    thread writes, the GUI thread reads)."""

    def __init__(self, now: Callable[[], datetime] = _utc_now) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._ahead: timedelta | None = None  # this PC − central

    def observe(self, date_header: str | None) -> None:
        if not date_header:
            return
        try:
            central = parsedate_to_datetime(date_header)
        except (TypeError, ValueError):
            return  # not an HTTP date: say nothing rather than something wrong
        if central.tzinfo is None:
            return
        with self._lock:
            self._ahead = self._now() - central

    @property
    def ahead(self) -> timedelta | None:
        with self._lock:
            return self._ahead

    def warning(self, allowed: timedelta = ALLOWED) -> Msg | None:
        """A message for the status bar, or None while the clock is right."""
        ahead = self.ahead
        if ahead is None or abs(ahead) <= max(allowed - TOLERANCE, TOLERANCE):
            return None
        minutes = round(abs(ahead).total_seconds() / 60)
        if ahead > timedelta(0):
            return msg("sync.clock_ahead", minutes=minutes)
        return msg("sync.clock_behind", minutes=minutes)
