"""The schema revision of a database file and of this program, read without Alembic.

Importing Alembic costs more than a bare Qt window's whole start-up, and on almost every start
the database is already at head. These cheap reads let ``open_store`` skip Alembic then;
``migrate`` (Alembic proper) runs only when there is something to upgrade.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().with_name("migrations") / "versions"


class StoreError(RuntimeError):
    """The database can't be opened or upgraded safely (expected error, shown to the user)."""


@cache
def script_head() -> str:
    """The head revision of the migration scripts shipped with this program."""
    revisions: dict[str, str | None] = {}
    for script in VERSIONS_DIR.glob("*.py"):
        names: dict[str, object] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Constant)
            ):
                names[node.targets[0].id] = node.value.value
        if isinstance(names.get("revision"), str):
            revisions[names["revision"]] = names.get("down_revision")  # type: ignore[index,assignment]
    heads = set(revisions) - set(revisions.values())
    if len(heads) != 1:
        raise StoreError(f"migration scripts in {VERSIONS_DIR} have heads {sorted(heads)}")
    return heads.pop()


def file_revision(path: Path, key: bytes | None = None) -> str | None:
    """The revision stamped in the database file, or None (no file, no table, unreadable)."""
    from hcc_desk.core.db_cipher import peek

    row = peek(path, key, "SELECT version_num FROM alembic_version")
    return row[0] if row else None
