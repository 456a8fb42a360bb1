"""The return desk: find a dossier by its scanned code, check who collects, hand the result back.

The result goes to the owner (the submitter or the dossier owner, matched by ID number, or by
name when the dossier holds no ID number), or to a person holding an authorisation letter (its
reference is recorded; their chip-card QR can be scanned). The hand-back, its early / on-time /
late timing and the new status "Đã trả kết quả" (national code 10) are saved in one
transaction, queued for central and audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from hcc_core.domain.citizen_id import parse_citizen_qr, validate_id_number
from hcc_core.domain.errors import DomainError, DomainWarning
from hcc_core.domain.status import DossierStatus
from hcc_core.domain.steps import allowed_steps
from hcc_core.domain.text import fold
from hcc_core.domain.timing import classify
from hcc_core.i18n import msg
from hcc_desk.core.store.models import Applicant, Dossier, HandBack
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.dossier_steps import (
    READY_FOR_HAND_BACK,
    active_officer,
    change_status,
    event_time,
    finish_change,
    hand_back_of,
    last_agency,
    load_dossier,
    papers_holder,
    result_time,
    statutory_due,
)
from hcc_desk.services.errors import FieldError, FieldErrors, UserError

_S = DossierStatus
RELATIONS = ("owner", "authorised")


@dataclass(frozen=True)
class Party:
    name: str
    id_number: str | None
    kind: str  # "individual" | "organisation"


@dataclass(frozen=True)
class HandBackInfo:
    at: datetime
    recipient_name: str
    recipient_id_number: str | None
    relation: str
    authorisation_ref: str | None
    timing: str
    officer: str


@dataclass(frozen=True)
class ReturnCard:
    """What the return desk shows after a scan."""

    uuid: str
    code: str
    procedure_name: str
    agency_name: str
    submitter: Party
    owner: Party | None
    received_at: datetime
    due_at: datetime | None
    status: int
    result_ready_at: datetime | None
    ready: bool  # the result (or the stop notice and papers) waits at the counter
    hand_back: HandBackInfo | None
    timing_if_now: str | None  # what the hand-back would record (early / on_time / late)
    papers: tuple[str, ...] = ()  # the dossier's papers (a supplement request picks from them)
    holder: str = ""  # who has the papers now (the counter before the first transfer)
    agency_hint: str = ""  # the agency a notice or step is most likely from
    steps: tuple[str, ...] = ()  # the agency steps the counter may record now (agency_steps)

    @property
    def status_label(self) -> str:
        return DossierStatus(self.status).text("vi")


@dataclass(frozen=True)
class Recipient:
    relation: str  # "owner" | "authorised"
    name: str = ""
    id_number: str = ""
    authorisation_ref: str = ""


@dataclass(frozen=True)
class ScannedPerson:
    name: str
    id_number: str
    warnings: tuple[DomainWarning, ...]  # shown in the interface's language (``text(lang)``)


@dataclass(frozen=True)
class HandBackDone:
    code: str
    at: datetime
    timing: str
    recipient_name: str
    relation: str
    status: int


class ReturnDeskService:
    def __init__(self, store: Sessions, clock: Callable[[], datetime] = datetime.now):
        self._store = store
        self._clock = clock

    def open(self, code_text: str, officer: str) -> ReturnCard:
        """The dossier for a scanned or typed code (audited: it shows personal data)."""
        with self._store.write() as s:
            active_officer(s, officer)
            d = load_dossier(s, code_text)
            card = _card(s, d, self._clock())
            add_audit(
                s,
                officer,
                "dossier.view",
                "dossier",
                d.uuid,
                {"code": d.code, "screen": "return_desk"},
            )
        return card

    def read_qr(self, raw: str) -> ScannedPerson:
        """The person on a chip-card QR (the authorised person collecting)."""
        qr = parse_citizen_qr(raw)  # QrParseError (a DomainError) when unreadable
        return ScannedPerson(
            qr.full_name,
            qr.id_number,
            tuple(qr.warnings),
        )

    def check_recipient(self, code: str, recipient: Recipient) -> Recipient:
        """The recipient, cleaned, if they may collect this dossier's result (else FieldErrors)."""
        with self._store.session() as s:
            d = load_dossier(s, code)
            return _checked(d, recipient)

    def hand_back(
        self, code: str, recipient: Recipient, officer: str, result_summary: str = ""
    ) -> HandBackDone:
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            _ready_or_refuse(s, d)
            who = _checked(d, recipient)
            at = event_time(d, self._clock())
            finished = d.result_ready_at or at
            timing = classify(finished, statutory_due(s, d))
            change_status(s, d, _S.DONE, at, actor, _event_note(who))
            s.add(
                HandBack(
                    dossier_id=d.id,
                    at=at,
                    recipient_name=who.name,
                    recipient_id_number=who.id_number or None,
                    relation=who.relation,
                    authorisation_ref=who.authorisation_ref or None,
                    result_summary=result_summary.strip()[:1000] or None,
                    timing=timing,
                    officer=actor,
                )
            )
            finish_change(
                s,
                d,
                actor,
                "dossier.hand_back",
                {
                    "relation": who.relation,
                    "timing": timing,
                    "authorisation_ref": who.authorisation_ref or None,
                },
            )
            return HandBackDone(d.code, at, timing, who.name, who.relation, d.status)


