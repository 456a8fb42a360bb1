"""Reusing signed digitised papers (issue 14; wire types hcc_core/wire/papers.py).

Device-authenticated like the sync routes, and on behalf of the officer whose live session of this
device comes in X-Officer-Session (as the supervision feed, supervision.py): any active counter
officer (officer, supervisor, admin) of the device's centre. Lookups are limited per device
(``paper_lookups_per_device`` per ``paper_lookup_window_minutes``: 429 with Retry-After).

Every lookup, download and refusal is audited: the officer, how many papers, a tag of the ID
number (reuse.id_tag), never the number or the name. A file is served only to a device that was
listed the paper within GRANT_MINUTES; anything else is the same 404 as an unknown paper.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from hcc_core.wire.papers import FILE_PATH, LOOKUP_PATH, ReusableList, ReusableQuery
from hcc_core.wire.protocol import UUID_PATTERN

from .. import reuse
from ..auth import DeviceCtx, Token, authenticate
from ..changes import audit
from ..guard import (
    COUNTER_ROLES,
    SESSION_MESSAGES,
    Guard,
    GuardDep,
    SessionRefused,
    SessionToken,
    officer_of,
    too_many,
)
from ..models import Officer
from .deps import CentralDep
from .openapi import JSON_BODY, err

router = APIRouter(tags=["papers"])
PaperUuid = Annotated[str, PathParam(pattern=UUID_PATTERN)]
NOT_GRANTED = "no such paper for this device: look it up first (a listing lasts a while)"
SESSION_REFUSED = err("missing, unknown or revoked device token; or no live officer session of it")
ROLE_REFUSED = err("the session's officer is not a counter officer of this centre")
PDF = {
    "description": "the signed copy's bytes (the caller checks them against the listed sha256)",
    "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
}


def _officer(
    s: Session, g: Guard, session: str | None, dev: DeviceCtx, actor: str
) -> tuple[Officer | None, HTTPException | None]:
    """The session's officer, or the refusal to answer (audited)."""
    try:
        who = officer_of(s, g, session, dev)
    except SessionRefused as why:
        audit(s, actor, "papers.refused", reason=why.reason, **why.detail)
        return None, HTTPException(401, SESSION_MESSAGES[why.reason])
    if who.role not in COUNTER_ROLES or who.centre_id not in (None, dev.centre_id):
        audit(s, actor, "papers.refused", reason="role", officer=who.username)
        return None, HTTPException(403, "this officer may not look up digitised papers here")
    return who, None


@router.post(
    LOOKUP_PATH,
    operation_id="reusable_papers",
    responses={
        **JSON_BODY,
        401: SESSION_REFUSED,
        403: ROLE_REFUSED,
        429: err("too many lookups from this device: see Retry-After"),
    },
)
def reusable_papers(
    body: ReusableQuery, token: Token, session: SessionToken, c: CentralDep, g: GuardDep
) -> ReusableList:
    """The signed digitised papers central holds for the person with this ID number, name and
    date of birth (all three must match what the digitising dossier recorded), still valid."""
    with c.db.write() as s:  # a refusal commits its audit row, then answers
        dev = authenticate(s, token)
        actor = f"device:{dev.device_id}"
        who, refusal = _officer(s, g, session, dev, actor)
        if who is not None:
            wait, first = g.paper_lookups.wait(dev.device_id)
            if wait:
                if first:  # the first refusal of a run: a flood does not flood the log
                    audit(s, actor, "papers.refused", reason="rate", officer=who.username)
                refusal = too_many("too many lookups of papers from this device: wait", wait)
            else:
                now = g.now()
                scope = dev.centre_id if reuse.centre_only(c.settings.reuse_scope) else None
                papers = reuse.find(s, c.store, body, scope, now.date())
                reuse.grant(s, dev.device_id, papers, now)
                audit(s, actor, "papers.lookup", officer=who.username, count=len(papers),
                      id_tag=reuse.id_tag(body.id_number))  # fmt: skip
    if refusal is not None:
        raise refusal
    return ReusableList(papers=papers)


@router.get(
    FILE_PATH,
    operation_id="reusable_paper_file",
    response_class=FileResponse,
    responses={
        200: PDF,
        401: SESSION_REFUSED,
        403: ROLE_REFUSED,
        404: err("unknown paper, or not listed to this device lately: look it up first"),
    },
)
def reusable_paper_file(
    paper_uuid: PaperUuid, token: Token, session: SessionToken, c: CentralDep, g: GuardDep
) -> FileResponse:
    """The signed copy of a paper a lookup listed to this device within GRANT_MINUTES."""
    found = None
    with c.db.write() as s:
        dev = authenticate(s, token)
        actor = f"device:{dev.device_id}"
        who, refusal = _officer(s, g, session, dev, actor)
        if who is not None:
            found = reuse.granted_file(s, c.store, dev.device_id, paper_uuid, g.now())
            if found is None:
                audit(s, actor, "papers.refused", reason="not_granted", officer=who.username,
                      paper_uuid=paper_uuid)  # fmt: skip
            else:
                audit(s, actor, "papers.file", officer=who.username, paper_uuid=paper_uuid)
    if refusal is not None:
        raise refusal
    if found is None:
        raise HTTPException(404, NOT_GRANTED)
    return FileResponse(
        c.store.blob_path(found.sha256),
        media_type="application/pdf",
        filename=found.filename,
        content_disposition_type="attachment",
        headers={"Cache-Control": "no-store"},
    )
