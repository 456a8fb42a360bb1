"""Write the stored catalogue as an .xlsx a centre can edit and import back."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy.orm import Session

from hcc_core.catalogue.parse import HOURS_PER_DAY

from .records import ProcedureInfo
from .repositories import list_agencies, list_procedures

PROCEDURE_COLUMNS = (
    "code",
    "name",
    "agency",
    "field",
    "level",
    "duration",
    "kind",
    "cutoff",
    "fees",
    "legal_basis",
    "processing_time_text",
    "day_kind_assumed",
    "source",
    "origin_url",
    "notes",
    "time_source",
    "time_quote",
    "start_rule",
    "cutoff_source",
    "fee_entries",
)
PAPER_COLUMNS = (
    "procedure code",
    "position",
    "name",
    "originals",
    "certified",
    "photocopies",
    "note",
)


def export_catalogue_xlsx(session: Session, path: Path, active_only: bool = True) -> int:
    """Returns the number of procedures written."""
    wb = Workbook()
    agencies = wb.active
    assert agencies is not None
    agencies.title = "agencies"
    agencies.append(("name", "short_name", "unit_code"))
    for a in list_agencies(session, active_only=False):
        agencies.append((a.name, a.short_name, a.unit_code))
    procs, papers = wb.create_sheet("procedures"), wb.create_sheet("papers")
    procs.append(PROCEDURE_COLUMNS)
    papers.append(PAPER_COLUMNS)
    rows = list_procedures(session, active_only=active_only)
    for p in rows:
        duration, kind = _duration(p)
        procs.append(
            (
                p.code,
                p.name,
                p.agency.name,
                p.field,
                p.level,
                duration,
                kind,
                p.cutoff,
                p.fees_text,
                "; ".join(p.legal_basis),
                p.processing_time_text,
                "yes" if p.day_kind_assumed else "",
                p.source,
                p.origin_url,
                "\n".join(p.notes),
                p.time_source,
                p.time_quote,
                p.start_rule,
                p.cutoff_source,
                json.dumps([dict(f) for f in p.fees], ensure_ascii=False) if p.fees else None,
            )
        )
        for paper in p.papers:
            papers.append(
                (
                    p.code or p.name,
                    paper.position,
                    paper.name,
                    paper.originals,
                    paper.certified_copies,
                    paper.photocopies,
                    paper.note,
                )
            )
    for ws in (procs, papers):  # national codes like 1.000420 must stay text in Excel
        for cell in ws["A"][1:]:
            cell.number_format = "@"
    wb.save(path)
    return len(rows)


def _duration(p: ProcedureInfo) -> tuple[float, str]:
    if p.duration_unit == "hour":
        return p.duration_hours, "hours"
    if p.duration_hours == 0:
        return 0, "same_day"
    days = p.duration_hours / HOURS_PER_DAY
    return (int(days) if days.is_integer() else days), p.duration_kind
