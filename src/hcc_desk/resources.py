"""Locate the data files that ship inside the package (``hcc_desk/data``: fonts and
translations; the calendar, places and catalogue seed are hcc_core's, see hcc_core.data_files),
wherever the app runs from: a checkout, an installed wheel or the PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The data folder: inside a PyInstaller bundle, else next to this module."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        # The PyInstaller spec adds hcc_desk/data as data under the name "resources".
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent / "data"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "NotoSerif-Regular.ttf")``.

    Raises FileNotFoundError naming the searched location, so a broken installer is diagnosed
    at once instead of failing later inside a PDF or Qt library.
    """
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {path}")
    return path
