"""Logging in and out of the back office, and the start page that sends each role to its work.

The same rules as a desk's officer login (api/officers.py): a locked name is refused before
any password check; a wrong password, an unknown or disabled name and a wrong second-factor
code answer alike and count as a failure; argon2 runs outside any transaction. Every outcome
is audited. Counter officers (role "officer") work at the desk, not here.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from ..changes import audit
from ..guard import clear_failures, guard_of, locked_for, record_failure
from ..models import Officer
from ..security import Busy, normalise_username, verify_password
from . import totp
from .render import message_page, page
from .session import (
    COOKIE,
    PRE_COOKIE,
    WEB_ROLES,
    AnyOfficer,
    WebOfficer,
    clear_cookie,
    end_web_session,
    open_web_session,
    poster,
    pre_csrf,
    pre_csrf_ok,
    set_cookie,
)

log = logging.getLogger("hcc_central.web")
router = APIRouter(include_in_schema=False)
LOGIN = "/dang-nhap"
WRONG = "Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng."
# Where each role starts.
HOME = {"agency": "/co-quan", "supervisor": "/giam-sat", "admin": "/giam-sat"}


def safe_next(target: str | None) -> str:
    """Only a path of this site (no scheme, no host, no //): never an open redirect."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target[:300]
    return "/"


def login_form(
    request: Request, *, error: str = "", status: int = 200, next_path: str = "/"
) -> Response:
    token = pre_csrf(request)
    response = page(
        request,
        "login.html",
        status=status,
        csrf=token,
        error=error,
        next_path=safe_next(next_path),
    )
    set_cookie(response, PRE_COOKIE, token, max_age=3600)
    return response


@router.get(LOGIN)
def login_page(request: Request, next: str = "/") -> Response:
    return login_form(request, next_path=next)


@router.post(LOGIN)
def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    code: Annotated[str, Form(max_length=20)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=300)] = "/",
) -> Response:
    if not pre_csrf_ok(request, csrf):
        return login_form(
            request,
            error="Phiên đăng nhập đã hết hạn, mời nhập lại.",
            status=403,
            next_path=next,
        )
    c, g = request.app.state.central, guard_of(request.app)
    try:
        name = normalise_username(username)
    except ValueError:  # cannot be anyone's: a failure like any other
        name = username.strip().lower()[:64]
    with c.db.read() as s:
        officer = s.scalar(select(Officer).where(Officer.username == name))
        wait = locked_for(s, name, g.now())
    if wait:
        with c.db.write() as s:
            audit(s, f"web:{name}", "officer.web_login_locked", seconds=wait)
        return _locked(request, wait, next)
    if officer is not None and (not officer.active or officer.role not in WEB_ROLES):
        officer = None  # disabled, or a counter account: as if unknown
    try:
        with g.hashing.slot():
            ok = verify_password(officer.password_hash if officer else None, password)
    except Busy:
        return message_page(
            request,
            "Hệ thống đang bận",
            "Có nhiều lượt đăng nhập cùng lúc. Mời thử lại sau ít giây.",
            status=503,
        )
    if ok and officer is not None and officer.totp_secret:
        ok = totp.verify(officer.totp_secret, code)
    with c.db.write() as s:
        wait = locked_for(s, name, g.now()) if ok else 0
        if wait:
            audit(s, f"web:{name}", "officer.web_login_locked", seconds=wait)
        elif ok and officer is not None:
            clear_failures(s, name)
            token, _row = open_web_session(s, g, officer)
            audit(s, f"web:{name}", "officer.web_login", role=officer.role)
        else:
            wait = record_failure(s, g, name, g.now())
            audit(s, f"web:{name}", "officer.web_login_failed", locked_seconds=wait)
            if wait:
                log.warning("failed web logins locked a name for %d s", wait)
    if wait:
        return _locked(request, wait, next)
    if not ok or officer is None:
        return login_form(request, error=WRONG, status=401, next_path=next)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(response, COOKIE, token)
    clear_cookie(response, PRE_COOKIE)
    return response


def _locked(request: Request, seconds: int, next_path: str) -> Response:
    minutes = max(1, round(seconds / 60))
    response = login_form(
        request,
        error=f"Đăng nhập sai quá nhiều lần: tài khoản tạm khóa khoảng {minutes} phút "
        "(quản trị viên có thể mở khóa).",
        status=423,
        next_path=next_path,
    )
    response.headers["Retry-After"] = str(max(1, seconds))
    return response


@router.post("/dang-xuat")
def logout(request: Request, officer: Annotated[WebOfficer, Depends(poster())]) -> Response:
    c, g = request.app.state.central, guard_of(request.app)
    with c.db.write() as s:
        end_web_session(s, g, officer.token_sha256)
        audit(s, officer.actor, "officer.web_logout")
    response = RedirectResponse(LOGIN, status_code=303)
    clear_cookie(response, COOKIE)
    return response


@router.get("/")
def home(officer: AnyOfficer) -> Response:
    return RedirectResponse(HOME.get(officer.role, LOGIN), status_code=303)
