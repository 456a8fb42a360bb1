"""Wire types of the desk ↔ central protocol (docs/sync-protocol.md), shared by both sides.

Pydantic models: central validates every request with them (and publishes them in its OpenAPI
document), the desk builds and reads them, so the two sides cannot drift apart.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
)

API = "/api/v1"
# Versions (docs/sync-protocol.md, "Versions"): the desk says which one it speaks in this header
# on every request; central serves its own and the one before, and leaves out of its answers
# what an older desk cannot read. No header = version 1 (desks from before the header).
PROTOCOL_HEADER = "X-HCC-Protocol"
PROTOCOL_VERSION = 3
OLDEST_SERVED = 1
MAX_PUSH_OPS = 200
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
CODE_PATTERN = r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$"
UNIT_PATTERN = r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$"
# Text the database can hold: no NUL (PostgreSQL refuses it), no other C0 control but tab, line
# feed and carriage return (never typed; they only smuggle), no lone surrogate (not encodable as
# UTF-8: the driver would fail the whole transaction). The pattern says it in the schema; the
# surrogates only the validator can see (a JSON schema pattern cannot name them).
DB_TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"
NO_NUL = DB_TEXT_PATTERN  # the older name, still imported by routes
_NOT_DB_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def db_text(value: str) -> str:
    """``value`` if the database can hold it, else ValueError (a 422 for its field)."""
    bad = _NOT_DB_TEXT.search(value)
    if bad is not None:
        n = ord(bad[0])
        what = "NUL" if n == 0 else "a lone surrogate" if n >= 0xD800 else "a control character"
        raise ValueError(f"text must not contain {what} (U+{n:04X})")
    return value


DbText = Annotated[str, AfterValidator(db_text), Field(pattern=DB_TEXT_PATTERN)]

Uuid = str
# Desks and central keep naive local time (the centre's): no UTC offset, hence not the RFC 3339
# "date-time" OpenAPI would otherwise say; the document describes what is really sent.
LOCAL_DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$"
LocalDateTime = Annotated[
    datetime,
    WithJsonSchema(
        {"type": "string", "pattern": LOCAL_DATETIME_PATTERN, "description": "local, no offset"}
    ),
]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def sent_to(self, version: int) -> bool:
        """Whether a desk speaking ``version`` gets this item of a list at all."""
        return True


class Outbound(Wire):
    """What central answers and the desk reads. Fields central adds later are ignored here, so a
    desk keeps working with a newer central; central still checks what it builds."""

    model_config = ConfigDict(extra="ignore", frozen=True)


def since(version: int) -> dict[str, Any]:
    """``json_schema_extra`` of a field first sent in protocol ``version``: older desks do not get
    it (its default is sent instead, which must be left out of the JSON: ``exclude_if``)."""
    return {"x-since-protocol": version}


W = TypeVar("W", bound=Wire)


def for_version(obj: W, version: int) -> W:
    """``obj`` as central may send it to a desk speaking ``version``: fields and list items
    newer than that version left out, recursively."""
    updates: dict[str, Any] = {}
    for name, field in type(obj).model_fields.items():
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        value = getattr(obj, name)
        since = extra.get("x-since-protocol", 1)
        if isinstance(since, int) and since > version:
            updates[name] = field.get_default()
        elif isinstance(value, Wire):
            updates[name] = for_version(value, version)
        elif isinstance(value, list) and any(isinstance(v, Wire) for v in value):
            updates[name] = [for_version(v, version) for v in value if v.sent_to(version)]
    return obj.model_copy(update=updates) if updates else obj


def _no_nul_in_schema(schema: dict[str, Any]) -> None:
    """Say it in the JSON schema too: free text gets the DB_TEXT_PATTERN."""
    for prop in schema.get("properties", {}).values():
        for alt in [prop, *prop.get("anyOf", [])]:
            if alt.get("type") == "string" and not alt.keys() & {"pattern", "format", "enum"}:
                alt["pattern"] = NO_NUL


class Inbound(Wire):
    """What central is sent and stores: all its text must be ``db_text`` (no NUL, C0 control or
    lone surrogate). Refused here (for a pushed op: that op alone, 422 in its result) rather
    than failing the database write of a whole batch."""

    model_config = ConfigDict(json_schema_extra=_no_nul_in_schema)

    @field_validator("*")
    @classmethod
    def _db_text(cls, value: object) -> object:
        return db_text(value) if isinstance(value, str) else value


# --- enrolment and officers -------------------------------------------------------------------

ENROL_KEY_PATTERN = r"^[A-Za-z0-9_-]{43}$"  # 32 random bytes, base64url without padding


class EnrolRequest(Inbound):
    code: str = Field(min_length=4, max_length=32)
    device_name: str = Field(min_length=1, max_length=100)
    # Chosen by the desk once per enrolment and kept before sending: a retry with the same code
    # and key gets the same device back (docs/security.md#enrolment).
    key: str = Field(pattern=ENROL_KEY_PATTERN)


class AgencyWire(Outbound):
    name: str = Field(max_length=300)
    short_name: str | None = Field(default=None, max_length=50)
    unit_code: str = Field(pattern=UNIT_PATTERN)


class CentreWire(Outbound):
    name: str = Field(max_length=300)
    governing_body: str = Field(max_length=300)
    place_name: str = Field(max_length=100)
    hotline: str | None = Field(default=None, max_length=50)
    lookup_url_base: str | None = Field(default=None, max_length=300)
    code_slots: int = Field(ge=1, le=9999)
    # None = a provincial centre (two-level government). Left out when unset, and never sent to
    # a version-1 desk (its models refuse unknown fields).
    level: Literal["province", "commune"] | None = Field(
        default=None, exclude_if=lambda v: v is None, json_schema_extra=since(2)
    )


class CounterWire(Outbound):
    name: str = Field(max_length=100)
    slot: int = Field(ge=1, le=9999)


class Limits(Outbound):
    max_attachment_bytes: int
    max_dossier_bytes: int
    chunk_bytes: int


class EnrolResponse(Outbound):
    device_id: Uuid
    device_token: str
    centre: CentreWire
    counter: CounterWire
    agencies: list[AgencyWire]
    limits: Limits


class LoginRequest(Inbound):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


Role = Literal["admin", "supervisor", "officer"]


class OfficerWire(Outbound):
    username: str
    full_name: str
    role: Role


# --- dossiers ----------------------------------------------------------------------------------


class PersonWire(Inbound):
    kind: Literal["individual", "organisation"] = "individual"
    full_name: str = Field(max_length=200)
    id_number: str | None = Field(default=None, max_length=12)
    old_id_number: str | None = Field(default=None, max_length=12)
    tax_code: str | None = Field(default=None, max_length=14)
    date_of_birth: date | None = None
    sex: str | None = Field(default=None, max_length=8)
    address: str | None = Field(default=None, max_length=500)
    phone: str | None = Field(default=None, max_length=16)
    email: str | None = Field(default=None, max_length=254)


ID_NUMBER_PATTERN = r"^(\d{9}|\d{12})$"  # a chip card's 12 digits, or an old 9-digit card


class ReuseWire(Inbound):
    """Where a reused digitised copy came from: central's paper (the attachment uuid of the
    signed copy first digitised) and that dossier's code, as central listed them."""

    paper_uuid: Uuid = Field(pattern=UUID_PATTERN)
    dossier_code: str = Field(pattern=CODE_PATTERN)
    sha256: str = Field(pattern=SHA256_PATTERN)


