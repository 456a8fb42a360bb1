"""SANE's real ``test`` backend for any test that asks for ``sane_test_device``.

A private SANE_CONFIG_DIR enables only the test backend (no 3 s discovery of real buses), with
geometry_max 300 mm so a full A4 page fits. The scanner worker processes inherit the environment.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.realparts import unavailable

SANE_TEST_CONF = Path("/etc/sane.d/test.conf")


def _sane_available() -> bool:
    if not SANE_TEST_CONF.exists():
        return False
    try:
        import sane  # noqa: F401
    except ImportError:
        return shutil.which("scanimage") is not None
    return True


@pytest.fixture(scope="session")
def sane_config_dir(tmp_path_factory) -> Path:
    if not _sane_available():
        unavailable("SANE with its test backend is not installed (scripts/install-system-deps.sh)")
    folder = tmp_path_factory.mktemp("sane.d")
    (folder / "dll.conf").write_text("test\n")
    lines = [
        "geometry_max 300.0" if line.startswith("geometry_max") else line
        for line in SANE_TEST_CONF.read_text().splitlines()
    ]
    (folder / "test.conf").write_text("\n".join(lines) + "\n")
    return folder


@pytest.fixture
def sane_test_device(sane_config_dir, monkeypatch) -> str:
    """The name of a SANE test device, with SANE_CONFIG_DIR pointing at the private config."""
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config_dir))
    monkeypatch.setenv("LC_ALL", "C")
    return "test:0"
