"""Locate files under the repository's ``resources/`` folder, wherever the app runs from."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The ``resources`` folder: inside a PyInstaller bundle, else in the source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        # The PyInstaller spec must add resources/ as data under the same name.
        return Path(bundle) / "resources"
    # src/hcc_desk/resources.py -> <repo>/resources
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "NotoSerif-Regular.ttf")``.

    Raises FileNotFoundError naming the searched location, so a broken installer is diagnosed
    at once instead of failing later inside a PDF or Qt library.
    """
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {path}")
    return path
