"""Read a catalogue file (JSON or the centre's spreadsheet) into validated records."""

from __future__ import annotations

from pathlib import Path

from hcc_core.data_files import data_path

from .read_json import read_json
from .schema import Parsed


def read_catalogue(path: Path) -> Parsed:
    if path.suffix.lower() == ".xlsx":
        from .read_xlsx import read_xlsx  # openpyxl is slow to import: only when needed

        return read_xlsx(path)
    if path.suffix.lower() == ".json":
        return read_json(path)
    return Parsed([], [], [f"{path.name}: unsupported file type (use .json or .xlsx)"])


def default_catalogue_path() -> Path:
    """The bundled seed: in the source tree, an installed wheel or the PyInstaller bundle."""
    return data_path("catalogue", "procedures.json")
