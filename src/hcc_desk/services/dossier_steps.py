"""Plumbing shared by the after-intake use cases (return desk, agency steps).

One status change = one StatusEvent (validated by the national status machine), the dossier's
current status, an outbox op for central and an audit row — all in the caller's write
transaction, so a change is either recorded completely or not at all.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.orm import Session

from hcc_core.domain.status import DossierStatus, can_transition
from hcc_core.domain.timing import classify
from hcc_desk.core.store.models import Dossier, HandBack, Handover, Officer, StatusEvent
from hcc_desk.core.store.repositories import add_audit, after_intake
from hcc_desk.core.store.repositories.lookups import find_officer
from hcc_desk.core.store.status_times import note_status_times
from hcc_desk.core.supervision.report import FINISHED as FINISHED  # re-exported: none pending
from hcc_desk.core.sync.outbox import enqueue_dossier
from hcc_desk.services.errors import AuthError, NotFound, UserError

COUNTER_PARTY = "Bộ phận tiếp nhận và trả kết quả"
_S = DossierStatus
# Statuses in which the result (or the stop notice with the papers) waits at the counter.
READY_FOR_HAND_BACK = frozenset({_S.RELEASING, _S.UNRESOLVED})
_TAIL = re.compile(r"\d{6}-\d{4}")


def scanned_code(text: str) -> str:
    """The dossier code in what a scanner or the officer typed.

    Accepts the code itself (any case, stray spaces or a trailing control character from the
    scanner) or the receipt's lookup-QR URL (``…?ma=CODE&pin=…``).
    """
    text = "".join(ch for ch in text if ch.isprintable()).strip()
    if "?" in text and "ma=" in text:
        found = parse_qs(urlsplit(text).query).get("ma")
        if found:
            text = found[0].strip()
    return text.replace(" ", "").upper()


def load_dossier(session: Session, text: str) -> Dossier:
    """The dossier for a full code, a lookup URL, or a unique ``YYMMDD-NNNN`` tail."""
    code = scanned_code(text)
    if not code:
        raise NotFound("dossier_steps.scan_type_dossier_code")
    dossier = after_intake.dossier_by_code(session, code)
    if dossier is None and _TAIL.fullmatch(code):
        found = after_intake.dossiers_by_code_tail(session, code)
        if len(found) > 1:
            raise NotFound("dossier_steps.several_dossiers_end_type", code=code)
        dossier = found[0] if found else None
    if dossier is None:
        raise NotFound("dossier_steps.dossier_check_code_receipt", code=code)
    return dossier


def active_officer(session: Session, username: str) -> Officer:
    officer = find_officer(session, username)
    if officer is None or not officer.active:
        raise AuthError("dossier_steps.active_officer", username=username)
    return officer


def event_time(dossier: Dossier, now: datetime) -> datetime:
    """``now``, or the latest event's time if that is later (another PC's clock ran ahead):
    the history must never go backwards."""
    latest = max((e.at for e in dossier.events), default=None)
    now = now.replace(microsecond=0)
    return now if latest is None or now >= latest else latest


def change_status(
    session: Session, dossier: Dossier, target: DossierStatus, at: datetime, actor: str, note: str
) -> StatusEvent:
    """Validate and record one transition (the event is appended; nothing is committed)."""
    current = DossierStatus(dossier.status)
    if not can_transition(current, target):
        raise UserError(
            "dossier_steps.dossier_go_from", code=dossier.code, source=current, target=target
        )
    event = StatusEvent(status=int(target), at=at, actor=actor, note=note[:500] or None)
    dossier.events.append(event)
    dossier.status = int(target)
    note_status_times(dossier, int(target), at)
    session.flush()
    return event


def finish_change(
    session: Session, dossier: Dossier, actor: str, action: str, detail: dict[str, Any]
) -> None:
    """Queue the new state for central and audit it (same transaction as the change)."""
    enqueue_dossier(session, dossier)
    add_audit(session, actor, action, "dossier", dossier.uuid, {"code": dossier.code, **detail})


def next_hop_seq(session: Session, dossier: Dossier) -> int:
    return after_intake.last_handover_seq(session, dossier.id) + 1


def add_hop(
    session: Session,
    dossier: Dossier,
    at: datetime,
    from_party: str,
    to_party: str,
    note: str | None,
    actor: str,
) -> Handover:
    hop = Handover(
        dossier_id=dossier.id,
        seq=next_hop_seq(session, dossier),
        at=at,
        from_party=from_party,
        to_party=to_party,
        note=note or None,
        actor=actor,
    )
    session.add(hop)
    return hop


def hand_back_of(session: Session, dossier: Dossier) -> HandBack | None:
    return after_intake.hand_back_of(session, dossier.id)


def dossier_handed_back(session: Session, dossier: Dossier) -> bool:
    """The result went back to the applicant (a hand-back row, or a status pulled as done)."""
    return dossier.status == _S.DONE or hand_back_of(session, dossier) is not None


def papers_holder(session: Session, dossier: Dossier) -> str:
    """Who has the papers: the counter until the first hop, then the last receiver."""
    hop = after_intake.last_handover(session, dossier.id)
    return COUNTER_PARTY if hop is None else hop.to_party


def last_agency(session: Session, dossier: Dossier) -> str:
    """Who holds the papers now: the receiving party of the last hop, else the deciding agency."""
    hop = after_intake.last_handover(session, dossier.id)
    if hop is not None and hop.to_party != COUNTER_PARTY:
        return hop.to_party
    return dossier.agency.name


def statutory_due(session: Session, dossier: Dossier) -> datetime | None:
    """The appointment on-time statistics count against: the one before any apology."""
    earliest = after_intake.first_apology_previous_due(session, dossier.id)
    return earliest or dossier.due_at


def result_time(dossier: Dossier) -> datetime | None:
    """When the result was finished: ready at the counter, else handed back (a status pulled
    before these columns existed is read from the history)."""
    found = dossier.result_ready_at or dossier.returned_at
    if found is None and dossier.status in (_S.RELEASING, _S.DONE):
        for status in (_S.RELEASING, _S.DONE):
            found = max((e.at for e in dossier.events if e.status == status), default=None)
            if found is not None:
                break
    return found


def dossier_timing(session: Session, dossier: Dossier) -> str | None:
    finished = result_time(dossier)
    return None if finished is None else classify(finished, statutory_due(session, dossier))
