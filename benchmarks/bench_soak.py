"""A long day at one counter: memory and open files of one app process over many dossiers.

One process does what the GUI's services do for each applicant: validated save, the receipt
preview's PDF, the scanner's batches through the capture service (SANE's ``test`` device,
its feeder: 10 sheets a batch, worker process → spool → PDF → sealed attachment queued for
central), the day's list and a search. Every dossier the process's resident memory (RSS) and
open file descriptors are sampled.

Reported: the baseline (RSS once everything has been used once: the first dossier done), the
peak, and the growth over the second half of the day (RSS at the end against RSS at the
middle) — a leak shows as growth that does not level off. Open files after the first dossier
and at the end must match. Targets (issue 11): peak ≤ 250 MB, growth over the second half ≤ 10 %.

    python3 benchmarks/bench_soak.py [--dossiers 100] [--batches 2]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_save_receipt import QR  # noqa: E402
from benchmarks.bench_scan import sane_config  # noqa: E402
from benchmarks.report import figure, parse_args  # noqa: E402
from hcc_desk.app import open_context  # noqa: E402
from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source  # noqa: E402
from hcc_desk.services.intake_request import IntakeRequest, PersonInput  # noqa: E402

PROCEDURE = "1.001456"
FEEDER_SHEETS = 10  # the SANE test device's feeder empties after 10 sheets
TARGET_PEAK_MB = 250
TARGET_GROWTH = 0.10


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def request(i: int) -> IntakeRequest:
    return IntakeRequest(
        procedure_code=PROCEDURE,
        citizen_qr=QR,
        submitter=PersonInput(phone=f"09{i % 100_000_000:08d}"),
        notes=f"Hồ sơ số {i} trong ngày.",
        received_at=datetime.now(),
    )


def one_applicant(ctx, i: int, profile: ScanProfile, batches: int, tmp: Path) -> int:
    """Everything the counter does for one applicant; returns the pages attached."""
    done = ctx.intake.submit(request(i), "demo")
    ctx.receipts.render_pdf(done.code, tmp / "preview.pdf", officer_username="demo")
    session = ctx.capture.spool.open_session(
        f"soak-{i}", None, "Giấy tờ kèm theo", dossier_code=done.code
    )
    pages = 0
    for _ in range(batches):
        outcome = ctx.capture.scan(
            session,
            profile,
            lambda page: None,
            officer_username="demo",
            extra_options={"test-picture": "Color pattern"},
        )
        if outcome.fault is not None:
            raise SystemExit(f"scan failed: {outcome.fault} {outcome.detail}")
        pages += len(outcome.pages)
    ctx.capture.attach(session, done.code, "demo")
    ctx.dossiers.search(done.code, "demo")
    ctx.dossiers.today("demo")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=100)
    parser.add_argument(
        "--batches",
        type=int,
        default=2,
        help=f"feeder batches per dossier ({FEEDER_SHEETS} pages each)",
    )
    parser.add_argument("--dpi", type=int, default=200)
    args = parse_args(parser, short={"dossiers": 4, "batches": 1, "dpi": 75})
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as tmp_dir:
        tmp = Path(tmp_dir)
        os.environ["HCC_DESK_KEY_DIR"] = str(tmp / "keys")  # the profile's key: not in ~/.config
        os.environ["SANE_CONFIG_DIR"] = str(sane_config(tmp))
        os.environ["LC_ALL"] = "C"
        ctx = open_context(tmp / "desk")
        try:
            ctx.setup.create_demo()
            profile = ScanProfile("test:0", Source.ADF, args.dpi, ColourMode.GRAY)
            start = time.perf_counter()
            samples: list[float] = []
            fds: list[int] = []
            pages = 0
            for i in range(args.dossiers):
                pages += one_applicant(ctx, i, profile, args.batches, tmp)
                gc.collect()  # what remains is held, not garbage waiting for a collection
                samples.append(rss_mb())
                fds.append(open_files())
            wall = time.perf_counter() - start
        finally:
            ctx.close()
    base = samples[0]
    middle = samples[(len(samples) - 1) // 2]
    end = samples[-1]
    peak = max(samples)
    growth = (end - middle) / middle
    print(
        f"{args.dossiers} dossiers, {pages} pages scanned at {args.dpi} dpi grey in "
        f"{wall:.0f} s ({wall / max(pages, 1):.2f} s a page, device included)"
    )
    figure(f"RSS after the first dossier (baseline): {base:.0f} MB")
    figure(
        f"RSS peak: {peak:.0f} MB = {peak / base:.2f}× the baseline "
        f"(target ≤ {TARGET_PEAK_MB} MB: {'OK' if peak <= TARGET_PEAK_MB else 'MISSED'})"
    )
    figure(
        f"RSS growth over the second half: {middle:.0f} → {end:.0f} MB = {growth:+.1%} "
        f"(target ≤ {TARGET_GROWTH:.0%}: {'OK' if growth <= TARGET_GROWTH else 'MISSED'})"
    )
    figure(
        f"open files: {fds[0]} after the first dossier, at most {max(fds)}, {fds[-1]} at the "
        f"end ({'OK' if fds[-1] <= fds[0] else 'LEAK'})"
    )


if __name__ == "__main__":
    main()
