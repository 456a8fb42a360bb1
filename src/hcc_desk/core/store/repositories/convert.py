"""ORM row → record conversions (kept apart so queries stay short)."""

from __future__ import annotations

from ..models import Agency, Applicant, Counter, Officer, Procedure, StatusEvent
from ..records import (
    AgencyInfo,
    ApplicantInfo,
    CounterInfo,
    OfficerInfo,
    PaperInfo,
    ProcedureInfo,
    StatusEventInfo,
)


def agency_info(a: Agency) -> AgencyInfo:
    return AgencyInfo(a.id, a.name, a.short_name, a.unit_code, a.active)


def procedure_info(p: Procedure) -> ProcedureInfo:
    return ProcedureInfo(
        id=p.id,
        code=p.code,
        name=p.name,
        agency=agency_info(p.agency),
        field=p.field,
        level=p.level,
        duration_hours=p.duration_hours,
        duration_kind=p.duration_kind,
        duration_unit=p.duration_unit,
        day_kind_assumed=p.day_kind_assumed,
        cutoff=p.cutoff,
        processing_time_text=p.processing_time_text,
        fees_text=p.fees_text,
        legal_basis=tuple(p.legal_basis or ()),
        source=p.source,
        origin_url=p.origin_url,
        notes=tuple(p.notes or ()),
        active=p.active,
        updated_at=p.updated_at,
        papers=tuple(
            PaperInfo(x.position, x.name, x.originals, x.certified_copies, x.photocopies, x.note)
            for x in p.papers
        ),
        time_source=p.time_source,
        time_quote=p.time_quote,
        start_rule=p.start_rule,
        cutoff_source=p.cutoff_source,
        fees=tuple(dict(f) for f in p.fees or ()),
    )


def applicant_info(a: Applicant) -> ApplicantInfo:
    return ApplicantInfo(
        uuid=a.uuid,
        kind=a.kind,
        full_name=a.full_name,
        id_number=a.id_number,
        old_id_number=a.old_id_number,
        tax_code=a.tax_code,
        date_of_birth=a.date_of_birth,
        sex=a.sex,
        address=a.address,
        phone=a.phone,
        email=a.email,
    )


def counter_info(c: Counter) -> CounterInfo:
    return CounterInfo(c.id, c.name, c.slot, c.is_this_device)


def officer_info(o: Officer) -> OfficerInfo:
    return OfficerInfo(o.uuid, o.username, o.full_name, o.role)


def event_info(e: StatusEvent) -> StatusEventInfo:
    return StatusEventInfo(e.uuid, e.status, e.at, e.actor, e.note)
