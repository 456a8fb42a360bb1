"""The intake JSON's shape as a pydantic model: what ``hcc-desk intake FILE`` and a restored
draft are parsed with, and what docs/intake-schema.json publishes.

The model checks the shape only (types, unknown keys, hostile sizes, NUL); the rules a dossier
must follow (required fields, ID numbers, lengths after cleaning, ranges) stay in
``intake_validation``, which the intake screen uses too. Strict mode: ``"2"`` is not a number
and ``1`` is not ``true``. Regenerate the published schema with
``python3 scripts/intake_schema.py`` after changing a field.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from hcc_core.i18n import Joined, Msg, msg
from hcc_core.wire.protocol import CODE_PATTERN, SHA256_PATTERN, UUID_PATTERN
from hcc_desk.services.intake_request import (
    IntakeRequest,
    OrganisationInput,
    PaperInput,
    PersonInput,
    RequestFormatError,
    ReusedPaperInput,
)
from hcc_desk.services.intake_validation import (
    ADDRESS_MAX,
    NAME_MAX,
    NOTES_MAX,
    PAPER_NAME_MAX,
)

CODE_CAP = 64  # ID numbers, phones, tax and procedure codes: a few dozen characters at most
EMAIL_CAP = 320
QR_CAP = 2048  # a chip card's QR holds a few hundred characters
MAX_REPORTED = 10  # a hostile file can break every field: the first few problems say enough


def _no_nul(value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise PydanticCustomError("nul_char", "contains a NUL character")
    return value


def _raw_cap(limit: int) -> int:
    """The raw size past which clean_text refuses a text whose cleaned limit is ``limit``
    (whitespace runs may shrink, so the shape check allows that much and no more)."""
    return limit * 4 + 1024


# Text fields: null means empty; longer than the cap or holding NUL is refused outright.
_Clean = AfterValidator(_no_nul)
Code = Annotated[str | None, Field(max_length=CODE_CAP), _Clean]
Email = Annotated[str | None, Field(max_length=EMAIL_CAP), _Clean]
QrText = Annotated[str | None, Field(max_length=QR_CAP), _Clean]
Name = Annotated[str | None, Field(max_length=_raw_cap(NAME_MAX)), _Clean]
Address = Annotated[str | None, Field(max_length=_raw_cap(ADDRESS_MAX)), _Clean]
Notes = Annotated[str | None, Field(max_length=_raw_cap(NOTES_MAX)), _Clean]
PaperName = Annotated[str | None, Field(max_length=_raw_cap(PAPER_NAME_MAX)), _Clean]


def _iso_date(value: Any) -> Any:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value  # strict mode refuses it as "not a date"
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("iso_date", "expected a date as YYYY-MM-DD") from None


def _local_datetime(value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("iso_datetime", "expected an ISO date-time") from None
    if parsed.tzinfo is not None:
        raise PydanticCustomError("utc_offset", "expected local time without a UTC offset")
    return parsed


_LOCAL_DATETIME_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"},
        {"type": "null"},
    ],
    "description": "local time of receipt, YYYY-MM-DDTHH:MM[:SS], no UTC offset; null: now",
}


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PersonJson(_Shape):
    """A person: the submitter or the dossier's owner."""

    model_config = ConfigDict(title="Person")

    full_name: Name = ""
    id_number: Code = ""
    old_id_number: Code = ""
    date_of_birth: Annotated[
        date | None,
        BeforeValidator(_iso_date),
        Field(description="YYYY-MM-DD; null or empty: unknown"),
    ] = None
    sex: Code = Field("", description='"Nam", "Nữ" or empty')
    address: Address = ""
    phone: Code = ""
    email: Email = ""

    def to_input(self) -> PersonInput:
        return PersonInput(
            full_name=self.full_name or "",
            id_number=self.id_number or "",
            old_id_number=self.old_id_number or "",
            date_of_birth=self.date_of_birth,
            sex=self.sex or "",
            address=self.address or "",
            phone=self.phone or "",
            email=self.email or "",
        )


class OrganisationJson(_Shape):
    """The organisation that owns the dossier."""

    model_config = ConfigDict(title="Organisation")

    name: Name = ""
    tax_code: Code = ""
    address: Address = ""
    phone: Code = ""
    email: Email = ""

    def to_input(self) -> OrganisationInput:
        return OrganisationInput(
            name=self.name or "",
            tax_code=self.tax_code or "",
            address=self.address or "",
            phone=self.phone or "",
            email=self.email or "",
        )


_Date = Annotated[date | None, BeforeValidator(_iso_date)]
_Short = Annotated[str | None, Field(max_length=500), _Clean]


class ReusedJson(_Shape):
    """A signed digitised copy central listed for the applicant, reused for this paper
    (docs/digitising.md): the listing as central gave it. Saving attaches the copy fetched
    into this profile; one never fetched here is refused."""

    model_config = ConfigDict(title="Reused paper")

    paper_uuid: Annotated[str, Field(pattern=UUID_PATTERN)]
    kind: _Short = ""
    number: Annotated[str | None, Field(max_length=64), _Clean] = None
    issuer: Annotated[str | None, Field(max_length=300), _Clean] = None
    issued_on: _Date = None
    valid_until: _Date = None
    dossier_code: Annotated[str, Field(pattern=CODE_PATTERN)]
    centre_name: _Short = ""
    signer: _Short = ""
    signed_at: Annotated[
        datetime | None, BeforeValidator(_local_datetime), WithJsonSchema(_LOCAL_DATETIME_SCHEMA)
    ] = None
    filename: Annotated[str | None, Field(max_length=255), _Clean] = ""
    size: Annotated[int, Field(ge=0)] = 0
    sha256: Annotated[str, Field(pattern=SHA256_PATTERN)]

    def to_input(self) -> ReusedPaperInput:
        return ReusedPaperInput(
            paper_uuid=self.paper_uuid,
            kind=self.kind or "",
            number=self.number,
            issuer=self.issuer,
            issued_on=self.issued_on,
            valid_until=self.valid_until,
            dossier_code=self.dossier_code,
            centre_name=self.centre_name or "",
            signer=self.signer or "",
            signed_at=self.signed_at,
            filename=self.filename or "",
            size=self.size,
            sha256=self.sha256,
        )


