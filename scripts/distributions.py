"""The three distributions built from this repository, and where each one's requirements live.

A server installs hcc-core + hcc-central, a counter PC hcc-core + hcc-desk; the root
pyproject.toml stays the developers' install of all three. Used by scripts/build_wheels.py
(wheel metadata) and scripts/lock.py (what each lock file resolves).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "requirements"


@dataclass(frozen=True)
class Distribution:
    name: str
    package: str
    summary: str
    needs: tuple[str, ...] = ()  # our own distributions it depends on

    @property
    def requirements_file(self) -> Path:
        return REQUIREMENTS / f"{self.name.removeprefix('hcc-')}.in"


DISTRIBUTIONS = {
    d.name: d
    for d in (
        Distribution(
            "hcc-core",
            "hcc_core",
            "HCC Desk's shared Qt-free core: domain rules, wire protocol, catalogue and data",
        ),
        Distribution(
            "hcc-desk",
            "hcc_desk",
            "Counter software for Vietnamese Public Administration Service Centres",
            needs=("hcc-core",),
        ),
        Distribution(
            "hcc-central",
            "hcc_central",
            "The central service HCC Desk counters sync with",
            needs=("hcc-core",),
        ),
    )
}


def read_requirements(path: Path) -> list[Requirement]:
    """One requirement a line; blank lines and whole-line comments skipped (setuptools' format
    for `dynamic` dependencies read from a file)."""
    lines = (line.strip() for line in path.read_text("utf-8").splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith("#")]


def own_requirements(name: str) -> list[Requirement]:
    """What the distribution declares itself, without our other distributions."""
    return read_requirements(DISTRIBUTIONS[name].requirements_file)


def all_requirements(name: str) -> list[Requirement]:
    """Everything a deployment of the distribution pulls from outside: its own requirements and
    those of the distributions it needs."""
    found: list[Requirement] = []
    for needed in DISTRIBUTIONS[name].needs:
        found += all_requirements(needed)
    return found + own_requirements(name)


def project() -> dict:
    """The root pyproject.toml's [project] and [tool.setuptools] tables (version, licence,
    package data: declared there once)."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return {"project": data["project"], "setuptools": data["tool"]["setuptools"]}
