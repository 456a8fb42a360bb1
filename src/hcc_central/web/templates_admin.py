"""The admin's page for the words of the messages to applicants (/quan-tri/mau-thong-bao).

Templates are one set for the whole service (table ``notification_template``): an admin of
every centre edits them; an admin of one centre may read them only (the words the other
centres' applicants get are not theirs to change). Each save is checked (templates.check:
known ``$placeholders`` only) and audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..api.deps import CentralDep
from ..models import NotificationTemplate
from ..notify.templates import (
    CHANNEL_LABELS,
    CHANNELS,
    DEFAULTS,
    KIND_LABELS,
    KINDS,
    PLACEHOLDERS,
    TemplateError,
    reset_template,
    save_template,
)
from .render import message_page, page
from .session import Forbidden, WebOfficer, poster, viewer

PATH = "/quan-tri/mau-thong-bao"
router = APIRouter(include_in_schema=False)


def _entries(c: CentralDep, typed: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One form per (kind, channel): the words in force, or what the admin just typed."""
    out = []
    with c.db.read() as s:
        for kind in KINDS:
            for channel in CHANNELS:
                row = s.get(NotificationTemplate, (kind, channel))
                words = DEFAULTS[(kind, channel)]
                entry = {
                    "kind": kind,
                    "channel": channel,
                    "title": f"{KIND_LABELS[kind]} — {CHANNEL_LABELS[channel]}",
                    "subject": row.subject if row else words.subject,
                    "body": row.body if row else words.body,
                    "edited": (row.updated_by, row.updated_at) if row else None,
                    "error": "",
                }
                if typed and typed["kind"] == kind and typed["channel"] == channel:
                    entry.update(typed)
                out.append(entry)
    return out


@router.get(PATH)
def templates_page(
    request: Request,
    c: CentralDep,
    officer: Annotated[WebOfficer, Depends(viewer("admin"))],
) -> Response:
    return page(
        request,
        "notify/templates.html",
        officer=officer,
        title="Mẫu thông báo cho người nộp",
        entries=_entries(c),
        placeholders=PLACEHOLDERS,
        can_edit=officer.centre_id is None,
        saved=request.query_params.get("da-luu", "")
        in {f"{k}-{ch}" for k in KINDS for ch in CHANNELS},
    )


@router.post(PATH)
def save_templates(
    request: Request,
    c: CentralDep,
    officer: Annotated[WebOfficer, Depends(poster("admin"))],
    kind: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = "",
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    if officer.centre_id is not None:
        raise Forbidden
    try:
        with c.db.write() as s:
            if action == "reset":
                reset_template(s, kind, channel, actor=officer.actor)
            else:
                save_template(s, kind, channel, subject, body, actor=officer.actor)
    except TemplateError as err:
        if (kind, channel) not in DEFAULTS:  # not one of the page's forms: a page that says so
            return message_page(request, "Không lưu được", str(err), status=400, officer=officer)
        typed = {"kind": kind, "channel": channel, "subject": subject, "body": body}
        return page(
            request,
            "notify/templates.html",
            status=400,
            officer=officer,
            title="Mẫu thông báo cho người nộp",
            entries=_entries(c, {**typed, "error": str(err)}),
            placeholders=PLACEHOLDERS,
            can_edit=True,
            saved=False,
        )
    return RedirectResponse(f"{PATH}?da-luu={kind}-{channel}", status_code=303)
