"""Applying pulled changes to the local store (called inside the pull's write transaction).

Every change is applied in its own savepoint: one change central got wrong is reported and
skipped, and never rolls back the page or blocks the cursor. A ``dossier.status`` change for a
dossier with ops still to push is held in ``deferred_change`` until they are pushed, so a pull
never overwrites pending local work.

A status an agency recorded on central may carry what the counter would have recorded with it
(docs/sync-protocol.md): a notice (supplement request, refusal, stop) becomes the desk's
``DossierNotice`` linked to the pulled event, so the return desk prints Mẫu 02 / 03 from it as
from its own step; a transfer becomes a hand-over hop to the new agency.
"""

from __future__ import annotations

import json
import logging
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from hcc_core.wire.protocol import SHA256_PATTERN, UUID_PATTERN, AgencyWire, Change, EventWire
from hcc_desk.core.store.models import (
    Agency,
    CalendarDay,
    CalendarYear,
    DeferredChange,
    Dossier,
    DossierNotice,
    Handover,
    Procedure,
    StatusEvent,
)
from hcc_desk.core.store.repositories import after_intake
from hcc_desk.core.store.status_times import note_status_times

from .outbox import entities_pending

log = logging.getLogger("hcc_desk.sync")


@dataclass
class Applied:
    applied: int = 0
    deferred: int = 0
    errors: list[str] = field(default_factory=list)


def entity_of(kind: str, entity_uuid: str, payload: dict[str, Any]) -> str:
    return (
        str(payload.get("dossier_uuid") or entity_uuid) if kind == "dossier.status" else entity_uuid
    )


def apply_changes(session: Session, changes: list[Change], out: Applied) -> None:
    held = entities_pending(
        session,
        [
            entity_of(c.kind, c.entity_uuid, c.payload)
            for c in changes
            if c.kind == "dossier.status"
        ],
    )
    procedures: list[dict[str, Any]] = []  # consecutive upserts go through one catalogue import
    for c in changes:
        if c.kind != "procedure.upsert" and procedures:
            _procedures(session, procedures, out)
            procedures = []
        if c.kind == "procedure.upsert":
            procedures.append(c.payload)
        elif c.kind == "dossier.status" and entity_of(c.kind, c.entity_uuid, c.payload) in held:
            session.execute(
                insert(DeferredChange)
                .values(
                    seq=c.seq,
                    kind=c.kind,
                    entity_uuid=entity_of(c.kind, c.entity_uuid, c.payload),
                    payload=c.payload,
                    received_at=datetime.now().replace(microsecond=0),
                )
                .on_conflict_do_nothing(index_elements=[DeferredChange.seq])
            )
            out.deferred += 1
        else:
            _one(session, c.seq, c.kind, c.payload, out)
    if procedures:
        _procedures(session, procedures, out)


def apply_deferred(session: Session, out: Applied) -> None:
    """Apply held-back changes whose dossiers have nothing left to push."""
    rows = list(session.scalars(select(DeferredChange).order_by(DeferredChange.seq)))
    held = entities_pending(session, [r.entity_uuid for r in rows])
    for r in rows:
        if r.entity_uuid not in held:
            _one(session, r.seq, r.kind, r.payload, out)
            session.delete(r)


def _one(session: Session, seq: int, kind: str, payload: dict[str, Any], out: Applied) -> None:
    handler = {
        "dossier.status": _status,
        "agency.upsert": _agency,
        "calendar.day": _calendar_day,
        "calendar.year": _calendar_year,
    }.get(kind)
    if handler is None:  # a newer central's kind (docs/sync-protocol.md, "Versions"): not an error
        log.info("change %s: kind %r is not known to this version, skipped", seq, kind)
        return
    try:
        with session.begin_nested():
            if handler(session, payload):
                out.applied += 1
    except (SQLAlchemyError, ValueError, KeyError, TypeError) as exc:
        log.warning("pulled change %s (%s) not applied: %s", seq, kind, exc)
        out.errors.append(f"change {seq} ({kind}) not applied: {str(exc).splitlines()[0]}")


# The limits of the counter's own steps (services/agency_steps.py): a longer text is refused.
_Text = Annotated[str, Field(max_length=2000)]
_Name = Annotated[str, Field(min_length=1, max_length=300)]
# The counter's name for the papers' holder, as services/dossier_steps.COUNTER_PARTY.
_COUNTER_PARTY = "Bộ phận tiếp nhận và trả kết quả"


