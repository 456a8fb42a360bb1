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
    ("lock_name", "extras", "env"),
    [
        ("desk-windows.lock", (), lock.WINDOWS),
        ("desk-linux.lock", (), {**default_environment(), "sys_platform": "linux", "extra": ""}),
        (
            "central-linux.lock",
            ("central",),
            {**default_environment(), "sys_platform": "linux", "extra": ""},
        ),
    ],
)
def test_every_declared_dependency_is_pinned_within_its_range(lock_name, extras, env):
    assert _check(lock_name, lock.project_requirements(*extras), env) == []


def test_every_pin_carries_a_hash():
    for path in (ROOT / "requirements").glob("*.lock"):
        text = path.read_text()
        pins = lock.read_lock(path)
        assert pins and text.count("--hash=sha256:") == len(pins), path.name
