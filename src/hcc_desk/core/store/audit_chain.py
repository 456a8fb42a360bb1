"""The desk's audit_log as a hash chain (hcc_core.audit_chain): appending and verifying.

Appends run inside ``Store.write()``: BEGIN IMMEDIATE holds SQLite's write lock from the start of
the transaction, so the head read here is still the head when the row is inserted, whichever
thread or process writes next. A deferred transaction could not fork the chain either: its
INSERT fails with SQLITE_BUSY once another writer has committed, and ``seq`` is UNIQUE.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core import audit_rows
from hcc_core.audit_chain import (
    GENESIS,
    Anchor,
    ChainRow,
    Verdict,
    chain_hash,
)

from .models import AuditLog

# Every column an officer or auditor reads; ``id`` is storage detail, ``seq`` stands for it.
CHAINED = ("seq", "uuid", "at", "actor", "action", "entity", "entity_uuid", "detail")


def fields(row: Any) -> Sequence[Any]:
    return [getattr(row, name) for name in CHAINED]


def head(session: Session) -> tuple[int, str]:
    """(last seq, its row_hash), or (0, GENESIS) for an empty log."""
    last = session.execute(
        select(AuditLog.seq, AuditLog.row_hash).order_by(AuditLog.seq.desc()).limit(1)
    ).first()
    return (0, GENESIS) if last is None else (last.seq, last.row_hash)


def link(session: Session, row: AuditLog) -> None:
    """Give a new, not yet added row its place in the chain and its hash."""
    last_seq, last_hash = head(session)
    row.seq, row.prev_hash = last_seq + 1, last_hash
    row.row_hash = chain_hash(fields(row), last_hash)


def stored_rows(session: Session) -> Generator[ChainRow, None, None]:
    return audit_rows.stored_rows(session, AuditLog, CHAINED)


def verify_audit_chain(session: Session, anchor: Anchor | None = None) -> Verdict:
    return audit_rows.verify_table(session, AuditLog, CHAINED, anchor)