class DigitisedWire(Inbound):
    """A paper's digitised copy and its metadata as the officer checked them (issue 14;
    docs/digitising.md). Since protocol 3. ``attachment_uuid`` names the copy (one of the
    dossier's attachments, usually the signed one). Whether it is signed central reads from
    the uploaded bytes, never from this."""

    attachment_uuid: Uuid = Field(pattern=UUID_PATTERN)
    kind: str = Field(min_length=1, max_length=500)  # the paper's name in the procedure's list
    number: str | None = Field(default=None, max_length=64)
    issuer: str | None = Field(default=None, max_length=300)
    issued_on: date | None = None
    valid_until: date | None = None  # None: does not expire
    owner_id_number: str | None = Field(default=None, pattern=ID_NUMBER_PATTERN)
    reused_from: ReuseWire | None = None


class PaperWire(Inbound):
    position: int = Field(ge=1, le=10000)
    name: str = Field(max_length=4000)
    originals: int = Field(ge=0, le=99)
    certified_copies: int = Field(ge=0, le=99)
    photocopies: int = Field(ge=0, le=99)
    digitised: DigitisedWire | None = None  # since protocol 3


class EventWire(Inbound):
    uuid: Uuid = Field(pattern=UUID_PATTERN)
    status: int = Field(ge=0, le=10)
    at: LocalDateTime
    actor: str = Field(max_length=64)
    note: str | None = Field(default=None, max_length=2000)


