"""The centre in the browser: the agencies' back office, the supervisors' dashboard and the
citizens' pages, server-rendered (no build step, no script from elsewhere).

``install(app)`` adds the routers, the static files, the security headers and what the
session checks raise: no session → the login form (303), wrong role or centre → 403, a post
without its CSRF token → 403, each as a page in Vietnamese.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from .agency import router as agency_router
from .headers import SecurityHeaders
from .login import LOGIN
from .login import router as login_router
from .render import message_page
from .session import BadCsrf, Forbidden, LoginRequired
from .supervisor import router as supervisor_router
from .templates_admin import router as templates_admin_router


async def _login_required(request: Request, _exc: Exception) -> Response:
    # Only the path goes into the address: never a query string (it may carry personal data).
    target = f"{LOGIN}?next={quote(request.url.path)}" if request.method == "GET" else LOGIN
    return RedirectResponse(target, status_code=303)


async def _forbidden(request: Request, _exc: Exception) -> Response:
    return message_page(
        request,
        "Không có quyền",
        "Tài khoản của anh/chị không được xem hoặc làm việc này.",
        status=403,
    )


async def _bad_csrf(request: Request, _exc: Exception) -> Response:
    return message_page(
        request,
        "Biểu mẫu đã hết hạn",
        "Biểu mẫu này đã cũ hoặc không được gửi từ trang của Trung tâm. Mời tải lại trang và "
        "làm lại.",
        status=403,
    )


def install(app: FastAPI) -> None:
    from importlib.resources import files

    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(Forbidden, _forbidden)
    app.add_exception_handler(BadCsrf, _bad_csrf)
    app.include_router(login_router)
    app.include_router(supervisor_router)
    app.include_router(agency_router)
    app.include_router(templates_admin_router)
    static = files("hcc_central.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")


__all__ = ["SecurityHeaders", "install"]
