"""The outbox is written in the dossier's own transaction, carries a valid DossierDoc, and
coalesces only ops that never left the desk."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hcc_core.wire.protocol import DossierDoc
from hcc_desk.core.store.models import Dossier, OutboxOp, StatusEvent
from hcc_desk.core.sync import outbox
from hcc_desk.services import intake as intake_module


def _ops(desk, entity=None):
    with desk.ctx.store.session() as s:
        stmt = select(OutboxOp).order_by(OutboxOp.id)
        if entity is not None:
            stmt = stmt.where(OutboxOp.entity_uuid == entity)
        return list(s.scalars(stmt))


def test_intake_enqueues_the_full_dossier(desk):
    [uuid] = desk.intake()
    [op] = _ops(desk, uuid)
    assert op.kind == "dossier.upsert" and op.state == "pending" and op.attempts == 0
    doc = DossierDoc.model_validate(op.payload)
    with desk.ctx.store.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        assert (doc.uuid, doc.code, doc.lookup_pin) == (d.uuid, d.code, d.lookup_pin)
        assert doc.unit_code == d.agency.unit_code and doc.counter_slot == 1
        assert doc.submitter.full_name == "Nguyễn Thị Hương" and doc.officer == "demo"
        assert [p.name for p in doc.papers] == [p.name for p in d.papers]
        assert [e.uuid for e in doc.events] == [e.uuid for e in d.events]
        assert doc.delivery_method == "post" and doc.status == 2


def test_failure_after_the_insert_rolls_back_dossier_and_op(desk, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("crash after the insert")

    monkeypatch.setattr(intake_module, "add_audit", boom)
    with pytest.raises(RuntimeError):
        desk.intake()
    with desk.ctx.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0


def test_unsent_ops_coalesce_but_sent_ones_keep_their_op_id(desk):
    [uuid] = desk.intake()
    [first] = _ops(desk, uuid)
    with desk.ctx.store.write() as s:
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        d.notes = "second"
        outbox.enqueue_dossier(s, d)
    [second] = _ops(desk, uuid)  # never sent: replaced by the newer state
    assert second.payload["notes"] == "second" and second.op_id != first.op_id
    with desk.ctx.store.write() as s:
        outbox.mark_sent(s, [second.id])  # it may now be stored centrally
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        d.notes = "third"
        outbox.enqueue_dossier(s, d)
    ops = _ops(desk, uuid)
    assert ops[0].op_id == second.op_id and len(ops) == 2
    assert ops[1].payload["notes"] == "third"


def test_status_event_added_later_enqueues_again(desk):
    [uuid] = desk.intake()
    with desk.ctx.store.write() as s:
        outbox.mark_sent(s, [o.id for o in _ops(desk, uuid)])
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        d.events.append(StatusEvent(status=4, actor="demo", at=d.received_at))
        d.status = 4
        outbox.enqueue_dossier(s, d)
    ops = _ops(desk, uuid)
    assert len(ops) == 2 and ops[1].payload["status"] == 4 and len(ops[1].payload["events"]) == 2


def test_a_dossier_central_cannot_accept_is_parked_not_refused(desk):
    [uuid] = desk.intake()
    with desk.ctx.store.write() as s:
        d = s.scalar(select(Dossier).where(Dossier.uuid == uuid))
        d.lookup_pin = None  # the wire contract needs a pin
        op = outbox.enqueue_dossier(s, d)
        assert op.state == "parked" and "lookup_pin" in op.parked_reason
    assert desk.ctx.sync.dossier_sync_state(uuid) == "parked"


def test_waker_fires_after_commit_only(desk):
    calls = []
    path = desk.ctx.store.get().path

    def wake() -> None:
        calls.append(1)

    outbox.add_waker(path, wake)
    try:
        desk.intake()
        assert calls == [1]

        def enqueue_then_fail() -> None:
            with desk.ctx.store.write() as s:
                outbox.enqueue_dossier(s, s.scalar(select(Dossier)))
                raise RuntimeError("rolled back")

        with pytest.raises(RuntimeError):
            enqueue_then_fail()
        assert calls == [1]
    finally:
        outbox.remove_waker(path, wake)
