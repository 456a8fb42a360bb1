"""The background thread: its own timer, immediate wake on a local save, reconnection without
any new local write, a status snapshot for the GUI, a clean stop."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from hcc_desk.core.sync import outbox
from tests.support.waits import wait_until
from tests.sync.conftest import make_desk


@pytest.fixture
def live_desk(tmp_path, demo_db, central):
    """Real time (the thread sleeps on it); a long timer, so only wakes can explain a push."""
    d = make_desk(
        tmp_path / "desk", central, datetime.now, db=demo_db, interval=60.0, probe_interval=0.05
    )
    yield d
    d.ctx.close()


def test_a_local_save_wakes_the_thread_at_once(live_desk):
    sync = live_desk.ctx.sync
    assert sync.start_background()
    wait_until(lambda: sync.status().online is True)
    [uuid] = live_desk.intake()  # the commit nudges the thread; no timer would fire for 60 s
    wait_until(lambda: live_desk.central.applied_log == [uuid], 3.0)
    wait_until(lambda: sync.status().pending == 0)
    assert sync.status().last_success_at is not None
    sync.stop()
    assert sync.status().running is False


def test_queue_drains_when_the_network_heals_without_a_new_write(live_desk):
    sync, central = live_desk.ctx.sync, live_desk.central
    central.down = True
    uuids = live_desk.intake(3)
    sync.start_background()
    wait_until(lambda: sync.status().online is False)
    assert sync.status().pending == 3
    probes = sum(r.endswith("/limits") for r in central.requests)
    wait_until(lambda: sum(r.endswith("/limits") for r in central.requests) > probes + 2)
    central.down = False  # network back; nobody touches the desk
    wait_until(lambda: sorted(central.applied_log) == sorted(uuids), 3.0)
    wait_until(lambda: sync.status().online is True and sync.status().pending == 0)
    sync.stop()


def test_retry_after_a_server_error_runs_on_its_own_timer(live_desk):
    sync, central = live_desk.ctx.sync, live_desk.central
    [uuid] = live_desk.intake()
    central.faults["push"].append("503")  # first try fails; backoff ≤ 1 s with base 1 s
    sync.start_background()
    wait_until(lambda: central.applied_log == [uuid], 4.0)
    assert sync.status().online is True
    sync.stop()


def test_explicit_nudge_and_sync_now(live_desk):
    sync, central = live_desk.ctx.sync, live_desk.central
    sync.start_background()
    wait_until(lambda: sync.status().online is True)
    central.add_change("calendar.day", "d", {"day": "2026-12-30", "kind": "off"})
    report = sync.sync_now(timeout=5)
    assert report is not None and report.pulled == 1
    # A dossier whose commit does not wake the thread (saved by another process on this PC):
    # the timer is 60 s away, so only nudge() can get it pushed now.
    outbox.remove_waker(live_desk.ctx.profile.db_path, sync._runner.nudge)
    [uuid] = live_desk.intake()
    time.sleep(0.3)  # time must pass to show that nothing wakes the thread by itself
    assert not central.applied_log
    sync.nudge()
    wait_until(lambda: central.applied_log == [uuid], 3.0)
    wait_until(lambda: sync.status().pending == 0)
    sync.stop()


def test_upload_progress_is_visible_in_the_status(live_desk):
    sync, central = live_desk.ctx.sync, live_desk.central
    seen = []
    [uuid] = live_desk.intake()
    sync.attach(uuid, b"x" * 200_000, "scan.pdf", "application/pdf")
    original = central._put_uploads

    def slow_put(*args):
        seen.append(sync.status().upload)
        return original(*args)

    central._put_uploads = slow_put
    sync.start_background()
    wait_until(lambda: sync.status().pending == 0 and len(seen) == 4, 5.0)
    assert [u.sent for u in seen] == [0, 65536, 131072, 196608]
    assert {u.total for u in seen} == {200_000}
    assert sync.status().upload is None
    sync.stop()


def test_stop_is_clean_and_quick_even_while_offline(live_desk):
    sync = live_desk.ctx.sync
    live_desk.central.down = True
    sync.start_background()
    thread = sync._runner._thread
    wait_until(lambda: sync.status().online is False)
    started = time.monotonic()
    sync.stop()
    assert time.monotonic() - started < 2 and not thread.is_alive()


def test_not_enrolled_desk_does_not_start(tmp_path, demo_db, central):
    d = make_desk(tmp_path / "d2", central, datetime.now, db=demo_db, enrol=False)
    try:
        assert d.ctx.sync.start_background() is False
        assert d.ctx.sync.status().running is False
    finally:
        d.ctx.close()


def test_a_pass_cut_short_by_central_is_retried_soon_not_after_the_full_interval(live_desk):
    sync, central = live_desk.ctx.sync, live_desk.central
    central.add_change("calendar.day", "d", {"day": "2026-12-31", "kind": "off"})
    central.faults["pull"].append("503")  # central restarting: it answers, but with an error
    sync.start_background()
    # Nothing is due in the outbox and the timer is 60 s: only the short retry can pull it.
    wait_until(lambda: sync.status().last_success_at is not None, 3.0)
    with live_desk.ctx.store.session() as s:
        from hcc_desk.core.store.models import CalendarDay

        assert s.get(CalendarDay, datetime(2026, 12, 31).date()) is not None
    sync.stop()