def _card(session: Session, d: Dossier, now: datetime) -> ReturnCard:
    hb = hand_back_of(session, d)
    ready = DossierStatus(d.status) in READY_FOR_HAND_BACK and hb is None
    finished = result_time(d) if ready else None
    return ReturnCard(
        uuid=d.uuid,
        code=d.code,
        procedure_name=d.procedure.name,
        agency_name=d.agency.name,
        submitter=_party(d.submitter),
        owner=None if d.owner is None else _party(d.owner),
        received_at=d.received_at,
        due_at=d.due_at,
        status=d.status,
        result_ready_at=d.result_ready_at,
        ready=ready,
        hand_back=None
        if hb is None
        else HandBackInfo(
            hb.at,
            hb.recipient_name,
            hb.recipient_id_number,
            hb.relation,
            hb.authorisation_ref,
            hb.timing,
            hb.officer,
        ),
        timing_if_now=classify(finished or now, statutory_due(session, d)) if ready else None,
        papers=tuple(p.name for p in d.papers),
        holder=papers_holder(session, d),
        agency_hint=last_agency(session, d),
        steps=allowed_steps(d.status, hb is not None or d.status == _S.DONE),
    )


def _party(a: Applicant) -> Party:
    return Party(a.full_name, a.id_number or a.old_id_number or a.tax_code, a.kind)


def _ready_or_refuse(session: Session, d: Dossier) -> None:
    hb = hand_back_of(session, d)
    if hb is not None or d.status == _S.DONE:
        when = hb.at if hb is not None else d.returned_at
        to = msg("return_desk.handed_back_to", name=hb.recipient_name) if hb is not None else ""
        at = msg("return_desk.handed_back_at", when=when) if when else ""
        raise UserError("return_desk.result_already_handed_back", code=d.code, to=to, at=at)
    status = DossierStatus(d.status)
    if status not in READY_FOR_HAND_BACK:
        raise UserError("return_desk.result_ready_status", code=d.code, status=status)


def _checked(d: Dossier, r: Recipient) -> Recipient:
    relation = r.relation if r.relation in RELATIONS else ""
    name = " ".join((r.name or "").split())[:200]
    id_number = "".join((r.id_number or "").split())
    ref = " ".join((r.authorisation_ref or "").split())[:200]
    problems: list[FieldError] = []
    if not relation:
        problems.append(
            FieldError(
                "relation",
                "return_desk.choose_owner_authorised_person",
            )
        )
    if id_number:
        try:
            if len(id_number) != 9:  # an old 9-digit CMND is still accepted as it is
                id_number = validate_id_number(id_number).number
            elif not id_number.isdigit():
                raise UserError("return_desk.old_id_card_number")
        except (DomainError, UserError) as exc:
            problems.append(FieldError.of("id_number", exc))
    if relation == "authorised":
        if not name:
            problems.append(
                FieldError(
                    "name",
                    "return_desk.type_authorised_person_s",
                )
            )
        if not id_number:
            problems.append(
                FieldError(
                    "id_number",
                    "return_desk.type_scan_authorised_person",
                )
            )
        if not ref:
            problems.append(
                FieldError(
                    "authorisation_ref",
                    "return_desk.record_authorisation_letter_s",
                )
            )
    if problems:
        raise FieldErrors(problems)
    if relation == "owner":
        people = [p for p in (d.submitter, d.owner) if p is not None and p.kind == "individual"]
        if not id_number and any(p.id_number or p.old_id_number for p in people):
            raise FieldErrors(
                [
                    FieldError(
                        "id_number",
                        "return_desk.scan_card_type_recipient",
                    )
                ]
            )
        match = _owner_match(people, name, id_number)
        if match is None:
            raise FieldErrors(
                [
                    FieldError(
                        "id_number" if id_number else "name",
                        "return_desk.recipient_neither_submitter_nor",
                    )
                ]
            )
        return Recipient(
            "owner", match.full_name, match.id_number or match.old_id_number or id_number, ""
        )
    return Recipient("authorised", name, id_number, ref)


def _owner_match(people: list[Applicant], name: str, id_number: str) -> Applicant | None:
    for p in people:
        known = {x for x in (p.id_number, p.old_id_number) if x}
        if id_number:
            if id_number in known:
                return p
        elif not known and name and fold(name) == fold(p.full_name):
            return p  # no ID number on file: the name is all there is to go by
    return None


def _event_note(r: Recipient) -> str:
    if r.relation == "owner":
        return f"Trả kết quả cho {r.name}"
    return f"Trả kết quả cho người được ủy quyền {r.name} (giấy ủy quyền {r.authorisation_ref})"
