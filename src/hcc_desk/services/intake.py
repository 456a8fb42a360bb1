"""The intake use case: validate, number, schedule and save one dossier in one transaction.

The dossier is durable on disk (SQLite, WAL, committed) before this returns, so a receipt is only
ever printed for a dossier that exists. Code allocation happens inside the same write transaction
as the insert (BEGIN IMMEDIATE), which is what keeps two processes on one PC from taking the same
sequence number; the strided scheme (docs/dossier-code.md) keeps counters apart.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from hcc_desk.core.domain.calendar import appointment
from hcc_desk.core.domain.citizen_id import parse_citizen_qr
from hcc_desk.core.domain.dossier_code import CodeScheme, make_lookup_pin, new_uuid
from hcc_desk.core.domain.status import DossierStatus
from hcc_desk.services.errors import FieldError, IntakeRejected
from hcc_desk.services.intake_request import IntakeRequest, PaperInput, PersonInput
from hcc_desk.services.intake_validation import apply_qr, validate_request


@dataclass(frozen=True)
class QrResult:
    person: PersonInput
    warnings: list[str]
    warnings_en: list[str]


@dataclass(frozen=True)
class SubmittedDossier:
    uuid: str
    code: str
    lookup_pin: str
    received_at: datetime
    due_at: datetime


class IntakeService:
    def __init__(self, store, calendars, clock: Callable[[], datetime] = datetime.now):
        self._store = store
        self._calendars = calendars  # CalendarService: the working-time calendar in force
        self._clock = clock

    def read_qr(self, raw: str) -> QrResult:
        """Parse a chip-card QR scan; raises DomainError when it is unreadable."""
        qr = parse_citizen_qr(raw)
        return QrResult(apply_qr(PersonInput(), qr), [w.message for w in qr.warnings],
                        [w.message_en for w in qr.warnings])

    def validate(self, request: IntakeRequest) -> list[FieldError]:
        return self._check(request)[1]

    def appointment(self, procedure_code: str, received_at: datetime | None = None) -> datetime:
        from hcc_desk.core.store import repositories as repo

        with self._store.session() as s:
            proc = repo.get_procedure(s, procedure_code)
        if proc is None:
            raise IntakeRejected([_unknown_procedure(procedure_code)])
        return appointment(received_at or self._now(), proc.duration, self._calendars.current())

    def submit(self, request: IntakeRequest, officer_username: str) -> SubmittedDossier:
        from hcc_desk.core.store import repositories as repo

        req, errors = self._check(request)
        if errors:
            raise IntakeRejected(errors)
        received_at = (req.received_at or self._now()).replace(microsecond=0)
        calendar = self._calendars.current()
        with self._store.write() as s:
            officer = repo.find_officer(s, officer_username)
            if officer is None or not officer.active:
                raise IntakeRejected([FieldError(
                    "officer", f"Không có cán bộ '{officer_username}' đang hoạt động",
                    f"No active officer '{officer_username}'")])
            proc = repo.get_procedure(s, req.procedure_code)
            papers = req.papers if req.papers is not None else [
                PaperInput(p.name, p.originals, p.certified_copies, p.photocopies)
                for p in proc.papers]
            if not papers:
                raise IntakeRejected([FieldError(
                    "papers", "Thủ tục này chưa có danh mục giấy tờ: hãy liệt kê giấy tờ đã nhận",
                    "This procedure has no paper list: list the papers received")])
            centre, counter = repo.get_centre(s), repo.this_counter(s)
            scheme = CodeScheme(proc.unit_code, counter.slot, centre.code_slots)
            k = repo.allocate_day_sequence(s, proc.unit_code, received_at.date())
            dossier = repo.NewDossier(
                uuid=new_uuid(),
                code=scheme.code(received_at.date(), k),
                lookup_pin=make_lookup_pin(),
                procedure_id=proc.id,
                officer_username=officer.username,
                applicant_kind=req.applicant_kind,
                submitter=req.submitter,
                owner_person=None if req.owner_is_submitter else req.owner_person,
                owner_organisation=req.owner_organisation,
                papers=papers,
                sets=req.sets,
                delivery_method=req.delivery_method,
                delivery_address=req.delivery_address,
                notes=req.notes,
                received_at=received_at,
                due_at=appointment(received_at, proc.duration, calendar),
                status=int(DossierStatus.NEW),
            )
            repo.insert_dossier(s, dossier)
            repo.add_audit(s, officer.username, "dossier.create", "dossier", dossier.uuid,
                           {"code": dossier.code, "procedure": proc.code})
        return SubmittedDossier(dossier.uuid, dossier.code, dossier.lookup_pin,
                                dossier.received_at, dossier.due_at)

    def _check(self, request: IntakeRequest) -> tuple[IntakeRequest, list[FieldError]]:
        from hcc_desk.core.store import repositories as repo

        with self._store.session() as s:
            def exists(code: str) -> bool:
                return repo.get_procedure(s, code) is not None

            return validate_request(request, exists, self._now().date())

    def _now(self) -> datetime:
        return self._clock()


def _unknown_procedure(code: str) -> FieldError:
    return FieldError("procedure_code", f"Không có thủ tục mã {code!r} trong danh mục",
                      f"No procedure {code!r} in the catalogue")


__all__ = ["IntakeService", "QrResult", "SubmittedDossier", "parse_citizen_qr"]
