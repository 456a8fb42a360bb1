"""The agency's back office: its queue, one dossier with the steps it may record, the scanned
papers and the result, and the centre-wide search.

Who sees what is decided here from the session's officer (never from the form): an agency
officer sees and acts on the dossiers their agency decides now (``Dossier.agency_unit_code``);
supervisors and admins of the centre may look at every dossier of it, read-only. Anything else
is answered like a missing page (404), so codes cannot be probed. Every look at personal data
is audited; searches are audited with the kind of query and a digest, never its text.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from hcc_core.domain.status import DossierStatus
from hcc_core.domain.steps import central_steps
from hcc_core.domain.timing import urgency

from .. import steps
from ..calendar import work_calendar
from ..changes import audit
from ..dashboard import officer_names
from ..models import FINISHED_STATUSES, Agency, Attachment, Dossier
from ..notify import deliveries
from ..queries import QueueRow, SearchRow, agency_queue, centre_search, search_kind
from ..steps import NotTheirs, StepRefused
from .render import message_page, page
from .session import Forbidden, WebOfficer, poster, viewer

router = APIRouter(include_in_schema=False)
PER_PAGE = 50
SOON_DAYS = 2  # "due soon": within two working days on the working calendar
MAX_QUERY = 100
# The address of each step's form (web/templates/agency/dossier.html) → the step.
ACTIONS = {
    "xu-ly": "processing",
    "bo-sung": "supplement",
    "da-bo-sung": "supplement_received",
    "tu-choi": "refusal",
    "chuyen": "transfer",
    "ket-qua": "result_ready",
    "hen-lai": "apology",
}
SLUG = {step: slug for slug, step in ACTIONS.items()}
# The browser's own PDF viewer needs to run in the answer's origin; nothing else is allowed.
PDF_CSP = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"

AgencyOfficer = Annotated[WebOfficer, Depends(viewer("agency"))]
Reader = Annotated[WebOfficer, Depends(viewer("agency", "supervisor", "admin"))]
AgencyPoster = Annotated[WebOfficer, Depends(poster("agency"))]
AnyPoster = Annotated[WebOfficer, Depends(poster("agency", "supervisor", "admin"))]


# --- who may see what ------------------------------------------------------------------------
def agency_of(s: Session, officer: WebOfficer) -> Agency:
    agency = s.get(Agency, officer.agency_id) if officer.agency_id else None
    if agency is None or agency.centre_id != officer.centre_id:
        raise Forbidden
    return agency


def visible_dossier(s: Session, officer: WebOfficer, code: str) -> tuple[Dossier, Agency | None]:
    """The dossier if this officer may see it, with their agency if they may act on it."""
    if officer.role == "agency":
        agency = agency_of(s, officer)
        return steps.agency_dossier(s, code, agency, lock=False), agency
    dossier = s.scalar(select(Dossier).where(Dossier.code == code.strip().upper()[:40]))
    if dossier is None or officer.centre_id not in (None, dossier.centre_id):
        raise NotTheirs
    return dossier, None


def _not_found(request: Request, officer: WebOfficer, err: StepRefused) -> Response:
    return message_page(
        request, "Không tìm thấy hồ sơ", err.message, status=err.status, officer=officer
    )


def _page_number(value: Any) -> int:
    text = str(value or "1")
    return int(text) if text.isdigit() and 0 < int(text) <= 100_000 else 1


# --- the queue -------------------------------------------------------------------------------
@router.get("/co-quan")
def queue(request: Request, officer: AgencyOfficer) -> Response:
    return run_queue(request, officer, _page_number(request.query_params.get("trang")))


def run_queue(request: Request, officer: WebOfficer, number: int) -> Response:
    c = request.app.state.central
    now = datetime.now()
    with c.db.read() as s:
        agency = agency_of(s, officer)
        found = agency_queue(s, agency.centre_id, agency.unit_code, page=number, per_page=PER_PAGE)
        calendar = work_calendar(s)
    rows = [
        {"row": r, "urgency": urgency(r.due_at, now, calendar, SOON_DAYS), "status": _label(r)}
        for r in found.rows
    ]
    with c.db.write() as s:
        audit(s, officer.actor, "dossier.queue_view", unit=agency.unit_code, page=number)
    return page(
        request,
        "agency/queue.html",
        officer=officer,
        title="Hồ sơ của cơ quan",
        agency=agency.name,
        rows=rows,
        number=number,
        has_next=found.has_next,
    )


def _label(row: QueueRow | SearchRow) -> str:
    return DossierStatus(row.status).text("vi")


# --- one dossier -----------------------------------------------------------------------------
@router.get("/co-quan/ho-so/{code}")
def dossier_page(request: Request, code: str, officer: Reader) -> Response:
    c = request.app.state.central
    now = datetime.now()
    try:
        with c.db.read() as s:
            dossier, agency = visible_dossier(s, officer, code)
            calendar = work_calendar(s)
            sent = deliveries(s, dossier.uuid)
            files = list(
                s.scalars(
                    select(Attachment)
                    .where(Attachment.dossier_uuid == dossier.uuid)
                    .order_by(Attachment.kind, Attachment.filename)
                )
            )
            others = (
                list(
                    s.scalars(
                        select(Agency)
                        .where(Agency.centre_id == agency.centre_id, Agency.id != agency.id)
                        .order_by(Agency.name)
                    )
                )
                if agency
                else []
            )
            deciding = s.scalar(
                select(Agency.name).where(
                    Agency.centre_id == dossier.centre_id,
                    Agency.unit_code == dossier.agency_unit_code,
                )
            )
    except StepRefused as err:
        return _not_found(request, officer, err)
    with c.db.write() as s:
        audit(s, officer.actor, "dossier.view", code=dossier.code)
    doc = dossier.doc
    status = DossierStatus(dossier.status)
    offered = central_steps(status) if agency is not None else ()
    history = doc.get("events", [])
    with c.db.read() as s:  # who acted, by name: counter logins and web ("web:…") logins alike
        names = officer_names(s, {str(e["actor"]).removeprefix("web:") for e in history})
    events = [
        {
            **e,
            "at": datetime.fromisoformat(e["at"]),
            "label": DossierStatus(e["status"]).text("vi"),
            "actor": names.get(str(e["actor"]).removeprefix("web:"), e["actor"]),
        }
        for e in history
    ]
    return page(
        request,
        "agency/dossier.html",
        officer=officer,
        title=f"Hồ sơ {dossier.code}",
        d=dossier,
        doc=doc,
        status_label=status.text("vi"),
        urgency=urgency(dossier.due_at, now, calendar, SOON_DAYS)
        if status not in FINISHED_STATUSES
        else "",
        papers=[f for f in files if f.kind != "result" and f.stored_at is not None],
        results=[f for f in files if f.kind == "result" and f.stored_at is not None],
        events=events,
        notices=[{**n, "at": datetime.fromisoformat(n["at"])} for n in doc.get("notices", [])],
        deliveries=sent,
        deciding=deciding or dossier.agency_unit_code or "—",
        steps=offered,
        slug=SLUG,
        step_names=steps.STEP_NAMES,
        others=others,
        max_mb=c.settings.max_result_bytes // (1024 * 1024),
    )


@router.get("/co-quan/ho-so/{code}/tep/{attachment_uuid}")
def attachment_file(request: Request, code: str, attachment_uuid: str, officer: Reader) -> Response:
    """A scanned paper or the result, shown inline in the browser's PDF viewer."""
    c = request.app.state.central
    try:
        with c.db.read() as s:
            dossier, _ = visible_dossier(s, officer, code)
            att = s.get(Attachment, attachment_uuid[:40])
            if att is None or att.dossier_uuid != dossier.uuid or att.stored_at is None:
                raise NotTheirs
            sha256, name, kind = att.sha256, steps.safe_filename(att.filename), att.kind
    except StepRefused as err:
        return _not_found(request, officer, err)
    path = c.store.blob_path(sha256)
    if not path.is_file():
        return _not_found(request, officer, NotTheirs())
    with c.db.write() as s:
        audit(s, officer.actor, "attachment.view", code=dossier.code, kind=kind, sha256=sha256)
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    return Response(
        path.read_bytes(),
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{ascii_name}"',
            "Content-Security-Policy": PDF_CSP,
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


# --- the steps -------------------------------------------------------------------------------
@router.post("/co-quan/ho-so/{code}/{action}")
async def record_step(request: Request, code: str, action: str, officer: AgencyPoster) -> Response:
    form = await request.form()  # already read (and its CSRF checked) by poster
    step = ACTIONS.get(action)
    if step is None:
        return message_page(
            request, "Không có trang này", "Địa chỉ không đúng.", status=404, officer=officer
        )
    pdf = b""
    filename = ""
    try:
        upload = form.get("pdf") if step == "result_ready" else None
        if isinstance(upload, UploadFile):
            # One byte past the limit is enough to refuse it with a page.
            pdf = await upload.read(request.app.state.central.settings.max_result_bytes + 1)
            filename = upload.filename or ""
    finally:
        await form.close()  # the upload's temporary file
    return await run_in_threadpool(_record, request, officer, code, step, form, pdf, filename)


def _field(form: FormData, name: str, limit: int = steps.MAX_TEXT) -> str:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else ""


def _record(
    request: Request,
    officer: WebOfficer,
    code: str,
    step: str,
    form: FormData,
    pdf: bytes,
    filename: str,
) -> Response:
    c = request.app.state.central
    try:
        with c.db.write() as s:
            agency = agency_of(s, officer)
            dossier = steps.agency_dossier(s, code, agency)
            steps.offered(dossier, step)  # before reading the step's fields
            _apply(s, c, dossier.code, agency, officer.actor, step, form, pdf, filename)
            done = dossier.code
    except StepRefused as err:
        with c.db.write() as s:
            audit(
                s, officer.actor, "dossier.step_refused", code=code[:40], step=step, why=err.status
            )
        return page(
            request,
            "agency/refused.html",
            status=err.status,
            officer=officer,
            title="Chưa ghi được",
            text=err.message,
            back=None if isinstance(err, NotTheirs) else f"/co-quan/ho-so/{code[:40]}",
        )
    return RedirectResponse(f"/co-quan/ho-so/{done}", status_code=303)


def _apply(
    s: Session,
    c: Any,
    code: str,
    agency: Agency,
    actor: str,
    step: str,
    form: FormData,
    pdf: bytes,
    filename: str,
) -> None:
    if step == "processing":
        steps.processing(s, code, agency, actor, _field(form, "note"))
    elif step == "supplement":
        dossier = steps.agency_dossier(s, code, agency)
        listed = {str(p.get("name", "")) for p in dossier.doc.get("papers", [])}
        picked = [p for p in form.getlist("paper") if isinstance(p, str) and p in listed]
        typed = _field(form, "other_papers").splitlines()
        steps.request_supplement(s, code, agency, actor, [*picked, *typed], _field(form, "reason"))
    elif step == "supplement_received":
        steps.supplement_received(s, code, agency, actor, _field(form, "note"))
    elif step == "refusal":
        steps.refuse(s, code, agency, actor, _field(form, "reasons"))
    elif step == "transfer":
        steps.transfer(s, code, agency, actor, _field(form, "to_unit", 16), _field(form, "note"))
    elif step == "result_ready":
        steps.result_ready(
            s,
            code,
            agency,
            actor,
            store=c.store,
            pdf=pdf,
            filename=filename,
            max_bytes=c.settings.max_result_bytes,
            centre_quota=c.settings.centre_stored_bytes,
            signature_ca_dir=c.settings.signature_ca_dir,
        )
    elif step == "apology":
        try:
            new_due_at = datetime.fromisoformat(_field(form, "new_due_at", 30))
        except ValueError:
            raise StepRefused("Mời chọn ngày và giờ hẹn mới.", status=422) from None
        steps.apology(s, code, agency, actor, new_due_at, _field(form, "reason"))


# --- search ----------------------------------------------------------------------------------
@router.get("/tim-kiem")
def search_form(request: Request, officer: Reader) -> Response:
    return page(request, "agency/search.html", officer=officer, title="Tìm hồ sơ", query="",
                rows=None, number=1, has_next=False)  # fmt: skip


@router.post("/tim-kiem")
async def search(request: Request, officer: AnyPoster) -> Response:
    form = await request.form()  # already read (and its CSRF checked) by poster
    return await run_in_threadpool(_search, request, officer, form)


def _search(request: Request, officer: WebOfficer, form: FormData) -> Response:
    c = request.app.state.central
    text = _field(form, "q", MAX_QUERY).strip()
    number = _page_number(form.get("trang"))
    if not text:
        return page(request, "agency/search.html", officer=officer, title="Tìm hồ sơ", query="",
                    rows=None, number=1, has_next=False,
                    error="Mời nhập mã hồ sơ, số giấy tờ, số điện thoại hoặc họ tên.")  # fmt: skip
    with c.db.read() as s:
        own = agency_of(s, officer).unit_code if officer.role == "agency" else None
        centre_id = officer.centre_id
        if centre_id is None:  # an admin of every centre: the search is of one centre
            raise Forbidden
        found = centre_search(s, centre_id, text, page=number, per_page=PER_PAGE)
    rows = [
        {"row": r, "status": _label(r), "open": own is None or r.agency_unit_code == own}
        for r in found.rows
    ]
    with c.db.write() as s:
        audit(
            s,
            officer.actor,
            "dossier.search",
            kind=search_kind(text),  # what was searched for; the words are not logged
            query_sha256=hashlib.sha256(text.encode()).hexdigest(),
            results=len(rows),
            page=number,
        )
    return page(
        request,
        "agency/search.html",
        officer=officer,
        title="Tìm hồ sơ",
        query=text,
        rows=rows,
        number=number,
        has_next=found.has_next,
    )
