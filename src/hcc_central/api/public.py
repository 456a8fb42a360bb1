"""Citizen lookup by code + PIN: JSON for apps, and the check behind the status page the papers'
QR and link open (``/tra-cuu?ma=…&pin=…``, status_page.py; ``/status?code=…`` kept).

Only what the receipt already shows is returned. A wrong PIN and an unknown code answer alike
(same status, same body, a PIN comparison either way), so codes cannot be probed. Guessing is
rate limited (429 with Retry-After): every lookup spends a token of its client address's bucket
(so guessing across many codes from one address is as slow as on one), every miss a token of
the code's bucket (a code under attack from many addresses); see guard.py, ratelimit.py.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from sqlalchemy import select

from hcc_core.domain.status import DossierStatus
from hcc_core.wire.protocol import NO_NUL, PublicStatus

from ..changes import audit
from ..guard import Guard, GuardDep, too_many
from ..models import Dossier
from ..security import same
from .deps import Central, CentralDep
from .openapi import err

router = APIRouter(tags=["public"])
NOT_FOUND = "no dossier with this code and PIN"
CodeQ = Annotated[str, Query(max_length=40, pattern=NO_NUL)]
PinQ = Annotated[str, Query(max_length=16, pattern=NO_NUL)]
_DUMMY_PIN = "\x00" * 6


TOO_MANY = "too many lookups: try again in {s} s"


class Limited(Exception):
    def __init__(self, seconds: int) -> None:
        self.seconds = seconds


def _admit(c: Central, g: Guard, request: Request, code: str) -> None:
    """Limited unless both buckets have a token (the address's is spent here). The first
    refusal of a run is audited, not each one: a flood must not become a flood of writes."""
    # Behind a reverse proxy, uvicorn's --proxy-headers (trusted proxies only) puts the real
    # client address here.
    ip = request.client.host if request.client else "?"
    for kind, buckets, key, take in (
        ("address", g.lookup_ip, ip, True),
        ("code", g.lookup_code, code, False),
    ):
        wait, first = buckets.wait(key, take=take)
        if wait:
            if first:
                with c.db.write() as s:
                    audit(s, f"public:{ip}", "lookup.rate_limited", by=kind, code=code[:40])
            raise Limited(wait)


def lookup(c: Central, g: Guard, request: Request, code: str, pin: str) -> PublicStatus | None:
    code, pin = code.strip().upper(), pin.strip().upper()
    _admit(c, g, request, code)
    with c.db.read() as s:
        row = s.execute(
            select(Dossier.lookup_pin, Dossier.status, Dossier.doc).where(Dossier.code == code)
        ).first()
    match = same(row.lookup_pin if row else _DUMMY_PIN, pin)
    if row is None or not match:
        g.lookup_code.take(code)
        return None
    return PublicStatus(
        code=code,
        status=row.status,
        status_label=DossierStatus(row.status).text("vi"),
        received_at=row.doc["received_at"],
        due_at=row.doc["due_at"],
        procedure_name=row.doc["procedure_name"],
    )


@router.get(
    "/public/status",
    operation_id="public_status",
    responses={404: err(NOT_FOUND), 429: err("too many lookups: see Retry-After")},
)
def public_status(
    code: CodeQ, pin: PinQ, c: CentralDep, g: GuardDep, request: Request
) -> PublicStatus:
    try:
        found = lookup(c, g, request, code, pin)
    except Limited as limited:
        raise too_many(TOO_MANY.format(s=limited.seconds), limited.seconds) from None
    if found is None:
        raise HTTPException(404, NOT_FOUND)
    return found
