"""The benchmarks' shared parts: the one percentile definition, the short mode and its figure
lines, and the runner's verdicts (run on stand-in benchmarks; CI runs the real ones through
``python3 benchmarks/run_all.py --short``)."""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks import report, run_all
from benchmarks.stats import median, percentile, summary
from tests.support.waits import poll

# --- percentile: linear interpolation between closest ranks, hand-worked ----------------------


@pytest.mark.parametrize("q", [0, 37.5, 50, 95, 100])
def test_one_sample_is_every_percentile_of_itself(q):
    assert percentile([7.25], q) == 7.25


def test_twenty_samples():
    xs = list(range(1, 21))  # 1..20: position h = 19·q/100
    assert percentile(xs, 95) == pytest.approx(19.05)  # h = 18.05: x[18] = 19, x[19] = 20
    assert percentile(xs, 50) == pytest.approx(10.5)  # h = 9.5
    assert percentile(xs, 99) == pytest.approx(19.81)  # h = 18.81


def test_twenty_one_samples_land_on_ranks():
    xs = list(range(1, 22))  # 1..21: h = 20·q/100, a whole rank every 5 %
    assert percentile(xs, 95) == 20  # h = 19
    assert percentile(xs, 50) == 11  # h = 10
    assert percentile(xs, 5) == 2  # h = 1


def test_fifteen_samples_p95_is_above_the_fourteenth():
    # The old save+receipt index, sorted(xs)[int(n * 0.95) - 1], took x[13] = 14 here: a p93.
    xs = list(range(1, 16))
    assert percentile(xs, 95) == pytest.approx(14.3)  # h = 14·0.95 = 13.3


def test_ties_and_order():
    xs = [9, 5, 5, 5, 5]
    assert percentile(xs, 50) == 5
    assert percentile(xs, 95) == pytest.approx(8.2)  # h = 3.8: 5 + 0.8·(9 − 5)
    assert percentile([3, 3, 3], 95) == 3


def test_q_0_and_100_are_min_and_max():
    xs = [4.5, -1.0, 12.0, 3.0]
    assert percentile(xs, 0) == -1.0
    assert percentile(xs, 100) == 12.0


def test_median_is_the_usual_median():
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5


@pytest.mark.parametrize(("samples", "q"), [([], 50), ([1.0], -0.1), ([1.0, 2.0], 100.5)])
def test_nonsense_is_refused(samples, q):
    with pytest.raises(ValueError):
        percentile(samples, q)


@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=60), st.integers(1, 99))
def test_agrees_with_statistics_quantiles_inclusive(xs, q):
    expected = statistics.quantiles(xs, n=100, method="inclusive")[q - 1]
    assert percentile(xs, q) == pytest.approx(expected, rel=1e-9, abs=1e-6)


@given(
    st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=40), st.floats(0, 100), st.floats(0, 100)
)
def test_monotone_in_q_and_within_the_samples(xs, q1, q2):
    low, high = sorted((q1, q2))
    assert min(xs) <= percentile(xs, low) <= percentile(xs, high) + 1e-9 <= max(xs) + 1e-9


def test_summary():
    s = summary(float(x) for x in range(100, 0, -1))  # 1..100, any order, any iterable
    assert (s.n, s.min, s.max) == (100, 1.0, 100.0)
    assert (s.p50, s.p95, s.p99) == (
        pytest.approx(50.5),
        pytest.approx(95.05),
        pytest.approx(99.01),
    )
    ms = summary([0.001, 0.002]).scaled(1000)
    assert (ms.n, ms.min, ms.p50, ms.max) == (2, 1.0, pytest.approx(1.5), 2.0)
    with pytest.raises(ValueError):
        summary([])


# --- short mode and figure lines -----------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    return parser


def test_short_sets_its_sizes_and_marks_the_figures(capsys):
    args = report.parse_args(_parser(), {"n": 2000}, ["--short"])
    assert (args.short, args.n, args.seed) == (True, 2000, 1)
    report.figure("p95 3.2 ms")
    out = capsys.readouterr().out
    assert out.startswith("short run (--n 2000)")
    assert out.splitlines()[-1] == "figure (short run): p95 3.2 ms"


def test_an_explicit_size_wins_over_short():
    assert report.parse_args(_parser(), {"n": 2000}, ["--short", "--n", "50"]).n == 50


def test_full_run_keeps_its_sizes_and_plain_figures(capsys):
    args = report.parse_args(_parser(), {"n": 2000}, [])
    assert (args.short, args.n) == (False, 1_000_000)
    report.figure("p95 3.2 ms")
    assert capsys.readouterr().out == "figure: p95 3.2 ms\n"


