"""Locate the data files that ship inside hcc_core (``hcc_core/data``: calendar, places,
catalogue seed), wherever it runs from: a checkout, an installed wheel or the desk's PyInstaller
bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def data_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        # The desk's PyInstaller spec adds hcc_core/data under this name.
        return Path(bundle) / "core_data"
    return Path(__file__).resolve().parent / "data"


def data_path(*parts: str) -> Path:
    """Path of a bundled data file; FileNotFoundError names the searched location, so a broken
    install is diagnosed at once instead of failing later inside a due date or a picker."""
    path = data_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled data missing: {path}")
    return path
