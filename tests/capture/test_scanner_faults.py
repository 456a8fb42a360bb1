"""Scanner faults on the real SANE test device: each status the device can force gives its
Vietnamese message, keeps every page already scanned, and the batch can continue; a slow
device is waited for; a hung or killed worker never takes the caller down."""

import os
import signal
import threading
import time

import pytest

from hcc_desk.core.capture.model import ColourMode, ScanFault, ScanProfile, Source
from hcc_desk.core.capture.scanner import list_devices, scan_batch
from hcc_desk.core.capture.spool import CaptureSpool

GRID = {"test-picture": "Grid"}


@pytest.fixture
def session(tmp_path):
    return CaptureSpool(tmp_path / "spool").open_session("draft-1", 1, "Tờ khai")


def _adf(device, mode=ColourMode.GRAY, resolution=100):
    return ScanProfile(device, Source.ADF, resolution, mode)


def test_list_devices_finds_the_test_scanners(sane_test_device):
    devices = {d.name: d for d in list_devices()}
    assert sane_test_device in devices
    dev = devices[sane_test_device]
    assert Source.ADF in dev.sources and Source.FLATBED in dev.sources
    assert ColourMode.LINEART in dev.modes and ColourMode.COLOR in dev.modes
    assert 300 in dev.resolutions


@pytest.mark.parametrize(
    ("status", "fault", "words"),
    [
        ("SANE_STATUS_JAMMED", ScanFault.JAMMED, "Kẹt giấy"),
        ("SANE_STATUS_COVER_OPEN", ScanFault.COVER_OPEN, "Nắp máy quét"),
        ("SANE_STATUS_IO_ERROR", ScanFault.IO_ERROR, "Lỗi truyền dữ liệu"),
        ("SANE_STATUS_DEVICE_BUSY", ScanFault.DEVICE_BUSY, "đang bận"),
    ],
)
def test_fault_mid_batch_keeps_pages_and_the_batch_continues(
    session, sane_test_device, status, fault, words
):
    got = []
    outcome = scan_batch(
        _adf(sane_test_device),
        session,
        got.append,
        extra_options=GRID,
        options_after_pages={3: {"read-return-value": status}},
    )
    assert outcome.fault == fault
    assert words in outcome.fault.message and outcome.fault.text("en")
    assert len(outcome.pages) == 3 == len(got)
    kept = session.pages()
    assert [p.id for p in kept] == [p.id for p in got]
    assert all(p.path.is_file() for p in kept)

    # The officer fixes the scanner and presses Continue: the next batch adds to the same paper.
    more = scan_batch(_adf(sane_test_device), session, lambda p: None, extra_options=GRID)
    assert more.fault is None
    assert len(more.pages) == 10
    assert [p.id for p in session.pages()][:3] == [p.id for p in got]
    assert len(session.pages()) == 13


def test_empty_feeder_at_start_is_a_fault_but_running_empty_is_the_normal_end(
    session, sane_test_device
):
    empty = scan_batch(
        _adf(sane_test_device),
        session,
        lambda p: None,
        extra_options={**GRID, "read-return-value": "SANE_STATUS_NO_DOCS"},
    )
    assert empty.fault == ScanFault.NO_DOCS and empty.pages == []
    assert "Khay nạp giấy trống" in empty.fault.message

    ran_out = scan_batch(
        _adf(sane_test_device),
        session,
        lambda p: None,
        extra_options=GRID,
        options_after_pages={4: {"read-return-value": "SANE_STATUS_NO_DOCS"}},
    )
    assert ran_out.fault is None
    assert len(ran_out.pages) == 4


def test_flatbed_scans_one_page(session, sane_test_device):
    outcome = scan_batch(
        ScanProfile(sane_test_device, Source.FLATBED, 150, ColourMode.COLOR),
        session,
        lambda p: None,
        extra_options={"test-picture": "Color pattern"},
    )
    assert outcome.fault is None
    assert len(outcome.pages) == 1
    page = outcome.pages[0]
    assert page.mode == ColourMode.COLOR and page.dpi == 150
    assert (page.width, page.height) == (1240, 1753)  # A4 at 150 dpi


def test_unknown_device_says_disconnected(session, sane_test_device):
    outcome = scan_batch(ScanProfile("test:99"), session, lambda p: None)
    assert outcome.fault == ScanFault.DISCONNECTED
    assert "Không tìm thấy máy quét" in outcome.fault.message
    assert session.pages() == []


