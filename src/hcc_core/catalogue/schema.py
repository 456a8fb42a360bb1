"""Our catalogue format as typed records, and validation of one raw row into a record.

Readers (JSON, xlsx) produce plain dicts; everything is checked here, so both formats give the
same row-level error messages.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from hcc_core.domain.dossier_code import UNIT_CODE_RE

from .fees import fees_from_raw
from .levels import normalise_level
from .parse import HOURS_PER_DAY, national_code

FORMAT_NAME = "hcc-desk-catalogue"
FORMAT_VERSION = 1
MAX_HOURS = 8 * 366
_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class RowError(ValueError):
    """One bad field; the reader prefixes the location (sheet/row or JSON index)."""


@dataclass(frozen=True, slots=True)
class AgencyRecord:
    name: str
    short_name: str | None
    unit_code: str
    group: str | None = None
    unit_code_status: str | None = None


@dataclass(frozen=True, slots=True)
class PaperRecord:
    name: str
    originals: int = 1
    certified_copies: int = 0
    photocopies: int = 0
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ProcedureRecord:
    code: str | None
    name: str
    agency: str  # agency name, short name or unit code
    field: str | None
    level: str | None
    duration_hours: float
    duration_kind: str
    duration_unit: str
    day_kind_assumed: bool
    cutoff: str | None
    processing_time_text: str | None
    fees_text: str | None
    legal_basis: tuple[str, ...]
    source: str | None
    origin_url: str | None
    notes: tuple[str, ...]
    papers: tuple[PaperRecord, ...]
    # Where the time limit comes from: the document, its exact words, the start rule it states,
    # and the words stating the cut-off hour (docs/catalogue-format.md, "Time limits").
    time_source: str | None = None
    time_quote: str | None = None
    start_rule: str | None = None
    cutoff_source: str | None = None
    fees: tuple[dict[str, Any], ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        return ("code", self.code) if self.code else ("name", self.name, self.agency)

    def fields(self) -> dict[str, Any]:
        """The procedure's own columns (no agency, no papers), as stored and as sent on."""
        return {
            "code": self.code,
            "name": self.name,
            "field": self.field,
            "level": self.level,
            "duration_hours": self.duration_hours,
            "duration_kind": self.duration_kind,
            "duration_unit": self.duration_unit,
            "day_kind_assumed": self.day_kind_assumed,
            "cutoff": self.cutoff,
            "processing_time_text": self.processing_time_text,
            "fees_text": self.fees_text,
            "legal_basis": list(self.legal_basis),
            "source": self.source,
            "origin_url": self.origin_url,
            "notes": list(self.notes),
            "time_source": self.time_source,
            "time_quote": self.time_quote,
            "start_rule": self.start_rule,
            "cutoff_source": self.cutoff_source,
            "fees": [dict(f) for f in self.fees],
        }

    def paper_rows(self) -> list[dict[str, Any]]:
        """The papers, numbered from 1, as stored and as sent on."""
        return [
            {
                "position": i,
                "name": p.name,
                "originals": p.originals,
                "certified_copies": p.certified_copies,
                "photocopies": p.photocopies,
                "note": p.note,
            }
            for i, p in enumerate(self.papers, start=1)
        ]


def text(raw: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowError(f"'{key}' is required")
        return None
    if not isinstance(value, str):
        raise RowError(f"'{key}' must be text, got {value!r}")
    return value.strip()


def text_list(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError(f"'{key}' must be a list of texts")
    return tuple(v.strip() for v in value if v.strip())


def count(raw: dict[str, Any], key: str, default: int) -> int:
    value = raw.get(key, default)
    if value is None:
        return default
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 99:
        raise RowError(f"'{key}' must be a whole number 0–99, got {value!r}")
    return value


def agency_from_dict(raw: dict[str, Any]) -> AgencyRecord:
    name = text(raw, "name", required=True)
    unit_code = text(raw, "unit_code", required=True)
    assert name is not None and unit_code is not None
    if not UNIT_CODE_RE.fullmatch(unit_code):
        raise RowError(f"unit_code {unit_code!r} is not in the form 000.00.00.H57")
    return AgencyRecord(
        name,
        text(raw, "short_name"),
        unit_code,
        text(raw, "group"),
        text(raw, "unit_code_status"),
    )


def paper_from_dict(raw: dict[str, Any]) -> PaperRecord:
    name = text(raw, "name", required=True)
    assert name is not None
    return PaperRecord(
        name,
        count(raw, "originals", 1),
        count(raw, "certified_copies", 0),
        count(raw, "photocopies", 0),
        text(raw, "note"),
    )


def procedure_from_dict(raw: dict[str, Any], papers: tuple[PaperRecord, ...]) -> ProcedureRecord:
    name, agency = text(raw, "name", required=True), text(raw, "agency", required=True)
    assert name is not None and agency is not None
    hours = raw.get("duration_hours")
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not math.isfinite(hours):
        raise RowError(f"'duration_hours' must be a number, got {hours!r}")
    if not 0 <= hours <= MAX_HOURS:
        raise RowError(f"'duration_hours' {hours} is out of range 0–{MAX_HOURS}")
    kind = raw.get("duration_kind") or "working"
    if kind not in ("working", "calendar"):
        raise RowError(f"'duration_kind' must be working or calendar, got {kind!r}")
    if kind == "calendar" and hours % HOURS_PER_DAY:
        raise RowError("calendar-day limits must be whole days")
    unit = raw.get("duration_unit") or "day"
    if unit not in ("day", "hour"):
        raise RowError(f"'duration_unit' must be day or hour, got {unit!r}")
    cutoff = text(raw, "cutoff")
    if cutoff is not None and not _HHMM.fullmatch(cutoff):
        raise RowError(f"'cutoff' must be HH:MM, got {cutoff!r}")
    return ProcedureRecord(
        code=national_code(text(raw, "code")),
        name=name,
        agency=agency,
        field=text(raw, "field"),
        level=_checked(normalise_level, text(raw, "level")),
        duration_hours=float(hours),
        duration_kind=kind,
        duration_unit=unit,
        day_kind_assumed=bool(raw.get("day_kind_assumed", False)),
        cutoff=cutoff,
        processing_time_text=text(raw, "processing_time_text"),
        fees_text=text(raw, "fees_text"),
        legal_basis=text_list(raw, "legal_basis"),
        source=text(raw, "source"),
        origin_url=text(raw, "origin_url"),
        notes=text_list(raw, "notes"),
        papers=papers,
        time_source=text(raw, "time_source"),
        time_quote=text(raw, "time_quote"),
        start_rule=text(raw, "start_rule"),
        cutoff_source=text(raw, "cutoff_source"),
        fees=_checked(fees_from_raw, raw.get("fees")),
    )


def _checked(convert: Any, value: Any) -> Any:
    try:
        return convert(value)
    except ValueError as err:
        raise RowError(str(err)) from None


@dataclass
class Parsed:
    """What a reader made of a file: records, or row-level errors (then nothing is written)."""

    agencies: list[AgencyRecord]
    procedures: list[ProcedureRecord]
    errors: list[str]


def check_duplicates(parsed: Parsed, labels: list[str]) -> None:
    """Two rows for one procedure would make the import order-dependent: refuse."""
    seen: dict[tuple[str, ...], str] = {}
    for record, label in zip(parsed.procedures, labels, strict=True):
        if record.key in seen:
            parsed.errors.append(f"{label}: same procedure as {seen[record.key]} ({record.key[1]})")
        seen.setdefault(record.key, label)