class AttachmentWire(Inbound):
    uuid: Uuid = Field(pattern=UUID_PATTERN)
    paper_position: int | None = Field(default=None, ge=1)
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=SHA256_PATTERN)


class DossierDoc(Inbound):
    uuid: Uuid = Field(pattern=UUID_PATTERN)
    code: str = Field(pattern=CODE_PATTERN)
    lookup_pin: str = Field(min_length=4, max_length=8)
    procedure_code: str | None = Field(default=None, max_length=40)
    procedure_name: str = Field(max_length=1000)
    unit_code: str = Field(pattern=UNIT_PATTERN)
    counter_slot: int = Field(ge=1, le=9999)
    officer: str = Field(max_length=64)
    applicant_kind: Literal["individual", "organisation"]
    submitter: PersonWire
    owner: PersonWire | None = None
    papers: list[PaperWire] = Field(max_length=500)
    sets: int = Field(ge=1, le=99)
    delivery_method: Literal["counter", "post"]
    delivery_address: str | None = Field(default=None, max_length=500)
    notes: str | None = Field(default=None, max_length=2000)
    received_at: LocalDateTime
    due_at: LocalDateTime | None = None
    status: int = Field(ge=0, le=10)
    events: list[EventWire] = Field(max_length=1000)
    attachments: list[AttachmentWire] = Field(default_factory=list, max_length=500)


class PushOp(Inbound):
    op_id: Uuid = Field(pattern=UUID_PATTERN)
    kind: Literal["dossier.upsert"]
    entity_uuid: Uuid = Field(pattern=UUID_PATTERN)
    payload: DossierDoc


class PushRequest(Wire):
    ops: list[PushOp] = Field(max_length=MAX_PUSH_OPS)


class OpResult(Outbound):
    op_id: Uuid
    outcome: Literal["applied", "duplicate", "rejected"]
    reason: str | None = None
    code: int = 200


class PushResponse(Outbound):
    results: list[OpResult]


# --- pull --------------------------------------------------------------------------------------

ChangeKind = Literal[
    "dossier.status", "procedure.upsert", "agency.upsert", "calendar.day", "calendar.year"
]
# Kinds a desk of an older version is not sent (its models refuse kinds they do not know).
KIND_SINCE: dict[str, int] = {"calendar.year": 2}


class Change(Outbound):
    seq: int
    # A desk skips a kind it does not know (a newer central's): hence "or any string".
    kind: ChangeKind | str
    entity_uuid: str
    payload: dict[str, Any]

    def sent_to(self, version: int) -> bool:
        return KIND_SINCE.get(self.kind, 1) <= version


class PullResponse(Outbound):
    changes: list[Change]
    cursor: int
    more: bool


# --- uploads -----------------------------------------------------------------------------------


class UploadStart(Inbound):
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=0)
    dossier_uuid: Uuid = Field(pattern=UUID_PATTERN)
    attachment_uuid: Uuid = Field(pattern=UUID_PATTERN)
    # Also read from a query string, whose parameters are documented field by field.
    filename: str = Field(max_length=255, pattern=NO_NUL)
    content_type: str = Field(max_length=100, pattern=NO_NUL)


class UploadState(Outbound):
    upload_id: str
    offset: int
    complete: bool


class UploadOffset(Outbound):
    offset: int


class UploadDone(Outbound):
    sha256: str


# --- public lookup -----------------------------------------------------------------------------


class PublicStatus(Outbound):
    code: str
    status: int
    status_label: str
    received_at: LocalDateTime
    due_at: LocalDateTime | None
    procedure_name: str
