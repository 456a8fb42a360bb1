"""Who is using the back office: browser sessions, CSRF tokens and the role checks of pages.

- The session token lives only in an HttpOnly, Secure, SameSite=Strict cookie with the
  ``__Host-`` prefix (no domain, path /); central keeps its SHA-256. It ends at a fixed time
  (``session_minutes``), when unused for ``session_idle_minutes``, at logout, when the officer is
  disabled or their password changes (``admin.set_password`` ends every session).
- Every form of a session carries its CSRF token (``csrf``), checked on every POST before
  anything is done (``posted``). The login form, before any session, uses a double-submit
  cookie (``pre_csrf``).
- Pages say which roles may see them (``viewer("agency")``); the officer's centre and agency
  come from the database on every request, never from what the browser sends.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlalchemy import delete, update
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from ..api.deps import Central
from ..guard import Guard, guard_of
from ..models import Officer, WebSession
from ..security import sha256_hex

COOKIE = "__Host-hcc-session"
PRE_COOKIE = "__Host-hcc-login"  # the login form's double-submit token
WEB_ROLES = ("agency", "supervisor", "admin")


@dataclass(frozen=True)
class WebOfficer:
    id: int
    username: str
    full_name: str
    role: str
    centre_id: int | None  # None: an admin of every centre
    agency_id: int | None  # role "agency": the agency whose dossiers they process
    csrf: str
    token_sha256: str

    @property
    def actor(self) -> str:
        """How the audit log names this officer's actions."""
        return f"web:{self.username}"


class LoginRequired(Exception):
    """No live session: the page answers with the login form (web/__init__.py)."""


class Forbidden(Exception):
    """A live session whose officer may not do this (wrong role, other centre or agency)."""


class BadCsrf(Exception):
    """A POST without its session's CSRF token: refused before anything is done."""


def set_cookie(response: Response, name: str, value: str, max_age: int | None = None) -> None:
    response.set_cookie(
        name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="strict"
    )


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path="/", secure=True, httponly=True, samesite="strict")


def open_web_session(s: Session, g: Guard, officer: Officer) -> tuple[str, WebSession]:
    token = secrets.token_urlsafe(32)
    now = g.now()
    row = WebSession(
        token_sha256=sha256_hex(token),
        officer_id=officer.id,
        centre_id=officer.centre_id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + timedelta(minutes=g.settings.session_minutes),
        last_seen_at=now,
    )
    s.add(row)
    # Ended sessions are of no use: dropped as new ones come.
    s.execute(delete(WebSession).where(WebSession.expires_at < now - timedelta(days=1)))
    return token, row


def end_web_session(s: Session, g: Guard, token_sha256: str) -> None:
    s.execute(
        update(WebSession)
        .where(WebSession.token_sha256 == token_sha256, WebSession.revoked_at.is_(None))
        .values(revoked_at=g.now())
    )


def officer_of_cookie(s: Session, g: Guard, token: str | None) -> WebOfficer:
    """The officer of this live session, marked used now (LoginRequired otherwise)."""
    if not token:
        raise LoginRequired
    row = s.get(WebSession, sha256_hex(token))
    now = g.now()
    if row is None or row.revoked_at is not None:
        raise LoginRequired
    idle = g.settings.session_idle_minutes
    if row.expires_at <= now or (idle and row.last_seen_at + timedelta(minutes=idle) <= now):
        raise LoginRequired
    who = s.get(Officer, row.officer_id)
    if who is None or not who.active or who.role not in WEB_ROLES:
        raise LoginRequired
    if (now - row.last_seen_at).total_seconds() >= 30:  # not a write per page view
        row.last_seen_at = now
    return WebOfficer(
        id=who.id,
        username=who.username,
        full_name=who.full_name,
        role=who.role,
        centre_id=who.centre_id,
        agency_id=who.agency_id,
        csrf=row.csrf_token,
        token_sha256=row.token_sha256,
    )


def _central(request: Request) -> Central:
    central: Central = request.app.state.central
    return central


def current_officer(request: Request, roles: tuple[str, ...]) -> WebOfficer:
    c = _central(request)
    with c.db.write() as s:
        officer = officer_of_cookie(s, guard_of(request.app), request.cookies.get(COOKIE))
    if officer.role not in roles:
        raise Forbidden
    return officer


def viewer(*roles: str) -> Callable[[Request], WebOfficer]:
    """Dependency for a page (GET): the logged-in officer, of one of ``roles``."""
    allowed = roles or WEB_ROLES

    def dependency(request: Request) -> WebOfficer:
        return current_officer(request, allowed)

    return dependency


def poster(*roles: str) -> Callable[[Request], Awaitable[WebOfficer]]:
    """Dependency for a form post: the officer, of one of ``roles``, and the session's CSRF
    token in the form's ``csrf`` field (BadCsrf otherwise, before the route runs)."""
    allowed = roles or WEB_ROLES

    async def dependency(request: Request) -> WebOfficer:
        form = await request.form()  # cached on the request: the route's Form fields reuse it
        sent = form.get("csrf")
        officer = await run_in_threadpool(current_officer, request, allowed)
        if not isinstance(sent, str) or not hmac.compare_digest(sent, officer.csrf):
            raise BadCsrf
        return officer

    return dependency


def pre_csrf(request: Request) -> str:
    """The login form's token: the cookie's if it has one, else a new one to set."""
    token = request.cookies.get(PRE_COOKIE)
    return token if token and len(token) <= 64 else secrets.token_urlsafe(32)


def pre_csrf_ok(request: Request, sent: str | None) -> bool:
    cookie = request.cookies.get(PRE_COOKIE)
    return bool(cookie and sent and hmac.compare_digest(cookie, sent))


AnyOfficer = Annotated[WebOfficer, Depends(viewer())]
