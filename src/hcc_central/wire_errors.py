"""Error answers that tell the caller what is wrong without echoing what it sent.

FastAPI's own 422 repeats every invalid input in full: a megabyte string comes back a megabyte
long (and a PIN or password would land in whatever logs the answer). Here: where, what, which
kind — no input; names taken from the input (an unknown key) are cut short.

Input the database cannot store but validation let through (a gap a future field may open) is a
422 too, never a 500; a known device's refused request is audited.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy.exc import DataError, StatementError
from starlette.concurrency import run_in_threadpool

from .changes import audit

log = logging.getLogger("hcc_central.wire")
MAX_ERRORS = 20
MAX_NAME = 40  # characters of a location part (a key the client made up)
MAX_MSG = 200


def field_errors(errors: Any) -> list[dict[str, Any]]:
    out = []
    for e in list(errors)[:MAX_ERRORS]:
        loc = [p if isinstance(p, int) else _short(str(p), MAX_NAME) for p in e.get("loc", ())]
        out.append({"loc": loc, "msg": _short(str(e.get("msg", "")), MAX_MSG),
                    "type": str(e.get("type", ""))})  # fmt: skip
    return out


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def install_error_handlers(app: FastAPI) -> None:
    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        detail = field_errors(exc.errors())
        await audit_device(request, "wire.invalid", status=422,
                           fields=[".".join(map(str, e["loc"])) for e in detail[:5]])  # fmt: skip
        return JSONResponse({"detail": detail}, status_code=422)

    async def unstorable(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StatementError)
        orig = exc.orig
        if not isinstance(exc, DataError) and not isinstance(orig, (UnicodeError, ValueError)):
            raise exc  # a database fault, not the input: a 5xx
        log.warning("%s %s: the database refused the input: %s", request.method,
                    request.url.path, type(orig).__name__)  # fmt: skip
        await audit_device(request, "wire.unstorable", status=422, error=type(orig).__name__)
        return JSONResponse({"detail": "the database cannot store this input"}, status_code=422)

    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StatementError, unstorable)


async def audit_device(request: Request, action: str, **detail: Any) -> None:
    """Audit a refusal if the caller is a known device (from the cache the guard filled: an
    outsider, or enrolment, is not audited — it would let anyone fill the log)."""
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return
    central = request.app.state.central
    dev = central.devices.find(
        HTTPAuthorizationCredentials(scheme="Bearer", credentials=token.strip())
    )
    if dev is None:
        return
    await run_in_threadpool(audit_refusal, central, dev.device_id, action,
                            {"path": request.url.path, **detail})  # fmt: skip


def audit_refusal(central: Any, device_id: str, action: str, detail: dict[str, Any]) -> None:
    with central.db.write() as s:
        audit(s, f"device:{device_id}", action, **detail)