def test_figure_lines():
    out = (
        "short run (--n 2)\nfigure (short run): p95 1.2 ms\n  figure (short run): 1 ms\n"
        "figure (short run): none\nfigure: p95 9 ms\nnoise 3 ms\n"
    )
    assert report.figure_lines(out, short=True) == ["figure (short run): p95 1.2 ms"]
    assert report.figure_lines(out, short=False) == ["figure: p95 9 ms"]
    assert report.figure_lines("figure:1 ms\nfigure: n/a\n", short=False) == []


# --- the runner's verdicts ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("returncode", "output", "short", "failure"),
    [
        (0, "figure (short run): 12 ms\n", True, None),
        (0, "figure: 12 ms\n", False, None),
        (None, "figure (short run): 12 ms\n", True, "timed out after 90 s"),
        (1, "figure (short run): 12 ms\n", True, "exited with code 1"),
        (-9, "", True, "exited with code -9"),
        (0, "all fine\n", True, "printed no short-run figure line"),
        (0, "figure: 12 ms\n", True, "printed no short-run figure line"),  # ignored --short
        (0, "figure (short run): 12 ms\n", False, "printed no figure line"),
    ],
)
def test_judge(returncode, output, short, failure):
    assert run_all.judge(returncode, output, short, 90) == failure


def test_environment_without_a_display_draws_offscreen():
    env = run_all.bench_env({"PATH": "/usr/bin", "PYTHONPATH": "extra"})
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert env["PYTHONPATH"].split(os.pathsep) == [str(run_all.SRC), "extra"]
    assert env["PYTHONUNBUFFERED"] == "1"
    assert "QT_QPA_PLATFORM" not in run_all.bench_env({"DISPLAY": ":99"})


GOOD = 'import sys; assert sys.argv[1:] == ["--short"]; print("figure (short run): 1.5 ms")\n'
RAISES = 'print("figure (short run): 1.5 ms"); raise RuntimeError("broken benchmark")\n'
SILENT = 'print("measured, but said nothing")\n'
# Hangs, with a child of its own: the runner must kill both when the time is up.
HANGS = (
    "import subprocess, sys, time\n"
    'child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])\n'
    'print(f"child {child.pid}", flush=True)\n'
    "time.sleep(300)\n"  # a benchmark that hangs: this sleep is the point of it
)


def _benchmarks(tmp_path: Path, **scripts: str) -> Path:
    for name, text in scripts.items():
        (tmp_path / f"{name}.py").write_text(text)
    return tmp_path


def _gone(pid: int, deadline: float) -> bool:
    def gone() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    return bool(poll(gone, deadline - time.monotonic(), interval=0.05))


def test_runner_passes_when_every_benchmark_prints_figures(tmp_path, capsys):
    bench_dir = _benchmarks(
        tmp_path,
        bench_a=GOOD,
        bench_b=GOOD,
        helper='raise SystemExit("not a benchmark: never run")',
    )
    assert run_all.main(["--short"], bench_dir=bench_dir) == 0
    out = capsys.readouterr().out
    assert out.count("figure (short run): 1.5 ms") == 2
    assert "2 of 2 passed" in out


def test_runner_fails_on_an_error_silence_or_timeout_and_runs_the_rest(tmp_path, capsys):
    bench_dir = _benchmarks(
        tmp_path,
        bench_a_raises=RAISES,
        bench_b_silent=SILENT,
        bench_c_hangs=HANGS,
        bench_d_good=GOOD,
    )
    start = time.monotonic()
    assert run_all.main(["--short", "--timeout", "3"], bench_dir=bench_dir) == 1
    assert time.monotonic() - start < 60
    out = capsys.readouterr().out
    assert "RuntimeError: broken benchmark" in out  # its output is shown
    summary_lines = out[out.index("benchmark             seconds") :].splitlines()
    verdicts = {line.split()[0]: line.split(maxsplit=2)[2] for line in summary_lines[1:5]}
    assert verdicts == {
        "bench_a_raises": "FAILED: exited with code 1",
        "bench_b_silent": "FAILED: printed no short-run figure line",
        "bench_c_hangs": "FAILED: timed out after 3 s",
        "bench_d_good": "ok",
    }
    assert "1 of 4 passed" in out
    child = int(out.split("child ", 1)[1].split()[0])
    assert _gone(child, time.monotonic() + 10), "the hung benchmark's child is still running"


def test_runner_refuses_an_unknown_name(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        run_all.main(["--short", "bench_nope"], bench_dir=_benchmarks(tmp_path, bench_a=GOOD))
    assert exit_.value.code == 2


def test_runner_fails_where_there_is_no_benchmark(tmp_path):
    assert run_all.main(["--short"], bench_dir=tmp_path) == 1


def test_every_benchmark_is_found():
    names = {p.stem for p in run_all.discover(run_all.HERE)}
    assert {
        "bench_catchup",
        "bench_digitise",
        "bench_ingest",
        "bench_save_receipt",
        "bench_scan",
        "bench_search",
        "bench_startup",
    } <= names
    assert "http_load" not in names and "run_all" not in names
