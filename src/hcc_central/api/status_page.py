"""The dossier's status page a citizen reaches from the QR or the link on any paper
(``/tra-cuu?ma=<code>&pin=<pin>``), and the satisfaction rating it offers once the result is
handed back (``POST /tra-cuu/danh-gia``). Server-rendered (templates/public/status.html, the
site's stylesheet), mobile first, no script.

The lookup — PIN rules, rate limits, audit — is ``public.lookup``; only after it matched does
this page read more of the dossier: its steps in the citizen's words, the due date, what to
bring for a supplement (the agency's notice), where to collect the result (the centre's name and
hotline). Nothing personal: no names, ID numbers, phones or addresses, no officers' notes.

The rating posts code, PIN, level and comment with a double-submit token (its own cookie, as the
login form does): the PIN is checked again through ``public.lookup`` (same buckets), and the
answer is rendered directly, so the PIN never lands in an address after posting.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hcc_core.domain.status import DossierStatus
from hcc_core.wire.protocol import PublicStatus

from ..changes import audit
from ..guard import Guard, GuardDep
from ..models import Centre, Dossier
from ..rating import MAX_COMMENT, REFUSALS, RatingRefused, check_rating, is_rated, record_rating
from ..web.render import page
from ..web.session import set_cookie
from .deps import Central, CentralDep
from .openapi import Responses
from .public import CodeQ, Limited, PinQ, lookup

# What each status means for the citizen, in a sentence (the label alone is officialese).
_MEANING = {
    DossierStatus.RECEIVING: "Hồ sơ đã đăng ký, đang chờ Bộ phận tiếp nhận kiểm tra.",
    DossierStatus.NEW: "Hồ sơ đã được tiếp nhận và chuyển giải quyết.",
    DossierStatus.INTEROPERATING: "Hồ sơ đang được các cơ quan liên thông giải quyết.",
    DossierStatus.PROCESSING: "Hồ sơ đang được cơ quan có thẩm quyền giải quyết.",
    DossierStatus.WAITING_SUPPLEMENT: "Hồ sơ cần bổ sung, hoàn thiện: xem phiếu yêu cầu bổ "
    "sung. Thời hạn giải quyết tạm dừng đến khi nộp đủ.",
    DossierStatus.WAITING_PAYMENT: "Hồ sơ chờ thực hiện nghĩa vụ tài chính.",
    DossierStatus.DENIED: "Hồ sơ không được tiếp nhận: xem phiếu từ chối.",
    DossierStatus.UNRESOLVED: "Hồ sơ đã dừng giải quyết: xem thông báo dừng giải quyết.",
    DossierStatus.CANCELLED: "Hồ sơ đã được rút theo yêu cầu.",
    DossierStatus.RELEASING: "Đã có kết quả: mời đến nhận theo giấy hẹn.",
    DossierStatus.DONE: "Kết quả đã được trả.",
}
NOT_FOUND = (
    "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Hãy kiểm tra lại theo Giấy tiếp "
    "nhận hồ sơ."
)
RATE_COOKIE = "__Host-hcc-rating"  # the rating form's double-submit token
_HEADERS = {"Referrer-Policy": "no-referrer"}  # the PIN is in the address: never pass it on

router = APIRouter(tags=["public"])


@dataclass(frozen=True)
class Step:
    at: datetime
    label: str
    meaning: str


@dataclass(frozen=True)
class Notice:
    kind: str  # "supplement" | "refusal" | "stop"
    agency: str
    reason: str
    papers: list[str]


@dataclass(frozen=True)
class StatusView:
    found: PublicStatus
    meaning: str
    steps: list[Step]
    notice: Notice | None
    centre_name: str
    hotline: str
    by_post: bool
    can_rate: bool
    rated: bool


def meaning(status: int) -> str:
    return _MEANING.get(DossierStatus(status), "")


def _steps(events: list[dict[str, Any]]) -> list[Step]:
    """The status history, oldest first; the officers' notes stay out (they may name people)."""
    steps = []
    for e in sorted(events, key=lambda e: str(e.get("at") or "")):
        try:
            status = DossierStatus(int(e["status"]))
            at = datetime.fromisoformat(str(e["at"]))
        except (KeyError, TypeError, ValueError):
            continue
        steps.append(Step(at, status.text("vi"), _MEANING.get(status, "")))
    return steps


_NOTICE_OF = {
    DossierStatus.WAITING_SUPPLEMENT: "supplement",
    DossierStatus.DENIED: "refusal",
    DossierStatus.UNRESOLVED: "stop",
}


def _notice(status: int, notices: list[dict[str, Any]]) -> Notice | None:
    """The agency's latest notice that explains the current status (what to bring, why)."""
    kind = _NOTICE_OF.get(DossierStatus(status))
    for n in reversed(notices if isinstance(notices, list) else []):
        if isinstance(n, dict) and n.get("kind") == kind:
            papers = n.get("missing_papers") or []
            return Notice(
                kind=str(kind),
                agency=str(n.get("agency") or ""),
                reason=str(n.get("reason") or ""),
                papers=[str(p) for p in papers] if isinstance(papers, list) else [],
            )
    return None


def status_view(c: Central, found: PublicStatus) -> StatusView:
    """More of a dossier whose PIN matched (``found``)."""
    with c.db.read() as s:
        row = s.execute(
            select(Dossier.uuid, Dossier.centre_id, Dossier.status, Dossier.doc).where(
                Dossier.code == found.code
            )
        ).one()
        centre = s.get(Centre, row.centre_id)
        rated = is_rated(s, row.uuid)
    doc = row.doc or {}
    return StatusView(
        found=found,
        meaning=meaning(row.status),
        steps=_steps(doc.get("events") or []),
        notice=_notice(row.status, doc.get("notices") or []),
        centre_name=centre.name if centre else "",
        hotline=(centre.hotline or "") if centre else "",
        by_post=doc.get("delivery_method") not in (None, "", "counter"),
        can_rate=row.status == DossierStatus.DONE and not rated,
        rated=rated,
    )