class _Pulled(BaseModel):
    """Extra keys of a pulled status: strict types; unknown keys are a newer central's."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class NoticeWire(_Pulled):
    kind: Literal["supplement", "refusal", "stop", "apology"]
    agency: _Name | None = None
    reason: _Text
    missing_papers: list[_Name] = Field(default_factory=list, max_length=100)
    officer: _Name | None = None  # the full name the notice is printed with (central's officer)


class ResultWire(_Pulled):
    attachment_uuid: str = Field(pattern=UUID_PATTERN)
    filename: _Name
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=0)


class StatusExtras(_Pulled):
    notice: NoticeWire | None = None
    agency_unit_code: str | None = Field(default=None, min_length=1, max_length=40)
    result: ResultWire | None = None


# The desk keeps a stop notice as a refusal: its forms tell Mẫu 03 from the stop notice by the
# status the notice's event moved the dossier to (services/forms.py _stopped).
_NOTICE_KIND = {"supplement": "supplement", "refusal": "refusal", "stop": "refusal"}


def _status(session: Session, payload: dict[str, Any]) -> bool:
    event = EventWire.model_validate(payload["event"])
    # Everything is checked before anything is written: a bad key skips the whole change.
    extras = StatusExtras.model_validate(payload)
    dossier = session.scalar(select(Dossier).where(Dossier.uuid == payload["dossier_uuid"]))
    if dossier is None:  # another counter's dossier: not kept on this desk
        return False
    if session.scalar(select(StatusEvent.id).where(StatusEvent.uuid == event.uuid)) is not None:
        return False  # seen before (our own event echoed, or a page pulled twice)
    at = event.at.replace(tzinfo=None, microsecond=0)
    latest = max((e.at for e in dossier.events), default=None)
    dossier.events.append(
        StatusEvent(uuid=event.uuid, status=event.status, at=at, actor=event.actor, note=event.note)
    )
    if latest is None or at >= latest:
        dossier.status = event.status
        note_status_times(dossier, event.status, at)
    previous_due = dossier.due_at
    if "due_at" in payload:
        due = payload["due_at"]
        dossier.due_at = None if due is None else datetime.fromisoformat(due).replace(tzinfo=None)
    session.flush()  # the event exists before a notice names it
    if extras.agency_unit_code is not None:
        _transferred(session, dossier, extras.agency_unit_code, at, event.actor)
    if extras.notice is not None:
        _notice(session, dossier, extras.notice, event, at, previous_due)
    if extras.result is not None:  # the document itself stays on central (its back office)
        log.info(
            "dossier %s: a result document is on central (%s bytes)",
            dossier.uuid,
            extras.result.size,
        )
    return True


def _holder(session: Session, dossier: Dossier) -> str:
    """Who has the papers now, as services/dossier_steps.last_agency says."""
    hop = after_intake.last_handover(session, dossier.id)
    if hop is not None and hop.to_party != _COUNTER_PARTY:
        return hop.to_party
    return dossier.agency.name


def _transferred(
    session: Session, dossier: Dossier, unit_code: str, at: datetime, actor: str
) -> None:
    """Central moved the dossier to another agency: a hop of the control slip (Mẫu 05), as the
    counter records a transfer, so the return desk and the forms name the agency now deciding."""
    agency = session.scalar(select(Agency).where(Agency.unit_code == unit_code))
    to_party = agency.name if agency is not None else unit_code
    source = _holder(session, dossier)
    if source == to_party:
        return
    session.add(
        Handover(
            dossier_id=dossier.id,
            seq=after_intake.last_handover_seq(session, dossier.id) + 1,
            at=at,
            from_party=source,
            to_party=to_party,
            note="Chuyển trên hệ thống trung tâm",
            actor=actor,
        )
    )
    session.flush()


def _notice(
    session: Session,
    dossier: Dossier,
    notice: NoticeWire,
    event: EventWire,
    at: datetime,
    previous_due: datetime | None,
) -> None:
    """The paper the counter gives the applicant for the step recorded on central."""
    if session.scalar(
        select(DossierNotice.id).where(DossierNotice.status_event_uuid == event.uuid)
    ):
        return
    kind = _NOTICE_KIND.get(notice.kind, notice.kind)
    apology = kind == "apology"
    if apology and (dossier.due_at is None or dossier.due_at == previous_due):
        raise ValueError("an apology without a new appointment")
    session.add(
        DossierNotice(
            dossier_id=dossier.id,
            kind=kind,
            at=at,
            agency_name=notice.agency or _holder(session, dossier),
            reason=notice.reason.strip(),
            missing_papers=[p.strip() for p in notice.missing_papers if p.strip()]
            if kind == "supplement"
            else None,
            new_due_at=dossier.due_at if apology else None,
            previous_due_at=previous_due if apology else None,
            actor=notice.officer or event.actor,
            status_event_uuid=event.uuid,
        )
    )


def _agency(session: Session, payload: dict[str, Any]) -> bool:
    wire = AgencyWire.model_validate(
        {k: payload[k] for k in AgencyWire.model_fields if k in payload}
    )
    row = session.scalar(select(Agency).where(Agency.unit_code == wire.unit_code))
    if row is None:
        row = Agency(unit_code=wire.unit_code, name=wire.name)
        session.add(row)
    row.name, row.short_name = wire.name, wire.short_name
    row.active = bool(payload.get("active", True))
    return True


def _calendar_day(session: Session, payload: dict[str, Any]) -> bool:
    day = date.fromisoformat(payload["day"])
    kind = payload.get("kind")
    if kind is None:
        session.execute(delete(CalendarDay).where(CalendarDay.day == day))
        return True
    if kind not in ("off", "work"):
        raise ValueError(f"calendar day kind {kind!r}")
    session.execute(
        insert(CalendarDay)
        .values(day=day, kind=kind, note=payload.get("note"))
        .on_conflict_do_update(
            index_elements=[CalendarDay.day], set_={"kind": kind, "note": payload.get("note")}
        )
    )
    return True


def _calendar_year(session: Session, payload: dict[str, Any]) -> bool:
    """Central loaded a year of the official calendar: its days (``calendar.day`` changes) now
    rule that year on this desk, not the bundled file's (services/calendars.py)."""
    year = int(payload["year"])
    if not 2000 <= year <= 2100:
        raise ValueError(f"calendar year {year}")
    sources = payload.get("sources") or []
    if not isinstance(sources, list):
        raise ValueError("calendar year sources must be a list")
    row = session.get(CalendarYear, year) or CalendarYear(year=year, origin="central")
    row.origin, row.revision, row.sources = "central", payload.get("revision"), sources
    row.loaded_at = datetime.now().replace(microsecond=0)
    session.add(row)
    return True


