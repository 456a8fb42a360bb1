"""Checks an intake request field by field, the way the intake screen shows errors.

Every problem becomes a FieldError naming the field, so the screen can put the message next to it
and the CLI can list them all at once. Nothing here touches the database: the procedure lookup is
passed in, which keeps the rules testable on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from hcc_core.domain.citizen_id import CitizenQr, parse_citizen_qr, validate_id_number
from hcc_core.domain.errors import DomainError
from hcc_core.domain.phone import validate_phone
from hcc_core.domain.tax_code import validate_tax_code
from hcc_core.domain.text import clean_text
from hcc_core.i18n import msg
from hcc_desk.services.errors import FieldError
from hcc_desk.services.intake_request import (
    IntakeRequest,
    OrganisationInput,
    PaperInput,
    PersonInput,
)

NAME_MAX = 200
ADDRESS_MAX = 500
NOTES_MAX = 2000
PAPER_NAME_MAX = 4000  # published paper names run to 1,000+ characters
MAX_COUNT = 99
_EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$")


class _Collector:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, msg_id: str, /, **params: Any) -> None:
        self.errors.append(FieldError(field, msg_id, **params))

    def domain(self, field: str, exc: DomainError) -> None:
        self.errors.append(FieldError.of(field, exc))

    def text(self, field: str, value: str, max_len: int, *, required: bool, label: str) -> str:
        try:
            # The label comes from the field's last part ("papers[2].name" → "name").
            cleaned = clean_text(value, max_len, field.rsplit(".", 1)[-1])
        except DomainError as exc:
            self.domain(field, exc)
            return ""
        if required and not cleaned:
            self.add(field, "input.required", label=msg(label))
        return cleaned


def apply_qr(person: PersonInput, qr: CitizenQr) -> PersonInput:
    """Fill the empty fields of ``person`` from a chip-card QR; typed values win."""
    sex = qr.sex or ""
    return replace(
        person,
        full_name=person.full_name or qr.full_name,
        id_number=person.id_number or qr.id_number,
        old_id_number=person.old_id_number or (qr.old_id_number or ""),
        date_of_birth=person.date_of_birth or qr.date_of_birth,
        sex=person.sex or sex,
        address=person.address or qr.address,
    )


def validate_request(
    request: IntakeRequest, procedure_exists: Callable[[str], bool], today: date
) -> tuple[IntakeRequest, list[FieldError]]:
    """Return the request with cleaned values, and every error found."""
    c = _Collector()
    req = replace(request)
    if req.citizen_qr:
        try:
            req.submitter = apply_qr(req.submitter, parse_citizen_qr(req.citizen_qr))
        except DomainError as exc:
            c.domain("citizen_qr", exc)

    if not req.procedure_code.strip():
        c.add("procedure_code", "intake_validation.choose_procedure")
    elif not procedure_exists(req.procedure_code.strip()):
        c.add(
            "procedure_code",
            "intake_validation.procedure_catalogue",
            procedure_code=repr(req.procedure_code),
        )
    req.procedure_code = req.procedure_code.strip()

    req.submitter = _person(c, "submitter", req.submitter, today)
    if req.applicant_kind == "organisation":
        org = req.owner_organisation
        if org is None:
            c.add(
                "owner_organisation.name",
                "intake_validation.organisation_owns_dossier_required",
            )
        else:
            req.owner_organisation = _organisation(c, org)
        req.owner_is_submitter = False
    elif not req.owner_is_submitter:
        if req.owner_person is None:
            c.add("owner_person.full_name", "intake_validation.dossier_owner_required")
        else:
            req.owner_person = _person(c, "owner_person", req.owner_person, today)

    if req.papers is not None:
        req.papers = _papers(c, req.papers)
    if not 1 <= req.sets <= MAX_COUNT:
        c.add("sets", "intake_validation.sets_must", MAX_COUNT=MAX_COUNT)
    req.delivery_address = c.text(
        "delivery_address",
        req.delivery_address,
        ADDRESS_MAX,
        required=req.delivery_method == "post",
        label="intake.label.postal_address",
    )
    req.notes = c.text("notes", req.notes, NOTES_MAX, required=False, label="")
    return req, c.errors


def _person(c: _Collector, where: str, p: PersonInput, today: date) -> PersonInput:
    out = replace(p)
    out.full_name = c.text(
        f"{where}.full_name",
        p.full_name,
        NAME_MAX,
        required=True,
        label="intake.label.full_name",
    )
    out.address = c.text(f"{where}.address", p.address, ADDRESS_MAX, required=False, label="")
    id_info = None
    if not p.id_number.strip():
        c.add(
            f"{where}.id_number",
            "intake_validation.digit_personal_id_number",
        )
    else:
        try:
            id_info = validate_id_number(p.id_number)
            out.id_number = id_info.number
        except DomainError as exc:
            c.domain(f"{where}.id_number", exc)
    out.old_id_number = p.old_id_number.strip()
    if out.old_id_number and not re.fullmatch(r"\d{9}|\d{12}", out.old_id_number):
        c.add(
            f"{where}.old_id_number",
            "intake_validation.old_id_card_number",
        )
    if p.date_of_birth is not None:
        if p.date_of_birth > today or p.date_of_birth.year < 1900:
            c.add(f"{where}.date_of_birth", "intake_validation.implausible_date_birth")
        elif id_info is not None and id_info.birth_year != p.date_of_birth.year:
            c.add(
                f"{where}.date_of_birth",
                "intake_validation.birth_year_does_match",
                year=p.date_of_birth.year,
                birth_year=id_info.birth_year,
            )
    out.sex = p.sex.strip()
    if out.sex not in ("", "Nam", "Nữ"):
        c.add(f"{where}.sex", "intake_validation.sex_nam_or_nu")
    elif out.sex and id_info is not None and id_info.sex != out.sex:
        c.add(f"{where}.sex", "intake_validation.sex_does_match_id", sex=id_info.sex)
    out.phone = _phone(c, f"{where}.phone", p.phone)
    out.email = _email(c, f"{where}.email", p.email)
    return out


def _organisation(c: _Collector, org: OrganisationInput) -> OrganisationInput:
    out = replace(org)
    out.name = c.text(
        "owner_organisation.name",
        org.name,
        NAME_MAX,
        required=True,
        label="intake.label.organisation_name",
    )
    out.address = c.text(
        "owner_organisation.address",
        org.address,
        ADDRESS_MAX,
        required=False,
        label="",
    )
    if not org.tax_code.strip():
        c.add(
            "owner_organisation.tax_code",
            "intake_validation.tax_code_required",
        )
    else:
        try:
            out.tax_code = validate_tax_code(org.tax_code).number
        except DomainError as exc:
            c.domain("owner_organisation.tax_code", exc)
    out.phone = _phone(c, "owner_organisation.phone", org.phone)
    out.email = _email(c, "owner_organisation.email", org.email)
    return out


def _papers(c: _Collector, papers: list[PaperInput]) -> list[PaperInput]:
    out: list[PaperInput] = []
    for i, paper in enumerate(papers):
        where = f"papers[{i}]"
        name = c.text(
            f"{where}.name",
            paper.name,
            PAPER_NAME_MAX,
            required=True,
            label="intake.label.paper_name",
        )
        counts = (paper.originals, paper.certified_copies, paper.photocopies)
        if any(not 0 <= n <= MAX_COUNT for n in counts):
            c.add(f"{where}.originals", "intake_validation.counts_must", MAX_COUNT=MAX_COUNT)
        out.append(replace(paper, name=name))
    # A reused digitised copy counts as handed in (docs/digitising.md).
    if not any(p.originals + p.certified_copies + p.photocopies > 0 or p.reused for p in out):
        c.add("papers", "intake_validation.paper_marked_as_handed")
    return out


def _phone(c: _Collector, field: str, raw: str) -> str:
    if not raw.strip():
        return ""
    try:
        return validate_phone(raw).national
    except DomainError as exc:
        c.domain(field, exc)
        return raw.strip()


def _email(c: _Collector, field: str, raw: str) -> str:
    email = raw.strip()
    if email and (len(email) > 254 or not _EMAIL.fullmatch(email)):
        c.add(field, "intake_validation.invalid_e_mail_address")
    return email
