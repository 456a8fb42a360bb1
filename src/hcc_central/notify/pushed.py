"""Messages for steps recorded at a counter (a desk's agency steps) that reach central by push.

The ingest (ingest.py) picks, while deciding each op, the dossier's step to tell of
(``to_tell``: its latest event, if new to central, of a status that tells, and recent); only
then, in the push's transaction and after its rows are written, does this module read those
dossiers and queue their messages (one statement) with the words central's own steps use. A
push without such steps costs one status lookup per op and nothing else.

Not told: a step a later one superseded (one message, for the dossier's state now); an event
older than ``notify_pushed_within_hours`` before central's now (a desk's backlog synced after
weeks offline, a migration: the applicant has long known, and a burst of stale messages would
be spam); events central emitted itself (already known to central, so never "new" in a push,
and told when they were recorded).

A push carries no notice (the papers to bring are on the desk's Mẫu 02, printed at the
counter): the supplement message then asks the applicant to see that slip or call the centre.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from ..models import Dossier
from .outbox import STATUS_MESSAGES, insert_new, rows_for

# Not a step name of outbox.STEP_MESSAGES: the message is judged by the event's status
# (WAITING_SUPPLEMENT → supplement, RELEASING → result, DENIED / UNRESOLVED → refused).
COUNTER_STEP = "counter"


def to_tell(
    events: list[dict[str, Any]], added: list[dict[str, Any]], since: datetime | None
) -> dict[str, Any] | None:
    """The step of a pushed dossier its applicant is told of, if any: its latest event (the
    merged history ``events``), when that is new to central (in ``added``), of a status that
    tells and not older than ``since``. A step a later one superseded (papers asked and since
    brought, a result since collected) is not told."""
    if not added or since is None:
        return None
    last = events[-1]
    if last["status"] not in STATUS_MESSAGES or all(e["uuid"] != last["uuid"] for e in added):
        return None
    return last if datetime.fromisoformat(last["at"]) >= since else None


def enqueue_pushed(conn: Connection, events: Sequence[tuple[str, dict[str, Any]]]) -> int:
    """Queue the messages of ``events`` ((dossier uuid, event) pairs) in the push's
    transaction, in one statement; returns how many rows were offered. An event queued before
    makes none again (the outbox is unique on event and channel)."""
    if not events:
        return 0
    rows: list[dict[str, Any]] = []
    # The ORM session joins the push's transaction: it never commits nor ends it.
    with Session(bind=conn, join_transaction_mode="rollback_only") as s:
        uuids = sorted({u for u, _ in events})
        dossiers = {d.uuid: d for d in s.scalars(select(Dossier).where(Dossier.uuid.in_(uuids)))}
        for uuid, event in events:
            dossier = dossiers.get(uuid)
            if dossier is not None:
                # An empty notice: no change-log lookup for one (a push carries none).
                rows += rows_for(s, dossier, {**event, "notice": {}}, COUNTER_STEP)
    if rows:
        conn.execute(insert_new(conn), rows)
    return len(rows)
