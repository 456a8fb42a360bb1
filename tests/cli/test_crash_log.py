"""Crash evidence: a process killed by a fatal signal (a driver's segfault) leaves the Python
stacks in the profile's crash log, and ``hcc-desk doctor`` names that file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The real start-up (cli.main) of a command whose work dies of SIGSEGV, as a scanner or printer
# driver's bug would make it.
CRASHES = """
import faulthandler, sys
from hcc_desk import cli

def _demo(args, profile):
    faulthandler._sigsegv()

cli._demo = _demo
sys.exit(cli.main(["demo", "--profile", sys.argv[1]]))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HCC_DESK_KEY_DIR": str(tmp_path / "keys"),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }


def _doctor(profile: Path, env: dict[str, str]) -> str:
    cmd = [sys.executable, "-m", "hcc_desk", "doctor", "--profile", str(profile)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120).stdout


def test_a_segfault_leaves_a_crash_log_that_doctor_names(tmp_path):
    profile, env = tmp_path / "desk", _env(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", CRASHES, str(profile)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0
    crash_log = profile / "logs" / "crash.log"
    text = crash_log.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "in _demo" in text and "cli.py" in text  # the stack says where it died
    out = _doctor(profile, env)
    assert f"crash log: {crash_log}" in out, out
    assert "[CHÚ Ý]" in out  # tagged like every doctor line


def test_doctor_says_nothing_of_crashes_when_there_was_none(tmp_path):
    profile, env = tmp_path / "desk", _env(tmp_path)
    (profile / "logs").mkdir(parents=True)
    (profile / "logs" / "crash.log").touch()  # what every start leaves: open, empty
    out = _doctor(profile, env)
    assert "crash" not in out.lower(), out
