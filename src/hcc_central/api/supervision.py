"""Read-only supervision feed: summaries of every dossier of the asking desk's centre.

Device-authenticated like the sync routes, and on behalf of the officer whose session (from
POST /officers/login at this same device) comes in X-Officer-Session: never a name the device
merely states. That officer must be an active supervisor (or admin) of the centre; every read
and every refusal is audited. Only what the supervision
view needs leaves central (no applicant data): code, procedure, agency, counter slot, receiving
officer, times and status. Result and hand-back times are derived from the status history.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import and_, or_, select

from hcc_core.wire.protocol import NO_NUL
from hcc_core.wire.supervision import MAX_LIMIT, PATH, CentreDossierPage, CentreDossierWire

from ..auth import Token, authenticate
from ..changes import audit
from ..event_times import last_at, waiting_since
from ..guard import (
    SESSION_MESSAGES,
    SUPERVISING_ROLES,
    GuardDep,
    SessionRefused,
    SessionToken,
    officer_of,
)
from ..models import Agency, Dossier, Officer
from .deps import CentralDep
from .openapi import err

router = APIRouter(tags=["supervision"])
_VIETNAM = timezone(timedelta(hours=7))
_WAITING, _RELEASING, _DONE = 5, 9, 10


@router.get(
    PATH,
    operation_id="supervision_dossiers",
    responses={
        401: err("missing, unknown or revoked device token; or no live officer session of it"),
        403: err("the session's officer may not read supervision data"),
    },
)
def centre_dossiers(
    token: Token,
    session: SessionToken,
    c: CentralDep,
    g: GuardDep,
    since: datetime | None = None,
    after: Annotated[str, Query(max_length=36, pattern=NO_NUL)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500,
) -> CentreDossierPage:
    """Dossiers changed after the cursor (``since``, ``after``), oldest change first."""
    if since is not None and since.tzinfo is not None:  # central keeps naive local time
        since = since.astimezone(_VIETNAM).replace(tzinfo=None)
    with c.db.write() as s:  # a refusal commits its audit row, then answers
        dev = authenticate(s, token)
        actor = f"device:{dev.device_id}"
        try:
            who = officer_of(s, g, session, dev)
        except SessionRefused as why:
            audit(s, actor, "supervision.refused", reason=why.reason, **why.detail)
            refusal: HTTPException | None = HTTPException(401, SESSION_MESSAGES[why.reason])
        else:
            refusal = None
            if who.role not in SUPERVISING_ROLES or who.centre_id not in (None, dev.centre_id):
                audit(s, actor, "supervision.refused", reason="role", officer=who.username)
                refusal = HTTPException(
                    403, "this officer may not read the centre's supervision data"
                )
            else:
                rows, agencies, names = _read(s, dev.centre_id, since, after, limit)
                audit(
                    s, actor, "supervision.read", officer=who.username, rows=min(len(rows), limit)
                )
    if refusal is not None:
        raise refusal
    more = len(rows) > limit
    items = [_summary(r, agencies, names) for r in rows[:limit]]
    last = items[-1] if items else None
    return CentreDossierPage(
        items=items,
        next_since=last.updated_at if last else since,
        next_after=last.uuid if last else after,
        more=more,
        server_time=datetime.now().replace(microsecond=0),
    )


def _read(
    s: Any, centre_id: int, since: datetime | None, after: str, limit: int
) -> tuple[list[Any], dict[str, str], dict[str, str]]:
    stmt = (
        select(
            Dossier.uuid,
            Dossier.code,
            Dossier.unit_code,
            Dossier.counter_slot,
            Dossier.status,
            Dossier.received_at,
            Dossier.due_at,
            Dossier.procedure_name,
            Dossier.doc,
            Dossier.updated_at,
        )
        .where(Dossier.centre_id == centre_id)
        .order_by(Dossier.updated_at, Dossier.uuid)
        .limit(limit + 1)
    )
    if since is not None:
        stmt = stmt.where(
            or_(Dossier.updated_at > since, and_(Dossier.updated_at == since, Dossier.uuid > after))
        )
    rows = list(s.execute(stmt).all())
    agencies = dict(
        s.execute(select(Agency.unit_code, Agency.name).where(Agency.centre_id == centre_id))
        .tuples()
        .all()
    )
    users = {str((r.doc or {}).get("officer") or "") for r in rows}
    names = dict(
        s.execute(select(Officer.username, Officer.full_name).where(Officer.username.in_(users)))
        .tuples()
        .all()
    )
    return rows, agencies, names


def _summary(r: Any, agencies: dict[str, str], names: dict[str, str]) -> CentreDossierWire:
    doc = r.doc or {}
    officer = str(doc.get("officer") or "")[:64]
    events = sorted(doc.get("events") or [], key=lambda e: e.get("at") or "")
    return CentreDossierWire(
        uuid=r.uuid,
        code=r.code,
        procedure_code=(doc.get("procedure_code") or None),
        procedure_name=doc.get("procedure_name") or r.procedure_name,
        unit_code=r.unit_code,
        agency_name=agencies.get(r.unit_code),
        counter_slot=r.counter_slot,
        officer=officer,
        officer_name=names.get(officer),
        received_at=r.received_at,
        due_at=r.due_at,
        status=r.status,
        waiting_since=waiting_since(events) if r.status == _WAITING else None,
        result_ready_at=last_at(events, _RELEASING) if r.status in (_RELEASING, _DONE) else None,
        returned_at=last_at(events, _DONE) if r.status == _DONE else None,
        updated_at=r.updated_at,
    )
