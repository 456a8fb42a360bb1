"""Citizen lookup by code + PIN: JSON for apps, a small HTML page for the receipt's QR.

Only what the receipt already shows is returned. A wrong PIN and an unknown code answer alike
(same status, same body, a PIN comparison either way), so codes cannot be probed. Guessing is
rate limited (429 with Retry-After): every lookup spends a token of its client address's bucket
(so guessing across many codes from one address is as slow as on one), every miss a token of
the code's bucket (a code under attack from many addresses); see guard.py, ratelimit.py.
"""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from hcc_desk.core.domain.status import DossierStatus
from hcc_desk.core.sync.protocol import NO_NUL, PublicStatus

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
    for kind, buckets, key, take in (("address", g.lookup_ip, ip, True),
                                     ("code", g.lookup_code, code, False)):
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
        status_label=DossierStatus(row.status).label_vi,
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


page_router = APIRouter(tags=["public"])
_HEADERS = {
    # The PIN is in the URL: never send it on as a Referer; no scripts, no framing.
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu hồ sơ</title>
<style>body{{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em}}
label{{display:block;margin:.5em 0}}input{{font-size:1.1em;width:100%}}
th{{text-align:left;padding-right:1em}}.nf{{color:#a00}}</style></head>
<body><h1>Tra cứu tình trạng hồ sơ</h1>
<form method="get" action="/status">
<label>Mã hồ sơ <input name="code" value="{code}" maxlength="40" required></label>
<label>Mã tra cứu (PIN) <input name="pin" value="{pin}" maxlength="16" required></label>
<button type="submit">Tra cứu</button></form>{result}</body></html>
"""


def _result(found: PublicStatus | None) -> str:
    if found is None:
        return '<p class="nf">Không tìm thấy hồ sơ với mã và mã tra cứu này.</p>'
    due = found.due_at.strftime("%H:%M %d/%m/%Y") if found.due_at else "—"
    rows = [
        ("Mã hồ sơ", found.code),
        ("Thủ tục", found.procedure_name),
        ("Tình trạng", found.status_label),
        ("Ngày tiếp nhận", found.received_at.strftime("%H:%M %d/%m/%Y")),
        ("Hẹn trả kết quả", due),
    ]
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


@page_router.get(
    "/status",
    response_class=HTMLResponse,
    responses={429: {"description": "too many lookups (Retry-After)",
                     "content": {"text/html": {"schema": {"type": "string"}}}}},
)
def status_page(
    c: CentralDep, g: GuardDep, request: Request, code: CodeQ = "", pin: PinQ = ""
) -> HTMLResponse:
    result, status, headers = "", 200, _HEADERS
    if code and pin:
        try:
            result = _result(lookup(c, g, request, code, pin))
        except Limited as limited:
            status, headers = 429, {**_HEADERS, "Retry-After": str(limited.seconds)}
            result = (f'<p class="nf">Tra cứu quá nhiều lần: vui lòng thử lại sau '
                      f"{limited.seconds} giây.</p>")
    body = _PAGE.format(code=escape(code), pin=escape(pin), result=result)
    return HTMLResponse(body, status_code=status, headers=headers)
