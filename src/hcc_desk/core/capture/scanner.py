"""Scanning, seen from the app: list devices, scan a batch into a capture session.

The device runs in a worker process (sane_worker.py). This side only waits for its messages,
turns each raw page into a processed page of the session (on disk first, then ``on_page``), and
survives the worker: if it dies the batch ends with WORKER_DIED, if it stops talking for
``page_timeout`` seconds it is killed and the batch ends with TIMEOUT. Either way the pages that
arrived — and any page the worker finished writing but could not report — are kept.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .model import BatchOutcome, ColourMode, DeviceInfo, PageInfo, ScanFault, ScanProfile
from .spool import RAW_SUFFIXES, CaptureSession

log = logging.getLogger(__name__)

DEFAULT_PAGE_TIMEOUT = 120.0  # a lamp warming up or a slow network scanner, but not a hang
CANCEL_GRACE = 5.0


class _Worker:
    """One worker process and its pipe."""

    def __init__(self, request: dict):
        from .sane_worker import worker_main

        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe(duplex=True)
        if os.environ.get("SANE_CONFIG_DIR"):
            request.setdefault("sane_config_dir", os.environ["SANE_CONFIG_DIR"])
        self.process = ctx.Process(
            target=worker_main, args=(child, request), daemon=True, name="hcc-scan-worker"
        )
        self.process.start()
        child.close()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def recv(self, timeout: float):
        """Next message, or None if nothing came within ``timeout``. EOFError: worker gone."""
        if self.conn.poll(timeout):
            return self.conn.recv()
        return None

    def send(self, msg: dict) -> None:
        try:
            self.conn.send(msg)
        except (BrokenPipeError, OSError):
            pass

    def stop(self, grace: float = 2.0) -> None:
        self.process.join(grace)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()
        self.process.close()


def list_devices(timeout: float = 10, *, backend: str | None = None) -> list[DeviceInfo]:
    """Scanners the PC can reach. Empty when none answer within ``timeout`` (never raises for a
    misbehaving driver: it is killed)."""
    from .sane_worker import device_from_dict

    worker = _Worker({"op": "list", "backend": backend})
    deadline = time.monotonic() + timeout
    devices: list[DeviceInfo] = []
    try:
        while time.monotonic() < deadline:
            try:
                msg = worker.recv(min(0.2, max(0.0, deadline - time.monotonic())))
            except (EOFError, OSError):
                break
            if msg is None:
                if not worker.process.is_alive():
                    break
                continue
            if msg["type"] == "devices":
                devices = [device_from_dict(d) for d in msg["devices"]]
            elif msg["type"] in ("done", "fault"):
                if msg["type"] == "fault":
                    log.warning("listing scanners: %s %s", msg.get("fault"), msg.get("detail"))
                break
    finally:
        worker.stop(grace=0.5)
    return devices


def scan_batch(
    profile: ScanProfile,
    session: CaptureSession,
    on_page: Callable[[PageInfo], None],
    on_progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
    deskew: bool = True,
    *,
    page_timeout: float = DEFAULT_PAGE_TIMEOUT,
    backend: str | None = None,
    extra_options: dict | None = None,
    options_after_pages: dict[int, dict] | None = None,
    on_worker: Callable[[int], None] | None = None,
) -> BatchOutcome:
    """Scan one batch (one page on the flatbed; the feeder until empty) into ``session``.

    ``on_progress`` gets the current page's fraction (0..1). ``extra_options`` are raw device
    options set after the profile's (e.g. a vendor switch); ``options_after_pages`` sets raw
    options after N pages (how tests make the SANE test device fail mid-batch). ``on_worker``
    receives the worker's process id.
    """
    session.incoming.mkdir(parents=True, exist_ok=True)
    first_seq = _next_seq(session.incoming)
    request = {
        "op": "scan",
        "profile": profile.to_dict(),
        "incoming": str(session.incoming),
        "first_seq": first_seq,
        "backend": backend,
        "extra": extra_options or {},
        "options_after": {str(k): v for k, v in (options_after_pages or {}).items()},
    }
    outcome = BatchOutcome()
    mode = ColourMode(profile.mode)

    def take(raw: Path, dpi: int | None) -> None:
        if not raw.exists():  # already taken (reported twice, or recovered below)
            return
        page = session.add_raw_file(raw, dpi, mode, deskew=deskew)
        outcome.pages.append(page)
        on_page(page)

    worker = _Worker(request)
    if on_worker is not None and worker.pid is not None:
        on_worker(worker.pid)
    last_heard = time.monotonic()
    cancel_deadline: float | None = None
    try:
        while True:
            if cancel is not None and cancel.is_set() and cancel_deadline is None:
                worker.send({"op": "cancel"})
                cancel_deadline = time.monotonic() + CANCEL_GRACE
            try:
                msg = worker.recv(0.1)
            except (EOFError, OSError):
                msg = {"type": "eof"}
            now = time.monotonic()
            if msg is None:
                if not worker.process.is_alive():
                    msg = _drain(worker) or {"type": "eof"}
                elif cancel_deadline is not None and now > cancel_deadline:
                    worker.process.kill()
                    outcome.fault, outcome.detail = ScanFault.CANCELLED, "worker stopped"
                    break
                elif now - last_heard > page_timeout:
                    worker.process.kill()
                    outcome.fault = ScanFault.TIMEOUT
                    outcome.detail = f"no answer from the scanner for {page_timeout:.0f} s"
                    break
                else:
                    continue
            last_heard = now
            kind = msg["type"]
            if kind == "progress":
                if on_progress is not None:
                    on_progress(float(msg["fraction"]))
            elif kind == "page":
                take(session.incoming / msg["file"], msg.get("dpi"))
                if on_progress is not None:
                    on_progress(1.0)
            elif kind == "done":
                break
            elif kind == "fault":
                outcome.fault = ScanFault(msg["fault"])
                outcome.detail = msg.get("detail", "")
                break
            elif kind == "eof":
                worker.process.join(1)
                outcome.fault = (
                    ScanFault.CANCELLED if cancel_deadline is not None else ScanFault.WORKER_DIED
                )
                outcome.detail = f"scanner worker exited (code {worker.process.exitcode})"
                break
    finally:
        worker.stop()
        # Pages the worker wrote but could not report (it died, or was killed) are kept too.
        for raw in sorted(session.incoming.glob("raw-*")):
            if raw.suffix in RAW_SUFFIXES:
                try:
                    take(raw, None)
                except OSError as exc:
                    log.warning("could not take raw page %s: %s", raw, exc)
        session.ingest_incoming()  # sweep .part / orphan sidecars
    if outcome.fault is None:
        log.info("scan batch on %s: %d page(s)", profile.device, len(outcome.pages))
    else:
        # A jam or an empty feeder is the officer's to fix; a driver that dies or hangs is ours.
        broken = outcome.fault in (ScanFault.WORKER_DIED, ScanFault.TIMEOUT)
        log.log(
            logging.WARNING if broken else logging.INFO,
            "scan batch on %s ended with %s (%s), %d page(s) kept",
            profile.device,
            outcome.fault,
            outcome.detail,
            len(outcome.pages),
        )
    return outcome


def _drain(worker: _Worker) -> dict | None:
    """The last messages of a worker that has just exited (they may still sit in the pipe)."""
    try:
        if worker.conn.poll(0):
            return worker.conn.recv()
    except (EOFError, OSError):
        pass
    return None


def _next_seq(incoming: Path) -> int:
    seqs = []
    for raw in incoming.glob("raw-*"):
        try:
            seqs.append(int(raw.name[4:10]))
        except ValueError:
            continue
    return max(seqs, default=0) + 1
