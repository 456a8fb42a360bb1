"""Load a catalogue file into the store: validate everything first, then upsert in one go."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hcc_core.catalogue import default_catalogue_path, read_catalogue
from hcc_core.catalogue.lint import lint_records
from hcc_core.catalogue.schema import Parsed, ProcedureRecord
from hcc_core.domain.text import fold

from .models import Agency, Procedure, ProcedurePaper
from .repositories import add_audit


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    agencies_added: int = 0
    errors: tuple[str, ...] = ()
    # Lint findings (hcc_core.catalogue.lint): imported anyway, shown to the admin.
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def import_catalogue(
    session: Session, path: Path, *, deactivate_missing: bool = False
) -> ImportReport:
    """All-or-nothing: any row error → a report listing every error, and nothing written.

    Procedures match by national code, or by name + agency when uncoded. Existing agencies are
    never modified (their unit codes are set at setup); unknown ones are created from the file.
    ``deactivate_missing`` retires active procedures absent from the file (a full list).
    """
    parsed = read_catalogue(path)
    if parsed.errors:
        return ImportReport(errors=tuple(parsed.errors))
    agencies, errors = _resolve_agencies(session, parsed)
    if errors:
        return ImportReport(errors=tuple(errors))
    warnings = tuple(str(f) for f in lint_records(parsed.procedures))
    try:
        with session.begin_nested():  # a savepoint: the caller's other work is untouched
            report = _apply(session, parsed, agencies, deactivate_missing)
        return replace(report, warnings=warnings)
    except IntegrityError as err:
        return ImportReport(errors=(f"{path.name}: the database refused the import: {err.orig}",))


def import_audited(
    session: Session, path: Path, actor: str, *, deactivate_missing: bool = False
) -> ImportReport:
    """``import_catalogue``, recorded in the audit log when it wrote something (admin tab and CLI)."""
    report = import_catalogue(session, path, deactivate_missing=deactivate_missing)
    if report.ok:
        add_audit(
            session,
            actor,
            "catalogue.import",
            "catalogue",
            None,
            {
                "file": path.name,
                "added": report.added,
                "updated": report.updated,
                "retired": report.deactivated,
                "warnings": len(report.warnings),
            },
        )
    return report


def seed_default_catalogue(session: Session) -> ImportReport:
    return import_catalogue(session, default_catalogue_path())


def _resolve_agencies(session: Session, parsed: Parsed) -> tuple[dict[str, Agency], list[str]]:
    """Lookup by name / short name / unit code; new agencies are created but not yet added."""
    existing = list(session.scalars(select(Agency)))
    by_name = {a.name: a for a in existing}
    used_codes = {a.unit_code: a.name for a in existing}
    errors: list[str] = []
    for rec in parsed.agencies:
        if rec.name in by_name:
            continue
        if rec.unit_code in used_codes:
            errors.append(
                f"agency {rec.name!r}: unit code {rec.unit_code} is already used by "
                f"{used_codes[rec.unit_code]!r}"
            )
            continue
        by_name[rec.name] = Agency(
            name=rec.name, short_name=rec.short_name, unit_code=rec.unit_code
        )
        used_codes[rec.unit_code] = rec.name
    lookup: dict[str, Agency] = {}
    for a in by_name.values():
        for key in (a.unit_code, a.short_name, a.name):
            if key:
                lookup[fold(key)] = a
    for proc in parsed.procedures:
        if fold(proc.agency) not in lookup:
            errors.append(
                f"procedure {proc.code or proc.name!r}: unknown agency {proc.agency!r} "
                "(add it to the agencies list)"
            )
    return lookup, errors


def _apply(
    session: Session, parsed: Parsed, agencies: dict[str, Agency], deactivate_missing: bool
) -> ImportReport:
    new_agencies = {a for a in agencies.values() if a.id is None}
    session.add_all(new_agencies)
    session.flush()
    current = {_key_of(p): p for p in session.scalars(select(Procedure))}
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    touched: set[int] = set()
    for rec in parsed.procedures:
        agency = agencies[fold(rec.agency)]
        values, papers = _values(rec, agency.id), rec.paper_rows()
        proc = current.get(_key(rec.code, rec.name, agency.id))
        if proc is None:
            proc = Procedure(**values)
            proc.papers = [ProcedurePaper(**p) for p in papers]
            session.add(proc)
            counts["added"] += 1
        elif _same(proc, values, papers):
            counts["unchanged"] += 1
        else:
            for k, v in values.items():
                setattr(proc, k, v)
            if _paper_rows(proc) != papers:
                proc.papers = [ProcedurePaper(**p) for p in papers]
            counts["updated"] += 1
        session.flush()
        touched.add(proc.id)
    deactivated = 0
    if deactivate_missing:
        for proc in current.values():
            if proc.active and proc.id not in touched:
                proc.active = False
                deactivated += 1
    session.flush()
    return ImportReport(
        added=counts["added"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        deactivated=deactivated,
        agencies_added=len(new_agencies),
    )


def _key(code: str | None, name: str, agency_id: int) -> tuple[Any, ...]:
    return ("code", code) if code else ("name", name, agency_id)


def _key_of(p: Procedure) -> tuple[Any, ...]:
    return _key(p.code, p.name, p.agency_id)


def _values(rec: ProcedureRecord, agency_id: int) -> dict[str, Any]:
    return {**rec.fields(), "name_folded": fold(rec.name), "agency_id": agency_id, "active": True}


def _paper_rows(proc: Procedure) -> list[dict[str, Any]]:
    return [
        {
            "position": p.position,
            "name": p.name,
            "originals": p.originals,
            "certified_copies": p.certified_copies,
            "photocopies": p.photocopies,
            "note": p.note,
        }
        for p in proc.papers
    ]


def _same(proc: Procedure, values: dict[str, Any], papers: list[dict[str, Any]]) -> bool:
    return all(getattr(proc, k) == v for k, v in values.items()) and _paper_rows(proc) == papers
