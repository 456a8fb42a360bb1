"""The intake use case: validate, number, schedule and save one dossier in one transaction.

The dossier is durable on disk (SQLite, WAL, committed) before ``submit`` returns, so a receipt is
only ever printed for a dossier that exists. The code is allocated inside the same write
transaction as the insert (BEGIN IMMEDIATE), which keeps two processes on one PC from taking the
same sequence number; the strided scheme (docs/dossier-code.md) keeps counters apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.orm import Session

from hcc_core.domain.calendar import appointment
from hcc_core.domain.citizen_id import parse_citizen_qr
from hcc_core.domain.dossier_code import CodeScheme, make_lookup_pin, new_uuid
from hcc_core.domain.errors import DomainError, DomainWarning
from hcc_desk.core.store.models import Dossier, Officer
from hcc_desk.core.store.repositories import add_audit, allocate_day_sequence
from hcc_desk.core.store.repositories.lookups import (
    find_officer,
    find_procedure,
    the_centre,
    this_counter,
)
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync.outbox import enqueue_dossier
from hcc_desk.services.calendars import CalendarService
from hcc_desk.services.dossier_writer import NewDossier, insert_dossier
from hcc_desk.services.errors import FieldError, IntakeRejected, UserError
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
from hcc_desk.services.intake_validation import apply_qr, validate_request


@dataclass(frozen=True)
class QrResult:
    person: PersonInput
    warnings: list[DomainWarning]  # shown in the interface's language (``text(lang)``)


SubmittedDossier = NewDossier


class ReusedCopies(Protocol):
    """Attaches the reused digitised copies a request names (services/reuse.py)."""

    def attach(
        self, session: Session, dossier: Dossier, papers: list[PaperInput], officer: Officer
    ) -> None: ...

    def saved(self, papers: list[PaperInput]) -> None: ...


class IntakeService:
    def __init__(
        self,
        store: Sessions,
        calendars: CalendarService,
        clock: Callable[[], datetime] = datetime.now,
        reuse: Callable[[], ReusedCopies] | None = None,
    ):
        self._store = store
        self._calendars = calendars  # the working-time calendar in force
        self._clock = clock
        self._reuse = reuse  # built only when a request reuses a copy

    def read_qr(self, raw: str) -> QrResult:
        """Parse a chip-card QR scan; raises DomainError when it is unreadable."""
        qr = parse_citizen_qr(raw)
        return QrResult(
            apply_qr(PersonInput(), qr),
            list(qr.warnings),
        )

    def validate(self, request: IntakeRequest) -> list[FieldError]:
        return self._check(request)[1]

    def appointment(
        self, procedure_code: str, received_at: datetime | None = None
    ) -> datetime | None:
        """Due date-time for a dossier received now (None: the clock is stopped)."""
        with self._store.session() as s:
            proc = find_procedure(s, procedure_code)
        if proc is None:
            raise IntakeRejected([_unknown_procedure(procedure_code)])
        return appointment(received_at or self._now(), proc.duration(), self._calendars.current())

    def submit(self, request: IntakeRequest, officer_username: str) -> SubmittedDossier:
        req, errors = self._check(request)
        if errors:
            raise IntakeRejected(errors)
        received_at = (req.received_at or self._now()).replace(microsecond=0)
        calendar = self._calendars.current()
        with self._store.write() as s:
            officer = find_officer(s, officer_username)
            if officer is None or not officer.active:
                raise IntakeRejected(
                    [
                        FieldError(
                            "officer", "intake.active_officer", officer_username=officer_username
                        )
                    ]
                )
            proc = find_procedure(s, req.procedure_code)
            assert proc is not None  # checked by _check; catalogue edits don't run concurrently
            # Exactly the papers the intake names: the receipt (Mẫu 01) lists what was handed
            # in, never the procedure's full list in its place (issue 10).
            papers = list(req.papers or [])
            centre, counter = the_centre(s), this_counter(s)
            if centre is None or counter is None:
                raise UserError("intake.counter_set_up")
            unit = proc.agency.unit_code
            day = received_at.date()
            try:
                code = CodeScheme(unit, counter.slot, centre.code_slots).code(
                    day, allocate_day_sequence(s, unit, day)
                )
            except DomainError as exc:  # SequenceExhausted: say so, save nothing
                raise UserError.like(exc) from None
            new = NewDossier(
                uuid=new_uuid(),
                code=code,
                lookup_pin=make_lookup_pin(),
                received_at=received_at,
                due_at=appointment(received_at, proc.duration(), calendar),
            )
            dossier = insert_dossier(
                s,
                new=new,
                request=req,
                papers=papers,
                procedure=proc,
                officer=officer,
                counter=counter,
            )
            if any(p.reused for p in papers):  # the copies are part of the same save
                if self._reuse is None:
                    raise UserError("reuse.unavailable")
                self._reuse().attach(s, dossier, papers, officer)
            enqueue_dossier(s, dossier)  # same transaction: saved ⇔ queued for central
            add_audit(
                s,
                officer.username,
                "dossier.create",
                "dossier",
                new.uuid,
                {"code": new.code, "procedure": proc.code},
            )
        if self._reuse is not None and any(p.reused for p in papers):
            self._reuse().saved(papers)
        return new

    def _check(self, request: IntakeRequest) -> tuple[IntakeRequest, list[FieldError]]:
        with self._store.session() as s:
            req, errors = validate_request(
                request, lambda ref: find_procedure(s, ref) is not None, self._now().date()
            )
        future = future_receipt_error(req.received_at, self._now())
        return req, errors + ([future] if future else [])

    def _now(self) -> datetime:
        return self._clock()


def _unknown_procedure(code: str) -> FieldError:
    return FieldError("procedure_code", "intake.procedure_catalogue", code=repr(code))


RECEIPT_SKEW = timedelta(minutes=5)  # as central allows (HCC_CENTRAL_CLOCK_SKEW_SECONDS)


def future_receipt_error(received_at: datetime | None, now: datetime) -> FieldError | None:
    """A receipt is dated when it is saved: a supplied time later than now is refused."""
    if received_at is None or received_at <= now + RECEIPT_SKEW:
        return None
    return FieldError("received_at", "intake.receipt_time_future_receipt", received_at=received_at)
