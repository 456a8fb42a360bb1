"""The change log desks pull from, and the audit log.

Why a lock around change-log writes: ``seq`` values are handed out at INSERT but become visible at
COMMIT. If two writers could interleave, a desk might read seq 11 while 10 is still uncommitted,
move its cursor past 10 and never see it. Serialising the (rare, admin-driven) change writers
makes commit order equal seq order. On PostgreSQL an EXCLUSIVE table lock conflicts with other
writers but not with readers; on SQLite every write transaction is already exclusive.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select, text
from sqlalchemy.orm import Session

from hcc_core.wire.protocol import Change, ChangeKind

from .audit_chain import append as append_audit
from .audit_chain import lock_chain
from .models import ChangeLog


def lock_change_log(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        # Audit chain first: transactions that both emit and audit, in either order, then
        # take the two locks in one order and cannot deadlock.
        lock_chain(session)
        session.execute(text("LOCK TABLE change_log IN EXCLUSIVE MODE"))


def emit(
    session: Session, centre_id: int | None, kind: ChangeKind, entity: str, payload: dict[str, Any]
) -> None:
    emit_many(session, [(centre_id, kind, entity, payload)])


def emit_many(
    session: Session, rows: list[tuple[int | None, ChangeKind, str, dict[str, Any]]]
) -> None:
    if not rows:
        return
    lock_change_log(session)
    now = datetime.now()
    session.execute(
        insert(ChangeLog),
        [
            {"centre_id": c, "kind": k, "entity_uuid": e, "payload": p, "at": now}
            for c, k, e, p in rows
        ],
    )


def changes_since(
    session: Session, centre_id: int, cursor: int, limit: int
) -> tuple[list[Change], int, bool]:
    """Changes after ``cursor`` for a centre (plus the ones for every centre), oldest first."""
    rows = session.execute(
        select(ChangeLog.seq, ChangeLog.kind, ChangeLog.entity_uuid, ChangeLog.payload)
        .where(ChangeLog.seq > cursor)
        .where(or_(ChangeLog.centre_id == centre_id, ChangeLog.centre_id.is_(None)))
        .order_by(ChangeLog.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    changes = [
        Change(seq=r.seq, kind=r.kind, entity_uuid=r.entity_uuid, payload=r.payload)
        for r in rows[:limit]
    ]
    return changes, (changes[-1].seq if changes else cursor), more


def audit(session: Session, actor: str, action: str, **detail: Any) -> None:
    """Append a row to the hash-chained audit log (audit_chain.py); it holds the chain until
    commit on PostgreSQL, so audit late in the transaction."""
    append_audit(session, actor, action, detail)
