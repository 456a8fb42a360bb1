"""Push ingest at one centre's peak: 60 counters pushing batches of dossiers at once.

    PYTHONPATH=src python3 benchmarks/bench_ingest.py                  # SQLite, then PostgreSQL
    PYTHONPATH=src python3 benchmarks/bench_ingest.py --db postgres --workers 4 --batches 20

Central is a real ``hcc-central serve`` process (``--workers``: one for SQLite, the CPU count
for PostgreSQL unless given). Each counter is enrolled through POST /enrol and is a thread with
its own keep-alive httpx client pushing pre-serialised batches of realistic DossierDocs (its own
slot's sequence numbers, the centre's unit codes, one reception event, some attachment entries),
so every op is applied, never rejected. Measured: per-request latency p50/p99 and dossiers/s
ingested, twice: a burst (every counter pushes again as soon as it is answered: the most central
can ingest; latency there is mostly queueing, concurrency / throughput) and a paced run at a
fixed offered rate (default 1,000 dossiers/s: the latency a desk sees at that load). Baseline in
the same run, same concurrency, pacing and request count: GET /api/v1/limits (authenticate and
answer, no write). Targets on PostgreSQL: ≥ 1,000 dossiers/s, p99 ≤ 200 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

from hcc_central import admin
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.models import Dossier
from hcc_desk.core.catalogue.importer import default_catalogue_path
from hcc_desk.core.domain.dossier_code import format_code, make_lookup_pin
from hcc_desk.core.sync.protocol import API
from hcc_desk.services.setup import seed_agencies
from hcc_desk.sim.central_proc import CentralProcess
from hcc_desk.sim.people import People

PG_ADMIN = os.environ.get("HCC_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
MAX_SEQ = 9999


# --- central -------------------------------------------------------------------------------

@contextmanager
def database(kind: str, tmp: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp / 'central.db'}"
        return
    import psycopg

    libpq = PG_ADMIN.replace("postgresql+psycopg://", "postgresql://")
    name = f"hcc_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(libpq, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def set_up(db_url: str, counters: int) -> list[str]:
    """A centre with the seed's agencies, ``counters`` slots; one enrolment code per slot."""
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    try:
        with db.write() as s:
            centre = admin.create_centre(s, name="TRUNG TÂM PVHCC ĐO TẢI", governing_body="UBND",
                                         place_name="Huế", code_slots=counters)
            for a in seed_agencies():
                admin.add_agency(s, centre.id, name=a.name, short_name=a.short_name,
                                 unit_code=a.unit_code)
            return [admin.enrol_counter(s, centre.id, name=f"Quầy {i:02d}", slot=i)[0]
                    for i in range(1, counters + 1)]
    finally:
        db.dispose()


def stored_dossiers(db_url: str) -> int:
    db = Database(db_url, pool_size=1)
    try:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(Dossier)) or 0
    finally:
        db.dispose()


# --- realistic pushes ----------------------------------------------------------------------

def procedures_by_unit() -> dict[str, list[tuple[str | None, str]]]:
    data = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    unit = {a["name"]: a["unit_code"] for a in data["agencies"]}
    out: dict[str, list[tuple[str | None, str]]] = {}
    for p in data["procedures"]:
        out.setdefault(unit[p["agency"]], []).append((p.get("code"), p["name"]))
    return out


def dossier_doc(rng: random.Random, people: People, unit: str, procs, slot: int,
                received: datetime, code: str) -> dict:
    person = people.person()
    proc_code, proc_name = rng.choice(procs)
    papers = [{"position": i, "name": name, "originals": 1, "certified_copies": 0,
               "photocopies": int(i > 1)}
              for i, name in enumerate(("Tờ khai (theo mẫu)", "Bản sao Căn cước công dân",
                                        "Giấy tờ chứng minh")[:rng.randint(1, 3)], start=1)]
    return {
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "code": code,
        "lookup_pin": make_lookup_pin(rng), "procedure_code": proc_code,
        "procedure_name": proc_name, "unit_code": unit, "counter_slot": slot, "officer": "lan",
        "applicant_kind": "individual",
        "submitter": {"kind": "individual", "full_name": person.full_name,
                      "id_number": person.id_number, "date_of_birth": str(person.date_of_birth),
                      "sex": person.sex, "address": person.address,
                      "phone": person.phone.replace(" ", ""), "email": person.email or None},
        "owner": None, "papers": papers, "sets": 1, "delivery_method": "counter",
        "received_at": received.isoformat(), "due_at": (received + timedelta(days=5)).isoformat(),
        "status": 2,
        "events": [{"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "status": 2,
                    "at": received.isoformat(), "actor": "lan", "note": "Tiếp nhận tại quầy"}],
        "attachments": [{"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                         "paper_position": 1, "filename": f"trang-{k + 1:02d}.pdf",
                         "content_type": "application/pdf", "size": 100_000 + k,
                         "sha256": f"{rng.getrandbits(256):064x}"}
                        for k in range(rng.choice((0, 0, 1, 2)))],
    }


