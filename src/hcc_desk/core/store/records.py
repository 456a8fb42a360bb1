"""Frozen, plain-data views of stored rows: the only store objects that leave a session."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hcc_core.domain.calendar import Duration


@dataclass(frozen=True, slots=True)
class PaperInfo:
    position: int
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AgencyInfo:
    id: int
    name: str
    short_name: str | None
    unit_code: str
    active: bool


@dataclass(frozen=True, slots=True)
class ProcedureInfo:
    # Most fields are those of hcc_core.catalogue.schema.ProcedureRecord on purpose: that is a
    # published list's entry before import (agency named by text, no row); this is the stored row.
    id: int
    code: str | None
    name: str
    agency: AgencyInfo
    field: str | None
    level: str | None
    duration_hours: float
    duration_kind: str  # "working" | "calendar"
    duration_unit: str  # "day" | "hour" (display only)
    day_kind_assumed: bool
    cutoff: str | None  # "HH:MM"
    processing_time_text: str | None
    fees_text: str | None
    legal_basis: tuple[str, ...]
    source: str | None
    origin_url: str | None
    notes: tuple[str, ...]
    active: bool
    updated_at: datetime
    papers: tuple[PaperInfo, ...]
    # Catalogue sources (issue 10): see docs/catalogue-format.md.
    time_source: str | None = None
    time_quote: str | None = None
    start_rule: str | None = None
    cutoff_source: str | None = None
    fees: tuple[Mapping[str, Any], ...] = ()  # {"case", "amount_vnd", "text", "basis"}

    def duration(self) -> Duration:
        """The published time limit as the domain calendar consumes it."""
        return Duration.from_config(
            {
                "hours": self.duration_hours,
                "kind": self.duration_kind,
                "cutoff": self.cutoff,
                "unit": self.duration_unit,
            }
        )


@dataclass(frozen=True, slots=True)
class ApplicantInfo:
    uuid: str
    kind: str  # "individual" | "organisation"
    full_name: str
    id_number: str | None
    old_id_number: str | None
    tax_code: str | None
    date_of_birth: date | None
    sex: str | None
    address: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class CounterInfo:
    id: int
    name: str
    slot: int
    is_this_device: bool


@dataclass(frozen=True, slots=True)
class OfficerInfo:
    uuid: str
    username: str
    full_name: str
    role: str


@dataclass(frozen=True, slots=True)
class StatusEventInfo:
    uuid: str
    status: int
    at: datetime
    actor: str
    note: str | None


@dataclass(frozen=True, slots=True)
class DossierSummary:
    """One line of a search result or of the day's list."""

    uuid: str
    code: str
    received_at: datetime
    due_at: datetime | None
    status: int
    procedure_name: str
    submitter_name: str
    owner_name: str | None
    id_number: str | None
    phone: str | None
    agency_name: str
    # A word search that matched inside attached papers: their names (issue 14, searchable).
    matched_papers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DossierDetail:
    uuid: str
    code: str
    lookup_pin: str | None
    status: int
    sets: int
    delivery_method: str  # "counter" | "post"
    delivery_address: str | None
    notes: str | None
    received_at: datetime
    due_at: datetime | None
    ledger_book: str | None
    ledger_number: int | None
    created_at: datetime
    updated_at: datetime
    procedure: ProcedureInfo
    agency: AgencyInfo
    counter: CounterInfo | None
    officer: OfficerInfo
    submitter: ApplicantInfo
    owner: ApplicantInfo | None
    papers: tuple[PaperInfo, ...]
    events: tuple[StatusEventInfo, ...]


@dataclass(frozen=True, slots=True)
class DraftInfo:
    uuid: str
    officer: str
    updated_at: datetime
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    uuid: str
    at: datetime
    actor: str
    action: str
    entity: str | None
    entity_uuid: str | None
    detail: Mapping[str, Any] | None