# The test device honours read-delay (a pause after every 64 KB it sends) for its solid
# pictures, not for the grid.
SLOW = {"test-picture": "Solid black", "read-delay": True, "read-delay-duration": 200000}


@pytest.mark.slow
def test_slow_device_is_waited_for_with_progress(session, sane_test_device):
    progress = []
    started = time.monotonic()
    outcome = scan_batch(
        ScanProfile(sane_test_device, Source.FLATBED, 300, ColourMode.GRAY),
        session,
        lambda p: None,
        on_progress=progress.append,
        page_timeout=1.5,
        extra_options={**SLOW, "read-delay-duration": 20000},
    )  # ~2.7 s for the A4 page
    elapsed = time.monotonic() - started
    assert outcome.fault is None, outcome.detail
    assert len(outcome.pages) == 1
    assert elapsed > 1.5  # slower than the timeout as a whole: heartbeats kept it alive
    partial = [f for f in progress if 0 < f < 1]
    assert len(partial) >= 5 and partial == sorted(partial)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.expect_log_warnings  # a silent scanner driver is a WARNING
def test_hung_worker_times_out_and_keeps_earlier_pages(session, sane_test_device):
    pids, got = [], []

    def on_page(page):
        got.append(page)
        if len(got) == 2:
            os.kill(pids[0], signal.SIGSTOP)  # a driver frozen in a system call

    started = time.monotonic()
    outcome = scan_batch(
        _adf(sane_test_device),
        session,
        on_page,
        page_timeout=1.5,
        on_worker=pids.append,
        extra_options=GRID,
        options_after_pages={2: SLOW},
    )
    assert outcome.fault == ScanFault.TIMEOUT
    assert time.monotonic() - started < 15
    assert "không phản hồi" in outcome.fault.message
    assert len(outcome.pages) == 2 == len(session.pages())
    assert _gone(pids[0])


@pytest.mark.expect_log_warnings  # a crashed scanner driver is a WARNING
def test_worker_killed_mid_scan_leaves_the_caller_alive_with_the_pages(session, sane_test_device):
    pids, got = [], []

    def on_page(page):
        got.append(page)
        if len(got) == 2:
            os.kill(pids[0], signal.SIGKILL)  # a driver crash, as hard as it gets

    outcome = scan_batch(
        _adf(sane_test_device),
        session,
        on_page,
        on_worker=pids.append,
        extra_options=GRID,
        options_after_pages={2: SLOW},
    )
    assert outcome.fault == ScanFault.WORKER_DIED
    assert "vẫn chạy bình thường" in outcome.fault.message
    assert len(outcome.pages) == 2 and len(session.pages()) == 2
    assert _gone(pids[0])

    again = scan_batch(_adf(sane_test_device), session, lambda p: None, extra_options=GRID)
    assert again.fault is None and len(session.pages()) == 12


def test_cancel_stops_the_batch_mid_page_and_keeps_pages(session, sane_test_device):
    cancel = threading.Event()
    got = []

    def on_page(page):
        got.append(page)
        if len(got) == 2:
            cancel.set()

    started = time.monotonic()
    outcome = scan_batch(
        _adf(sane_test_device),
        session,
        on_page,
        cancel=cancel,
        extra_options=GRID,
        options_after_pages={2: SLOW},
    )
    assert outcome.fault == ScanFault.CANCELLED
    assert time.monotonic() - started < 8  # the slow third sheet alone would take ~3 s+
    assert len(outcome.pages) == 2 == len(session.pages())


def test_scanimage_fallback_gives_the_same_pages_and_faults(session, sane_test_device):
    ok = scan_batch(
        _adf(sane_test_device, ColourMode.LINEART),
        session,
        lambda p: None,
        backend="scanimage",
        extra_options=GRID,
    )
    assert ok.fault is None and len(ok.pages) == 10
    assert all(p.mode == ColourMode.LINEART for p in ok.pages)
    jam = scan_batch(
        _adf(sane_test_device),
        session,
        lambda p: None,
        backend="scanimage",
        extra_options=GRID,
        options_after_pages={2: {"read-return-value": "SANE_STATUS_JAMMED"}},
    )
    assert jam.fault == ScanFault.JAMMED and len(jam.pages) == 2
