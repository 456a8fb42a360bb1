"""Start-up to ready: `hcc-desk --exit-when-ready` against a bare PySide6 window process.

Both are measured in the same run, interleaved, as whole processes (interpreter start, imports,
database open, first window shown), so the ratio holds on a noisy machine. Both run with compiled
bytecode, as an installed desk does (pip and the frozen app ship .pyc files): a private bytecode
cache, filled by the warm-up run, even where PYTHONDONTWRITEBYTECODE is set (as in some
development shells, where every start would otherwise compile the desk's sources again).
Target (issue 2): median ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.report import figure, parse_args
from benchmarks.stats import median

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1024, 700); w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parse_args(parser, short={"runs": 3})
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        env["HCC_DESK_KEY_DIR"] = str(Path(tmp) / "keys")  # the profile's key: not in ~/.config
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")  # the source tree stays clean
        profile = Path(tmp) / "profile"
        app = [sys.executable, "-m", "hcc_desk", "--profile", str(profile)]
        subprocess.run(
            [*app[:3], "demo", "--profile", str(profile)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        _time(bare_cmd, env), _time([*app, "--exit-when-ready"], env)  # warm the file cache
        bare, desk = [], []
        for _ in range(args.runs):
            bare.append(_time(bare_cmd, env))
            desk.append(_time([*app, "--exit-when-ready"], env))
    b, d = median(bare), median(desk)
    figure(f"bare PySide6 window : median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    figure(f"hcc-desk to ready   : median {d * 1000:7.1f} ms  (min {min(desk) * 1000:.1f})")
    figure(f"ratio               : {d / b:.2f}x   (target ≤ 1.50x, {args.runs} runs each)")


if __name__ == "__main__":
    main()