def counter_batches(slot: int, slots: int, batches: int, size: int, seed: int,
                    first: int = 0) -> list[bytes]:
    """Pre-serialised push bodies of one counter: its own slot's numbers, unit by unit, day by
    day backwards from today (a counter numbers at most 9999/slots dossiers per unit a day)."""
    rng = random.Random(f"{seed}/{slot}/{first}")
    people = People(rng)
    procs = procedures_by_unit()
    units = [a.unit_code for a in seed_agencies()]
    per_day = (MAX_SEQ - slot) // slots + 1
    bodies = []
    n = first  # the counter's n-th dossier: another run of bodies starts where this one ends
    for _ in range(batches):
        ops = []
        for _ in range(size):
            unit, m = units[n % len(units)], n // len(units)
            day = date.today() - timedelta(days=m // per_day)
            seq = slot + (m % per_day) * slots
            received = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=8, seconds=rng.randrange(8 * 3600))
            doc = dossier_doc(rng, people, unit, procs[unit], slot, received,
                              format_code(unit, day, seq))
            ops.append({"op_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "kind": "dossier.upsert", "entity_uuid": doc["uuid"], "payload": doc})
            n += 1
        bodies.append(json.dumps({"ops": ops}, ensure_ascii=False).encode())
    return bodies


# --- load ----------------------------------------------------------------------------------

def hammer(tokens: list[str], url: str, work: Callable[[httpx.Client, int, int], None],
           rounds: int, interval: float = 0.0) -> tuple[float, list[float]]:
    """All counters at once, one thread each, released together: wall seconds and latencies.
    ``interval`` 0: each counter sends its next request as soon as the last one is answered
    (a burst, closed loop). Otherwise counter i sends request r at start + (i/N + r)·interval
    (open loop, a fixed offered rate), and latency counts from the planned send time, so a
    server falling behind is not hidden by clients that waited for it."""
    latencies: list[list[float]] = [[] for _ in tokens]
    gate = threading.Barrier(len(tokens) + 1)
    errors: list[Exception] = []
    start = 0.0

    def counter(i: int) -> None:
        with httpx.Client(base_url=url + API, timeout=120,
                          headers={"Authorization": f"Bearer {tokens[i]}"}) as http:
            http.get("/limits").raise_for_status()  # connection open before the start
            gate.wait()
            try:
                for r in range(rounds):
                    planned = time.perf_counter()
                    if interval:
                        planned = start + (i / len(tokens) + r) * interval
                        time.sleep(max(0.0, planned - time.perf_counter()))
                    work(http, i, r)
                    latencies[i].append(time.perf_counter() - planned)
            except Exception as exc:  # noqa: BLE001 — re-raised by the main thread after the run
                errors.append(exc)

    threads = [threading.Thread(target=counter, args=(i,)) for i in range(len(tokens))]
    for t in threads:
        t.start()
    start = time.perf_counter() + 0.05  # set before the gate opens; read after
    gate.wait()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    if errors:
        raise errors[0]
    return wall, [x for lat in latencies for x in lat]


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000 if len(
        values) > 1 else values[0] * 1000


def run(kind: str, args: argparse.Namespace) -> dict:
    workers = args.workers or (1 if kind == "sqlite" else os.cpu_count() or 1)
    size, burst, paced = args.batch_size, args.batches, args.paced_rounds
    interval = args.counters * size / args.rate if args.rate else 0.0
    with tempfile.TemporaryDirectory(prefix=f"bench-ingest-{kind}-") as tmp_dir, \
            database(kind, Path(tmp_dir)) as db_url:
        tmp = Path(tmp_dir)
        codes = set_up(db_url, args.counters)
        bodies = [counter_batches(i + 1, args.counters, burst + paced, size, args.seed)
                  for i in range(args.counters)]
        central = CentralProcess(db_url, tmp / "store", tmp / "central.log",
                                 workers=workers).start()
        try:
            tokens = []
            with httpx.Client(base_url=central.url + API, timeout=30) as http:
                for i, code in enumerate(codes):
                    r = http.post("/enrol", json={"code": code, "device_name": f"PC {i + 1}"})
                    r.raise_for_status()
                    tokens.append(r.json()["device_token"])
            outcomes: dict[str, int] = {}
            lock = threading.Lock()

            def push(offset: int) -> Callable[[httpx.Client, int, int], None]:
                def send(http: httpx.Client, i: int, r: int) -> None:
                    resp = http.post("/sync/push", content=bodies[i][offset + r],
                                     headers={"Content-Type": "application/json"})
                    resp.raise_for_status()
                    with lock:
                        for res in resp.json()["results"]:
                            outcomes[res["outcome"]] = outcomes.get(res["outcome"], 0) + 1
                return send

            def limits(http: httpx.Client, i: int, r: int) -> None:
                http.get("/limits").raise_for_status()

            out = {"db": kind, "workers": workers}
            runs = [("burst", burst, 0.0, 0)] + ([("paced", paced, interval, burst)]
                                                 if paced and interval else [])
            for name, rounds, every, offset in runs:
                base_wall, base_lat = hammer(tokens, central.url, limits, rounds, every)
                wall, lat = hammer(tokens, central.url, push(offset), rounds, every)
                n = args.counters * rounds * size
                out[name] = {"dossiers": n, "wall": wall, "rate": n / wall,
                             "p50": pct(lat, 50), "p99": pct(lat, 99),
                             "base_rate": len(base_lat) / base_wall,
                             "base_p50": pct(base_lat, 50), "base_p99": pct(base_lat, 99)}
        finally:
            central.stop()
        stored = stored_dossiers(db_url)
    total = args.counters * size * (burst + (paced if interval else 0))
    assert outcomes == {"applied": total} and stored == total, (outcomes, stored, total)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--counters", type=int, default=60)
    parser.add_argument("--batches", type=int, default=10, help="pushes per counter, burst")
    parser.add_argument("--batch-size", type=int, default=20, help="dossiers per push")
    parser.add_argument("--rate", type=float, default=1000.0,
                        help="offered dossiers/s of the paced run (0: no paced run)")
    parser.add_argument("--paced-rounds", type=int, default=10, help="pushes per counter, paced")
    parser.add_argument("--workers", type=int, default=0,
                        help="uvicorn processes (default: 1 on SQLite, CPU count on PostgreSQL)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    print(f"{args.counters} counters, {args.batch_size} dossiers per push; burst: "
          f"{args.batches} pushes each, flat out; paced: {args.paced_rounds} pushes each at "
          f"{args.rate:.0f} dossiers/s offered. {os.cpu_count()} CPUs shared by the clients, "
          "central and the database.")
    for kind in kinds:
        r = run(kind, args)
        for name in ("burst", "paced"):
            if name not in r:
                continue
            m = r[name]
            verdict = ""
            if kind == "postgres" and name == "burst":  # flat out: what it can ingest
                verdict = f"; ≥ 1,000/s {'met' if m['rate'] >= 1000 else 'MISSED'}"
            elif kind == "postgres":  # p99 at the target rate (it must keep up with it)
                met = m["p99"] <= 200 and args.rate >= 1000 and m["rate"] >= 0.95 * args.rate
                verdict = f"; p99 ≤ 200 ms at ≥ 1,000/s {'met' if met else 'MISSED'}"
            print(f"{kind:<8} {name}, {r['workers']} worker(s): {m['dossiers']} dossiers in "
                  f"{m['wall']:.2f} s = {m['rate']:.0f} dossiers/s; push p50 {m['p50']:.0f} ms, "
                  f"p99 {m['p99']:.0f} ms{verdict}")
            print(f"{'':<8} {name} baseline GET /limits: p50 {m['base_p50']:.0f} ms, "
                  f"p99 {m['base_p99']:.0f} ms, {m['base_rate']:.0f} requests/s")


if __name__ == "__main__":
    main()