class PaperJson(_Shape):
    """A paper handed in, with how many of each kind of copy."""

    model_config = ConfigDict(title="Paper")

    name: PaperName = ""
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    reused: ReusedJson | None = Field(
        default=None, description="handed in as a reused signed digitised copy"
    )

    def to_input(self) -> PaperInput:
        return PaperInput(
            name=self.name or "",
            originals=self.originals,
            certified_copies=self.certified_copies,
            photocopies=self.photocopies,
            reused=self.reused.to_input() if self.reused else None,
        )


class IntakeJson(_Shape):
    """One dossier as typed at the counter (docs/intake-json.md)."""

    model_config = ConfigDict(title="HCC Desk intake request")

    procedure_code: Code = ""
    applicant_kind: Literal["individual", "organisation"] = "individual"
    submitter: PersonJson = Field(default_factory=PersonJson)
    owner_is_submitter: bool = True
    owner_person: PersonJson | None = None
    owner_organisation: OrganisationJson | None = None
    papers: list[PaperJson] | None = Field(
        default=None, description="the papers handed in; null or absent: none named"
    )
    sets: int = 1
    delivery_method: Literal["counter", "post"] = "counter"
    delivery_address: Address = ""
    notes: Notes = ""
    citizen_qr: QrText = Field("", description="the chip card's raw QR; fills empty fields")
    received_at: Annotated[
        datetime | None, BeforeValidator(_local_datetime), WithJsonSchema(_LOCAL_DATETIME_SCHEMA)
    ] = None

    def to_request(self) -> IntakeRequest:
        return IntakeRequest(
            procedure_code=self.procedure_code or "",
            applicant_kind=self.applicant_kind,
            submitter=self.submitter.to_input(),
            owner_is_submitter=self.owner_is_submitter,
            owner_person=self.owner_person.to_input() if self.owner_person else None,
            owner_organisation=(
                self.owner_organisation.to_input() if self.owner_organisation else None
            ),
            papers=None if self.papers is None else [p.to_input() for p in self.papers],
            sets=self.sets,
            delivery_method=self.delivery_method,
            delivery_address=self.delivery_address or "",
            notes=self.notes or "",
            citizen_qr=self.citizen_qr or None,
            received_at=self.received_at,
        )


def json_schema() -> dict[str, Any]:
    """The schema docs/intake-schema.json publishes."""
    return IntakeJson.model_json_schema()


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# ------------------------------------------------------------------------------ parsing
def request_from_json_text(text: str) -> IntakeRequest:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RequestFormatError(
            "intake_json.broken", line=exc.lineno, column=exc.colno, reason=exc.msg
        ) from None
    except RecursionError:  # thousands of nested brackets
        raise RequestFormatError("intake_json.too_deep") from None
    return request_from_dict(data)


def request_from_dict(data: Any) -> IntakeRequest:
    try:
        return IntakeJson.model_validate(data).to_request()
    except PydanticValidationError as exc:
        raise _format_error(exc.errors(include_url=False, include_input=False)) from None


def _where(loc: tuple[int | str, ...]) -> str | Msg:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or msg("intake_json.root")


def _format_error(errors: list[ErrorDetails]) -> RequestFormatError:
    unknown = [str(_where(e["loc"])) for e in errors if e["type"] == "extra_forbidden"]
    parts = [_describe(e) for e in errors if e["type"] != "extra_forbidden"]
    if unknown:
        parts.insert(0, msg("intake_json.unknown_fields", names=", ".join(unknown), n=len(unknown)))
    shown: list[Msg] = parts[:MAX_REPORTED]
    more = len(parts) - len(shown)
    if more:
        shown.append(msg("intake_json.more", n=more))
    return RequestFormatError("intake_json.problems", problems=Joined(tuple(shown)))


# pydantic's error type → what the field should have been (intake_json.expected.<kind>)
_EXPECTED = {
    "string_type": "string",
    "int_type": "integer",
    "int_from_float": "integer",
    "bool_type": "boolean",
    "model_type": "object",
    "model_attributes_type": "object",
    "dict_type": "object",
    "list_type": "list",
    "date_type": "date",
    "iso_date": "date",
    "datetime_type": "datetime",
    "iso_datetime": "datetime",
    "utc_offset": "local_time",
}


def _describe(error: ErrorDetails) -> Msg:
    where, kind = _where(error["loc"]), error["type"]
    if kind in _EXPECTED:
        return msg(
            "intake_json.expected", where=where, what=msg(f"intake_json.expected.{_EXPECTED[kind]}")
        )
    if kind == "literal_error":
        options = error.get("ctx", {}).get("expected", "").replace("'", "").replace(" or ", ", ")
        options = " | ".join(o.strip() for o in options.split(","))
        return msg("intake_json.one_of", where=where, options=options)
    if kind == "string_too_long":
        return msg("intake_json.too_long", where=where, n=error.get("ctx", {}).get("max_length"))
    if kind == "nul_char":
        return msg("intake_json.nul_char", where=where)
    return msg("intake_json.invalid_value", where=where)
