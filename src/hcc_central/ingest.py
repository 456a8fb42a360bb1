"""Push ingest: a handful of statements per transaction whatever the batch size.

Before the database: authenticate (the centre's unit codes with it, usually from the device
cache) and check each op alone (payload, unit and slot of this device); an op that fails is
rejected there and never touches the database.

Fast path, one transaction: read everything the ops touch in two queries (the stored dossiers by
uuid or code, locked; the op ids already applied and the owners of their attachment uuids),
decide every op in memory in order, write with one executemany per table, commit. Pushes that
arrive while another is being written are written together in the next transaction
(group_commit.py): under load the per-transaction cost is paid once for many small pushes.

What a device may push (docs/security.md): event and receipt times no later than central's
clock plus ``clock_skew_seconds``; each event new to central an allowed step of the status
machine from the one before it (hcc_core.domain.status, the desk's own rules), by an actor
that is an officer of the centre on central. A push with rejected ops is audited.

Slow path, only if the fast path hits a constraint (a concurrent push of the same rows, or a
bad event uuid only the database can see): each push of a group again alone, and a push that
still fails gets a new transaction in which every op has its own savepoint and fresh reads, so
one bad op never fails the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from fastapi.security import HTTPAuthorizationCredentials
from pydantic import ValidationError
from sqlalchemy import (
    Connection,
    String,
    Table,
    bindparam,
    cast,
    literal,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.exc import IntegrityError

from hcc_core.domain.dossier_code import is_demo_sequence, parse_code, slot_of
from hcc_core.domain.errors import DomainError
from hcc_core.domain.status import INITIAL_STATUSES, DossierStatus, can_transition
from hcc_core.wire.protocol import OpResult, PushOp

from .auth import DeviceCache, DeviceCtx, device_of
from .bulk import insert_rows
from .changes import audit
from .db import Database
from .digitised import has_digitised, paper_rows, replace_papers
from .group_commit import GroupCommit
from .ingest_rows import IN_CHUNK, att_row, chunks, dossier_row, event_row, merge
from .models import AppliedOp, Attachment, Dossier, Officer, StatusEvent
from .notify.pushed import enqueue_pushed, to_tell
from .search_keys import replace_keys
from .settings import Settings

log = logging.getLogger("hcc_central.ingest")
Raw = PushOp | dict[str, Any]


def _table(model: type[Any]) -> Table:
    """A mapped class's table (``__table__`` is typed as any FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


D, EVENTS, ATT, OPS = (_table(m) for m in (Dossier, StatusEvent, Attachment, AppliedOp))
_UPDATE = update(D).where(D.c.uuid == bindparam("key"))

# Built once: a statement made per request costs its cache key and compilation lookup each time.
# IN lists, not ``= ANY(array)``: a prepared generic plan made while a table was small (a new
# centre) would keep scanning it sequentially as it grows; IN lists are planned each time.
_STORED = (
    select(D.c.uuid, D.c.code, D.c.centre_id, D.c.doc)
    .where(
        or_(
            D.c.uuid.in_(bindparam("uuids", expanding=True)),
            D.c.code.in_(bindparam("codes", expanding=True)),
        )
    )
    .with_for_update()
)
_KNOWN = union_all(
    select(literal("op"), OPS.c.op_id, null()).where(
        OPS.c.op_id.in_(bindparam("op_ids", expanding=True))
    ),
    select(literal("att"), ATT.c.uuid, ATT.c.dossier_uuid).where(
        ATT.c.uuid.in_(bindparam("att_ids", expanding=True))
    ),
    # The events' actors that are officers on central, with their centre (none: every centre).
    select(literal("actor"), Officer.username, cast(Officer.centre_id, String)).where(
        Officer.username.in_(bindparam("actors", expanding=True))
    ),
)
AUDITED_REJECTIONS = 50  # listed in one audit row per push; the count says how many in all
GROUP_OPS = 1000  # at most this many ops per group transaction (one push may be 200)


