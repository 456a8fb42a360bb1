"""Messages for steps recorded at a counter (a desk's agency steps) that reach central by push.

The ingest (ingest.py) picks, while deciding each op, the events new to central that the
applicant is told of and that are recent (``told``); only then, in the push's transaction and
after its rows are written, does this module read those dossiers and queue their messages with
the outbox central's own steps use. A push without such events costs one status lookup per new
event and nothing else.

Not told: an event older than ``notify_pushed_within_hours`` before central's now (a desk's
backlog synced after weeks offline, a migration: the applicant has long known, and a burst of
stale messages would be spam); events central emitted itself (already known to central, so
never "new" in a push, and told when they were recorded).

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
from .outbox import STATUS_MESSAGES, queue

# Not a step name of outbox.STEP_MESSAGES: the message is judged by the event's status
# (WAITING_SUPPLEMENT → supplement, RELEASING → result, DENIED / UNRESOLVED → refused).
COUNTER_STEP = "counter"


def told(event: dict[str, Any], since: datetime | None) -> bool:
    """Whether a pushed event new to central is one the applicant is told of now."""
    if since is None or event["status"] not in STATUS_MESSAGES:
        return False
    return datetime.fromisoformat(event["at"]) >= since


def enqueue_pushed(conn: Connection, events: Sequence[tuple[str, dict[str, Any]]]) -> int:
    """Queue the messages of ``events`` ((dossier uuid, event) pairs) in the push's
    transaction; returns how many rows were made. A re-pushed event makes none (the outbox is
    unique on event and channel)."""
    if not events:
        return 0
    made = 0
    # The ORM session joins the push's transaction: it never commits nor ends it.
    with Session(bind=conn, join_transaction_mode="rollback_only") as s:
        uuids = sorted({u for u, _ in events})
        dossiers = {d.uuid: d for d in s.scalars(select(Dossier).where(Dossier.uuid.in_(uuids)))}
        for uuid, event in events:
            dossier = dossiers.get(uuid)
            if dossier is not None:
                # An empty notice: no change-log lookup for one (a push carries none).
                made += len(queue(s, dossier, {**event, "notice": {}}, COUNTER_STEP))
    return made
