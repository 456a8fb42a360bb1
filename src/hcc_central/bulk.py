"""Bulk inserts: one statement per table, whatever the number of rows.

On PostgreSQL: ``INSERT … SELECT * FROM unnest(<one array per column>)``. The text is the same
for any number of rows (prepared once per connection) and the rows travel as a few array
values. An executemany would send one Bind/Execute per row through psycopg's pipeline, which
was the largest per-row CPU cost of a push. Elsewhere (SQLite, in-process: no round trip to
save) a plain executemany.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import JSON, Connection, Table


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    names = tuple(rows[0])
    sql, json_cols = _sql(table, names, conn.dialect)
    columns = []
    for name in names:
        values = [r[name] for r in rows]
        # JSON travels as text, cast in SQL, serialised as SQLAlchemy's JSON type would.
        columns.append([json.dumps(v) for v in values] if name in json_cols else values)
    conn.exec_driver_sql(sql, tuple(columns))


@lru_cache(maxsize=64)
def _sql(table: Table, names: tuple[str, ...], dialect: Any) -> tuple[str, frozenset[str]]:
    quote = dialect.identifier_preparer.quote
    cols = [table.c[n] for n in names]
    arrays = ", ".join(f"%b::{c.type.compile(dialect=dialect)}[]" for c in cols)
    # Only identifiers (quoted by the dialect) and compiled types go into the text; values are
    # bound as arrays.
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in cols)}) "  # noqa: S608
        f"SELECT * FROM unnest({arrays})"
    )
    return sql, frozenset(c.name for c in cols if isinstance(c.type, JSON))
