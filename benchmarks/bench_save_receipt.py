"""Save + receipt ready: IntakeService.submit (validated, durable) then the two-copy Mẫu 01 PDF.

Baseline measured in the same run: a bare sqlite3 INSERT + COMMIT on a WAL file plus a one-page
reportlab PDF with one line of text — the least any "save and print" could cost on this machine.
Target (issue 2): median ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.report import figure, parse_args
from benchmarks.stats import median, summary
from hcc_desk.app import open_context
from hcc_desk.services.intake_request import IntakeRequest, PersonInput

QR = "046185012345|191234567|Nguyễn Thị Hương|12031985|Nữ|12 Lê Lợi, Phường Thuận Hóa, Huế|15082021"


def _baseline(tmp: Path, i: int, db: sqlite3.Connection) -> float:
    start = time.perf_counter()
    db.execute("INSERT INTO t(name) VALUES (?)", (f"Nguyễn Thị Hương {i}",))
    db.commit()
    c = canvas.Canvas(str(tmp / f"base{i}.pdf"))
    c.drawString(72, 720, f"receipt {i}")
    c.save()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=60)
    args = parse_args(parser, short={"n": 20})
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        os.environ["HCC_DESK_KEY_DIR"] = str(tmp / "keys")  # the profile's key: not in ~/.config
        ctx = open_context(tmp / "desk")
        ctx.setup.create_demo()
        db = sqlite3.connect(tmp / "base.db")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)")
        # Warm-up: font registration and first-query caches are paid once per app start.
        ctx.receipts.render_pdf(ctx.intake.submit(sample_request(), "demo").code, tmp / "w.pdf")
        _baseline(tmp, -1, db)
        save, receipt, total, base = [], [], [], []
        for i in range(args.n):
            t0 = time.perf_counter()
            done = ctx.intake.submit(sample_request(), "demo")
            t1 = time.perf_counter()
            ctx.receipts.render_pdf(done.code, tmp / f"r{i}.pdf", officer_username="demo")
            t2 = time.perf_counter()
            save.append(t1 - t0), receipt.append(t2 - t1), total.append(t2 - t0)
            base.append(_baseline(tmp, i, db))
        ctx.close()
    for label, xs in (
        ("submit (validate+save)", save),
        ("receipt PDF (2 copies)", receipt),
        ("save + receipt", total),
        ("baseline insert+pdf", base),
    ):
        ms = summary(xs).scaled(1000)
        figure(f"{label:24s} median {ms.p50:7.1f} ms   p95 {ms.p95:7.1f} ms")
    ratio = median(total) / median(base)
    figure(f"ratio save+receipt / baseline: {ratio:.1f}x   (n={args.n}; target median ≤ 200 ms)")


def sample_request() -> IntakeRequest:
    return IntakeRequest(
        procedure_code="1.001456",
        citizen_qr=QR,
        submitter=PersonInput(phone="0912345678"),
        notes="Hồ sơ đầy đủ.",
        received_at=datetime.now(),
    )


if __name__ == "__main__":
    main()
