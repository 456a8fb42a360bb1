"""Read a centre's published list from .xlsx (sheets "procedures", "papers", "agencies").

Layout (row 1 = headers, any column order, extra columns ignored):
- procedures: code, name, agency, field, duration, kind, cutoff, fees, legal_basis
  (optional: level, processing_time_text, source, origin_url, notes, day_kind_assumed,
  time_source, time_quote, start_rule, cutoff_source, fee_entries — JSON list of fees)
- papers: procedure code, position, name, originals, certified, photocopies (optional: note)
- agencies (optional): name, short_name, unit_code, group
See docs/catalogue-format.md for the meaning of "duration" and "kind".
"""

from __future__ import annotations

import json
import re
import warnings
import zipfile
from datetime import datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from hcc_core.domain.text import fold

from .parse import HOURS_PER_DAY, national_code, parse_time_limit
from .schema import (
    PaperRecord,
    Parsed,
    RowError,
    agency_from_dict,
    check_duplicates,
    paper_from_dict,
    procedure_from_dict,
)

Row = dict[str, Any]
_ALIASES = {
    "procedure_code": "procedure",
    "certified": "certified_copies",
    "fees": "fees_text",
    "fees_text": "fees_text",
}
_KINDS = {
    "working": ("working", "day"),
    "ngay lam viec": ("working", "day"),
    "calendar": ("calendar", "day"),
    "ngay lich": ("calendar", "day"),
    "hours": ("working", "hour"),
    "gio lam viec": ("working", "hour"),
    "same_day": ("working", "same"),
    "trong ngay": ("working", "same"),
}
_YES = {"yes", "true", "1", "x", "co"}


def read_xlsx(path: Path) -> Parsed:
    parsed = Parsed([], [], [])
    try:
        with warnings.catch_warnings():  # style/validation warnings of other tools' files
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as err:
        parsed.errors.append(f"{path.name}: not a readable .xlsx workbook ({err})")
        return parsed
    try:
        sheets = {ws.title.strip().lower(): _rows(ws) for ws in wb.worksheets}
    finally:
        wb.close()
    if "procedures" not in sheets:
        parsed.errors.append(f'{path.name}: no sheet named "procedures"')
        return parsed
    for n, row in sheets.get("agencies", []):
        try:
            parsed.agencies.append(agency_from_dict(row))
        except RowError as err:
            parsed.errors.append(f"agencies row {n}: {err}")
    papers = _papers(sheets.get("papers", []), parsed)
    labels = []
    for n, row in sheets["procedures"]:
        try:
            ref = _ref(row.get("code")) or _text_cell(row.get("name"))
            parsed.procedures.append(
                procedure_from_dict(_procedure(row), papers.pop(ref, ()) if ref else ())
            )
            labels.append(f"procedures row {n}")
        except RowError as err:
            parsed.errors.append(f"procedures row {n}: {err}")
    for ref in papers:
        parsed.errors.append(f"papers: no procedure {ref!r} in sheet procedures")
    if not parsed.errors:
        check_duplicates(parsed, labels)
    return parsed


def _rows(ws: Any) -> list[tuple[int, Row]]:
    it = ws.iter_rows(values_only=True)
    header = next(it, None) or ()
    keys = [_key(h) for h in header]
    out = []
    for n, values in enumerate(it, start=2):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        out.append((n, {k: v for k, v in zip(keys, values, strict=False) if k}))
    return out


def _key(header: Any) -> str:
    key = re.sub(r"\s+", "_", str(header or "").strip().lower())
    return _ALIASES.get(key, key)


def _text_cell(value: Any, code: bool = False) -> str | None:
    if value is None:
        return None
    if code and isinstance(value, float):
        return f"{value:.6f}"  # Excel turned "1.000420" into 1.00042
    if isinstance(value, time | datetime):
        return value.strftime("%H:%M")
    return str(value).strip() or None


def _ref(value: Any) -> str | None:
    """Papers point at a procedure by code (any published form) or, for uncoded ones, name."""
    return national_code(_text_cell(value, code=True))


def _split(value: Any, pattern: str) -> list[str]:
    return [s.strip() for s in re.split(pattern, _text_cell(value) or "") if s.strip()]


def _procedure(row: Row) -> Row:
    raw: Row = {
        k: _text_cell(row.get(k))
        for k in (
            "name",
            "agency",
            "field",
            "level",
            "fees_text",
            "processing_time_text",
            "source",
            "origin_url",
            "cutoff",
            "time_source",
            "time_quote",
            "start_rule",
            "cutoff_source",
        )
    }
    raw["fees"] = _fee_entries(row.get("fee_entries"))
    raw["code"] = _text_cell(row.get("code"), code=True)
    raw["legal_basis"] = _split(row.get("legal_basis"), r"[;\n]")
    raw["notes"] = _split(row.get("notes"), r"\n")
    raw["day_kind_assumed"] = (_text_cell(row.get("day_kind_assumed")) or "").lower() in _YES
    raw.update(_duration(row.get("duration"), _text_cell(row.get("kind")), raw))
    return raw


def _fee_entries(value: Any) -> Any:
    """The structured fees as a JSON list in one cell (what the export writes)."""
    text = _text_cell(value)
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        raise RowError(
            "'fee_entries' must be a JSON list of {case, amount_vnd, text, basis}"
        ) from None


def _duration(value: Any, kind_text: str | None, raw: Row) -> Row:
    kind = _KINDS.get(fold(kind_text or "").replace("_", " ")) or _KINDS.get(
        (kind_text or "").strip().lower()
    )
    if kind_text and kind is None:
        raise RowError(f"'kind' must be working, calendar, hours or same_day, got {kind_text!r}")
    if kind and kind[1] == "same":
        return {"duration_hours": 0, "cutoff": raw["cutoff"]}  # a cut-off only when given
    if isinstance(value, int | float) and not isinstance(value, bool):
        kind_name, unit = kind or ("working", "day")
        hours = value if unit == "hour" else value * HOURS_PER_DAY
        return {"duration_hours": hours, "duration_kind": kind_name, "duration_unit": unit}
    limit = parse_time_limit(_text_cell(value))
    if limit is None:
        raise RowError(f"'duration' must be a number or a published time text, got {value!r}")
    raw["processing_time_text"] = raw["processing_time_text"] or _text_cell(value)
    raw["notes"] = raw["notes"] + list(limit.notes)
    return {
        "duration_hours": limit.hours,
        "duration_kind": limit.kind,
        "duration_unit": limit.unit,
        "cutoff": raw["cutoff"] or limit.cutoff,
        "day_kind_assumed": raw["day_kind_assumed"] or limit.day_kind_assumed,
    }


def _papers(rows: list[tuple[int, Row]], parsed: Parsed) -> dict[str, tuple[PaperRecord, ...]]:
    grouped: dict[str, list[tuple[float, PaperRecord]]] = {}
    for n, row in rows:
        try:
            ref = _ref(row.get("procedure"))
            if ref is None:
                raise RowError("'procedure code' is required")
            position = row.get("position") or n
            if not isinstance(position, int | float):
                raise RowError(f"'position' must be a number, got {position!r}")
            grouped.setdefault(ref, []).append((position, paper_from_dict(row)))
        except RowError as err:
            parsed.errors.append(f"papers row {n}: {err}")
    return {
        ref: tuple(p for _, p in sorted(items, key=lambda x: x[0]))
        for ref, items in grouped.items()
    }
