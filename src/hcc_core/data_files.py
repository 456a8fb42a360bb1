"""Locate the data files that ship inside hcc_core (``hcc_core/data``: calendar, places,
catalogue seed), wherever it runs from: a checkout, an installed wheel or the desk's PyInstaller
bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def bundled_root(package_dir: Path, bundle_name: str) -> Path:
    """A package's ``data`` folder: next to it, or under ``bundle_name`` in a PyInstaller bundle
    (the desk's spec ships hcc_core/data as "core_data" and hcc_desk/data as "resources")."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / bundle_name if bundle is not None else package_dir / "data"


def existing(root: Path, *parts: str) -> Path:
    """``root/parts``; FileNotFoundError names the searched location, so a broken install is
    diagnosed at once instead of failing later inside a due date, a PDF or a picker."""
    path = root.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled file missing: {path}")
    return path


def data_root() -> Path:
    return bundled_root(Path(__file__).resolve().parent, "core_data")


def data_path(*parts: str) -> Path:
    """Path of a file shipped in hcc_core/data."""
    return existing(data_root(), *parts)
