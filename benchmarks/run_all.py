"""Run every benchmark (``benchmarks/bench_*.py``), each as its own process, and fail if one fails.

    python3 benchmarks/run_all.py --short            # CI: tiny sizes, about a minute in all
    python3 benchmarks/run_all.py                    # the real figures (tens of minutes)
    python3 benchmarks/run_all.py --short bench_scan bench_search

Benchmarks are found by file name, so a new one is never left out. A benchmark fails when it
exits non-zero, runs past its timeout (its whole process group is then killed: centrals, load
generators), or prints no figure line (see report.py). Its output is shown as it runs.
Without a display (no DISPLAY), Qt draws offscreen: the start-up benchmark times the first
window shown, which needs no screen.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.report import figure_lines

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
SHORT_TIMEOUT = 180.0  # seconds per benchmark; each short run takes well under a minute
FULL_TIMEOUT = 4 * 3600.0


@dataclass(frozen=True)
class Result:
    name: str
    seconds: float
    failure: str | None  # None: it passed

    @property
    def ok(self) -> bool:
        return self.failure is None


def discover(directory: Path) -> list[Path]:
    return sorted(directory.glob("bench_*.py"))


def judge(returncode: int | None, output: str, short: bool, timeout: float) -> str | None:
    """Why a benchmark's run failed, or None. ``returncode`` None: it timed out."""
    if returncode is None:
        return f"timed out after {timeout:.0f} s"
    if returncode != 0:
        return f"exited with code {returncode}"
    if not figure_lines(output, short):
        kind = "short-run " if short else ""
        return f"printed no {kind}figure line"
    return None


def bench_env(environ: dict[str, str]) -> dict[str, str]:
    """The benchmarks' environment: the project's sources importable, output unbuffered (so it
    shows in order as it runs), and Qt offscreen when there is no display."""
    env = dict(environ, PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), environ.get("PYTHONPATH")) if p)
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_one(path: Path, short: bool, timeout: float, env: dict[str, str]) -> Result:
    """Run one benchmark, echoing its output, and judge it."""
    cmd = [sys.executable, str(path)] + (["--short"] if short else [])
    lines: list[str] = []
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )  # its own group, killed as one

    def echo() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            print(line, end="", flush=True)

    reader = threading.Thread(target=echo, daemon=True)
    reader.start()
    try:
        returncode: int | None = proc.wait(timeout)
    except subprocess.TimeoutExpired:
        returncode = None
    _kill_group(proc)  # on a timeout, and any child a finished benchmark left behind
    reader.join(10)
    proc.stdout.close()
    seconds = time.perf_counter() - start
    return Result(path.stem, seconds, judge(returncode, "".join(lines), short, timeout))


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:  # the group is already gone
        pass
    proc.wait()


def main(argv: list[str] | None = None, bench_dir: Path = HERE) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--short", action="store_true", help="each benchmark's short mode (what CI runs)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        help=f"seconds per benchmark (default {SHORT_TIMEOUT:.0f} short, {FULL_TIMEOUT:.0f} full)",
    )
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. bench_scan)")
    args = parser.parse_args(argv)
    timeout = args.timeout or (SHORT_TIMEOUT if args.short else FULL_TIMEOUT)
    found = discover(bench_dir)
    unknown = set(args.names) - {p.stem for p in found}
    if unknown:
        parser.error(f"no such benchmark: {', '.join(sorted(unknown))}")
    chosen = [p for p in found if not args.names or p.stem in args.names]
    if not chosen:
        print(f"no benchmark (bench_*.py) in {bench_dir}", file=sys.stderr)
        return 1
    env = bench_env(dict(os.environ))
    results = []
    for path in chosen:
        print(f"\n=== {path.stem}{' --short' if args.short else ''}", flush=True)
        results.append(run_one(path, args.short, timeout, env))
    print("\nbenchmark             seconds  result")
    for r in results:
        print(f"{r.name:<20} {r.seconds:8.1f}  {'ok' if r.ok else 'FAILED: ' + r.failure}")
    failed = [r for r in results if not r.ok]
    print(
        f"{len(results) - len(failed)} of {len(results)} passed in "
        f"{sum(r.seconds for r in results):.1f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