def _procedures(session: Session, payloads: list[dict[str, Any]], out: Applied) -> None:
    """Procedures arrive in the catalogue format (docs/catalogue-format.md), agency by unit
    code, and go through the catalogue importer: the same validation as a file import. The
    import is all-or-nothing, so a failed batch is retried one by one to skip only the bad."""
    errors = _import(session, payloads)
    if not errors:
        out.applied += len(payloads)
    elif len(payloads) > 1:
        errors = []
        for one in payloads:
            problems = _import(session, [one])
            out.applied += not problems
            errors += problems
    for e in errors[:5]:
        log.warning("pulled procedure not applied: %s", e)
        out.errors.append(f"procedure not applied: {e}")


def _import(session: Session, payloads: list[dict[str, Any]]) -> list[str]:
    from hcc_core.catalogue.parse import national_code
    from hcc_core.catalogue.schema import FORMAT_NAME, FORMAT_VERSION
    from hcc_desk.core.store.catalogue_import import import_catalogue

    with tempfile.TemporaryDirectory(prefix="hcc-pull-") as tmp:
        path = Path(tmp) / "procedures.json"
        path.write_text(
            json.dumps(
                {
                    "format": FORMAT_NAME,
                    "version": FORMAT_VERSION,
                    "agencies": [],
                    "procedures": payloads,
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        report = import_catalogue(session, path)
    if not report.ok:
        return list(report.errors)
    for gone in (pl for pl in payloads if pl.get("active") is False):  # retired centrally
        code = national_code(gone.get("code"))
        stmt = (
            update(Procedure).where(Procedure.code == code)
            if code
            else update(Procedure).where(
                Procedure.code.is_(None), Procedure.name == gone.get("name")
            )
        )
        session.execute(stmt.values(active=False))
    return []
