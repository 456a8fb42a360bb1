"""Push: applied / duplicate / rejected per op, idempotency, event merge, authorisation."""

from __future__ import annotations

import socket
import threading

from sqlalchemy import func, select

from hcc_central.models import AppliedOp, Attachment, Dossier, StatusEvent
from tests.central.helpers import attachment, make_doc, new_uuid, normalised, op, outcomes, push
from tests.central.live import LiveServer
from tests.support.threads import run_together


def _count(central: LiveServer, model, *where) -> int:
    with central.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_applied_then_duplicate_on_retry_and_on_same_content(central: LiveServer, desk):
    doc = make_doc(desk)
    first = op(doc)
    assert outcomes(push(desk, first)) == [("applied", 200)]
    # The answer was lost and the desk sends the same request again: nothing new is stored.
    assert outcomes(push(desk, first)) == [("duplicate", 200)]
    # The same state under a new op id (outbox rebuilt) is also a duplicate.
    assert outcomes(push(desk, op(doc))) == [("duplicate", 200)]
    assert _count(central, Dossier, Dossier.uuid == doc["uuid"]) == 1
    assert _count(central, StatusEvent, StatusEvent.dossier_uuid == doc["uuid"]) == 1
    with central.db.read() as s:
        stored = s.get(Dossier, doc["uuid"])
        assert stored.code == doc["code"] and stored.doc == normalised(doc) and stored.status == 2
        assert stored.lookup_pin == "AB23CD" and stored.centre_id == desk.centre_id


def test_same_op_twice_in_one_request_gives_one_dossier(central: LiveServer, desk):
    o = op(make_doc(desk))
    assert outcomes(push(desk, o, o)) == [("applied", 200), ("duplicate", 200)]
    assert _count(central, AppliedOp, AppliedOp.op_id == o["op_id"]) == 1


def test_newer_state_merges_events_by_uuid(central: LiveServer, desk):
    doc = make_doc(desk)
    push(desk, op(doc))
    later = dict(
        doc,
        status=4,
        notes="đã chuyển",
        events=[
            *doc["events"],
            {
                "uuid": new_uuid(),
                "status": 4,
                "at": "2026-11-25T10:00:00",
                "actor": "demo",
                "note": "chuyển phòng",
            },
        ],
    )
    assert outcomes(push(desk, op(later))) == [("applied", 200)]
    assert outcomes(push(desk, op(later))) == [("duplicate", 200)]
    # A state without the second event (events are append-only): fields follow the state
    # sent, the history keeps both events and the status follows the latest one.
    edited = dict(doc, notes="sửa ghi chú")
    assert outcomes(push(desk, op(edited))) == [("applied", 200)]
    with central.db.read() as s:
        stored = s.get(Dossier, doc["uuid"])
        assert stored.status == 4 and stored.doc["notes"] == "sửa ghi chú"
        assert [e["status"] for e in stored.doc["events"]] == [2, 4]
    assert _count(central, StatusEvent, StatusEvent.dossier_uuid == doc["uuid"]) == 2


def test_rejections_are_per_op_and_the_rest_is_applied(central: LiveServer, desk_factory):
    desk = desk_factory()
    other = desk_factory()  # another centre, its own unit code
    good1, good2 = make_doc(desk), make_doc(desk)
    foreign_unit = make_doc(other)  # a unit of the other centre, pushed by this desk
    foreign_unit["counter_slot"] = desk.slot
    wrong_slot = make_doc(desk, k=1)
    wrong_slot["code"] = wrong_slot["code"][:-4] + "0002"  # slot 2's number
    collision = make_doc(desk, k=1)  # a new uuid with good1's code
    invalid = op(make_doc(desk))
    invalid["payload"]["lookup_pin"] = "x"  # too short
    not_even_an_op = {"op_id": new_uuid(), "kind": "dossier.delete"}
    ops = [
        op(good1),
        op(foreign_unit),
        op(wrong_slot),
        op(collision),
        invalid,
        not_even_an_op,
        op(good2),
    ]
    results = push(desk, *ops)
    assert [r["op_id"] for r in results] == [o["op_id"] for o in ops]  # same order
    assert outcomes(results) == [
        ("applied", 200),
        ("rejected", 403),
        ("rejected", 403),
        ("rejected", 409),
        ("rejected", 422),
        ("rejected", 422),
        ("applied", 200),
    ]
    assert "not an agency of this centre" in results[1]["reason"]
    assert "slot 1" in results[2]["reason"]
    assert "already used" in results[3]["reason"]
    assert "lookup_pin" in results[4]["reason"]
    assert _count(central, Dossier, Dossier.centre_id == desk.centre_id) == 2
    # A rejected op is not remembered: fixed and re-sent under the same op id, it is applied.
    fixed = make_doc(desk, uuid=invalid["entity_uuid"])
    assert outcomes(push(desk, invalid | {"payload": fixed})) == [("applied", 200)]


def test_code_of_a_stored_dossier_never_changes(central: LiveServer, desk):
    doc = make_doc(desk)
    push(desk, op(doc))
    renamed = dict(doc, code=make_doc(desk)["code"])
    [result] = push(desk, op(renamed))
    assert (result["outcome"], result["code"]) == ("rejected", 409)
    assert "codes never change" in result["reason"]


def test_another_centres_device_cannot_touch_a_dossier(central: LiveServer, desk_factory):
    desk = desk_factory()
    doc = make_doc(desk)
    push(desk, op(doc))
    # Same centre, other slot: the sequence number is not its own.
    neighbour = desk_factory(centre=(desk.centre_id, desk.unit), slot=2)
    [r] = push(neighbour, op(dict(doc, counter_slot=2)))
    assert (r["outcome"], r["code"]) == ("rejected", 403)


