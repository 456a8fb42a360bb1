"""Push: batching, exactly-once through lost responses, parking, backoff, 413 halving."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from hcc_desk.core.store.models import OutboxOp
from hcc_desk.core.sync.backoff import backoff_delay


def _ops(desk):
    with desk.ctx.store.session() as s:
        return list(s.scalars(select(OutboxOp).order_by(OutboxOp.id)))


def _bulk_ops(desk, n):
    """n extra ops (copies of one dossier's state under new entity uuids), cheaper than intake."""
    [uuid] = desk.intake()
    with desk.ctx.store.write() as s:
        base = s.scalar(select(OutboxOp).where(OutboxOp.entity_uuid == uuid))
        for i in range(n - 1):
            ent = f"00000000-0000-4000-8000-{i:012d}"
            s.add(OutboxOp(kind=base.kind, entity_uuid=ent, payload={**base.payload, "uuid": ent}))
    return n


def test_pushes_in_batches_of_at_most_200_in_outbox_order(desk):
    _bulk_ops(desk, 450)
    report = desk.engine().run_once()
    assert report.completed and report.pushed == 450 and report.errors == []
    assert desk.central.push_sizes == [200, 200, 50]
    assert desk.central.applied_log == [o.entity_uuid for o in _ops(desk)]
    assert all(o.state == "done" and o.payload == {} for o in _ops(desk))
    assert desk.ctx.sync.status().pending == 0


def test_lost_response_is_retried_with_the_same_op_id_and_stored_once(desk):
    [uuid] = desk.intake()
    desk.central.faults["push"].append("lost")  # central stores it, the answer is lost
    first = desk.engine().run_once()
    assert first.offline and not first.completed and first.pushed == 0
    [op] = _ops(desk)
    assert op.state == "pending" and op.attempts == 1 and op.next_attempt_at is not None
    assert desk.central.applied_log == [uuid]
    second = desk.engine().run_once(force=True)
    assert second.duplicates == 1 and second.pushed == 0
    [op2] = _ops(desk)
    assert op2.op_id == op.op_id and op2.state == "done"
    assert desk.central.applied_log == [uuid]  # no duplicate on central
    assert desk.ctx.sync.dossier_sync_state(uuid) == "synced"


def test_rejected_op_is_parked_and_does_not_block_the_rest(desk):
    uuids = desk.intake(3)
    desk.central.reject[uuids[1]] = (409, "code collision: 000.00.51.H57-261125-0021")
    report = desk.engine().run_once()
    assert report.pushed == 2 and report.parked == 1 and report.completed
    assert set(desk.central.applied_log) == {uuids[0], uuids[2]}
    [parked] = desk.ctx.sync.parked()
    assert parked.entity_uuid == uuids[1] and "collision" in parked.reason and parked.code == 409
    assert desk.ctx.sync.dossier_sync_state(uuids[1]) == "parked"
    assert desk.engine().run_once().pushed == 0  # parked stays parked until asked

    del desk.central.reject[uuids[1]]
    assert desk.ctx.sync.retry_parked([parked.id]) == 1
    again = desk.engine().run_once()
    assert again.pushed == 1 and desk.central.applied_log[-1] == uuids[1]
    assert desk.ctx.sync.dossier_sync_state(uuids[1]) == "synced"


def test_backoff_follows_capped_exponential_full_jitter(desk):
    desk.intake()
    engine = desk.engine()
    engine.rng = random.Random(42)
    expected_rng = random.Random(42)
    for attempt in range(1, 9):
        desk.central.faults["push"].append("503")
        before = desk.clock()
        report = engine.run_once()
        assert not report.completed and "503" in report.errors[0]
        [op] = _ops(desk)
        want = expected_rng.random() * min(60.0, 2 ** (attempt - 1))
        assert op.attempts == attempt
        assert abs((op.next_attempt_at - before).total_seconds() - want) < 1e-3
        # Not due yet: a pass sends nothing …
        n = len(desk.central.requests)
        engine.run_once()
        assert not any(r.endswith("/sync/push") for r in desk.central.requests[n:])
        desk.clock.now = op.next_attempt_at + timedelta(microseconds=1)  # … due now
    assert engine.run_once().pushed == 1


def test_backoff_delay_is_capped_and_jittered():
    rng = random.Random(1)
    delays = [backoff_delay(a, rng) for a in range(1, 40)]
    assert all(0 <= d < 60 for d in delays)
    assert backoff_delay(3, type("R", (), {"random": lambda self: 0.999})()) < 4
    assert max(delays[10:]) > 30  # the cap, not the exponent, bounds late retries


def test_retry_after_is_honoured(desk):
    desk.intake()
    desk.central.faults["push"].append("429")
    desk.central.retry_after = "120"
    desk.engine().run_once()
    [op] = _ops(desk)
    assert (op.next_attempt_at - desk.clock()).total_seconds() >= 120


def test_413_halves_the_batch(desk):
    _bulk_ops(desk, 120)
    desk.central.max_push_ops = 50
    engine = desk.engine()
    report = engine.run_once()
    assert report.pushed == 120 and report.parked == 0
    assert max(desk.central.push_sizes) <= 50 and sum(desk.central.push_sizes) == 120
    assert engine.batch_size <= 50
    assert desk.central.applied_log == [o.entity_uuid for o in _ops(desk)]


def test_single_op_too_large_is_parked(desk):
    [uuid] = desk.intake()
    desk.central.max_push_ops = 0
    report = desk.engine().run_once()
    assert report.parked == 1 and desk.ctx.sync.dossier_sync_state(uuid) == "parked"


def test_whole_request_422_is_narrowed_to_the_bad_op(desk):
    uuids = desk.intake(5)
    desk.central.invalid.add(uuids[3])
    report = desk.engine().run_once()
    assert report.pushed == 4 and report.parked == 1
    assert [p.entity_uuid for p in desk.ctx.sync.parked()] == [uuids[3]]


def test_revoked_device_stops_the_pass_and_says_re_enrol(desk):
    desk.intake()
    desk.central.faults["push"].append("401")
    report = desk.engine().run_once()
    assert report.auth_failed and "re-enrol" in report.errors[0]
    assert _ops(desk)[0].state == "pending"


def test_network_timeout_and_reset_are_transient(desk):
    desk.intake()
    for fault in ("timeout", "reset"):
        desk.central.faults["push"].append(fault)
        report = desk.engine().run_once(force=True)
        assert report.offline and _ops(desk)[0].state == "pending"
    assert desk.engine().run_once(force=True).pushed == 1


def test_a_captive_portal_page_is_transient_not_data(desk):
    desk.intake()
    desk.central.faults["push"].append("portal")
    report = desk.engine().run_once()
    assert not report.completed and "unexpected answer" in report.errors[0]
    assert _ops(desk)[0].state == "pending"
    assert desk.engine().run_once(force=True).pushed == 1
