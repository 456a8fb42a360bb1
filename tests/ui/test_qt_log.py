"""Qt's messages reach the log: a Qt warning is a WARNING of logger ``qt`` (ui/qt_log.py), in the
profile's log file when the desk's GUI runs."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from hcc_desk.ui import qt_log

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.qt_log_level_fail("NO")  # this test makes a Qt warning on purpose
def test_a_qt_warning_becomes_a_log_warning_and_pytest_qt_still_sees_it(qtlog, caplog):
    restore = qt_log.install()
    try:
        qWarning("a probe warning")
    finally:
        restore()
    qWarning("after restore")  # no longer ours
    ours = [(r.name, r.levelno, r.getMessage()) for r in caplog.records if r.name == "qt"]
    assert ours == [("qt", logging.WARNING, "a probe warning")]
    assert [m.message for m in qtlog.records] == ["a probe warning", "after restore"]


# The desk's real start-up with a Qt warning at its first window.
GUI_WARNS = """
import sys
from PySide6.QtCore import qWarning
from hcc_desk import cli
from hcc_desk.ui import launcher

begin = launcher.Flow.begin

def begin_with_a_warning(self):
    qWarning("probe from the test")
    begin(self)

launcher.Flow.begin = begin_with_a_warning
sys.exit(cli.main(["--profile", sys.argv[1], "--exit-when-ready"]))
"""


def test_the_gui_writes_qt_warnings_into_the_profile_log(tmp_path):
    profile = tmp_path / "desk"
    env = {
        **os.environ,
        "HCC_DESK_KEY_DIR": str(tmp_path / "keys"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }
    run = subprocess.run(
        [sys.executable, "-c", GUI_WARNS, str(profile)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    log = (profile / "logs" / "hcc-desk.log").read_text(encoding="utf-8")
    assert "WARNING qt: probe from the test" in log
    assert "probe from the test" not in run.stderr  # the log has it, not a terminal nobody reads
