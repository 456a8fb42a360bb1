"""What an officer hands to the intake use case: one dossier as typed at the counter.

The same shape is read from the CLI's JSON file (docs/intake-json.md) and filled by the intake
screen, so both paths go through one validator. Everything here is plain data; the rules live in
``hcc_core.domain`` and ``hcc_desk.services.intake``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from hcc_core.errors import ExpectedError

ApplicantKind = Literal["individual", "organisation"]
DeliveryMethod = Literal["counter", "post"]


@dataclass
class PersonInput:
    full_name: str = ""
    id_number: str = ""
    old_id_number: str = ""
    date_of_birth: date | None = None
    sex: str = ""  # "Nam" / "Nữ" / ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class OrganisationInput:
    name: str = ""
    tax_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class ReusedPaperInput:
    """A signed digitised copy central listed for this applicant, chosen to stand for a paper
    (docs/digitising.md, "Reuse at another desk"): central's listing as it came, so a restored
    draft can still attach the copy fetched into the profile (services/reuse.py)."""

    paper_uuid: str = ""
    kind: str = ""
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    dossier_code: str = ""
    centre_name: str = ""
    signer: str = ""
    signed_at: datetime | None = None
    filename: str = ""
    size: int = 0
    sha256: str = ""


@dataclass
class PaperInput:
    name: str = ""
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    reused: ReusedPaperInput | None = None  # handed in as a reused digitised copy


@dataclass
class IntakeRequest:
    procedure_code: str = ""
    applicant_kind: ApplicantKind = "individual"
    submitter: PersonInput = field(default_factory=PersonInput)
    # The dossier owner when it is not the submitter: a person (individual dossiers handed in by
    # someone else) or an organisation (always, for applicant_kind == "organisation").
    owner_is_submitter: bool = True
    owner_person: PersonInput | None = None
    owner_organisation: OrganisationInput | None = None
    papers: list[PaperInput] | None = None  # the papers handed in; None = none named
    sets: int = 1
    delivery_method: DeliveryMethod = "counter"
    delivery_address: str = ""
    notes: str = ""
    citizen_qr: str | None = None  # raw chip-card QR; fills the submitter's empty fields
    received_at: datetime | None = None  # None: now

    def to_json_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _jsonable(asdict(self))
        return data


class RequestFormatError(ExpectedError, ValueError):
    """The JSON does not have the shape of an intake request (wrong types, unknown keys)."""


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def request_from_json_text(text: str) -> IntakeRequest:
    """Parse the intake JSON (docs/intake-json.md); RequestFormatError when it is not one."""
    # Imported here: the model module imports this one, and builds its validators at import.
    from hcc_desk.services.intake_json import request_from_json_text as parse

    return parse(text)


def request_from_dict(data: Any) -> IntakeRequest:
    """The same, from already decoded JSON (a saved draft's payload)."""
    from hcc_desk.services.intake_json import request_from_dict as parse

    return parse(data)
