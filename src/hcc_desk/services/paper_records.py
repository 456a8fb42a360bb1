"""What each digitised paper of a dossier is (issue 14, item 3; docs/digitising.md, Metadata).

One record per dossier paper (``paper_record``): the values suggested from the copy's OCR text
(``suggested``, never pushed) and the values the officer checked (kind, number, issuer, dates,
owner's ID number). Saving checks them, marks the record checked by the officer, queues the
dossier for central (which then carries the paper's ``digitised`` part, core/sync/dossier_doc.py)
and audits, in one transaction. A reused copy (item 4) is recorded already checked, with where
it came from.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from hcc_core.domain.citizen_id import validate_id_number
from hcc_core.domain.errors import ValidationError
from hcc_core.domain.text import clean_text
from hcc_core.wire.papers import ReusablePaper
from hcc_desk.core.digitise.metadata import FIELDS, PaperFields, Suggestion, suggest
from hcc_desk.core.store.models import Applicant, Attachment, Dossier, Officer, PaperRecord
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories import capture as capture_queries
from hcc_desk.core.store.repositories import paper_records as queries
from hcc_desk.core.store.repositories.lookups import find_officer
from hcc_desk.core.store.store import Sessions
from hcc_desk.core.sync.outbox import enqueue_dossier
from hcc_desk.services.errors import AuthError, FieldError, FieldErrors, NotFound

__all__ = [
    "PaperFields",
    "PaperRecordService",
    "PaperRecordView",
    "Suggestion",
    "check_fields",
    "store_suggestions",
]

log = logging.getLogger(__name__)

MAX_KIND, MAX_NUMBER, MAX_ISSUER = 500, 64, 300  # as DigitisedWire takes them
_OLD_ID = re.compile(r"\d{9}")  # an old 9-digit identity card (CMND), as papers before 2016 name


@dataclass(frozen=True)
class PaperRecordView:
    dossier_id: int
    position: int
    paper_name: str
    attachment_id: int | None  # the paper's newest attachment (what is pushed)
    fields: PaperFields | None  # None: nothing typed/checked yet
    suggested: dict[str, Suggestion] = field(default_factory=dict)  # keys: PaperFields names
    checked: bool = False
    checked_by_name: str | None = None
    reused_from_code: str | None = None
    reused_signer: str | None = None


class PaperRecordService:
    def __init__(self, store: Sessions, clock: Callable[[], datetime] = datetime.now):
        self._store = store
        self._clock = clock

    def records(self, dossier_id: int | str) -> list[PaperRecordView]:
        """One view per dossier paper, in checklist order (a paper without a record too).
        ``dossier_id``: the row id, or the dossier's code or uuid."""
        with self._store.session() as s:
            dossier = _dossier(s, dossier_id)
            found = queries.records_by_position(s, dossier.id)
            newest = queries.newest_attachments(s, dossier.id)
            names = queries.officer_names(
                s, {r.checked_by for r in found.values() if r.checked_by is not None}
            )
            return [
                _view(dossier.id, p.position, p.name, found.get(p.position), newest, names)
                for p in sorted(dossier.papers, key=lambda p: p.position)
            ]

    def save(
        self, dossier_id: int | str, position: int, fields: PaperFields, officer_id: int | str
    ) -> PaperRecordView:
        """Check ``fields`` (FieldErrors naming each bad field), record them as checked by the
        officer, queue the dossier for central, audit; one transaction. ``dossier_id``: row
        id, code or uuid; ``officer_id``: row id or username."""
        checked = check_fields(fields, self._clock().date())
        with self._store.write() as s:
            officer = _active_officer(s, officer_id)
            dossier = _dossier(s, dossier_id)
            paper = _paper_name(dossier, position)
            record = _record(s, dossier.id, position)
            newest = queries.newest_attachments(s, dossier.id)
            att = newest.get(position)
            if att is not None and not (record.reused_paper_uuid and record.attachment_id):
                record.attachment_id = att.id  # a reused copy stays the file central listed
            _apply(record, checked)
            record.checked_by, record.checked_at = officer.id, self._clock().replace(microsecond=0)
            s.flush()
            enqueue_dossier(s, dossier)
            # Where, not what: the values are personal data and stay in the record.
            add_audit(
                s,
                officer.username,
                "paper_record.check",
                "dossier",
                dossier.uuid,
                {"code": dossier.code, "position": position},
            )
            return _view(
                dossier.id,
                position,
                paper,
                record,
                newest,
                {officer.id: officer.full_name},
            )

    def record_reuse(
        self,
        session: Session,
        dossier: Dossier,
        position: int,
        attachment: Attachment,
        paper: ReusablePaper,
        officer_id: int | str,
        *,
        owner_id_number: str | None = None,
    ) -> None:
        """Inside the caller's write transaction: ``attachment`` (the copy downloaded from
        central) is paper ``position``'s copy, described as central listed it, checked by the
        officer who chose to reuse it. ``owner_id_number``: the ID number the lookup was made
        with (default: the dossier's owner's, else the submitter's). The caller's save queues
        the dossier for central and audits the reuse (services/reuse.py, in the intake's
        transaction), so this does neither twice."""
        officer = _active_officer(session, officer_id)
        _paper_name(dossier, position)
        owner = owner_id_number or _applicant_id(dossier.owner) or _applicant_id(dossier.submitter)
        today = self._clock().date()
        # Central's values passed its own checks when first pushed; checked again here, since
        # they come from the network, and cut to what the wire takes.
        checked = check_fields(
            PaperFields(
                kind=paper.kind[:MAX_KIND],
                number=(paper.number or "")[:MAX_NUMBER] or None,
                issuer=(paper.issuer or "")[:MAX_ISSUER] or None,
                issued_on=paper.issued_on,
                valid_until=paper.valid_until,
                owner_id_number=owner,
            ),
            today,
        )
        record = _record(session, dossier.id, position)
        if attachment.id is None:
            session.flush()
        record.attachment_id = attachment.id
        _apply(record, checked)
        record.checked_by, record.checked_at = officer.id, self._clock().replace(microsecond=0)
        record.reused_paper_uuid = paper.paper_uuid
        record.reused_dossier_code = paper.dossier_code
        record.reused_sha256 = paper.sha256
        record.reused_signer = paper.signer[:200]
        session.flush()


