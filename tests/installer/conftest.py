"""The frozen app, built once per test run for every test that needs it (``frozen_app``).

``installer/build.py`` builds it with PyInstaller, smoke-tests it and packages it: about a
minute and ~400 MB of disk. That always happens in CI (``CI=true``), and on a developer's machine
with ``HCC_BUILD_TEST=1``; otherwise the tests that need it are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.realparts import in_ci

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
BUNDLE = ROOT / "dist" / "hcc-desk"


@dataclass(frozen=True)
class FrozenApp:
    report: dict  # dist/build-report.json of the build
    cli: Path  # the executable for commands (hcc-desk-cli.exe on Windows)


@pytest.fixture(scope="session")
def frozen_app() -> FrozenApp:
    if os.environ.get("HCC_BUILD_TEST") != "1" and not in_ci():
        pytest.skip("builds the frozen app (~1 min, ~400 MB): set HCC_BUILD_TEST=1 (always in CI)")
    pytest.importorskip("PyInstaller")  # the project's "build" extra
    proc = subprocess.run(
        [sys.executable, str(INSTALLER / "build.py"), "--startup-runs", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    report = json.loads((ROOT / "dist" / "build-report.json").read_text(encoding="utf-8"))
    cli = BUNDLE / ("hcc-desk-cli.exe" if sys.platform.startswith("win") else "hcc-desk")
    return FrozenApp(report, cli)
