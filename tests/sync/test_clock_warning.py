"""The sync status warns the officer when this PC's clock differs from central's (central
refuses records dated past its clock + 5 min: docs/security.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from hcc_desk.core.sync.clock_check import ClockWatch


def http_date(at: datetime) -> str:
    return format_datetime(at.astimezone(UTC), usegmt=True)


def test_clock_watch_reads_centrals_date_header():
    now = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    watch = ClockWatch(now=lambda: now)
    assert watch.warning() is None  # nothing seen yet
    watch.observe("not a date")
    assert watch.warning() is None
    watch.observe(http_date(now - timedelta(minutes=3)))  # within the allowed skew
    assert watch.warning() is None
    watch.observe(http_date(now - timedelta(minutes=6)))
    assert (
        watch.warning().text("en") == "This PC's clock is 6 min ahead of central's: set the clock"
    )
    watch.observe(http_date(now + timedelta(hours=2)))
    assert "120 min behind" in watch.warning().text("en")


def test_sync_status_carries_the_warning(desk):
    service = desk.ctx.sync
    engine = service.engine()
    assert engine.client.clock is service.clock_watch  # every client feeds it
    engine.client.close()
    assert service.status().clock_warning is None
    service.clock_watch.observe(http_date(datetime.now(UTC) - timedelta(minutes=9)))
    warning = service.status().clock_warning
    vi, en = warning.text("vi"), warning.text("en")
    assert "9 min ahead" in en and "hãy chỉnh giờ máy" in vi
