"""Applying pulled changes to the local store (called inside the pull's write transaction).

Every change is applied in its own savepoint: one change central got wrong is reported and
skipped, and never rolls back the page or blocks the cursor. A ``dossier.status`` change for a
dossier with ops still to push is held in ``deferred_change`` until they are pushed, so a pull
never overwrites pending local work.
"""

from __future__ import annotations

import json
import logging
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from hcc_core.wire.protocol import AgencyWire, Change, EventWire
from hcc_desk.core.store.models import (
    Agency,
    CalendarDay,
    CalendarYear,
    DeferredChange,
    Dossier,
    Procedure,
    StatusEvent,
)
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


def _status(session: Session, payload: dict[str, Any]) -> bool:
    event = EventWire.model_validate(payload["event"])
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
    if "due_at" in payload:
        due = payload["due_at"]
        dossier.due_at = None if due is None else datetime.fromisoformat(due).replace(tzinfo=None)
    return True


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
