"""Catalogue and calendar imports; each changed row becomes a change desks pull.

The catalogue file (JSON or xlsx, docs/catalogue-format.md) is read and validated by the desk's
own reader, so a file that imports on a desk imports here with the same row-level messages.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_core.catalogue import read_catalogue
from hcc_core.catalogue.schema import ProcedureRecord
from hcc_core.domain.text import fold

from .admin import AdminError, add_agency, get_centre
from .changes import audit, emit_many
from .models import Agency, CalendarDay, Procedure


@dataclass(frozen=True)
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    agencies_added: int = 0


def import_catalogue(
    s: Session, centre_id: int, path: Path, *, actor: str = "admin"
) -> ImportSummary:
    """All or nothing: any row error → AdminError listing them, nothing written."""
    centre = get_centre(s, centre_id)
    parsed = read_catalogue(path)
    if parsed.errors:
        raise AdminError("\n".join(parsed.errors))
    existing = list(s.scalars(select(Agency).where(Agency.centre_id == centre.id)))
    have = {a.unit_code for a in existing}
    added_agencies = 0
    for agency_rec in parsed.agencies:
        if agency_rec.unit_code not in have:  # existing agencies keep the names set at setup
            existing.append(
                add_agency(
                    s,
                    centre.id,
                    name=agency_rec.name,
                    unit_code=agency_rec.unit_code,
                    short_name=agency_rec.short_name,
                    actor=actor,
                )
            )
            have.add(agency_rec.unit_code)
            added_agencies += 1
    lookup = {fold(k): a for a in existing for k in (a.unit_code, a.short_name, a.name) if k}
    missing = sorted({p.agency for p in parsed.procedures if fold(p.agency) not in lookup})
    if missing:
        raise AdminError(f"unknown agencies (add them first): {', '.join(missing)}")
    current = {
        p.key: p for p in s.scalars(select(Procedure).where(Procedure.centre_id == centre.id))
    }
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    changes = []
    for rec in parsed.procedures:
        agency = lookup[fold(rec.agency)]
        key = _key(rec, agency.unit_code)
        proc = current.get(key)
        data = _payload(rec, agency)
        if proc is None:
            proc = Procedure(uuid=str(uuid.uuid4()), centre_id=centre.id, key=key)
            s.add(proc)
            current[key] = proc
            counts["added"] += 1
        elif proc.data == {**data, "uuid": proc.uuid}:
            counts["unchanged"] += 1
            continue
        else:
            counts["updated"] += 1
        proc.code, proc.name, proc.unit_code = rec.code, rec.name, agency.unit_code
        proc.data = {**data, "uuid": proc.uuid}
        changes.append((centre.id, "procedure.upsert", proc.uuid, proc.data))
    emit_many(s, changes)  # type: ignore[arg-type]
    audit(s, actor, "catalogue.import", centre_id=centre.id, file=path.name, **counts)
    return ImportSummary(**counts, agencies_added=added_agencies)


def _key(rec: ProcedureRecord, unit_code: str) -> str:
    """National code when the procedure has one; else a digest of agency + name."""
    if rec.code:
        return f"code:{rec.code}"
    return "name:" + hashlib.sha256(f"{unit_code}|{rec.name}".encode()).hexdigest()[:40]


def _payload(rec: ProcedureRecord, agency: Agency) -> dict[str, Any]:
    """The ``procedure.upsert`` payload (docs/central.md): the catalogue record, papers
    numbered from 1, the agency by unit code."""
    return {
        **rec.fields(),
        "unit_code": agency.unit_code,
        "agency": agency.unit_code,  # the desk resolves agencies by unit code too
        "papers": rec.paper_rows(),
        "active": True,
    }


def import_calendar(s: Session, path: Path, *, actor: str = "admin") -> int:
    """An official calendar file (``{"format": "hcc-desk-calendar", "years": [...]}``, the
    year's decision with its sources: calendar.py), or a JSON list of ``{day, kind:
    "off"|"work"|null, note}`` (null removes a day's override). The calendar is national: its
    changes go to every centre. Returns the number of days changed."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise AdminError(f"{path.name}: cannot read ({err})") from None
    if isinstance(rows, dict):
        from .calendar import import_official

        return import_official(s, rows, path.name, actor=actor)
    if not isinstance(rows, list):
        raise AdminError(f"{path.name}: expected a JSON list of {{day, kind, note}}")
    days = [_calendar_row(i, r) for i, r in enumerate(rows)]
    stored = {c.day: c for c in s.scalars(select(CalendarDay))}
    changes = []
    for day, kind, note in days:
        row = stored.get(day)
        if ((row.kind, row.note) if row else (None, None)) == (kind, note):
            continue
        if kind is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            stored[day] = CalendarDay(day=day, kind=kind, note=note)
            s.add(stored[day])
        else:
            row.kind, row.note = kind, note
        payload = {"day": day.isoformat(), "kind": kind, "note": note}
        changes.append((None, "calendar.day", day.isoformat(), payload))
    emit_many(s, changes)  # type: ignore[arg-type]
    audit(s, actor, "calendar.import", file=path.name, changed=len(changes))
    return len(changes)


def _calendar_row(i: int, raw: Any) -> tuple[date, str | None, str | None]:
    try:
        day = date.fromisoformat(raw["day"])
        kind, note = raw.get("kind"), raw.get("note")
        if kind not in ("off", "work", None) or not isinstance(note, str | None):
            raise ValueError("kind must be off, work or null; note text or null")
    except (TypeError, KeyError, ValueError, AttributeError) as err:
        raise AdminError(f"row {i}: {err!s} in {raw!r:.80}") from None
    return day, kind, (note or None) and note[:300]
