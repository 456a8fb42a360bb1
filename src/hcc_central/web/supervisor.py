"""The supervisors' dashboard (``/giam-sat``) and its workbook (``/giam-sat/xuat.xlsx``).

Supervisors and admins of a centre see that centre; an admin of every centre (no centre of
their own) chooses one (``?centre=ID``: an id, never personal data). The centre comes from the
session's officer, never from the address when the officer has one. Lists, rates and ratings are
queried by ``hcc_central.dashboard``; every view and export is audited (rating comments are the
citizens' words).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from .. import dashboard as q
from ..calendar import work_calendar
from ..changes import audit
from ..dashboard_xlsx import GROUP_TITLES, LIST_SHEETS, Export, workbook
from ..guard import guard_of
from ..models import Centre
from .render import NO_STORE, page
from .session import Forbidden, WebOfficer, viewer

router = APIRouter(include_in_schema=False)
Supervisor = Annotated[WebOfficer, Depends(viewer("supervisor", "admin"))]
MAX_PERIOD_DAYS = 366
EXPORT_ROWS = 5000  # per list in the workbook
# The list chosen in the address (ds=…) → the list.
SLUGS: dict[str, q.ListKind] = {
    "qua-han": "overdue",
    "hom-nay": "today",
    "sap-den-han": "soon",
    "cho-bo-sung": "waiting",
}
SLUG_OF = {kind: slug for slug, kind in SLUGS.items()}
LIST_TITLES: dict[q.ListKind, str] = {
    "overdue": "Quá hạn",
    "today": "Đến hạn hôm nay",
    "soon": "Đến hạn trong 2 ngày làm việc",
    "waiting": "Chờ bổ sung",
}


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    error: str = ""


def period_of(tu: str, den: str, today: date) -> Period:
    """The dates of the GET form (``YYYY-MM-DD``); this month so far when absent or wrong."""
    default = Period(today.replace(day=1), today)
    if not tu and not den:
        return default
    try:
        first = date.fromisoformat(tu) if tu else default.first
        last = date.fromisoformat(den) if den else today
    except ValueError:
        return Period(default.first, default.last, "Ngày không hợp lệ: dùng tháng này.")
    last = min(last, today)  # nothing is released in the future (and 31/12/9999 + 1 overflows)
    if first > last:
        return Period(default.first, default.last, "Từ ngày phải trước đến ngày: dùng tháng này.")
    if (last - first).days >= MAX_PERIOD_DAYS:
        return Period(
            default.first, default.last, "Khoảng thời gian dài nhất một năm: dùng tháng này."
        )
    return Period(first, last)


def centre_of(s: Session, officer: WebOfficer, asked: str) -> Centre | None:
    """The centre this officer looks at: their own; an admin of every centre the one asked
    for (None: not chosen yet, or no such centre)."""
    if officer.centre_id is not None:
        if asked.strip() and asked.strip() != str(officer.centre_id):
            raise Forbidden
        return s.get(Centre, officer.centre_id)
    if not asked.strip().isdigit() or len(asked.strip()) > 18:
        return None
    return s.get(Centre, int(asked))


def _int(value: str, default: int) -> int:
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 9 else default


@router.get("/giam-sat")
def dashboard_page(
    request: Request,
    officer: Supervisor,
    centre: str = "",
    ds: str = "qua-han",
    trang: str = "1",
    tu: str = "",
    den: str = "",
) -> Response:
    c, g = request.app.state.central, guard_of(request.app)
    now = g.now()
    period = period_of(tu[:10], den[:10], now.date())
    kind = SLUGS.get(ds, "overdue")
    with c.db.write() as s:
        chosen = centre_of(s, officer, centre[:20])
        if chosen is None:
            return page(
                request,
                "supervisor/choose.html",
                officer=officer,
                title="Giám sát",
                centres=q.centres(s),
                asked=bool(centre.strip()),
            )
        calendar = work_calendar(s)
        counts = q.list_counts(s, chosen.id, now, calendar)
        listed = q.list_page(s, chosen.id, kind, now, calendar, _int(trang, 1))
        rates = q.on_time_rates(s, chosen.id, period.first, period.last)
        ratings = q.ratings(s, chosen.id, period.first, period.last)
        audit(s, officer.actor, "supervision.web_view", centre=chosen.id, list=kind)
    query = {
        "centre": str(chosen.id),
        "tu": period.first.isoformat(),
        "den": period.last.isoformat(),
    }
    return page(
        request,
        "supervisor/dashboard.html",
        officer=officer,
        title="Giám sát",
        centre=chosen,
        choosing=officer.centre_id is None,
        now=now,
        counts=counts,
        kind=kind,
        slug_of=SLUG_OF,
        list_titles=LIST_TITLES,
        listed=listed,
        period=period,
        rates=rates,
        group_titles=GROUP_TITLES,
        ratings=ratings,
        levels=q.LEVELS,
        query=query,
    )


@router.get("/giam-sat/xuat.xlsx")
def export_workbook(
    request: Request, officer: Supervisor, centre: str = "", tu: str = "", den: str = ""
) -> Response:
    c, g = request.app.state.central, guard_of(request.app)
    now = g.now()
    period = period_of(tu[:10], den[:10], now.date())
    with c.db.write() as s:
        chosen = centre_of(s, officer, centre[:20])
        if chosen is None:
            raise Forbidden  # an admin of every centre exports one chosen on the dashboard
        calendar = work_calendar(s)
        lists = {
            kind: q.list_page(s, chosen.id, kind, now, calendar, 1, EXPORT_ROWS).rows
            for kind in LIST_SHEETS
        }
        export = Export(
            centre_name=chosen.name,
            made_at=now,
            first=period.first,
            last=period.last,
            lists=lists,
            rates=q.on_time_rates(s, chosen.id, period.first, period.last),
            ratings=q.ratings(s, chosen.id, period.first, period.last),
        )
        audit(
            s,
            officer.actor,
            "supervision.web_export",
            centre=chosen.id,
            first=period.first.isoformat(),
            last=period.last.isoformat(),
        )
    name = f"giam-sat-{now:%Y%m%d-%H%M}.xlsx"
    return Response(
        workbook(export),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'},
    )
