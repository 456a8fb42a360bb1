"""Server-rendered pages: one Jinja environment, autoescaped, strict about missing values.

Every page is built from ``templates/`` (the layout is ``base.html``) and sent with
``Cache-Control: no-store``: pages carry personal data and must not stay in a shared browser's
cache. What a template needs besides its own values: the officer (or None on public pages) and
the CSRF token its forms send back.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from hcc_core.vn_format import vn_date, vn_datetime, vn_number, vn_percent

_env = Environment(
    loader=PackageLoader("hcc_central.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _moment(value: date | datetime | str | None) -> Any:
    """Dates as stored in a dossier's JSON (ISO text) read like the columns' datetimes."""
    return datetime.fromisoformat(value) if isinstance(value, str) and value else value or None


_env.filters.update(
    vn_date=lambda v: vn_date(_moment(v)),
    vn_datetime=lambda v: vn_datetime(_moment(v)),
    vn_number=vn_number,
    vn_percent=vn_percent,
)

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def page(
    request: Request,
    template: str,
    *,
    status: int = 200,
    officer: Any = None,
    csrf: str = "",
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """``template`` rendered with ``context``; ``officer`` is a ``WebOfficer`` on back-office
    pages (its CSRF token is then used unless ``csrf`` is given)."""
    token = csrf or (officer.csrf if officer is not None else "")
    html = _env.get_template(template).render(
        request=request, officer=officer, csrf=token, path=request.url.path, **context
    )
    return HTMLResponse(html, status_code=status, headers={**NO_STORE, **(headers or {})})


def message_page(
    request: Request, title: str, text: str, *, status: int, officer: Any = None
) -> HTMLResponse:
    """A page that only says something (refused, not found, locked)."""
    return page(request, "message.html", status=status, officer=officer, title=title, text=text)
