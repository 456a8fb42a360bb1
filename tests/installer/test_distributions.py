"""Each distribution declares what its code imports (requirements/<name>.in, with the
distributions it needs; a package a declared requirement brings along, such as pydantic's
pydantic_core, counts as declared), and a requirement two distributions share has one range."""

from __future__ import annotations

import ast
import sys
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import distributions  # noqa: E402

# Imported but deliberately not declared, with the reason.
UNDECLARED = {
    # pywin32's COM client, tried first on Windows counters; comtypes (declared) is the fallback.
    "win32com",
}


def _normal(name: str) -> str:
    return name.lower().replace("_", "-")


def _third_party_roots(package: str) -> set[str]:
    ours = {d.package for d in distributions.DISTRIBUTIONS.values()}
    roots: set[str] = set()
    for path in (ROOT / "src" / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                roots.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                roots.add(node.module.split(".")[0])
    return {r for r in roots if r not in sys.stdlib_module_names and r not in ours}


def _brought_along(names: set[str]) -> set[str]:
    """The distributions these installed ones require themselves."""
    found = set()
    for name in names:
        try:
            found.update(_normal(Requirement(r).name) for r in requires(name) or [])
        except PackageNotFoundError:
            pass  # declared for another platform (comtypes on Windows)
    return found


@pytest.mark.parametrize("name", list(distributions.DISTRIBUTIONS))
def test_every_import_is_a_declared_requirement(name):
    declared = {_normal(r.name) for r in distributions.all_requirements(name)}
    declared |= _brought_along(declared)
    providers = packages_distributions()
    undeclared = []
    for root in sorted(_third_party_roots(distributions.DISTRIBUTIONS[name].package)):
        if root in UNDECLARED:
            continue
        if not {_normal(d) for d in providers.get(root, [root])} & declared:
            undeclared.append(root)
    assert undeclared == []


def test_a_shared_requirement_has_one_range():
    seen: dict[str, tuple[str, str]] = {}
    differ = []
    for dist in distributions.DISTRIBUTIONS.values():
        for r in distributions.own_requirements(dist.name):
            name = _normal(r.name)
            if name in seen and seen[name][1] != str(r):
                differ.append(f"{seen[name][0]}: {seen[name][1]} / {dist.name}: {r}")
            seen.setdefault(name, (dist.name, str(r)))
    assert differ == []
