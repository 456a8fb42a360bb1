"""Read an audit table's chain back for ``hcc_core.audit_chain.verify``: the same walk on the
desk's SQLite and central's PostgreSQL, for each side's own table and chained columns."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from hcc_core.audit_chain import Anchor, ChainRow, Verdict, parse_stored, verify

AS_TEXT = {"at", "detail"}  # read as stored text: see parse_stored


def stored_rows(
    session: Session, table: Any, chained: Sequence[str]
) -> Generator[ChainRow, None, None]:
    """Every row of ``table`` (a mapped class with id, seq, prev_hash, row_hash and the
    ``chained`` columns) in chain order, streamed."""
    cols = [
        table.id,
        table.prev_hash,
        table.row_hash,
        *(
            cast(getattr(table, name), Text).label(name)
            if name in AS_TEXT
            else getattr(table, name)
            for name in chained
        ),
    ]
    stmt = select(*cols).order_by(table.seq.asc().nulls_first(), table.id)
    result = session.execute(stmt.execution_options(yield_per=2000))
    try:
        for r in result:
            values = dict(r._mapping)
            values["at"], values["detail"] = parse_stored(r.at, r.detail)
            yield ChainRow(
                r.id, r.seq, values["at"], r.prev_hash, r.row_hash, [values[n] for n in chained]
            )
    finally:  # a walk that stops at a break must not leave a server-side cursor open
        result.close()


def verify_table(
    session: Session, table: Any, chained: Sequence[str], anchor: Anchor | None = None
) -> Verdict:
    """Walk ``table``'s chain (and the ``anchor`` a verifier kept) and say where it breaks."""
    rows = stored_rows(session, table, chained)
    try:
        return verify(rows, anchor)
    finally:
        rows.close()
