"""Locate the data files that ship inside the package (``hcc_desk/data``: the fonts;
the calendar, places, catalogue seed and messages are hcc_core's, see hcc_core.data_files),
wherever the app runs from: a checkout, an installed wheel or the PyInstaller bundle."""

from __future__ import annotations

from pathlib import Path

from hcc_core.data_files import bundled_root, existing


def resources_root() -> Path:
    """The data folder: inside a PyInstaller bundle, else next to this module."""
    return bundled_root(Path(__file__).resolve().parent, "resources")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "NotoSerif-Regular.ttf")``."""
    return existing(resources_root(), *parts)
