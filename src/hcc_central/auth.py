"""Device authentication: bearer token → its SHA-256 → a non-revoked device of a counter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Agency, Centre, Counter, Device
from .security import same, sha256_hex

bearer = HTTPBearer(auto_error=False, description="device_token from /api/v1/enrol")
Token = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


@dataclass(frozen=True, slots=True)
class DeviceCtx:
    device_id: str
    counter_id: int
    slot: int
    centre_id: int
    code_slots: int
    unit_codes: frozenset[str] = frozenset()  # the centre's agencies (only if asked for)


def unauthorised(detail: str = "unknown or revoked device token: enrol again") -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def authenticate(
    session: Session, credentials: HTTPAuthorizationCredentials | None, *, units: bool = False
) -> DeviceCtx:
    """Called inside the request's own transaction, so revocation takes effect at once.
    ``units``: also read the centre's unit codes, in the same query (one row per agency)."""
    if credentials is None or not credentials.credentials:
        raise unauthorised("missing bearer token")
    digest = sha256_hex(credentials.credentials)
    stmt = (
        select(Device.id, Device.token_sha256, Device.revoked, Counter.id, Counter.slot)
        .add_columns(Centre.id, Centre.code_slots)
        .join(Counter, Counter.id == Device.counter_id)
        .join(Centre, Centre.id == Counter.centre_id)
        .where(Device.token_sha256 == digest)
    )
    if units:
        stmt = stmt.add_columns(Agency.unit_code).outerjoin(Agency, Agency.centre_id == Centre.id)
    rows = session.connection().execute(stmt).all()  # Core: no ORM layer per request
    # The lookup is by digest (a pre-image is not guessable); the explicit compare is cheap
    # defence in depth against a collation or index oddity.
    if not rows or rows[0][2] or not same(rows[0][1], digest):
        raise unauthorised()
    r = rows[0]
    codes = frozenset(row[7] for row in rows if row[7] is not None) if units else frozenset()
    return DeviceCtx(r[0], r[3], r[4], r[5], r[6], codes)
