"""Central's audit_log as a hash chain (hcc_core.audit_chain): appending and verifying.

Appends are serialised so that the head read is still the head at commit: on PostgreSQL by a
transaction-scoped advisory lock (several API processes write), taken right before the append
and held to commit; READ COMMITTED gives the SELECT after it a snapshot that sees the previous
holder's row. On SQLite the write transaction's lock (BEGIN IMMEDIATE) already serialises.
``seq`` is UNIQUE besides, so a writer that skipped the lock fails instead of forking the chain.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.orm import Session

from hcc_core import audit_rows
from hcc_core.audit_chain import (
    GENESIS,
    Anchor,
    ChainRow,
    Verdict,
    chain_hash,
    json_value,
)

from .models import AuditLog

CHAINED = ("seq", "at", "actor", "action", "detail")
_LOCK_KEY = 0x4843_4341  # "HCCA"; migrate.py uses "HCCC"


def lock_chain(session: Session | Connection) -> None:
    """Hold the chain until commit (PostgreSQL; re-entrant within one transaction)."""
    bind = session.get_bind() if isinstance(session, Session) else session
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})


def append(session: Session | Connection, actor: str, action: str, detail: dict[str, Any]) -> None:
    lock_chain(session)
    last = session.execute(
        select(AuditLog.seq, AuditLog.row_hash).order_by(AuditLog.seq.desc()).limit(1)
    ).first()
    seq, prev = (1, GENESIS) if last is None else (last.seq + 1, last.row_hash)
    row: dict[str, Any] = {
        "seq": seq,
        "at": datetime.now(),
        "actor": actor[:100],
        "action": action,
        "detail": json_value(detail),
    }
    row["row_hash"] = chain_hash(fields(row), prev)
    session.execute(insert(AuditLog).values(prev_hash=prev, **row))


def fields(row: Mapping[str, Any]) -> Sequence[Any]:
    return [row[name] for name in CHAINED]


def stored_rows(session: Session) -> Generator[ChainRow, None, None]:
    return audit_rows.stored_rows(session, AuditLog, CHAINED)


def verify_audit_chain(session: Session, anchor: Anchor | None = None) -> Verdict:
    return audit_rows.verify_table(session, AuditLog, CHAINED, anchor)
