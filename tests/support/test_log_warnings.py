"""The suite's guard (tests/conftest.py): a WARNING of our loggers fails the test that logged it,
unless the test expects it (caplog, or the expect_log_warnings marker)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONFTEST = """
from tests.conftest import _fail_on_unexpected_log_warnings, pytest_runtest_call  # noqa: F401

def pytest_configure(config):
    config.addinivalue_line("markers", "expect_log_warnings: expected")
"""

TESTS = """
import logging
import pytest

def test_unexpected():
    logging.getLogger("hcc_desk.sync").warning("central refused the push")

def test_info_is_fine():
    logging.getLogger("hcc_central.ingest").info("applied")

def test_foreign_loggers_are_not_ours():
    logging.getLogger("urllib3").warning("retrying")

@pytest.mark.expect_log_warnings
def test_marked():
    logging.getLogger("hcc_core.calendar").error("no calendar")

def test_with_caplog(caplog):
    logging.getLogger("qt").warning("from Qt")
    assert caplog.records
"""


def test_only_an_unexpected_warning_of_ours_fails_its_test(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_probe.py").write_text(TESTS)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout
    assert "1 failed, 4 passed" in out, out
    assert "FAILED test_probe.py::test_unexpected" in out, out
    assert "WARNING hcc_desk.sync: central refused the push" in out, out
