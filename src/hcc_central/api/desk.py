"""Desk-facing routes: enrolment, officer login, limits, push, pull."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from hcc_core.wire.protocol import (
    MAX_PUSH_OPS,
    EnrolRequest,
    EnrolResponse,
    Limits,
    PullResponse,
    PushOp,
    PushResponse,
    for_version,
)

from ..auth import Token
from ..changes import changes_since
from ..enrolment import Refusal, enrol_device
from ..protocol_gate import ClientProtocol
from ..settings import Settings
from .deps import BIG, CentralDep
from .officers import router as officers_router
from .openapi import JSON_BODY, UNAUTHORISED, err, link

router = APIRouter(tags=["desk"])


class PushBody(BaseModel):
    """The wire PushRequest, read leniently: an invalid op stays a dict and is rejected alone
    (422 in its result) instead of failing the whole batch. More than 200 ops → 413."""

    ops: list[Annotated[PushOp | dict[str, Any], Field(union_mode="left_to_right")]] = Field(
        json_schema_extra={"maxItems": MAX_PUSH_OPS}
    )


_OP = "$request.body#/ops/0/payload"  # the first pushed dossier
_ATT = f"{_OP}/attachments/0"
# After a push: upload the attachments the dossier names; look it up as its citizen would.
PUSHED = {
    "description": "one result per op, in order",
    "links": {
        "UploadAttachment": link(
            "start_upload",
            body={
                "dossier_uuid": f"{_OP}/uuid",
                "attachment_uuid": f"{_ATT}/uuid",
                "sha256": f"{_ATT}/sha256",
                "size": f"{_ATT}/size",
                "filename": f"{_ATT}/filename",
                "content_type": f"{_ATT}/content_type",
            },
        ),
        "LookUp": link("public_status", code=f"{_OP}/code", pin=f"{_OP}/lookup_pin"),
    },
}


def limits_of(settings: Settings) -> Limits:
    return Limits(
        max_attachment_bytes=settings.max_attachment_bytes,
        max_dossier_bytes=settings.max_dossier_bytes,
        chunk_bytes=settings.chunk_bytes,
    )


ENROL_ERRORS = {
    **JSON_BODY,
    401: err("unknown enrolment code"),
    409: err("the code was used by another enrolment, or the slot is held by another device"),
    410: err("the code has expired, or its device was revoked or its retry window closed"),
}


@router.post("/enrol", operation_id="enrol", responses=ENROL_ERRORS)
def enrol(
    body: EnrolRequest, request: Request, c: CentralDep, version: ClientProtocol
) -> EnrolResponse:
    remote = request.client.host if request.client else "unknown"
    with c.db.write() as s:  # a refusal commits its audit row, then answers
        outcome = enrol_device(s, body, limits_of(c.settings), remote=remote, now=datetime.now())
    if isinstance(outcome, Refusal):
        raise HTTPException(outcome.status, outcome.detail)
    return for_version(outcome, version)


@router.get("/limits", operation_id="limits", responses=UNAUTHORISED)
def limits(token: Token, c: CentralDep) -> Limits:
    c.device(token)
    return limits_of(c.settings)


@router.post(
    "/sync/push",
    operation_id="push",
    responses={
        200: PUSHED,
        **JSON_BODY,
        **UNAUTHORISED,
        413: err(f"more than {MAX_PUSH_OPS} ops"),
    },
    response_model=PushResponse,
)
def push(body: PushBody, token: Token, c: CentralDep) -> Response:
    if len(body.ops) > MAX_PUSH_OPS:
        raise HTTPException(413, f"at most {MAX_PUSH_OPS} ops per push")
    # Serialised here: the results are already valid, FastAPI would validate them again.
    answer = PushResponse(results=c.ingest.push(token, body.ops))
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get("/sync/pull", operation_id="pull", responses=UNAUTHORISED)
def pull(
    token: Token,
    c: CentralDep,
    version: ClientProtocol,
    cursor: Annotated[int, Query(ge=0, le=BIG)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> PullResponse:
    dev = c.device(token)
    with c.db.read() as s:
        changes, new_cursor, more = changes_since(s, dev.centre_id, cursor, limit)
    # The cursor passes what an older desk is not sent: it could not apply it anyway.
    return for_version(PullResponse(changes=changes, cursor=new_cursor, more=more), version)


router.include_router(officers_router)  # login, logout (officers.py)
