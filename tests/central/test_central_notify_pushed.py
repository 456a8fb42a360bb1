"""Steps recorded at a counter tell the applicant too: a desk pushes them over real HTTP, the
ingest queues their messages in the push's transaction, and a worker sends them to a real SMTP
server and the gateway stand-in (notify_fixtures.py). SQLite and PostgreSQL (``central``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from hcc_central.models import Centre, Dossier, Notification
from hcc_central.notify import enqueue_for_step
from hcc_central.notify.outbox import PAPERS_ON_SLIP
from hcc_central.notify.worker import Worker
from hcc_central.status_change import set_status
from hcc_core.domain.status import DossierStatus as S
from tests.central.helpers import make_doc, new_uuid, op, push
from tests.central.live import Desk, LiveServer
from tests.central.notify_fixtures import (  # noqa: F401 (fixtures)
    Gateway,
    Mailbox,
    channels_on,
    drain,
    sms_gateway,
    smtp_server,
)

EMAIL = "binh.tran@mail.vn"
PHONE = "0912345678"
CONTACT = {"email": EMAIL, "phone": PHONE}
NOTES = {
    S.PROCESSING: "Sở Tư pháp đang xử lý",
    S.NEW: "Đã nhận hồ sơ bổ sung",
    S.DONE: "Đã trả kết quả",
    S.WAITING_SUPPLEMENT: "Yêu cầu bổ sung (Sở Tư pháp): thiếu bản sao giấy khai sinh",
    S.RELEASING: "Trả kết quả",
    S.DENIED: "Từ chối (Sở Tư pháp): không thuộc thẩm quyền",
    S.UNRESOLVED: "Từ chối (Sở Tư pháp): hồ sơ giả mạo",
}


def counter_doc(
    desk: Desk, steps: list[S], *, ago: timedelta = timedelta(minutes=30), **submitter: Any
) -> dict[str, Any]:
    """A dossier received at the desk (days ago) whose later ``steps`` were recorded at the
    counter ``ago`` before now, a minute apart."""
    doc = make_doc(desk)
    doc["submitter"] = {**doc["submitter"], "phone": None, "email": None, **submitter}
    start = datetime.now().replace(microsecond=0) - ago
    for i, status in enumerate(steps):
        doc["events"].append(
            {
                "uuid": new_uuid(),
                "status": int(status),
                "at": (start + timedelta(minutes=i)).isoformat(),
                "actor": "demo",
                "note": NOTES[status],
            }
        )
    doc["status"] = doc["events"][-1]["status"]
    return doc


def rows_of(central: LiveServer, *docs: dict[str, Any]) -> list[Notification]:
    with central.db.read() as s:
        return list(
            s.scalars(
                select(Notification)
                .where(Notification.dossier_uuid.in_([d["uuid"] for d in docs]))
                .order_by(Notification.id)
            )
        )


def applied(desk: Desk, *docs: dict[str, Any]) -> None:
    results = push(desk, *(op(d) for d in docs))
    assert [r["outcome"] for r in results] == ["applied"] * len(docs), results


def test_each_counter_step_is_queued_and_sent_once_and_a_push_again_adds_nothing(
    central: LiveServer, desk: Desk, smtp: tuple[Mailbox, int], gateway: Gateway
):
    def centre_contacts(s: Any) -> None:
        centre = s.get(Centre, desk.centre_id)
        centre.hotline, centre.lookup_url_base = "1900 5678", "https://dichvu.test.vn/tra-cuu"

    central.write(centre_contacts)
    supplement = counter_doc(desk, [S.WAITING_SUPPLEMENT], **CONTACT)
    result = counter_doc(desk, [S.PROCESSING, S.RELEASING], **CONTACT)
    denied = counter_doc(desk, [S.DENIED], email=EMAIL)
    stopped = counter_doc(desk, [S.PROCESSING, S.UNRESOLVED], phone=PHONE)
    docs = [supplement, result, denied, stopped]
    applied(desk, *docs)  # one push, one transaction

    def made(doc: dict[str, Any]) -> list[tuple[str, str, str]]:
        return [(n.kind, n.channel, n.event_uuid) for n in rows_of(central, doc)]

    last = {d["uuid"]: d["events"][-1]["uuid"] for d in docs}
    assert sorted(made(supplement)) == [
        ("supplement", "email", last[supplement["uuid"]]),
        ("supplement", "sms", last[supplement["uuid"]]),
    ]
    # The processing step before the result tells nothing; only the result does.
    assert sorted(made(result)) == [
        ("result", "email", last[result["uuid"]]),
        ("result", "sms", last[result["uuid"]]),
    ]
    assert made(denied) == [("refused", "email", last[denied["uuid"]])]
    assert made(stopped) == [("refused", "sms", last[stopped["uuid"]])]

    rows = rows_of(central, *docs)
    mail = next(n for n in rows if n.kind == "supplement" and n.channel == "email")
    # No notice in a push: the applicant is sent to the counter's slip and the hotline.
    assert "Phiếu yêu cầu bổ sung" in mail.body and PAPERS_ON_SLIP in mail.body
    assert "thiếu bản sao giấy khai sinh" in mail.body and "1900 5678" in mail.body
    assert f"https://dichvu.test.vn/tra-cuu?ma={supplement['code']}" in mail.body
    assert supplement["lookup_pin"] not in mail.body and "$" not in mail.body
    refusal = next(n for n in rows if n.kind == "refused" and n.channel == "email")
    assert "không thuộc thẩm quyền" in refusal.body

    drain(Worker(central.db, channels_on(central, smtp, gateway)))
    ids = {(n.dossier_uuid, n.channel): n.id for n in rows}
    for (_, channel), nid in ids.items():
        if channel == "email":
            assert len(smtp[0].with_id(f"<hcc-notification-{nid}@hcc.test.vn>")) == 1
        else:
            [(_, body)] = gateway.for_key(f"hcc-notification-{nid}")
            assert body["to"] == PHONE
    [(_, sms)] = gateway.for_key(f"hcc-notification-{ids[(result['uuid'], 'sms')]}")
    assert result["code"] in sms["text"] and "kết quả" in sms["text"]

    # The same dossiers again (a retry after a lost answer, a full re-sync): nothing new.
    again = push(desk, *(op(d) for d in docs))
    assert {r["outcome"] for r in again} == {"duplicate"}
    assert len(rows_of(central, *docs)) == len(rows)
    drain(Worker(central.db, channels_on(central, smtp, gateway)))
    for (_, channel), nid in ids.items():
        if channel == "email":
            assert len(smtp[0].with_id(f"<hcc-notification-{nid}@hcc.test.vn>")) == 1
        else:
            assert len(gateway.for_key(f"hcc-notification-{nid}")) == 1


def test_an_old_counter_step_tells_nobody_and_a_recent_one_does(central: LiveServer, desk: Desk):
    bound = timedelta(hours=central.settings.notify_pushed_within_hours)
    old = counter_doc(desk, [S.WAITING_SUPPLEMENT], ago=bound + timedelta(hours=1), **CONTACT)
    recent = counter_doc(desk, [S.RELEASING], ago=bound - timedelta(hours=1), **CONTACT)
    applied(desk, old, recent)
    assert rows_of(central, old) == []
    assert sorted(n.kind for n in rows_of(central, recent)) == ["result", "result"]


def test_a_step_superseded_before_the_push_is_not_told_but_the_next_one_is(
    central: LiveServer, desk: Desk
):
    # Papers asked then brought, a result ready then collected: all while the desk was offline.
    brought = counter_doc(desk, [S.WAITING_SUPPLEMENT, S.NEW], **CONTACT)
    collected = counter_doc(desk, [S.PROCESSING, S.RELEASING, S.DONE], **CONTACT)
    applied(desk, brought, collected)
    assert rows_of(central, brought, collected) == []

    # The dossier's next step, pushed on its own, is told (once).
    at = datetime.fromisoformat(brought["events"][-1]["at"]) + timedelta(minutes=1)
    refusal = {"uuid": new_uuid(), "status": int(S.DENIED), "at": at.isoformat(),
               "actor": "demo", "note": NOTES[S.DENIED]}  # fmt: skip
    later = {**brought, "events": [*brought["events"], refusal], "status": int(S.DENIED)}
    applied(desk, later)
    assert [(n.kind, n.event_uuid) for n in rows_of(central, brought)] == [
        ("refused", refusal["uuid"]),
        ("refused", refusal["uuid"]),
    ]


def test_an_applicant_without_phone_or_email_is_told_nothing(central: LiveServer, desk: Desk):
    silent = counter_doc(desk, [S.WAITING_SUPPLEMENT])
    unusable = counter_doc(desk, [S.DENIED], phone="gọi sau", email="không có")
    applied(desk, silent, unusable)
    assert rows_of(central, silent, unusable) == []


def test_a_step_central_recorded_is_not_told_again_when_a_desk_pushes_it_back(
    central: LiveServer, desk: Desk
):
    doc = counter_doc(desk, [S.PROCESSING], **CONTACT)
    applied(desk, doc)

    def agency_result(s: Any) -> dict[str, Any]:
        payload = set_status(s, doc["code"], S.RELEASING, note="Trả kết quả", actor="demo")
        dossier = s.scalar(select(Dossier).where(Dossier.code == doc["code"]))
        assert len(enqueue_for_step(s, dossier, payload["event"], "result_ready")) == 2
        return dict(dossier.doc)

    stored = central.write(agency_result)
    assert len(rows_of(central, doc)) == 2
    # The desk pulled central's step and pushes its doc with it, plus a step of its own.
    events = [*stored["events"]]
    at = datetime.fromisoformat(events[-1]["at"]) + timedelta(seconds=1)
    events.append(
        {"uuid": new_uuid(), "status": int(S.DONE), "at": at.isoformat(), "actor": "demo",
         "note": "Đã trả kết quả"}
    )  # fmt: skip
    applied(desk, {**doc, "events": events, "status": int(S.DONE)})
    assert len(rows_of(central, doc)) == 2
