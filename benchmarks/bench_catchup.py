"""Catch-up after a day offline: a desk takes 500 dossiers with 5 scanned pages of ~100 KB each
while central is down, then central comes back and ``SyncService.run_until_idle`` delivers it
all: 200-op pushes, then the pages — each fits in one chunk, so each is one verified request
(POST /uploads/single; central hashes it before storing and fsyncs it), 4 in flight — and the
pull. Target: ≤ 60 s on loopback.

    PYTHONPATH=src python3 benchmarks/bench_catchup.py
    PYTHONPATH=src python3 benchmarks/bench_catchup.py --dossiers 100 --pages 2 --kb 50

Central is a real ``hcc-central serve`` process (SQLite, or ``--db-url``). Baseline in the
same run: the same bytes POSTed with httpx to a trivial loopback endpoint (the dossiers in
batches of 200 as JSON, each page as one body), plus plain sqlite3 inserts of the same rows
(one dossier row, its event and its pages) in one transaction per batch — the least any
catch-up could cost on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.report import figure, parse_args
from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_desk.app import open_context
from hcc_desk.core.store.models import Attachment, OutboxOp
from hcc_desk.services.setup import seed_agencies
from hcc_desk.sim.central_proc import CentralProcess, free_port
from hcc_desk.sim.desk import DeskPlan, take_dossiers

PASSWORD = "mat-khau-bench"


def set_up_centre(db_url: str) -> str:
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    try:
        with db.write() as s:
            centre = admin.create_centre(
                s, name="TRUNG TÂM PVHCC ĐO", governing_body="UBND", place_name="Huế", code_slots=10
            )
            for a in seed_agencies():
                admin.add_agency(
                    s, centre.id, name=a.name, short_name=a.short_name, unit_code=a.unit_code
                )
            admin.create_officer(
                s,
                username="lan",
                full_name="Trần Thị Lan",
                role="officer",
                password=PASSWORD,
                centre_id=centre.id,
            )
            return admin.enrol_counter(s, centre.id, name="Quầy 01", slot=1)[0]
    finally:
        db.dispose()


# --- baseline -------------------------------------------------------------------------------


async def sink(scope, receive, send) -> None:
    """The most trivial endpoint: read the body, answer 200 with a tiny JSON."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"2")],
        }
    )
    await send({"type": "http.response.body", "body": b"{}"})


