"""The layers import only downwards: the shared core (hcc_core) and the desk's core stay free of
Qt; hcc_core imports neither the desk nor central; central never imports the desk (a server
installs no Qt, SANE or printing: tests/installer/test_central_wheel.py); the desk never imports
central (a counter PC installs no server code)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
CORE = SRC / "hcc_desk" / "core"
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
# What a server install does not have (desk-only distributions).
DESK_ONLY = {"hcc_desk", "sane", "reportlab", "pypdfium2", "PIL"}

# folder → the top-level packages none of its files may import
FORBIDDEN = {
    "hcc_core": QT_ROOTS | {"hcc_desk", "hcc_central"},
    "hcc_central": QT_ROOTS | DESK_ONLY,
    "hcc_desk/core": QT_ROOTS,
    "hcc_desk": {"hcc_central"},
}


def _imported_roots(path: Path) -> set[str]:
    """Top-level packages a file imports anywhere (module level or inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("folder", FORBIDDEN)
def test_no_file_imports_what_its_layer_must_not(folder):
    files = sorted((SRC / folder).rglob("*.py"))
    assert len(files) > 10
    offenders = [
        f"{path.relative_to(SRC)}: {', '.join(sorted(found))}"
        for path in files
        if (found := _imported_roots(path) & FORBIDDEN[folder])
    ]
    assert offenders == []


def _modules(package: Path, prefix: str) -> list[str]:
    return sorted(
        prefix + ".".join(p.relative_to(package).with_suffix("").parts)
        for p in package.rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py") and "migrations" not in p.parts
    )


def _import_all(modules: list[str], blocked: set[str]) -> None:
    """Import the modules in a fresh interpreter where the blocked packages cannot be found, as
    on a machine without them: any import of one, even indirect, fails the import."""
    code = (
        "import importlib, importlib.abc, sys\n"
        f"blocked = {sorted(blocked)!r}\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in blocked:\n"
        "            raise ModuleNotFoundError(f'No module named {name!r} (blocked)', name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=SRC
    )
    assert done.returncode == 0, done.stderr[-3000:]


def test_importing_every_desk_core_module_loads_no_qt():
    modules = _modules(CORE, "hcc_desk.core.")
    assert len(modules) > 5
    _import_all(modules, QT_ROOTS)


def test_every_shared_core_module_imports_without_qt_desk_or_central():
    modules = _modules(SRC / "hcc_core", "hcc_core.")
    assert len(modules) > 10
    _import_all(modules, QT_ROOTS | {"hcc_desk", "hcc_central"})


def test_every_central_module_imports_without_qt_sane_printing_or_the_desk():
    modules = _modules(SRC / "hcc_central", "hcc_central.")
    assert len(modules) > 20
    _import_all(modules, QT_ROOTS | DESK_ONLY)