def check_fields(fields: PaperFields, today: date) -> PaperFields:
    """The fields cleaned (spaces, invisible characters), or FieldErrors naming each bad one
    by its PaperFields name, so a form can mark it."""
    errors: list[FieldError] = []

    def text(value: str | None, limit: int, name: str, required: bool = False) -> str | None:
        try:
            return clean_text(value, limit, name, required=required) or None
        except ValidationError as exc:
            errors.append(FieldError.of(name, exc))
            return None

    kind = text(fields.kind, MAX_KIND, "kind", required=True)
    number = text(fields.number, MAX_NUMBER, "number")
    issuer = text(fields.issuer, MAX_ISSUER, "issuer")
    issued_on = _day(fields.issued_on, "issued_on", errors)
    valid_until = _day(fields.valid_until, "valid_until", errors)
    if issued_on is not None and issued_on > today:
        errors.append(
            FieldError("issued_on", "paper_records.issued_in_future", issued_on=issued_on)
        )
    if valid_until is not None and issued_on is not None and valid_until < issued_on:
        errors.append(
            FieldError(
                "valid_until",
                "paper_records.valid_before_issued",
                valid_until=valid_until,
                issued_on=issued_on,
            )
        )
    owner = _owner_id(fields.owner_id_number, today, errors)
    if errors:
        raise FieldErrors(errors)
    return PaperFields(kind or "", number, issuer, issued_on, valid_until, owner)


