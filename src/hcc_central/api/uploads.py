"""Attachment uploads (docs/sync-protocol.md, Attachments): a small file in one verified request;
a larger one in chunks, resumable, verified on completion."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path as FsPath
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BeforeValidator, Field
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from hcc_core.wire.protocol import NO_NUL, UploadDone, UploadOffset, UploadStart, UploadState

from .. import upload_rules as rules
from ..auth import DeviceCtx, Token
from ..models import Attachment, Upload
from ..signatures import Signer, check_signatures
from ..upload_rules import Refused
from .deps import BIG, Central, CentralDep
from .openapi import JSON_BODY, UNAUTHORISED, Responses, err, link

log = logging.getLogger("hcc_central.uploads")

router = APIRouter(tags=["uploads"])
OFFSET = {
    "description": "offset mismatch: resume from this offset",
    "model": UploadOffset,
    "links": {
        "Resume": link(
            "put_chunk", upload_id="$request.path.upload_id", offset="$response.body#/offset"
        )
    },
}
STARTED = {
    "description": "the upload to send (or, complete, nothing to send)",
    "links": {
        "PutChunk": link(
            "put_chunk", upload_id="$response.body#/upload_id", offset="$response.body#/offset"
        ),
        "Complete": link("complete_upload", upload_id="$response.body#/upload_id"),
    },
}
STORED = {
    "description": "stored up to this offset",
    "links": {
        "NextChunk": link(
            "put_chunk", upload_id="$request.path.upload_id", offset="$response.body#/offset"
        ),
        "Complete": link("complete_upload", upload_id="$request.path.upload_id"),
    },
}
# What a device may upload (upload_rules.py): every refusal below is audited.
FOREIGN_DOSSIER: Responses = {
    403: err("the dossier belongs to another counter of this centre"),
    404: err("no such dossier at this centre, or it names no such attachment: push it first"),
}
FOREIGN_ATTACHMENT: Responses = {
    409: err("the attachment uuid belongs to another dossier, or its size or sha256 differ")
}
NO_ROOM: Responses = {507: err("the device's or the centre's stored-bytes quota is reached")}
UNKNOWN_UPLOAD: Responses = {404: err("unknown upload (or another device's): start again")}
UploadId = Annotated[str, Path(max_length=64, pattern=NO_NUL)]


def _json_integer(value: object) -> object:
    """A JSON integer (``5`` or ``5.0``), not ``true`` or ``"5"`` that lax coercion would take."""
    if isinstance(value, bool | str):
        raise ValueError("must be a JSON integer")
    return value


class UploadBody(UploadStart):
    """UploadStart as a JSON body, its ``size`` a JSON integer. (In a query string every value
    is text: the single upload's query keeps the lax UploadStart.)"""

    size: Annotated[int, BeforeValidator(_json_integer)] = Field(ge=0)


OCTETS = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post(
    "/uploads",
    operation_id="start_upload",
    responses={
        200: STARTED,
        **JSON_BODY,
        **UNAUTHORISED,
        **FOREIGN_DOSSIER,
        **FOREIGN_ATTACHMENT,
        **NO_ROOM,
        413: err("larger than max_attachment_bytes"),
        429: err("too many bytes of unfinished uploads for this device or centre: later"),
    },
)
def start_upload(body: UploadBody, token: Token, c: CentralDep) -> UploadState:
    dev = c.device(token)
    with _audited(c, dev, "start_upload"), c.db.write() as s:
        if body.size > c.settings.max_attachment_bytes:  # refused before a byte is stored
            raise Refused(413, f"attachment larger than {c.settings.max_attachment_bytes}")
        att = rules.check_target(s, dev, body)
        if rules.already_stored(s, dev, body.sha256, c.store):  # this centre's: nothing to send
            rules.mark_stored(s, c.settings, dev, att)
            rules.copy_signer(s, dev, att)  # verified when those bytes came
            return UploadState(upload_id=str(uuid.uuid4()), offset=body.size, complete=True)
        now = rules.clock()
        rules.sweep_expired(s, c.store, now, c.settings.upload_expiry_hours)
        up = s.scalar(
            select(Upload).where(
                Upload.device_id == dev.device_id,
                Upload.attachment_uuid == body.attachment_uuid,
                Upload.sha256 == body.sha256,
            )
        )
        if up is None:
            rules.check_inflight(s, c.settings, dev, body.size)
            rules.check_stored(s, c.settings, dev, body.size)
            upload_id = str(uuid.uuid4())
            up = Upload(
                upload_id=upload_id,
                device_id=dev.device_id,
                centre_id=dev.centre_id,
                offset=0,
                temp_path=str(c.store.temp_path(upload_id)),
                created_at=now,
                **body.model_dump(),
            )
            s.add(up)
        return UploadState(upload_id=up.upload_id, offset=up.offset, complete=False)


# Before the /uploads/{upload_id} routes: the concrete path must win (405 and Allow for it).
@router.post(
    "/uploads/single",
    operation_id="single_upload",
    responses={
        **UNAUTHORISED,
        **FOREIGN_DOSSIER,
        **FOREIGN_ATTACHMENT,
        **NO_ROOM,
        413: err("larger than one chunk: send it in chunks"),
        415: err("a signed PDF whose signature is invalid (docs/digitising.md)"),
        422: err("invalid query, or the content does not match size and sha256"),
    },
    openapi_extra=OCTETS,
)
async def single_upload(
    body: Annotated[UploadStart, Query()], request: Request, token: Token, c: CentralDep
) -> UploadDone:
    """A whole file that fits in one chunk, in one request: described in the query, its bytes
    in the body, stored only if they match ``size`` and ``sha256`` (else 422: send it again).
    Idempotent. Larger files go by POST /uploads and PUT chunks (resumable)."""
    dev = await _caller(c, token)
    limit = min(c.settings.chunk_bytes, c.settings.max_attachment_bytes)
    if body.size > limit:  # refused before a byte is read; audited as the others
        err = Refused(413, f"single uploads are at most {limit} bytes: send it in chunks")
        await run_in_threadpool(rules.audit_refusal, c.db, dev, "single_upload", err)
        raise err
    data = await _body(request, limit, "single uploads")
    if data is None:  # the link broke: nothing was stored, the desk sends it again
        log.info("single upload of %s: client disconnected", body.attachment_uuid)
        return Response(status_code=499)  # type: ignore[return-value]
    return await run_in_threadpool(_single, c, dev, body, data)


def _single(c: Central, dev: DeviceCtx, body: UploadStart, data: bytes) -> UploadDone:
    with _audited(c, dev, "single_upload"):
        with c.db.read() as s:  # checked before a byte goes to the store
            att = rules.check_target(s, dev, body, lock=False)
            if att.stored_at is None:
                rules.check_stored(s, c.settings, dev, body.size)
        if len(data) != body.size or hashlib.sha256(data).hexdigest() != body.sha256:
            raise HTTPException(422, "content does not match size and sha256: nothing stored")
        signer = _check_signature(c, data)
        if not c.store.has(body.sha256):
            c.store.put(data, body.sha256)  # the blob first: a row never names a missing blob
        with c.db.write() as s:
            att = rules.check_target(s, dev, body)
            rules.mark_stored(s, c.settings, dev, att)
            _record_signer(att, signer)
    return UploadDone(sha256=body.sha256)


@contextmanager
def _audited(c: Central, dev: DeviceCtx, route: str) -> Iterator[None]:
    """A refusal (upload_rules.Refused) is audited, then answered."""
    try:
        yield
    except Refused as err:
        rules.audit_refusal(c.db, dev, route, err)
        raise


@router.put(
    "/uploads/{upload_id}",
    operation_id="put_chunk",
    responses={
        200: STORED,
        **UNAUTHORISED,
        **UNKNOWN_UPLOAD,
        409: OFFSET,
        413: err("chunk larger than chunk_bytes, or past the declared size"),
    },
    openapi_extra=OCTETS,
)
async def put_chunk(
    upload_id: UploadId,
    offset: Annotated[int, Query(ge=0, le=BIG)],
    request: Request,
    token: Token,
    c: CentralDep,
) -> UploadOffset:
    dev = await _caller(c, token)
    data = await _body(request, c.settings.chunk_bytes, "chunks")
    if data is None:
        # The desk's connection broke mid-chunk (the normal case on a bad network): nothing
        # was written, the desk resumes from the stored offset. Answer quietly, no traceback.
        log.info("upload %s: client disconnected mid-chunk", upload_id)
        return Response(status_code=499)  # type: ignore[return-value]
    return await run_in_threadpool(_put, c, dev, upload_id, offset, data)


async def _caller(c: Central, token: Token) -> DeviceCtx:
    """The calling device (or 401) before a byte of the body is read: an unknown caller is
    told nothing else and costs no body. From the cache without a thread hop when there."""
    found = c.devices.find(token)
    if found is not None:
        return found
    return await run_in_threadpool(c.device, token)


async def _body(request: Request, limit: int, what: str) -> bytes | None:
    """The request body, at most ``limit`` bytes (else 413); None if the client went away."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"{what} are at most {limit} bytes")
    data = bytearray()
    try:
        async for part in request.stream():
            data += part
            if len(data) > limit:
                raise HTTPException(413, f"{what} are at most {limit} bytes")
    except ClientDisconnect:
        return None
    return bytes(data)


def _put(c: Central, dev: DeviceCtx, upload_id: str, offset: int, data: bytes) -> UploadOffset:
    with _audited(c, dev, "put_chunk"), c.db.write() as s:
        up = _own_upload(s, dev, upload_id)
        if offset != up.offset:
            raise _offset_conflict(up.offset)
        if offset + len(data) > up.size:
            raise HTTPException(413, f"chunk goes past the declared size {up.size}")
        # Row lock held (FOR UPDATE / SQLite write lock): one writer per upload at a time.
        up.offset = c.store.write_at(FsPath(up.temp_path), offset, data)
        return UploadOffset(offset=up.offset)


@router.post(
    "/uploads/{upload_id}/complete",
    operation_id="complete_upload",
    responses={
        **UNAUTHORISED,
        **UNKNOWN_UPLOAD,
        409: OFFSET,
        415: err("a signed PDF whose signature is invalid (docs/digitising.md)"),
        422: err("invalid upload id, or the content does not match sha256"),
    },
)
def complete_upload(upload_id: UploadId, token: Token, c: CentralDep) -> UploadDone:
    conflict, ok = None, False
    signer: Signer | None = None
    dev = c.device(token)
    with _audited(c, dev, "complete_upload"), c.db.write() as s:
        up = _own_upload(s, dev, upload_id)
        temp = FsPath(up.temp_path)
        if up.size == 0:
            c.store.write_at(temp, 0, b"")
        elif up.offset and not temp.is_file():  # temp file lost (disk cleaned?): resume from 0
            up.offset = 0
        if up.offset != up.size:
            conflict = up.offset
        else:
            att = s.get(Attachment, up.attachment_uuid, with_for_update=True)
            if att is not None and att.stored_at is None:  # quota reached meanwhile: 507 now
                rules.check_stored(s, c.settings, dev, up.size)
            if _is_pdf(temp):  # a signed PDF whose signature is invalid: refused (415)
                signer = _check_signature(c, temp.read_bytes())
            ok = c.store.commit(temp, up.sha256)
            s.delete(up)
            if ok and att is not None:
                rules.mark_stored(s, c.settings, dev, att)
                _record_signer(att, signer)
    if conflict is not None:
        raise _offset_conflict(conflict)
    if not ok:
        raise HTTPException(422, "content does not match sha256: upload discarded, start again")
    return UploadDone(sha256=up.sha256)


def _check_signature(c: Central, data: bytes) -> Signer | None:
    """A PDF that carries a digital signature is stored only if the signature holds
    (signatures.py); unsigned files pass. Refused with 415: the desk parks the file and shows
    why, it does not send the same bytes again. Returns who signed a copy that holds."""
    verdict = check_signatures(data, c.settings.signature_ca_dir)
    if verdict.problem is not None:
        raise Refused(415, f"signed PDF refused: {verdict.problem}")
    return verdict.signer


def _record_signer(att: Attachment, signer: Signer | None) -> None:
    """The verified signer on the stored copy's row (what makes it reusable, api/papers.py)."""
    if signer is not None:
        att.signer, att.signed_at = signer.name, signer.signed_at


def _is_pdf(path: FsPath) -> bool:
    """By its first bytes, before a large file is read whole."""
    try:
        with path.open("rb") as f:
            return b"%PDF-" in f.read(1024)
    except FileNotFoundError:
        return False


class OffsetConflict(HTTPException):
    pass


def _offset_conflict(offset: int) -> HTTPException:
    return OffsetConflict(409, {"offset": offset})


async def offset_conflict_handler(_request: Request, exc: Exception) -> JSONResponse:
    """409 bodies are ``{"offset": N}`` as the protocol says, not FastAPI's ``{"detail": …}``."""
    assert isinstance(exc, OffsetConflict)
    return JSONResponse(exc.detail, status_code=409)


def _own_upload(s: Session, dev: DeviceCtx, upload_id: str) -> Upload:
    up = s.get(Upload, upload_id, with_for_update=True)
    detail = "unknown upload: start again with POST /uploads"
    if up is None:  # never started, finished, or expired: the desk's normal case, not audited
        raise HTTPException(404, detail)
    if up.device_id != dev.device_id:  # another device's upload: the same answer, audited
        raise Refused(404, detail, upload_id=upload_id)
    return up
