"""Orchestration of ``hcc-desk sim``: enrolment codes for the desks, the desks themselves
(subprocesses, or threads with ``--threads``), and the figures."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from .central_admin import AdminFailed, create_centre, enrolment_code
from .desk import DeskPlan, DeskResult, run_desk

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
SLACK_S = 3600.0  # a desk process gets this long for its intake on top of --timeout


class Invalid(Exception):
    pass


def run_sim(args: argparse.Namespace) -> int:
    try:
        started = time.monotonic()
        plans = _plans(args)
        setup_s = time.monotonic() - started
        t0 = time.monotonic()
        results = _run_threads(plans) if args.threads else _run_processes(plans, args.timeout)
        wall = time.monotonic() - t0
    except Invalid as exc:
        print(f"hcc-desk sim: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (AdminFailed, OSError, subprocess.SubprocessError) as exc:
        print(f"hcc-desk sim: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(report(results, wall, setup_s, Path(plans[0].profile).parent))
    ok = all(r.idle and not r.errors and r.dossiers == args.dossiers for r in results)
    return EXIT_OK if ok else EXIT_FAILED


def _plans(args: argparse.Namespace) -> list[DeskPlan]:
    if args.counters < 1 or args.dossiers < 0 or args.pages < 0 or args.attachment_kb < 1:
        raise Invalid("--counters ≥ 1, --dossiers ≥ 0, --pages ≥ 0, --attachment-kb ≥ 1")
    root = Path(args.profiles or tempfile.mkdtemp(prefix="hcc-sim-")).resolve()
    root.mkdir(parents=True, exist_ok=True)
    # Simulated desks keep their profile keys in the simulation's folder, not the user's own
    # key folder (the desk processes inherit this).
    os.environ.setdefault("HCC_DESK_KEY_DIR", str(root / "keys"))
    profiles = [root / f"desk-{i + 1:02d}" for i in range(args.counters)]
    need = [p for p in profiles if not _enrolled(p)]
    officer = args.officer
    password = args.password or os.environ.get("HCC_SIM_PASSWORD")
    codes: dict[Path, str] = {}
    if args.admin_db:
        centre, first = args.centre, args.first_slot
        if centre is None and need:
            made = create_centre(args.admin_db, root, code_slots=max(20, args.counters))
            centre, first = made.centre_id, 1
            officer, password = officer or made.officer, password or made.password
        for p in need:
            codes[p] = enrolment_code(args.admin_db, centre, first + profiles.index(p))
    else:
        lines = Path(args.codes).read_text(encoding="utf-8").splitlines()
        given = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
        if len(given) < len(need):
            raise Invalid(f"{args.codes}: {len(given)} code(s) for {len(need)} desk(s)")
        codes = dict(zip(need, given, strict=False))
    if not officer or not password:
        raise Invalid("give --officer and its password (--password or HCC_SIM_PASSWORD)")
    return [
        DeskPlan(
            profile=str(p),
            central=args.central,
            name=p.name,
            officer=officer,
            password=password,
            dossiers=args.dossiers,
            code=codes.get(p),
            pages=args.pages,
            attachment_kb=args.attachment_kb,
            seed=args.seed,
            pace=args.pace,
            sync=args.sync,
            timeout=args.timeout,
        )
        for p in profiles
    ]


def _enrolled(profile: Path) -> bool:
    from hcc_desk.core.sync.credentials import default_credential_store

    return default_credential_store(profile).load() is not None


def _run_threads(plans: list[DeskPlan]) -> list[DeskResult]:
    with ThreadPoolExecutor(len(plans), thread_name_prefix="sim-desk") as pool:
        return list(pool.map(run_desk, plans))


def desk_command() -> list[str]:
    return [sys.executable, "-m", "hcc_desk.sim.desk"]


def _run_processes(plans: list[DeskPlan], timeout: float) -> list[DeskResult]:
    """One process per desk, as on real counter PCs; each reads its plan from stdin (the
    password stays off command lines) and ends with a JSON result line."""
    procs = []
    for plan in plans:
        err = Path(plan.profile, "logs")
        err.mkdir(parents=True, exist_ok=True)
        with (err / "sim-desk.stderr").open("ab") as stderr:
            proc = subprocess.Popen(
                desk_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        procs.append(proc)
    results = []
    for plan, proc in zip(plans, procs, strict=True):
        try:
            out, _ = proc.communicate(json.dumps(asdict(plan)), timeout=timeout + SLACK_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        results.append(_result(plan, out, proc.returncode))
    return results


def _result(plan: DeskPlan, out: str, returncode: int) -> DeskResult:
    for line in reversed(out.splitlines()):
        event = json.loads(line) if line.startswith("{") else {}
        if event.get("event") == "result":
            event.pop("event")
            return DeskResult(**event)
    why = f"desk process ended ({returncode}) without a result; see {plan.profile}/logs"
    return DeskResult(plan.name, errors=[why])


def report(results: list[DeskResult], wall: float, setup_s: float, root: Path) -> str:
    head = (
        f"{'desk':<10}{'dossiers':>9}{'files':>7}{'MB':>9}{'intake s':>10}{'drain s':>9}"
        f"{'total s':>9}{'doss/s':>8}  state"
    )
    rows = [head]
    for r in results:
        state = "synced" if r.idle and not r.pending else f"pending {r.pending}"
        if r.parked:
            state += f", parked {r.parked}"
        rows.append(
            f"{r.name:<10}{r.dossiers:>9}{r.attachments:>7}{r.bytes / 1e6:>9.2f}"
            f"{r.intake_s:>10.2f}{r.sync_s:>9.2f}{r.total_s:>9.2f}"
            f"{r.taken / r.total_s if r.total_s else 0:>8.1f}  {state}"
        )
        rows += [f"    {e}" for e in r.errors]
    n, size = sum(r.dossiers for r in results), sum(r.bytes for r in results)
    taken = sum(r.taken for r in results)
    rows.append(
        f"{'total':<10}{n:>9}{sum(r.attachments for r in results):>7}{size / 1e6:>9.2f}"
        f"{'':>10}{'':>9}{wall:>9.2f}{taken / wall if wall else 0:>8.1f}"
        f"  {size / 1e6 / wall if wall else 0:.2f} MB/s"
    )
    rows.append(f"(setup {setup_s:.1f} s; profiles in {root})")
    return "\n".join(rows)
