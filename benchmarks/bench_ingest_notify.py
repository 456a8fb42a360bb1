"""What telling applicants of counter steps costs the push ingest (docs/notifications.md).

    PYTHONPATH=src python3 benchmarks/bench_ingest_notify.py               # SQLite, PostgreSQL
    PYTHONPATH=src python3 benchmarks/bench_ingest_notify.py --db postgres --rounds 5

The same central process (bench_ingest.py's set-up, a real ``hcc-central serve``) takes two kinds
of push of the same shape, alternated round by round so that the shared machine's drift hits
both alike: every dossier carries, after its reception, one step recorded at the counter
minutes ago, either "processing" (tells nobody: the ingest only looks at its status) or
"waiting for supplement" (the applicant, who has a phone and often an e-mail, is told: the
push reads those dossiers back and queues one message per channel in its transaction). The
ratio of the two is the price of a told step. A push without told steps costing nothing more
than before the notifications is measured by bench_ingest.py on both versions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_ingest import (
    counter_batches,
    database,
    databases,
    hammer,
    request,
    set_up,
)
from benchmarks.databases import row_count
from benchmarks.report import figure, parse_args
from benchmarks.stats import summary
from hcc_central.models import Notification
from hcc_core.domain.status import DossierStatus
from hcc_core.wire.protocol import API
from hcc_desk.core.sync.enrol_key import new_key
from hcc_desk.sim.central_proc import CentralProcess

KINDS = {"untold": DossierStatus.PROCESSING, "told": DossierStatus.WAITING_SUPPLEMENT}


def with_step(body: bytes, status: DossierStatus, at: datetime) -> bytes:
    """The push with one more event per dossier: ``status`` at ``at``, by the same officer."""
    push = json.loads(body)
    for o in push["ops"]:
        doc = o["payload"]
        doc["events"].append(
            {
                "uuid": str(uuid.uuid4()),
                "status": int(status),
                "at": at.isoformat(),
                "actor": "lan",
                "note": "Yêu cầu bổ sung (Sở Tư pháp): thiếu giấy tờ"
                if status == DossierStatus.WAITING_SUPPLEMENT
                else "Sở Tư pháp đang xử lý",
            }
        )
        doc["status"] = int(status)
    return json.dumps(push, ensure_ascii=False).encode()


def run(kind: str, args: argparse.Namespace) -> dict[str, list[dict]]:
    workers = args.workers or (1 if kind == "sqlite" else os.cpu_count() or 1)
    # Alternated, and which kind goes first changes every round.
    plan = [k for r in range(args.rounds) for k in (("untold", "told"), ("told", "untold"))[r % 2]]
    sizes = [args.batch_size] * (args.batches * len(plan))
    out: dict[str, list[dict]] = {k: [] for k in KINDS}
    with (
        tempfile.TemporaryDirectory(prefix=f"bench-notify-{kind}-") as tmp_dir,
        database(kind, Path(tmp_dir)) as db_url,
    ):
        tmp = Path(tmp_dir)
        codes = set_up(db_url, args.counters)
        at = datetime.now().replace(microsecond=0) - timedelta(minutes=10)
        per_counter = [
            counter_batches(i + 1, args.counters, sizes, args.seed) for i in range(args.counters)
        ]
        central = CentralProcess(
            db_url, tmp / "store", tmp / "central.log", workers=workers
        ).start()
        try:
            with httpx.Client(base_url=central.url + API, timeout=30) as http:
                tokens = [
                    http.post(
                        "/enrol",
                        json={"code": c, "device_name": f"PC {i + 1}", "key": new_key()},
                    ).json()["device_token"]
                    for i, c in enumerate(codes)
                ]
            host = central.url.removeprefix("http://")
            for n, k in enumerate(plan):
                window = slice(n * args.batches, (n + 1) * args.batches)
                pushes = [
                    [
                        request("POST", "/sync/push", host, t, with_step(b, KINDS[k], at))
                        for b in mine[window]
                    ]
                    for t, mine in zip(tokens, per_counter, strict=True)
                ]
                before = row_count(db_url, Notification)
                result = hammer(central.url, pushes, 0.0, tmp)
                outcomes = [
                    r["outcome"] for mine in result["bodies"] for b in mine
                    for r in json.loads(b)["results"]
                ]  # fmt: skip
                assert set(outcomes) == {"applied"}, sorted(set(outcomes))
                lat = summary(x for mine in result["latencies"] for x in mine).scaled(1000)
                out[k].append(
                    {
                        "rate": len(outcomes) / result["wall"],
                        "p50": lat.p50,
                        "p99": lat.p99,
                        "messages": row_count(db_url, Notification) - before,
                        "dossiers": len(outcomes),
                    }
                )
        finally:
            central.stop()
    return out


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=("sqlite", "postgres", "both", "available"), default="both")
    parser.add_argument("--counters", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=4, help="of each kind, alternated")
    parser.add_argument("--batches", type=int, default=3, help="pushes per counter per round")
    parser.add_argument("--batch-size", type=int, default=5, help="dossiers per push")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parse_args(
        parser,
        short={"db": "available", "counters": 3, "rounds": 1, "batches": 1, "batch_size": 2},
    )
    for kind in databases(args.db):
        r = run(kind, args)
        rate = {k: median([m["rate"] for m in r[k]]) for k in KINDS}
        p50 = {k: median([m["p50"] for m in r[k]]) for k in KINDS}
        p99 = {k: median([m["p99"] for m in r[k]]) for k in KINDS}
        told = r["told"]
        per = sum(m["messages"] for m in told) / max(1, sum(m["dossiers"] for m in told))
        assert sum(m["messages"] for m in r["untold"]) == 0
        assert per >= 1, per  # every told dossier's applicant has at least a phone
        figure(
            f"{kind} push of dossiers with a counter step, {args.counters} counters × "
            f"{args.batch_size} dossiers a push, median of {args.rounds} alternated rounds: "
            f"untold (processing) {rate['untold']:,.0f} dossiers/s, p50 {p50['untold']:.0f} ms, "
            f"p99 {p99['untold']:.0f} ms; told (supplement, {per:.2f} messages a dossier) "
            f"{rate['told']:,.0f} dossiers/s, p50 {p50['told']:.0f} ms, p99 {p99['told']:.0f} "
            f"ms; told / untold throughput {rate['told'] / rate['untold']:.2f}×"
        )


if __name__ == "__main__":
    main()