class Rejected(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(eq=False)  # hashed by identity: results are keyed by the op itself
class _Op:
    index: int  # in its request
    op_id: str
    uuid: str
    doc: dict[str, Any]
    dev: DeviceCtx


Results = dict[_Op, OpResult]


@dataclass
class _Batch:
    """What the batch found in the database, updated in memory op by op, and what to write."""

    in_db: set[str]  # dossier uuids already stored
    state: dict[str, dict[str, Any]]  # uuid → current doc
    centre_of: dict[str, int]
    code_owner: dict[str, str]
    att_owner: dict[str, str]
    done: set[str]  # op ids applied before or earlier in this batch
    officers: dict[str, str | None]  # username → centre id (text; None: every centre)
    results: Results = field(default_factory=dict)
    inserts: dict[str, dict[str, Any]] = field(default_factory=dict)
    updates: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    applied: list[dict[str, Any]] = field(default_factory=list)
    # Steps new to central the applicant is told of (notify/pushed.py), and the age bound.
    notify: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    notify_since: datetime | None = None
    # Dossier uuid → its digitised papers' rows, for dossiers that have or had some.
    papers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class Ingest:
    """One per process: the database, the settings, the device cache and the group commit."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        devices: DeviceCache,
        clock: Callable[[], datetime] = datetime.now,
    ):
        self.db, self.settings, self.devices, self.clock = db, settings, devices, clock
        self._groups: GroupCommit[list[_Op], Results] = GroupCommit(self._write_group, GROUP_OPS)

    def push(
        self, token: HTTPAuthorizationCredentials | None, raw_ops: list[Raw]
    ) -> list[OpResult]:
        results: dict[int, OpResult] = {}
        dev = device_of(self.db, token, self.devices)
        ops = _validate(raw_ops, dev, self.settings, results, self.clock())
        if ops:
            written = self._groups.submit(ops)
            for o in ops:
                results[o.index] = written[o]
        answer = [results[i] for i in range(len(raw_ops))]
        rejected = [r for r in answer if r.outcome == "rejected"]
        if rejected:  # rare: its own short transaction, off the group's hot path
            self._audit(dev, rejected)
            # Codes only: a reason may quote the payload (the audit log has the details).
            codes = sorted({r.code for r in rejected if r.code is not None})
            log.info("push from device %s: %d of %d op(s) rejected, codes %s",
                     dev.device_id, len(rejected), len(answer), codes)  # fmt: skip
        return answer

    def _audit(self, dev: DeviceCtx, rejected: list[OpResult]) -> None:
        listed = [
            {"op_id": r.op_id, "code": r.code, "reason": r.reason}
            for r in rejected[:AUDITED_REJECTIONS]
        ]
        with self.db.write() as s:
            audit(s, f"device:{dev.device_id}", "push.rejected", centre_id=dev.centre_id,
                  count=len(rejected), ops=listed)  # fmt: skip

    def _write_group(self, group: list[list[_Op]]) -> Results:
        if len(group) > 1:
            try:
                now = datetime.now()
                with self.db.write_core() as conn:
                    flat = [o for ops in group for o in ops]
                    return _apply(conn, flat, now, self._notify_since(now))
            except IntegrityError as err:  # rolled back: find the push that conflicts
                log.info("a group of %d pushes hit a conflict, writing each alone: %s",
                         len(group), err.orig)  # fmt: skip
        out: Results = {}
        for ops in group:
            out |= self._write_alone(ops)
        return out

    def _write_alone(self, ops: list[_Op]) -> Results:
        now = datetime.now()
        since = self._notify_since(now)
        try:
            with self.db.write_core() as conn:
                return _apply(conn, ops, now, since)
        except IntegrityError as err:  # the transaction was rolled back: redo op by op
            log.info("push of %d ops hit a conflict, redoing op by op: %s", len(ops), err.orig)
        out: Results = {}
        with self.db.write_core() as conn:
            for one in ops:
                out |= _apply_alone(conn, one, now, since)
        return out

    def _notify_since(self, now: datetime) -> datetime:
        """Pushed steps older than this tell the applicant nothing (notify/pushed.py)."""
        return now - timedelta(hours=self.settings.notify_pushed_within_hours)


def _validate(
    raw_ops: list[Raw],
    dev: DeviceCtx,
    settings: Settings,
    results: dict[int, OpResult],
    now: datetime | None = None,
) -> list[_Op]:
    ops = []
    latest = (now or datetime.now()) + timedelta(seconds=settings.clock_skew_seconds)
    for i, raw in enumerate(raw_ops):
        try:
            op = raw if isinstance(raw, PushOp) else PushOp.model_validate(raw)
            check_op(op, dev, settings, latest)
            ops.append(_Op(i, op.op_id, op.entity_uuid, op.payload.model_dump(mode="json"), dev))
        except ValidationError as err:
            results[i] = _rejected(_op_id(raw), 422, _summary(err))
        except Rejected as err:
            results[i] = _rejected(_op_id(raw), err.code, err.reason)
    return ops


def check_op(op: PushOp, dev: DeviceCtx, settings: Settings, latest: datetime) -> None:
    """Checks that need no database: identity, authorisation by unit and slot, limits, and no
    time after ``latest`` (central's clock + the allowed skew)."""
    doc = op.payload
    if op.entity_uuid != doc.uuid:
        raise Rejected(422, "entity_uuid differs from payload.uuid")
    try:
        code = parse_code(doc.code)
    except DomainError as err:
        raise Rejected(422, f"invalid dossier code: {err.text('en')}") from None
    if code.unit_code != doc.unit_code:
        raise Rejected(422, f"code {doc.code} is not of unit {doc.unit_code}")
    if doc.unit_code not in dev.unit_codes:
        raise Rejected(403, f"unit code {doc.unit_code} is not an agency of this centre")
    if is_demo_sequence(code.seq):  # only the demo desk numbers there (dossier_code.py)
        raise Rejected(403, f"sequence {code.seq:04d} is in the demo block: a training dossier")
    if doc.counter_slot != dev.slot or slot_of(code.seq, dev.code_slots) != dev.slot:
        raise Rejected(
            403, f"sequence {code.seq:04d} does not belong to this counter's slot {dev.slot}"
        )
    stamps = [doc.received_at, doc.due_at, *(e.at for e in doc.events)]
    if any(t is not None and t.tzinfo is not None for t in stamps):
        raise Rejected(422, "datetimes must be naive local time (no UTC offset)")
    # An event dated in 2099 would stop every later step (they must not go back in time).
    ahead = [t for t in (doc.received_at, *(e.at for e in doc.events)) if t > latest]
    if ahead:
        raise Rejected(
            422,
            f"time {max(ahead).isoformat()} is ahead of central's clock "
            f"({(latest - timedelta(seconds=settings.clock_skew_seconds)).isoformat()}) by more "
            f"than {settings.clock_skew_seconds} s: correct the counter PC's clock, then retry",
        )
    sizes = [a.size for a in doc.attachments]
    if any(s > settings.max_attachment_bytes for s in sizes):
        raise Rejected(422, f"an attachment is larger than {settings.max_attachment_bytes} bytes")
    if sum(sizes) > settings.max_dossier_bytes:
        raise Rejected(422, f"attachments exceed {settings.max_dossier_bytes} bytes in total")


def _apply(
    s: Connection, ops: list[_Op], now: datetime, notify_since: datetime | None = None
) -> Results:
    b = _read(s, ops)
    b.notify_since = notify_since
    for o in ops:
        if o.op_id in b.done:  # a retried request: the first one was committed
            b.results[o] = OpResult(op_id=o.op_id, outcome="duplicate")
            continue
        try:
            outcome = _decide(o, b)
        except Rejected as err:
            b.results[o] = _rejected(o.op_id, err.code, err.reason)
            continue
        b.results[o] = OpResult(op_id=o.op_id, outcome=outcome)
        b.applied.append(
            {"op_id": o.op_id, "device_id": o.dev.device_id, "entity_uuid": o.uuid,
             "outcome": outcome, "at": now}
        )  # fmt: skip
        b.done.add(o.op_id)
    _write(s, b, now)
    return b.results


def _read(s: Connection, ops: list[_Op]) -> _Batch:
    """Two queries per 500 ops. FOR UPDATE (PostgreSQL): an agency's set-status on the same
    dossier waits for us, or we for it, so neither overwrites the other's merged doc."""
    stored: list[Any] = []
    for part in chunks(ops):
        params = {"uuids": [o.uuid for o in part], "codes": [o.doc["code"] for o in part]}
        stored += s.execute(_STORED, params).all()
    known: list[Any] = []
    op_ids = [o.op_id for o in ops]
    att_ids = [a["uuid"] for o in ops for a in o.doc["attachments"]]
    actors = sorted({e["actor"] for o in ops for e in o.doc["events"]})
    for i in range(0, max(len(op_ids), len(att_ids), len(actors)), IN_CHUNK):
        window = slice(i, i + IN_CHUNK)
        params = {"op_ids": op_ids[window], "att_ids": att_ids[window], "actors": actors[window]}
        known += s.execute(_KNOWN, params).all()
    mine = {o.uuid for o in ops}
    rows = [r for r in stored if r.uuid in mine]
    return _Batch(
        in_db={r.uuid for r in rows},
        state={r.uuid: r.doc for r in rows},
        centre_of={r.uuid: r.centre_id for r in rows},
        code_owner={r.code: r.uuid for r in stored},
        att_owner={k: v for tag, k, v in known if tag == "att"},
        done={k for tag, k, _ in known if tag == "op"},
        officers={k: v for tag, k, v in known if tag == "actor"},
    )


def _decide(o: _Op, b: _Batch) -> Literal["applied", "duplicate"]:
    dev = o.dev
    if b.centre_of.get(o.uuid, dev.centre_id) != dev.centre_id:
        raise Rejected(403, "this dossier belongs to another centre")
    old = b.state.get(o.uuid)
    code = o.doc["code"]
    if old is not None and old["code"] != code:
        raise Rejected(409, f"dossier {o.uuid} already has code {old['code']}; codes never change")
    if b.code_owner.get(code, o.uuid) != o.uuid:
        raise Rejected(409, f"code {code} is already used by another dossier")
    for a in o.doc["attachments"]:
        if b.att_owner.get(a["uuid"], o.uuid) != o.uuid:
            raise Rejected(409, f"attachment {a['uuid']} belongs to another dossier")
    new, added = merge(old, o.doc)
    if new == old:
        return "duplicate"
    _check_history(new, added, dev, b.officers)
    (b.updates if o.uuid in b.in_db else b.inserts)[o.uuid] = new
    b.events += [event_row(o.uuid, e) for e in added]
    if (step := to_tell(new["events"], added, b.notify_since)) is not None:
        b.notify.append((o.uuid, step))
    for a in new["attachments"]:
        if a["uuid"] not in b.att_owner:
            b.att_owner[a["uuid"]] = o.uuid
            b.attachments.append(att_row(a, o.uuid, dev.centre_id))
    if has_digitised(new) or has_digitised(old):  # rows to write, or old ones to drop
        b.papers[o.uuid] = paper_rows(new, dev.centre_id)
    b.state[o.uuid], b.centre_of[o.uuid], b.code_owner[code] = new, dev.centre_id, o.uuid
    return "applied"


def _check_history(
    doc: dict[str, Any], added: list[dict[str, Any]], dev: DeviceCtx, officers: dict[str, Any]
) -> None:
    """Each event new to central is an allowed step from the one before it in the merged,
    time-ordered history (and the one after it, if it was slipped in before a stored one),
    recorded by an officer of this centre. Stored events are not judged again."""
    events = doc["events"]
    if not events and DossierStatus(doc["status"]) not in INITIAL_STATUSES:
        raise Rejected(422, f"status {doc['status']} without the events that led to it")
    new = {e["uuid"] for e in added}
    centre = str(dev.centre_id)
    for i, e in enumerate(events):
        if e["uuid"] not in new:
            continue
        if e["actor"] not in officers or officers[e["actor"]] not in (None, centre):
            raise Rejected(
                403,
                f"event by {e['actor']!r}: not an officer of this centre on central (create "
                "the account there with admin create-officer --centre, then retry)",
            )
        steps = [(events[i - 1] if i else None, e)]
        if i + 1 < len(events):
            steps.append((e, events[i + 1]))
        for before, after in steps:
            source = DossierStatus(before["status"]) if before else None
            target = DossierStatus(after["status"])
            if not can_transition(source, target):
                was = source.sync_name if source else "nothing"
                raise Rejected(
                    422, f"status history: {was} → {target.sync_name} is not an allowed step "
                    f"(event {after['uuid']} at {after['at']})",
                )  # fmt: skip


def _write(s: Connection, b: _Batch, now: datetime) -> None:
    """One bulk insert per table (bulk.py), dossiers first; updates (rarer) by executemany."""
    # A new dossier is decided by its receiving unit until central records a transfer; updates
    # from a desk never touch agency_unit_code (central's own).
    inserts = [dossier_row(d, b.centre_of[u], now) for u, d in b.inserts.items()]
    insert_rows(s, D, [{**r, "agency_unit_code": r["unit_code"]} for r in inserts])
    updated = [dossier_row(d, b.centre_of[u], now) for u, d in b.updates.items()]
    if updated:
        s.execute(_UPDATE, [{**r, "key": r["uuid"]} for r in updated])
    replace_keys(s, inserts + updated, existing=b.updates)
    for table, rows in ((EVENTS, b.events), (ATT, b.attachments), (OPS, b.applied)):
        insert_rows(s, table, rows)
    # After the attachments: a paper is one of them.
    replace_papers(s, b.papers, now, existing=b.updates)
    enqueue_pushed(s, b.notify)  # after the dossiers are written: it reads the merged ones


def _apply_alone(
    s: Connection, one: _Op, now: datetime, notify_since: datetime | None = None
) -> Results:
    """Slow path: one op in its own savepoint; a second try re-reads what a race changed."""
    detail = ""
    for _ in range(2):
        try:
            with s.begin_nested():
                return _apply(s, [one], now, notify_since)
        except IntegrityError as err:
            detail = str(err.orig).splitlines()[0][:200]
    return {one: _rejected(one.op_id, 409, f"conflicts with stored data: {detail}")}


def _rejected(op_id: str, code: int, reason: str) -> OpResult:
    return OpResult(op_id=op_id, outcome="rejected", reason=reason, code=code)


def _op_id(raw: Any) -> str:
    value = raw.get("op_id") if isinstance(raw, dict) else getattr(raw, "op_id", None)
    return value[:64] if isinstance(value, str) else ""


def _summary(err: ValidationError) -> str:
    """First few field errors, e.g. "payload.code: String should match pattern …"."""
    # A location part may be a key the client made up: cut short, never echoed whole.
    parts = [f"{'.'.join(str(p)[:40] for p in e['loc']) or 'op'}: {e['msg']}"
             for e in err.errors()[:3]]  # fmt: skip
    more = err.error_count() - len(parts)
    return "invalid op: " + "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")
