"""Full view of one dossier, for the detail pane and for reprinting."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Dossier, Procedure
from ..records import DossierDetail, PaperInfo
from .convert import (
    agency_info,
    applicant_info,
    counter_info,
    event_info,
    officer_info,
    procedure_info,
)

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def get_dossier_detail(session: Session, code_or_uuid: str) -> DossierDetail | None:
    key = code_or_uuid.strip()
    by_uuid = _UUID.fullmatch(key.lower()) is not None
    stmt = select(Dossier).options(
        selectinload(Dossier.papers),
        selectinload(Dossier.events),
        selectinload(Dossier.procedure).selectinload(Procedure.papers),
        selectinload(Dossier.agency),
        selectinload(Dossier.counter),
        selectinload(Dossier.officer),
        selectinload(Dossier.submitter),
        selectinload(Dossier.owner),
    )
    stmt = stmt.where(Dossier.uuid == key.lower() if by_uuid else Dossier.code == key.upper())
    d = session.scalar(stmt)
    return None if d is None else _detail(d)


def _detail(d: Dossier) -> DossierDetail:
    return DossierDetail(
        uuid=d.uuid,
        code=d.code,
        lookup_pin=d.lookup_pin,
        status=d.status,
        sets=d.sets,
        delivery_method=d.delivery_method,
        delivery_address=d.delivery_address,
        notes=d.notes,
        received_at=d.received_at,
        due_at=d.due_at,
        ledger_book=d.ledger_book,
        ledger_number=d.ledger_number,
        created_at=d.created_at,
        updated_at=d.updated_at,
        procedure=procedure_info(d.procedure),
        agency=agency_info(d.agency),
        counter=None if d.counter is None else counter_info(d.counter),
        officer=officer_info(d.officer),
        submitter=applicant_info(d.submitter),
        owner=None if d.owner is None else applicant_info(d.owner),
        papers=tuple(
            PaperInfo(p.position, p.name, p.originals, p.certified_copies, p.photocopies)
            for p in d.papers
        ),
        events=tuple(event_info(e) for e in d.events),
    )
