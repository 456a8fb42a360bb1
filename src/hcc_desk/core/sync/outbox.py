"""The outbox: one row per local change to push, written in the transaction of the change.

Each ``dossier.upsert`` op carries the dossier's full state, so a newer op supersedes older ones
of the same entity. Ops never sent (attempts == 0) are coalesced into the newest; an op that
may have reached central keeps its ``op_id`` forever, so a retry after a lost response is
recognised as a duplicate rather than stored twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import to_jsonable_python
from sqlalchemy import delete, event, exists, func, select, update
from sqlalchemy.orm import Session

from hcc_desk.core.store.models import Dossier, OutboxOp, new_uuid

from .dossier_doc import build_dossier_doc, dossier_doc_dict

DOSSIER_UPSERT = "dossier.upsert"
_WAKE_FLAG = "hcc_sync_wake"
_wakers: dict[str, list[Callable[[], None]]] = {}
_wakers_lock = threading.Lock()


def enqueue_dossier(session: Session, dossier: Dossier) -> OutboxOp:
    """Queue the dossier's current state for central; call inside the write transaction."""
    session.flush()
    op = OutboxOp(kind=DOSSIER_UPSERT, entity_uuid=dossier.uuid, state="pending")
    try:
        op.payload = build_dossier_doc(session, dossier).model_dump(mode="json")
    except ValidationError as exc:
        # Never fail the officer's save over a sync problem: park it visibly instead.
        op.payload = to_jsonable_python(dossier_doc_dict(session, dossier))
        op.state, op.parked_code = "parked", 422
        op.parked_reason = "Dữ liệu không hợp lệ để gửi / invalid for central: " + "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5]
        )
    session.execute(
        delete(OutboxOp).where(
            OutboxOp.entity_uuid == dossier.uuid,
            OutboxOp.state == "pending",
            OutboxOp.attempts == 0,
        )
    )
    session.add(op)
    session.flush()
    _wake_after_commit(session)
    return op


def rebuild_op(session: Session, op: OutboxOp) -> None:
    """Refresh a parked op from the current rows under a new op_id (for a retry on demand)."""
    dossier = session.scalar(select(Dossier).where(Dossier.uuid == op.entity_uuid))
    if dossier is not None:
        try:
            op.payload = build_dossier_doc(session, dossier).model_dump(mode="json")
        except ValidationError as exc:
            op.parked_reason = f"invalid for central: {exc.errors()[0]['msg']}"
            return
    op.op_id, op.state, op.attempts = new_uuid(), "pending", 0
    op.next_attempt_at = op.parked_reason = op.parked_code = op.last_error = None


def backfill(session: Session) -> int:
    """Queue every dossier that has never had an op (saved before sync existed)."""
    missing = select(Dossier).where(~exists().where(OutboxOp.entity_uuid == Dossier.uuid))
    n = 0
    for dossier in session.scalars(missing.order_by(Dossier.id)).all():
        enqueue_dossier(session, dossier)
        n += 1
    return n


def due_op_ids(
    session: Session,
    now: datetime,
    limit: int,
    *,
    force: bool = False,
    exclude: Collection[int] = (),
) -> list[int]:
    """Pending ops to send now, in outbox order. An entity whose oldest pending op is still
    backing off (or ``exclude``d: tried this pass) is skipped entirely, so one entity's ops
    always reach central in order."""
    rows = session.execute(
        select(OutboxOp.id, OutboxOp.entity_uuid, OutboxOp.next_attempt_at)
        .where(OutboxOp.state == "pending")
        .order_by(OutboxOp.id)
    )
    blocked: set[str] = set()
    chosen: list[int] = []
    for op_id, entity, next_at in rows:
        if entity in blocked:
            continue
        if op_id in exclude:
            blocked.add(entity)
            continue
        if not force and next_at is not None and next_at > now:
            blocked.add(entity)
            continue
        chosen.append(op_id)
        if len(chosen) >= limit:
            break
    return chosen


def mark_sent(session: Session, ids: Iterable[int]) -> None:
    session.execute(
        update(OutboxOp).where(OutboxOp.id.in_(list(ids))).values(attempts=OutboxOp.attempts + 1)
    )


def mark_done(session: Session, op: OutboxOp) -> None:
    # The full state is now central's; the payload is never needed again, so drop its bulk.
    op.state, op.payload, op.last_error, op.next_attempt_at = "done", {}, None, None
    # Older parked snapshots of this entity are superseded by the newer state just stored.
    session.execute(
        update(OutboxOp)
        .where(
            OutboxOp.entity_uuid == op.entity_uuid, OutboxOp.state == "parked", OutboxOp.id < op.id
        )
        .values(state="done", payload={}, last_error="superseded")
    )


def park(op: OutboxOp, reason: str, code: int) -> None:
    op.state, op.parked_reason, op.parked_code, op.next_attempt_at = "parked", reason, code, None


def counts(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(OutboxOp.state, func.count())
        .where(OutboxOp.state != "done")
        .group_by(OutboxOp.state)
    )
    found = dict(rows.tuples().all())
    return {"pending": found.get("pending", 0), "parked": found.get("parked", 0)}


def entities_pending(session: Session, uuids: Iterable[str]) -> set[str]:
    wanted = list(set(uuids))
    if not wanted:
        return set()
    stmt = (
        select(OutboxOp.entity_uuid)
        .where(OutboxOp.state == "pending", OutboxOp.entity_uuid.in_(wanted))
        .distinct()
    )
    return set(session.scalars(stmt))


def entity_state(session: Session, entity_uuid: str) -> str:
    """ "parked" if central refused the latest state, "pending" while ops wait, else "synced"."""
    states = set(
        session.scalars(
            select(OutboxOp.state).where(OutboxOp.entity_uuid == entity_uuid).distinct()
        )
    )
    if "parked" in states:
        return "parked"
    if "pending" in states or not states:
        return "pending"
    return "synced"


def next_due_at(session: Session) -> datetime | None:
    """When the earliest backed-off pending op becomes due (None: none is backing off)."""
    return session.scalar(
        select(func.min(OutboxOp.next_attempt_at)).where(
            OutboxOp.state == "pending", OutboxOp.next_attempt_at.is_not(None)
        )
    )


# --- waking the background sync after a commit -------------------------------------------------


def _db_key(path: Path | str | None) -> str:
    return str(Path(str(path)).resolve()) if path else ""


def add_waker(db_path: Path, fn: Callable[[], None]) -> None:
    """Call ``fn`` after every commit that enqueued an op in the database at ``db_path``."""
    with _wakers_lock:
        _wakers.setdefault(_db_key(db_path), []).append(fn)


def remove_waker(db_path: Path, fn: Callable[[], None]) -> None:
    with _wakers_lock:
        fns = _wakers.get(_db_key(db_path), [])
        if fn in fns:
            fns.remove(fn)


def _wake_after_commit(session: Session) -> None:
    if session.info.get(_WAKE_FLAG):
        return
    session.info[_WAKE_FLAG] = True
    bind = session.get_bind()
    key = _db_key(bind.engine.url.database)  # an Engine's .engine is itself

    def fire(sess: Session) -> None:
        sess.info.pop(_WAKE_FLAG, None)
        with _wakers_lock:
            fns = list(_wakers.get(key, []))
        for fn in fns:
            fn()

    event.listen(session, "after_commit", fire, once=True)
