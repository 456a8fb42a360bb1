"""A status change made at central (the way an agency reports progress), for desks to pull."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core.domain.status import DossierStatus, can_transition
from hcc_core.domain.timing import due_after_restart, new_due_problem

from .admin import AdminError
from .calendar import procedure_limit, work_calendar
from .changes import audit, emit
from .models import Dossier, StatusEvent

_S = DossierStatus
# Words an agency clerk would type, besides the DVCQG sync names (new, waiting, releasing…).
STATUS_WORDS: dict[str, DossierStatus] = {
    "accepted": _S.NEW,
    "transfer": _S.INTEROPERATING,
    "processing": _S.PROCESSING,
    "supplement": _S.WAITING_SUPPLEMENT,
    "payment": _S.WAITING_PAYMENT,
    "result-ready": _S.RELEASING,
    "done": _S.DONE,
    "refused": _S.DENIED,
    "stopped": _S.UNRESOLVED,
    "cancelled": _S.CANCELLED,
}


def parse_status(word: str) -> DossierStatus:
    word = word.strip().lower()
    if word in STATUS_WORDS:
        return STATUS_WORDS[word]
    if word.isdigit() and int(word) in {int(s) for s in DossierStatus}:
        return DossierStatus(int(word))
    try:
        return DossierStatus.from_sync_name(word)
    except ValueError:
        names = sorted({*STATUS_WORDS, *(s.sync_name for s in DossierStatus)})
        raise AdminError(f"unknown status {word!r}; use one of: {', '.join(names)}") from None


def set_status(
    s: Session,
    code: str,
    target: DossierStatus,
    *,
    note: str | None = None,
    actor: str = "central",
    at: datetime | None = None,
    due_at: datetime | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Validate the transition, append an event with a new uuid, emit ``dossier.status``.

    ``target`` may be the current status only with ``due_at``: an apology's new appointment
    (the status stays, desks still get an event saying why the date moved). ``extra`` is
    merged into the change payload (a notice, the new agency, a result document: the keys are
    in docs/sync-protocol.md). Returns the change payload."""
    dossier = s.scalar(
        select(Dossier).where(Dossier.code == code.strip().upper()).with_for_update()
    )
    if dossier is None:
        raise AdminError(f"no dossier {code}")
    current = DossierStatus(dossier.status)
    apology = target == current and due_at is not None and not current.is_terminal
    if not can_transition(current, target) and not apology:
        raise AdminError(
            f"{code}: cannot go from {current.sync_name} ({current.text('en')}) "
            f"to {target.sync_name} ({target.text('en')})"
        )
    doc = dict(dossier.doc)
    at = (at or datetime.now()).replace(microsecond=0)
    if doc["events"] and at.isoformat() < doc["events"][-1]["at"]:
        raise AdminError(f"{code}: the last event is later than {at.isoformat()}")
    event = {
        "uuid": str(uuid.uuid4()),
        "status": int(target),
        "at": at.isoformat(),
        "actor": actor[:64],
        "note": note,
    }
    history = [(e["status"], datetime.fromisoformat(e["at"])) for e in doc["events"]]
    doc["events"] = [*doc["events"], event]
    doc["status"] = int(target)
    if due_at is not None:  # an apology's new appointment: office time, as on the desk
        due_at = due_at.replace(microsecond=0)
        problem = new_due_problem(work_calendar(s), due_at)
        if problem is not None:
            raise AdminError(f"{code}: {problem.text('en')} / {problem.text('vi')}")
        doc["due_at"] = due_at.isoformat()
    elif current == _S.WAITING_SUPPLEMENT and target != _S.WAITING_SUPPLEMENT and doc["due_at"]:
        # The applicant brought the papers: the wait does not count. The desk's function, so
        # the desk, central, the ledger and supervision show one due date.
        limit = procedure_limit(s, dossier.centre_id, doc)
        moved = due_after_restart(
            datetime.fromisoformat(doc["due_at"]),
            history,
            at,
            work_calendar(s),
            limit.kind if limit else "working",
            received_at=datetime.fromisoformat(doc["received_at"]),
            limit=limit,
        )
        doc["due_at"] = None if moved is None else moved.isoformat()
    dossier.doc, dossier.status, dossier.updated_at = doc, int(target), datetime.now()
    dossier.due_at = datetime.fromisoformat(doc["due_at"]) if doc["due_at"] else None
    s.add(
        StatusEvent(
            uuid=event["uuid"],
            dossier_uuid=dossier.uuid,
            status=event["status"],
            at=at,
            actor=event["actor"],
            note=note,
            origin="central",
        )
    )
    payload = {
        **(extra or {}),
        "dossier_uuid": dossier.uuid,
        "event": event,
        "due_at": doc["due_at"],
    }
    emit(s, dossier.centre_id, "dossier.status", dossier.uuid, payload)
    audit(s, actor, "dossier.status", code=dossier.code, status=target.sync_name)
    return payload
