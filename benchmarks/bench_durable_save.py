"""What a durable save costs: save + receipt with ``synchronous=FULL`` against ``NORMAL``.

In WAL mode NORMAL survives an application crash but a power cut can drop the last commits, and
the receipt prints right after the commit: the citizen would hold a receipt for a dossier the
desk no longer has. FULL makes every commit wait for the WAL to reach the disk (one fsync).
Two demo desks, one per setting, in the same process and on the same disk, take the same
dossiers interleaved (NORMAL, FULL, NORMAL, …), so the ratio holds on a noisy machine.
Put ``--dir`` on the disk the desks use (a tmpfs /tmp would make fsync free).
Target (issue 11): the FULL save + receipt stays within the 200 ms of issue 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_save_receipt import sample_request
from benchmarks.report import figure, parse_args
from benchmarks.stats import median, summary
from hcc_desk.app import open_context
from hcc_desk.core.store import engine

MODES = ("NORMAL", "FULL")


def _desk(root: Path, mode: str):
    engine.SYNCHRONOUS = mode  # read once per engine, when the store opens
    ctx = open_context(root / mode.lower())
    ctx.setup.create_demo()
    store = ctx.store.get()
    with store.session() as s:  # the setting really is in force on this desk's connections
        got = s.connection().exec_driver_sql("PRAGMA synchronous").scalar()
    assert got == {"NORMAL": 1, "FULL": 2}[mode], (mode, got)
    return ctx


def _save_and_receipt(ctx, out: Path) -> tuple[float, float]:
    t0 = time.perf_counter()
    done = ctx.intake.submit(sample_request(), "demo")
    t1 = time.perf_counter()
    ctx.receipts.render_pdf(done.code, out, officer_username="demo")
    return t1 - t0, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=60, help="dossiers per setting")
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="where the two desks live (default: a temporary folder)",
    )
    args = parse_args(parser, short={"n": 8})
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp_dir:
        tmp = Path(tmp_dir)
        os.environ["HCC_DESK_KEY_DIR"] = str(tmp / "keys")  # the profiles' keys: not in ~/.config
        desks = {mode: _desk(tmp, mode) for mode in MODES}
        engine.SYNCHRONOUS = "FULL"
        for mode, ctx in desks.items():  # warm-up: fonts, first-query caches
            _save_and_receipt(ctx, tmp / f"warm-{mode}.pdf")
        save = {m: [] for m in MODES}
        total = {m: [] for m in MODES}
        for i in range(args.n):
            for mode in MODES if i % 2 == 0 else MODES[::-1]:  # neither always goes first
                s, t = _save_and_receipt(desks[mode], tmp / f"r-{mode}-{i}.pdf")
                save[mode].append(s)
                total[mode].append(t)
        for ctx in desks.values():
            ctx.close()
    for mode in MODES:
        for label, xs in (("save", save[mode]), ("save + receipt", total[mode])):
            ms = summary(xs).scaled(1000)
            figure(f"{mode:6s} {label:15s} median {ms.p50:7.1f} ms   p95 {ms.p95:7.1f} ms")
    ratio_save = median(save["FULL"]) / median(save["NORMAL"])
    ratio = median(total["FULL"]) / median(total["NORMAL"])
    extra = (median(total["FULL"]) - median(total["NORMAL"])) * 1000
    figure(
        f"ratio FULL / NORMAL: save {ratio_save:.2f}x, save + receipt {ratio:.2f}x "
        f"({extra:+.1f} ms median; n={args.n} each; target FULL save + receipt ≤ 200 ms)"
    )


if __name__ == "__main__":
    main()