def start_sink() -> tuple[subprocess.Popen, str]:
    """The sink under uvicorn in its own process, like central (one process would have the
    client and the server fight over one GIL)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--sink-port", str(port)])
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url, timeout=1.0)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the baseline endpoint did not start")


def baseline(docs: list[dict], files: list[Path], tmp: Path) -> tuple[float, float]:
    """(HTTP seconds, sqlite3 seconds) for the same dossiers and page bytes."""
    proc, url = start_sink()
    try:
        with httpx.Client(base_url=url, timeout=60) as http:
            start = time.perf_counter()
            for i in range(0, len(docs), 200):
                http.post(
                    "/push",
                    content=json.dumps({"ops": docs[i : i + 200]}),
                    headers={"Content-Type": "application/json"},
                ).raise_for_status()
            for f in files:
                http.post(
                    "/upload",
                    content=f.read_bytes(),
                    headers={"Content-Type": "application/octet-stream"},
                ).raise_for_status()
            http_s = time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(15)
    con = sqlite3.connect(tmp / "baseline.db", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE d (uuid TEXT PRIMARY KEY, code TEXT UNIQUE, doc TEXT)")
    con.execute("CREATE TABLE e (uuid TEXT PRIMARY KEY, d TEXT, status INT, at TEXT)")
    con.execute("CREATE TABLE a (uuid TEXT PRIMARY KEY, d TEXT, sha256 TEXT, size INT)")
    start = time.perf_counter()
    for i in range(0, len(docs), 200):
        con.execute("BEGIN")
        for doc in docs[i : i + 200]:
            con.execute(
                "INSERT INTO d VALUES (?, ?, ?)", (doc["uuid"], doc["code"], json.dumps(doc))
            )
            con.executemany(
                "INSERT INTO e VALUES (?, ?, ?, ?)",
                [(e["uuid"], doc["uuid"], e["status"], e["at"]) for e in doc["events"]],
            )
            con.executemany(
                "INSERT INTO a VALUES (?, ?, ?, ?)",
                [(a["uuid"], doc["uuid"], a["sha256"], a["size"]) for a in doc["attachments"]],
            )
        con.execute("COMMIT")
    sqlite_s = time.perf_counter() - start
    con.close()
    return http_s, sqlite_s


# --- the run --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dossiers", type=int, default=500)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--kb", type=int, default=100, help="KB per page")
    parser.add_argument("--db-url", help="central's database (default: SQLite in a temp dir)")
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--sink-port", type=int, help=argparse.SUPPRESS)  # baseline server
    args = parse_args(parser, short={"dossiers": 10, "pages": 2, "kb": 20, "timeout": 120.0})
    if args.sink_port:
        uvicorn.run(
            sink, host="127.0.0.1", port=args.sink_port, log_level="warning", lifespan="off"
        )
        return
    with tempfile.TemporaryDirectory(prefix="bench-catchup-") as tmp_dir:
        os.environ["HCC_DESK_KEY_DIR"] = str(Path(tmp_dir) / "keys")  # not ~/.config
        tmp = Path(tmp_dir)
        db_url = args.db_url or f"sqlite:///{tmp / 'central.db'}"
        code = set_up_centre(db_url)
        central = CentralProcess(db_url, tmp / "store", tmp / "central.log").start()
        plan = DeskPlan(
            profile=str(tmp / "desk"),
            central=central.url,
            name="desk-01",
            officer="lan",
            password=PASSWORD,
            dossiers=args.dossiers,
            code=code,
            pages=args.pages,
            attachment_kb=args.kb,
            sync="none",
        )
        ctx = open_context(Path(plan.profile))
        try:
            ctx.enrolment.enrol(central.url, code, "PC quầy 01")
            ctx.auth.login("lan", PASSWORD)  # online once: offline logins use the cached hash
            central.stop()  # the day offline starts

            start = time.perf_counter()
            take_dossiers(ctx, plan)
            intake_s = time.perf_counter() - start
            with ctx.store.session() as s:
                docs = [
                    op.payload
                    for op in s.scalars(select(OutboxOp).where(OutboxOp.state == "pending"))
                ]
                files = [ctx.sync.attachments_dir / p for p in s.scalars(select(Attachment.path))]
            total = sum(f.stat().st_size for f in files)
            assert len(docs) == args.dossiers, len(docs)

            central.start()
            start = time.perf_counter()
            idle, report = ctx.sync.run_until_idle(args.timeout)
            catchup_s = time.perf_counter() - start
            assert idle, report.errors
        finally:
            ctx.close()
            central.stop()
        http_s, sqlite_s = baseline(docs, files, tmp)

    base = http_s + sqlite_s
    mb = total / 1e6
    figure(
        f"offline intake: {args.dossiers} dossiers, {len(files)} pages, {mb:.1f} MB in "
        f"{intake_s:.1f} s ({args.dossiers / intake_s:.1f} dossiers/s)"
    )
    figure(
        f"catch-up (run_until_idle): {catchup_s:.2f} s, {mb / catchup_s:.1f} MB/s, "
        f"{args.dossiers / catchup_s:.1f} dossiers/s"
    )
    figure(
        f"baseline: {base:.2f} s (httpx {http_s:.2f} s + sqlite3 {sqlite_s:.2f} s), "
        f"{mb / base:.1f} MB/s"
    )
    figure(
        f"ratio catch-up / baseline: {catchup_s / base:.1f}×; target ≤ 60 s: "
        f"{'met' if catchup_s <= 60 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
