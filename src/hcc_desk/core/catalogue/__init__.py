"""Procedure catalogue: the bundled seed, and import of a centre's published list."""

from typing import Any

from .importer import (
    ImportReport,
    default_catalogue_path,
    import_catalogue,
    read_catalogue,
    seed_default_catalogue,
)
from .parse import Quantity, TimeLimit, national_code, parse_quantity, parse_time_limit

__all__ = [
    "ImportReport",
    "Quantity",
    "TimeLimit",
    "default_catalogue_path",
    "export_catalogue_xlsx",
    "import_catalogue",
    "national_code",
    "parse_quantity",
    "parse_time_limit",
    "read_catalogue",
    "seed_default_catalogue",
]


def __getattr__(name: str) -> Any:
    # openpyxl (and numpy behind it) costs ~0.3 s to import: only when a spreadsheet is used.
    if name == "export_catalogue_xlsx":
        from .export_xlsx import export_catalogue_xlsx

        return export_catalogue_xlsx
    raise AttributeError(name)
