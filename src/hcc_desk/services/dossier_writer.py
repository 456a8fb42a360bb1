"""Turns a validated intake into rows: applicants, the dossier, its papers, its first status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from hcc_core.domain.dossier_code import ledger_book
from hcc_core.domain.status import DossierStatus
from hcc_desk.core.store.models import (
    Applicant,
    Counter,
    Dossier,
    DossierPaper,
    Officer,
    StatusEvent,
)
from hcc_desk.core.store.records import ProcedureInfo
from hcc_desk.core.store.repositories.lookups import last_ledger_number
from hcc_desk.services.intake_request import (
    IntakeRequest,
    OrganisationInput,
    PaperInput,
    PersonInput,
)


@dataclass(frozen=True)
class NewDossier:
    uuid: str
    code: str
    lookup_pin: str
    received_at: datetime
    due_at: datetime | None


def _person(p: PersonInput) -> Applicant:
    return Applicant(
        kind="individual",
        full_name=p.full_name,
        id_number=p.id_number or None,
        old_id_number=p.old_id_number or None,
        date_of_birth=p.date_of_birth,
        sex=p.sex or None,
        address=p.address or None,
        phone=p.phone or None,
        email=p.email or None,
    )


def _organisation(o: OrganisationInput) -> Applicant:
    return Applicant(
        kind="organisation",
        full_name=o.name,
        tax_code=o.tax_code or None,
        address=o.address or None,
        phone=o.phone or None,
        email=o.email or None,
    )


def next_ledger_entry(session: Session, counter: Counter, year: int) -> tuple[str, int]:
    """The counter's dossier ledger (Sổ theo dõi hồ sơ, Mẫu 06): one book per counter and year,
    named after the counter ("Q03/2026"), entries numbered 1, 2, ... in it.

    Called inside the intake's write transaction (BEGIN IMMEDIATE), so two saves on this PC
    cannot read the same maximum; the unique index (counter, book, number) makes a duplicate
    fail loudly instead of printing two receipts with one ledger line."""
    book = ledger_book(counter.slot, year)
    return book, last_ledger_number(session, counter.id, book) + 1


def insert_dossier(
    session: Session,
    *,
    new: NewDossier,
    request: IntakeRequest,
    papers: list[PaperInput],
    procedure: ProcedureInfo,
    officer: Officer,
    counter: Counter,
) -> Dossier:
    if request.applicant_kind == "organisation" and request.owner_organisation is not None:
        owner: Applicant | None = _organisation(request.owner_organisation)
    elif not request.owner_is_submitter and request.owner_person is not None:
        owner = _person(request.owner_person)
    else:
        owner = None
    book, number = next_ledger_entry(session, counter, new.received_at.year)
    dossier = Dossier(
        uuid=new.uuid,
        code=new.code,
        lookup_pin=new.lookup_pin,
        procedure_id=procedure.id,
        agency_id=procedure.agency.id,
        counter_id=counter.id,
        officer_id=officer.id,
        submitter=_person(request.submitter),
        owner=owner,
        sets=request.sets,
        delivery_method=request.delivery_method,
        delivery_address=request.delivery_address or None,
        notes=request.notes or None,
        received_at=new.received_at,
        due_at=new.due_at,
        status=int(DossierStatus.NEW),
        ledger_book=book,
        ledger_number=number,
    )
    dossier.papers = [
        DossierPaper(
            position=i + 1,
            name=p.name,
            originals=p.originals,
            certified_copies=p.certified_copies,
            photocopies=p.photocopies,
        )
        for i, p in enumerate(papers)
    ]
    dossier.events = [
        StatusEvent(
            status=int(DossierStatus.NEW),
            at=new.received_at,
            actor=officer.username,
            note="Tiếp nhận tại quầy",
        )
    ]
    session.add(dossier)
    return dossier