def _token(request: Request) -> str:
    token = request.cookies.get(RATE_COOKIE)
    return token if token and len(token) <= 64 else secrets.token_urlsafe(32)


def _token_ok(request: Request, sent: str) -> bool:
    cookie = request.cookies.get(RATE_COOKIE)
    return bool(cookie and sent and hmac.compare_digest(cookie, sent))


def render(
    request: Request,
    *,
    code: str,
    pin: str,
    view: StatusView | None = None,
    error: str = "",
    thanks: str = "",
    status: int = 200,
    retry_after: int = 0,
) -> HTMLResponse:
    headers = dict(_HEADERS)
    if retry_after:
        headers["Retry-After"] = str(retry_after)
    token = _token(request)
    response = page(
        request,
        "public/status.html",
        status=status,
        csrf=token,
        headers=headers,
        title="Tra cứu tình trạng hồ sơ",
        code=code,
        pin=pin,
        view=view,
        error=error,
        thanks=thanks,
        max_comment=MAX_COMMENT,
    )
    if view is not None and view.can_rate:
        set_cookie(response, RATE_COOKIE, token, max_age=3600)
    return response


def _limited(request: Request, code: str, pin: str, seconds: int) -> HTMLResponse:
    return render(
        request,
        code=code,
        pin=pin,
        error=f"Tra cứu quá nhiều lần: vui lòng thử lại sau {int(seconds)} giây.",
        status=429,
        retry_after=seconds,
    )


def _page_response(c: Central, g: Guard, request: Request, code: str, pin: str) -> HTMLResponse:
    """The status page for ``code`` + ``pin`` (the form alone when either is missing)."""
    if not (code.strip() and pin.strip()):
        return render(request, code=code, pin=pin)
    try:
        found = lookup(c, g, request, code, pin)
    except Limited as limited:
        return _limited(request, code, pin, limited.seconds)
    if found is None:
        return render(request, code=code, pin=pin, error=NOT_FOUND)
    return render(request, code=code, pin=pin, view=status_view(c, found))


_PAGE_RESPONSES: Responses = {
    429: {
        "description": "too many lookups (Retry-After)",
        "content": {"text/html": {"schema": {"type": "string"}}},
    }
}


@router.get("/tra-cuu", response_class=HTMLResponse, responses=_PAGE_RESPONSES)
def lookup_page(
    c: CentralDep, g: GuardDep, request: Request, ma: CodeQ = "", pin: PinQ = ""
) -> HTMLResponse:
    """The link and QR of every paper the desks print (``<lookup base>?ma=…&pin=…``)."""
    return _page_response(c, g, request, ma, pin)


@router.get("/status", response_class=HTMLResponse, responses=_PAGE_RESPONSES)
def status_page_legacy(
    c: CentralDep, g: GuardDep, request: Request, code: CodeQ = "", ma: CodeQ = "", pin: PinQ = ""
) -> HTMLResponse:
    """The same page under its first address. Receipts printed with a lookup base ending in
    /status carry ``?ma=…`` (the desks' link), which this page once ignored — the empty form
    the audit found; both names are read."""
    return _page_response(c, g, request, code or ma, pin)


@router.post("/tra-cuu/danh-gia", response_class=HTMLResponse, include_in_schema=False)
def rate(
    c: CentralDep,
    g: GuardDep,
    request: Request,
    ma: Annotated[str, Form(max_length=40)] = "",
    pin: Annotated[str, Form(max_length=16)] = "",
    level: Annotated[str, Form(max_length=4)] = "",
    comment: Annotated[str, Form(max_length=4 * MAX_COMMENT)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Record the rating, then show the page again without the PIN in any address."""
    if not _token_ok(request, csrf):
        return render(
            request,
            code=ma,
            pin="",
            error="Biểu mẫu đánh giá đã hết hạn: mời tra cứu lại hồ sơ rồi đánh giá.",
            status=403,
        )
    try:
        found = lookup(c, g, request, ma, pin)
    except Limited as limited:
        return _limited(request, ma, "", limited.seconds)
    if found is None:
        return render(request, code=ma, pin="", error=NOT_FOUND)
    try:
        chosen, text = check_rating(level, comment)
        with c.db.write() as s:
            record_rating(s, found.code, chosen, text, at=g.now(), actor="public:rating")
    except RatingRefused as refused:
        status = 422 if refused.reason in ("level", "comment") else 409
        if status == 409:  # the PIN matched: a refusal worth keeping (a form error is not)
            with c.db.write() as s:
                audit(s, "public:rating", "rating.refused", code=found.code, reason=refused.reason)
        view = status_view(c, found)
        return render(
            request,
            code=found.code,
            pin=pin,
            view=view,
            error=REFUSALS[refused.reason],
            status=status,
        )
    except IntegrityError:  # the same dossier rated at the same moment from elsewhere
        view = status_view(c, found)
        return render(
            request, code=found.code, pin=pin, view=view, error=REFUSALS["already"], status=409
        )
    return render(
        request,
        code=found.code,
        pin="",
        thanks="Cảm ơn anh/chị đã đánh giá. Ý kiến của anh/chị giúp Trung tâm phục vụ tốt hơn.",
    )
