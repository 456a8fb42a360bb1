"""``hcc-central`` with a gate for fault tests: ``python central_gate.py GATE_DIR serve …``.

While the file ``GATE_DIR/armed`` exists, the first transaction that has inserted pushed
dossiers (rows into ``dossier``) stops just before its COMMIT, writes ``GATE_DIR/held`` and
waits there until the process is killed. ``held`` says, for ``dossier`` and ``applied_op``, how
many rows that transaction inserted and how many it sees with them. A test that sees ``held``
knows central has a write transaction open with its rows written: a SIGKILL then lands
mid-write, and afterwards the database must hold none of those rows.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

TABLES = ("dossier", "applied_op")  # the first one triggers the hold
ROWS = "fault_gate_rows"  # key in the DBAPI connection's info: rows inserted this transaction


def _inserted_into(statement: str) -> str | None:
    words = statement.lstrip()[:80].lower().replace('"', " ").replace("(", " ").split()
    if words[:2] == ["insert", "into"] and len(words) > 2 and words[2] in TABLES:
        return words[2]
    return None


def install(gate: Path) -> None:
    armed, held = gate / "armed", gate / "held"
    taken = threading.Lock()  # one transaction is held; the others go on, or queue behind it

    @event.listens_for(Engine, "after_cursor_execute")
    def count_rows(conn: Connection, cursor: Any, statement: str, *_: Any) -> None:
        table = _inserted_into(statement)
        if table is not None:
            rows = conn.info.setdefault(ROWS, {})
            rows[table] = rows.get(table, 0) + max(cursor.rowcount, 0)

    @event.listens_for(Engine, "rollback")
    def forget(conn: Connection) -> None:
        conn.info.pop(ROWS, None)

    @event.listens_for(Engine, "commit")  # runs before the DBAPI commit
    def hold(conn: Connection) -> None:
        rows = conn.info.pop(ROWS, {})
        if not rows.get(TABLES[0]) or not armed.exists() or not taken.acquire(blocking=False):
            return
        cursor = conn.connection.dbapi_connection.cursor()  # inside the open transaction
        seen = {}
        for table in TABLES:
            cursor.execute(f"SELECT count(*) FROM {table}")
            seen[table] = {"written": rows.get(table, 0), "visible": cursor.fetchone()[0]}
        note = gate / "held.tmp"
        note.write_text(json.dumps({"pid": os.getpid(), "tables": seen}), encoding="utf-8")
        note.replace(held)
        threading.Event().wait()  # until SIGKILL: the transaction never commits


def main() -> int:
    install(Path(sys.argv[1]))
    from hcc_central.cli import main as central

    return central(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
