"""Wire types of reusing digitised papers (issue 14, docs/digitising.md), shared by hcc-central
and the desk so the two sides cannot drift apart. Since protocol 3.

``POST /api/v1/papers/reusable`` (device token + ``X-Officer-Session`` of an officer of the
device's centre): the signed digitised papers central holds for one applicant, still valid.
The desk must prove the applicant is in front of it with what the chip card's QR says: the ID
number *and* the full name and date of birth recorded with the papers. An ID number alone lists
nothing, so a device cannot walk the register by guessing numbers.

``GET /api/v1/papers/{paper_uuid}/file`` (same headers): the signed copy's bytes, only for a
paper this device was listed in a lookup within ``GRANT_MINUTES``.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from hcc_core.wire.protocol import (
    CODE_PATTERN,
    ID_NUMBER_PATTERN,
    SHA256_PATTERN,
    UUID_PATTERN,
    Inbound,
    LocalDateTime,
    Outbound,
)

LOOKUP_PATH = "/papers/reusable"
FILE_PATH = "/papers/{paper_uuid}/file"
GRANT_MINUTES = 30
MAX_LISTED = 100


class ReusableQuery(Inbound):
    id_number: str = Field(pattern=ID_NUMBER_PATTERN)
    full_name: str = Field(min_length=1, max_length=200)
    date_of_birth: date


class ReusablePaper(Outbound):
    paper_uuid: str = Field(pattern=UUID_PATTERN)
    kind: str
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    dossier_code: str = Field(pattern=CODE_PATTERN)
    centre_name: str
    signer: str  # the signing certificate's common name, as central read it from the copy
    signed_at: LocalDateTime | None = None
    filename: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=SHA256_PATTERN)


class ReusableList(Outbound):
    papers: list[ReusablePaper] = Field(default_factory=list, max_length=MAX_LISTED)