def test_a_conflict_only_the_database_sees_fails_only_its_op(central: LiveServer, desk):
    """Two new dossiers sharing an event uuid: the batch is redone op by op in savepoints."""
    a, b, c = make_doc(desk), make_doc(desk), make_doc(desk)
    b["events"] = [dict(b["events"][0], uuid=a["events"][0]["uuid"])]
    results = push(desk, op(a), op(b), op(c))
    assert outcomes(results) == [("applied", 200), ("rejected", 409), ("applied", 200)]
    assert _count(central, Dossier, Dossier.uuid.in_([a["uuid"], c["uuid"]])) == 2
    assert _count(central, Dossier, Dossier.uuid == b["uuid"]) == 0


def test_entity_uuid_must_match_and_datetimes_are_naive(central: LiveServer, desk):
    mismatch = op(make_doc(desk)) | {"entity_uuid": new_uuid()}
    aware = make_doc(desk, received_at="2026-11-25T08:00:00+07:00")
    assert outcomes(push(desk, mismatch, op(aware))) == [("rejected", 422), ("rejected", 422)]


def test_batch_limits(central: LiveServer, desk):
    docs = [make_doc(desk) for _ in range(201)]
    r = desk.http.post("/sync/push", json={"ops": [op(d) for d in docs]})
    assert r.status_code == 413  # the desk halves its batch
    assert outcomes(push(desk, *[op(d) for d in docs[:200]])) == [("applied", 200)] * 200
    assert desk.http.post("/sync/push", json={"nope": 1}).status_code == 422


def test_many_attachments_across_lookup_chunks(central: LiveServer, desk):
    docs = [make_doc(desk) for _ in range(2)]
    for d in docs:
        d["attachments"] = [attachment(bytes([i % 256])) for i in range(300)]
    assert outcomes(push(desk, *[op(d) for d in docs])) == [("applied", 200)] * 2
    assert outcomes(push(desk, *[op(d) for d in docs])) == [("duplicate", 200)] * 2
    with central.db.read() as s:
        n = s.scalar(
            select(func.count())
            .select_from(Attachment)
            .where(Attachment.dossier_uuid.in_([d["uuid"] for d in docs]))
        )
    assert n == 600


def test_racing_pushes_of_one_dossier_store_it_once(central: LiveServer, desk_factory):
    """Two connections push the same new dossier at the same instant (a desk retrying on a
    fresh connection while the first request is still running)."""
    desk = desk_factory()
    for _ in range(5):
        doc = make_doc(desk)
        answers: list[str] = []

        def send(gate: threading.Barrier, doc=doc, answers=answers) -> None:
            with central.client(desk.token) as http:
                gate.wait()
                r = http.post("/sync/push", json={"ops": [op(doc)]})
                assert r.status_code == 200, r.text
                answers.append(r.json()["results"][0]["outcome"])

        run_together([send, send], timeout=60)
        assert sorted(answers) == ["applied", "duplicate"]
        assert _count(central, Dossier, Dossier.uuid == doc["uuid"]) == 1


def _raw_request(central: LiveServer, head: str) -> str:
    """Send only the request head: the answer must come before any body is read."""
    with socket.create_connection(("127.0.0.1", central.port), timeout=10) as sock:
        sock.sendall(head.encode())
        return sock.recv(4096).decode()


def test_oversized_or_unbounded_bodies_are_refused_unread(central: LiveServer, desk):
    auth = f"Authorization: Bearer {desk.token}\r\n"
    huge = _raw_request(
        central,
        f"POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\n{auth}"
        "Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n",
    )
    assert huge.startswith("HTTP/1.1 413")
    # No length declared: counted as it streams, refused once past the route's limit (an
    # upload chunk here: chunk_bytes) though the body never ends.
    over = central.settings.chunk_bytes + 1
    chunked = _raw_request(
        central,
        f"PUT /api/v1/uploads/x?offset=0 HTTP/1.1\r\nHost: x\r\n{auth}"
        "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        f"{over:x}\r\n{'x' * over}\r\n",
    )
    assert chunked.startswith("HTTP/1.1 413")


def test_a_conflict_in_a_group_of_pushes_fails_only_its_op(central: LiveServer, desk_factory):
    """Pushes written together in one transaction (group commit), one of them carrying an
    event uuid the database already holds: each push is written again alone, and only the
    bad op is rejected."""
    from fastapi.security import HTTPAuthorizationCredentials

    from hcc_central.ingest import _validate

    desk, other = desk_factory(), desk_factory()
    first = make_doc(desk)
    push(desk, op(first))
    good, bad, fine = make_doc(desk), make_doc(other), make_doc(other)
    bad["events"] = [dict(bad["events"][0], uuid=first["events"][0]["uuid"])]
    ingest = central.app.state.central.ingest
    groups, results = [], {}
    for d, docs in ((desk, [good]), (other, [bad, fine])):
        token = HTTPAuthorizationCredentials(scheme="Bearer", credentials=d.token)
        dev = central.app.state.central.device(token)
        groups.append(_validate([op(x) for x in docs], dev, central.settings, results))
    written = ingest._write_group(groups)  # as the queue would group them
    assert [written[o].outcome for g in groups for o in g] == ["applied", "rejected", "applied"]
    assert written[groups[1][0]].code == 409
    assert _count(central, Dossier, Dossier.uuid.in_([good["uuid"], fine["uuid"]])) == 2
    assert _count(central, Dossier, Dossier.uuid == bad["uuid"]) == 0
