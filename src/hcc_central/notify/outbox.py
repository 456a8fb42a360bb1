"""The durable outbox of messages to applicants: rows made in the transaction of the step that
causes them, read back as the agency's "delivery" list.

Exactly once per step and channel: ``notification`` is unique on (event_uuid, channel) and rows
are inserted with ON CONFLICT DO NOTHING, so a step replayed, pulled twice or retried after a
lost answer never queues a second message. Sending is worker.py's job.

The PIN is never put in a message: a phone number or e-mail address mistyped at the counter
would hand a stranger the secret of the status page (the applicant's name, papers, progress).
The link names the dossier; the applicant types the PIN printed on their receipt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from hcc_core.domain.status import DossierStatus
from hcc_core.vn_format import vn_date

from ..models import Agency, Centre, ChangeLog, Dossier, Notification
from .templates import render, words_for

# The agency's step (steps.py, the desks' agency_steps) → the message it causes.
STEP_MESSAGES: dict[str, str] = {
    "supplement": "supplement",
    "result_ready": "result",
    "result": "result",
    "refusal": "refused",
    "refuse": "refused",
    "refused": "refused",
    "stop": "refused",
    "stopped": "refused",
}
# A step named otherwise is judged by the status it leads to.
STATUS_MESSAGES: dict[int, str] = {
    DossierStatus.WAITING_SUPPLEMENT: "supplement",
    DossierStatus.RELEASING: "result",
    DossierStatus.DENIED: "refused",
    DossierStatus.UNRESOLVED: "refused",
}

PAPERS_ON_SLIP = (
    "ghi trong Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ; chưa nhận được phiếu, "
    "xin liên hệ Trung tâm qua đường dây nóng"
)
_EMAIL = re.compile(r"^[^@\s<>,;\"()\\]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")


def message_kind(step: str, event: Mapping[str, Any]) -> str | None:
    """Which message a step sends, if any (processing, transfer, apology: none)."""
    if step in STEP_MESSAGES:
        return STEP_MESSAGES[step]
    status = event.get("status")
    return STATUS_MESSAGES.get(status) if isinstance(status, int) else None


def recipients(doc: Mapping[str, Any]) -> dict[str, str]:
    """The channels the submitter gave at intake and a usable address on each: an e-mail of one
    address (no header can be smuggled in), a phone of 9 to 15 digits."""
    person = doc.get("submitter") or {}
    out: dict[str, str] = {}
    email = str(person.get("email") or "").strip()
    if _EMAIL.match(email):
        out["email"] = email
    phone = str(person.get("phone") or "").strip()
    digits = re.sub(r"[\s.\-()]", "", phone)
    if re.fullmatch(r"\+?\d{9,15}", digits):
        out["sms"] = digits
    return out


def status_link(base: str | None, code: str) -> str:
    """``<lookup base>?ma=<code>`` (the receipts' link, without the PIN)."""
    root = (base or "").strip().rstrip("?").rstrip("/")
    if not root:
        return "(hỏi Trung tâm)"
    joiner = "&" if "?" in root else "?"
    return f"{root}{joiner}ma={quote(code, safe='')}"


def _notice(s: Session, dossier: Dossier, event: Mapping[str, Any]) -> Mapping[str, Any]:
    """The step's notice (papers to bring, reason, agency): in the event if the caller put it
    there, else in the ``dossier.status`` change the step emitted just before, in this
    transaction (steps.py passes the bare event; the notice rides in the change's payload).
    That change is the centre's newest: the change log is locked until commit."""
    notice = event.get("notice")
    if isinstance(notice, Mapping):
        return notice
    payload = s.scalar(
        select(ChangeLog.payload)
        .where(ChangeLog.centre_id == dossier.centre_id, ChangeLog.entity_uuid == dossier.uuid)
        .order_by(ChangeLog.seq.desc())
        .limit(1)
    )
    if isinstance(payload, Mapping) and (payload.get("event") or {}).get("uuid") == event.get(
        "uuid"
    ):
        notice = payload.get("notice")
        if isinstance(notice, Mapping):
            return notice
    return event


def _papers(notice: Mapping[str, Any]) -> str:
    papers = notice.get("missing_papers") or notice.get("papers") or []
    if isinstance(papers, str):
        papers = [papers]
    lines = [f"- {' '.join(str(p).split())}" for p in papers if str(p).strip()]
    # No list: a step recorded at a counter (a push carries no notice): the papers are on the
    # desk's printed slip (Mẫu 02), which the page of the status link does not show.
    return "\n".join(lines) or f"- {PAPERS_ON_SLIP}"


def _reason(notice: Mapping[str, Any], event: Mapping[str, Any]) -> str:
    for key in ("reason", "reasons"):
        if str(notice.get(key) or "").strip():
            return str(notice[key]).strip()
    return str(event.get("note") or "").strip() or "(xem tại trang tra cứu)"


def _when(event: Mapping[str, Any]) -> str:
    try:
        return vn_date(datetime.fromisoformat(str(event.get("at"))))
    except ValueError:
        return vn_date(datetime.now())


def values_for(
    s: Session, dossier: Dossier, event: Mapping[str, Any], centre: Centre
) -> dict[str, str]:
    """What the placeholders of templates.PLACEHOLDERS stand for, for this step."""
    doc = dossier.doc
    notice = _notice(s, dossier, event)
    agency = str(notice.get("agency") or "").strip()
    if not agency:
        unit = dossier.agency_unit_code or dossier.unit_code
        agency = s.scalar(select(Agency.name).where(Agency.unit_code == unit)) or ""
    if doc.get("delivery_method") == "post":
        collect = "gửi qua dịch vụ bưu chính công ích đến địa chỉ Ông/Bà đã đăng ký"
    else:
        collect = (
            f"Bộ phận tiếp nhận và trả kết quả, {centre.name} ({centre.place_name}), "
            f"trong giờ hành chính từ ngày {_when(event)}"
        )
    return {
        "code": dossier.code,
        "procedure": " ".join(str(doc.get("procedure_name") or dossier.procedure_name).split()),
        "centre": centre.name,
        "hotline": centre.hotline or "(xem trên Giấy tiếp nhận hồ sơ)",
        "link": status_link(centre.lookup_url_base, dossier.code),
        "date": _when(event),
        "agency": agency or centre.name,
        "missing_papers": _papers(notice),
        "reason": _reason(notice, event),
        "collect": collect,
    }


def enqueue_for_step(
    s: Session, dossier: Dossier, event: dict[str, Any], kind: str
) -> list[Notification]:
    """Queue the messages a step causes, in the caller's transaction: one per channel the
    applicant gave (none for other steps, or an applicant without phone or e-mail). Returns
    the rows made now; a step seen before makes none."""
    made = queue(s, dossier, event, kind)
    if not made:
        return []
    return list(s.scalars(select(Notification).where(Notification.id.in_(made))))


def queue(s: Session, dossier: Dossier, event: Mapping[str, Any], kind: str) -> list[int]:
    """enqueue_for_step without reading the rows back: the ids of the rows made now."""
    made: list[int] = []
    for row in rows_for(s, dossier, event, kind):
        # One by one: what RETURNING gives for skipped rows is the same everywhere.
        stmt = insert_new(s).values(row).returning(Notification.id)
        made.extend(s.scalars(stmt))
    return made


def insert_new(s: Session | Connection) -> Insert:
    """INSERT INTO notification … ON CONFLICT (event_uuid, channel) DO NOTHING (central runs
    on SQLite or PostgreSQL: both spell it, and RETURNING)."""
    dialect = (s.get_bind() if isinstance(s, Session) else s).dialect.name
    insert_row = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert_row(Notification).on_conflict_do_nothing(index_elements=["event_uuid", "channel"])


def rows_for(
    s: Session, dossier: Dossier, event: Mapping[str, Any], kind: str
) -> list[dict[str, Any]]:
    """The outbox rows a step causes: one per channel the applicant gave, in the words of the
    (admin's or default) template; none for a step the applicant is not told of."""
    message = message_kind(kind, event)
    to = recipients(dossier.doc)
    if message is None or not to or not event.get("uuid"):
        return []
    centre = s.get(Centre, dossier.centre_id)
    if centre is None:
        return []
    values = values_for(s, dossier, event, centre)
    now = datetime.now()
    rows = []
    for channel, recipient in to.items():
        words = render(words_for(s, message, channel), values)
        rows.append(
            {
                "centre_id": dossier.centre_id,
                "dossier_uuid": dossier.uuid,
                "event_uuid": str(event["uuid"]),
                "kind": message,
                "channel": channel,
                "recipient": recipient,
                "subject": words.subject,
                "body": words.body,
                "state": "pending",
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
        )
    return rows


@dataclass(frozen=True)
class Delivery:
    """One message as the agency sees it: never the full address."""

    id: int
    kind: str
    channel: str
    recipient: str  # masked
    state: str  # pending | sending | sent | failed
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


def mask(channel: str, recipient: str) -> str:
    """``09***456`` for a phone, ``a***@x.vn`` for an e-mail: enough for the applicant to
    recognise their own, not enough to read out."""
    if channel == "email" and "@" in recipient:
        local, domain = recipient.rsplit("@", 1)
        return f"{local[:1]}***@{domain}"
    return f"{recipient[:2]}***{recipient[-3:]}" if len(recipient) > 5 else "***"


def deliveries(s: Session, dossier_uuid: str) -> list[Delivery]:
    rows = s.scalars(
        select(Notification)
        .where(Notification.dossier_uuid == dossier_uuid)
        .order_by(Notification.created_at, Notification.id)
    )
    return [
        Delivery(
            id=n.id,
            kind=n.kind,
            channel=n.channel,
            recipient=mask(n.channel, n.recipient),
            state=n.state,
            attempts=n.attempts,
            last_error=n.last_error,
            created_at=n.created_at,
            sent_at=n.sent_at,
        )
        for n in rows
    ]
