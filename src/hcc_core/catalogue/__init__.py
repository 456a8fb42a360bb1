"""Procedure catalogue: the records, their parsing and lint, and reading the bundled seed or a
centre's published list. Writing it into a database is each side's own (the desk's
``core/store/catalogue_import.py``, central's ``imports.py``)."""

from .parse import Quantity, TimeLimit, national_code, parse_quantity, parse_time_limit
from .reading import default_catalogue_path, read_catalogue

__all__ = [
    "Quantity",
    "TimeLimit",
    "default_catalogue_path",
    "national_code",
    "parse_quantity",
    "parse_time_limit",
    "read_catalogue",
]
