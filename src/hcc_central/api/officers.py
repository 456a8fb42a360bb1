"""Officer login and logout (device-authenticated): a password check that opens a session.

Every outcome is audited under the calling device. A wrong password, an unknown, disabled or
other centre's name answer alike (401, after the same argon2 work); a locked name answers 423
with Retry-After before any password check, even with the right password.
"""

from __future__ import annotations

import logging
from typing import cast

from fastapi import APIRouter, HTTPException, Response
from sqlalchemy import select

from hcc_core.wire.officer import LoginAnswer
from hcc_core.wire.protocol import LoginRequest, Role

from ..auth import Token, authenticate
from ..changes import audit
from ..guard import (
    COUNTER_ROLES,
    SESSION_MESSAGES,
    GuardDep,
    SessionRefused,
    SessionToken,
    clear_failures,
    end_session,
    locked_for,
    open_session,
    record_failure,
    too_many,
)
from ..models import Officer
from ..security import Busy, normalise_username, verify_password
from .deps import CentralDep
from .openapi import JSON_BODY, UNAUTHORISED, err

log = logging.getLogger("hcc_central.auth")
router = APIRouter(tags=["desk"])
WRONG = "wrong username or password"
LOCKED = (
    "too many failed logins for this user name: locked for {s} s (an administrator can unlock it)"
)


@router.post(
    "/officers/login",
    operation_id="login",
    responses={
        **JSON_BODY,
        401: err("unknown device token, or wrong username or password"),
        423: err("too many failed logins: locked, see Retry-After"),
        503: err("too many logins at once: try again (Retry-After)"),
    },
)
def login(body: LoginRequest, token: Token, c: CentralDep, g: GuardDep) -> LoginAnswer:
    try:
        username = normalise_username(body.username)
    except ValueError:  # cannot be anyone's: a failure like any other
        username = body.username.strip().lower()[:64]
    with c.db.read() as s:
        dev = authenticate(s, token)
        actor = f"device:{dev.device_id}"
        officer = s.scalar(select(Officer).where(Officer.username == username))
        wait = locked_for(s, username, g.now())
    if wait:
        with c.db.write() as s:
            audit(s, actor, "officer.login_locked", username=username, seconds=wait)
        raise too_many(LOCKED.format(s=wait), wait, 423)
    if officer is not None and (
        not officer.active
        or officer.centre_id not in (None, dev.centre_id)
        or officer.role not in COUNTER_ROLES
    ):
        # Disabled, of another centre, or an agency's (who works in the back office, not at a
        # counter, and whose role a desk cannot hold): as if unknown.
        officer = None
    try:
        # argon2 outside any transaction (~50 ms must not hold SQLite's write lock), and at
        # most hash_concurrency at once.
        with g.hashing.slot():
            ok = verify_password(officer.password_hash if officer else None, body.password)
    except Busy:
        raise too_many("central is busy checking passwords: try again", 1, 503) from None
    with c.db.write() as s:
        # Guesses sent in parallel all passed the check above: one that got the password
        # right after the others locked the name is refused like them.
        wait = locked_for(s, username, g.now()) if ok else 0
        if wait:
            audit(s, actor, "officer.login_locked", username=username, seconds=wait)
        elif ok and officer is not None:
            clear_failures(s, username)
            session, expires = open_session(s, g, officer, dev)
            audit(s, actor, "officer.login", username=username)
        else:
            wait = record_failure(s, g, username, g.now())
            audit(s, actor, "officer.login_failed", username=username, locked_seconds=wait)
            # Who tried is in the audit log; the log file gets no names.
            if wait:
                log.warning(
                    "failed logins from device %s locked a name for %d s", dev.device_id, wait
                )
            else:
                log.info("login refused from device %s", dev.device_id)
    if wait:
        raise too_many(LOCKED.format(s=wait), wait, 423)
    if not ok or officer is None:
        raise HTTPException(401, WRONG)
    return LoginAnswer(
        username=officer.username,
        full_name=officer.full_name,
        role=cast(Role, officer.role),  # admin.py stores only these; pydantic checks it again
        session=session,
        session_expires_at=expires,
    )


@router.post(
    "/officers/logout",
    operation_id="logout",
    status_code=204,
    responses={**UNAUTHORISED, 401: err("unknown device token, or no live session of it")},
)
def logout(token: Token, session: SessionToken, c: CentralDep, g: GuardDep) -> Response:
    """End the officer session sent in X-Officer-Session (of this device)."""
    with c.db.write() as s:
        dev = authenticate(s, token)
        try:
            who = end_session(s, g, session, dev)
        except SessionRefused as why:
            refused = why
        else:
            audit(s, f"device:{dev.device_id}", "officer.logout", username=who.username)
            return Response(status_code=204)
        audit(
            s,
            f"device:{dev.device_id}",
            "officer.logout_refused",
            reason=refused.reason,
            **refused.detail,
        )
    raise HTTPException(401, SESSION_MESSAGES[refused.reason])
