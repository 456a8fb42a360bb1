"""The lock files pin every dependency the project declares, at a version it accepts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from packaging.markers import default_environment

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import lock  # noqa: E402


def _check(lock_name: str, requirements, env: dict[str, str]) -> list[str]:
    pins = lock.read_lock(ROOT / "requirements" / lock_name)
    problems = []
    for r in requirements:
        if r.marker is not None and not r.marker.evaluate(env):
            continue
        name = r.name.lower().replace("_", "-")
        if name not in pins:
            problems.append(f"{name} not pinned")
        elif not r.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{name}=={pins[name]} outside {r.specifier}")
    return problems


@pytest.mark.parametrize(
    ("lock_name", "env"),
    [
        ("desk-windows.lock", lock.WINDOWS),
        ("desk-linux.lock", {**default_environment(), "sys_platform": "linux", "extra": ""}),
        ("central-linux.lock", {**default_environment(), "sys_platform": "linux", "extra": ""}),
    ],
)
def test_every_declared_dependency_is_pinned_within_its_range(lock_name, env):
    assert _check(lock_name, lock.locked_requirements(lock_name), env) == []


def test_the_server_lock_pins_no_desk_dependency():
    """A server installs no Qt, scanning or printing (hcc-central's requirements only)."""
    pins = lock.read_lock(ROOT / "requirements" / "central-linux.lock")
    desk_only = {"pyside6-essentials", "shiboken6", "python-sane", "reportlab", "pypdfium2"}
    assert desk_only & set(pins) == set()


def test_every_pin_carries_a_hash():
    for path in (ROOT / "requirements").glob("*.lock"):
        text = path.read_text()
        pins = lock.read_lock(path)
        assert pins and text.count("--hash=sha256:") == len(pins), path.name