def _day(value: object, name: str, errors: list[FieldError]) -> date | None:
    """A date as the screens give it: a date, a datetime, or ISO text ("2021-03-05")."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if isinstance(value, date) and value.year >= 1900:
        return value
    errors.append(FieldError.of(name, ValidationError("paper_records.bad_date", name)))
    return None


def store_suggestions(
    session: Session, dossier: Dossier, attachment: Attachment, text: str, today: date
) -> None:
    """After a paper's OCR text is stored: what it suggests goes into the paper's record
    (``suggested`` only; the checked fields are the officer's). In the caller's transaction."""
    position = attachment.paper_position
    if position is None or not any(p.position == position for p in dossier.papers):
        return  # a file not tied to a checklist paper has no record
    own = [p.name for p in dossier.papers if p.position == position]
    kinds = own + [p.name for p in dossier.papers if p.position != position]
    known = [
        number
        for a in (dossier.submitter, dossier.owner)
        if a is not None
        for number in (a.id_number, a.old_id_number)
        if number
    ]
    try:
        found = suggest(text, kinds, known, today)
    except Exception:  # a bug in reading text must not lose the text layer it came with
        log.exception("suggestions from attachment %s failed", attachment.uuid)
        return
    record = _record(session, dossier.id, position)
    record.suggested = {k: {"value": v.value, "confidence": v.confidence} for k, v in found.items()}


# --- helpers ----------------------------------------------------------------------------------
def _dossier(s: Session, ref: int | str) -> Dossier:
    """By row id, or (what the screens hold) the dossier's code or uuid."""
    if isinstance(ref, int):
        dossier = s.get(Dossier, ref)
    else:
        dossier = capture_queries.dossier_by_code_or_uuid(s, ref.strip())
    if dossier is None:
        raise NotFound("paper_records.no_dossier")
    return dossier


def _paper_name(dossier: Dossier, position: int) -> str:
    for p in dossier.papers:
        if p.position == position:
            return p.name
    raise NotFound("paper_records.no_paper", code=dossier.code, position=position)


def _active_officer(s: Session, ref: int | str) -> Officer:
    """By row id, or the username the screens hold."""
    officer = s.get(Officer, ref) if isinstance(ref, int) else find_officer(s, ref)
    if officer is None or not officer.active:
        raise AuthError("paper_records.no_officer")
    return officer


def _record(s: Session, dossier_id: int, position: int) -> PaperRecord:
    record = queries.record_at(s, dossier_id, position)
    if record is None:
        record = PaperRecord(dossier_id=dossier_id, paper_position=position, kind="", suggested={})
        s.add(record)
    return record


def _apply(record: PaperRecord, f: PaperFields) -> None:
    record.kind, record.number, record.issuer = f.kind, f.number, f.issuer
    record.issued_on, record.valid_until = f.issued_on, f.valid_until
    record.owner_id_number = f.owner_id_number


def _applicant_id(a: Applicant | None) -> str | None:
    return a.id_number if a is not None and a.id_number else None


def _owner_id(value: object, today: date, errors: list[FieldError]) -> str | None:
    raw = "".join(str(value or "").split())[:64]
    if not raw:
        return None
    if _OLD_ID.fullmatch(raw):
        return raw
    try:
        return validate_id_number(raw, today=today).number
    except ValidationError as exc:
        errors.append(FieldError("owner_id_number", exc.msg_id, **exc.params))
        return None


def _suggestions(raw: Any) -> dict[str, Suggestion]:
    """The stored JSON, read defensively (an older or damaged value is skipped, not fatal)."""
    out: dict[str, Suggestion] = {}
    if not isinstance(raw, dict):
        return out
    for name in FIELDS:
        item = raw.get(name)
        if not isinstance(item, dict):
            continue
        value, confidence = item.get("value"), item.get("confidence")
        if isinstance(value, str) and isinstance(confidence, int | float):
            out[name] = Suggestion(value, min(1.0, max(0.0, float(confidence))))
    return out


def _view(
    dossier_id: int,
    position: int,
    paper_name: str,
    record: PaperRecord | None,
    newest: dict[int, Attachment],
    names: dict[int, str],
) -> PaperRecordView:
    att = newest.get(position)
    if record is None:
        return PaperRecordView(dossier_id, position, paper_name, att.id if att else None, None)
    if record.reused_paper_uuid and record.attachment_id is not None:
        attachment_id: int | None = record.attachment_id  # the reused copy itself
    else:
        attachment_id = att.id if att is not None else record.attachment_id
    checked = record.checked_at is not None
    fields = (
        PaperFields(
            record.kind,
            record.number,
            record.issuer,
            record.issued_on,
            record.valid_until,
            record.owner_id_number,
        )
        if checked or record.kind
        else None
    )
    return PaperRecordView(
        dossier_id,
        position,
        paper_name,
        attachment_id,
        fields,
        _suggestions(record.suggested),
        checked,
        names.get(record.checked_by) if record.checked_by is not None else None,
        record.reused_dossier_code,
        record.reused_signer,
    )
