"""An agency's steps on a dossier, recorded in central's back office (web/agency.py).

Each step checks that the agency decides the dossier now and that the step is offered in its
status (``hcc_core.domain.steps.central_steps``, the desk's rule), then goes through
``status_change.set_status``: the national status machine validates it, an event is added, the
``dossier.status`` change desks pull is emitted (payload keys in docs/sync-protocol.md) and the
step is audited. Notices the applicant must read (what to bring, why it was refused or stopped)
are also kept in ``doc["notices"]`` for the citizen's status page. Qt-free; the caller owns the
transaction.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hcc_core.domain.status import ALLOWED_TRANSITIONS, DossierStatus
from hcc_core.domain.steps import central_steps
from hcc_core.domain.timing import new_due_problem

from .admin import AdminError
from .calendar import work_calendar
from .changes import audit
from .db import rows_changed
from .models import Agency, Attachment, Centre, Dossier, Officer
from .signatures import check_signatures
from .status_change import set_status
from .store import FileStore

_S = DossierStatus
MAX_TEXT = 2000
MAX_PAPER = 300
MAX_PAPERS = 50
PDF_MAGIC = b"%PDF-"
NoticeKind = Literal["supplement", "refusal", "stop"]
# What a step is called on the page, for the refusals that name it.
STEP_NAMES = {
    "transfer": "Chuyển liên thông",
    "processing": "Bắt đầu xử lý",
    "supplement": "Yêu cầu bổ sung",
    "supplement_received": "Đã nhận bổ sung",
    "result_ready": "Có kết quả",
    "refusal": "Từ chối / dừng xử lý",
    "apology": "Xin lỗi, hẹn lại",
}


class StepRefused(Exception):
    """A step the officer cannot record now; ``message`` is shown on the page (Vietnamese)."""

    def __init__(self, message: str, *, status: int = 409) -> None:
        super().__init__(message)
        self.message, self.status = message, status


class NotTheirs(StepRefused):
    """The dossier is not this agency's (or does not exist): answered like a missing page."""

    def __init__(self) -> None:
        super().__init__("Không tìm thấy hồ sơ này trong các hồ sơ của cơ quan.", status=404)


def after_step(s: Session, dossier: Dossier, event: dict[str, Any], kind: str) -> None:
    """Called after every step, in its transaction: queues the applicant's e-mail / SMS for
    the steps they are told of (docs/notifications.md); a step rolled back queues nothing."""
    from .notify.outbox import enqueue_for_step

    enqueue_for_step(s, dossier, event, kind)


def agency_dossier(s: Session, code: str, agency: Agency, *, lock: bool = True) -> Dossier:
    """The dossier ``code`` if ``agency`` decides it now (NotTheirs otherwise: same answer for
    another agency's, another centre's and no dossier, so codes cannot be probed). Locked for
    a step: two officers' steps on one dossier then run one after the other, each checking
    the status the other left."""
    query = select(Dossier).where(Dossier.code == code.strip().upper()[:40])
    dossier = s.scalar(query.with_for_update() if lock else query)
    if (
        dossier is None
        or dossier.centre_id != agency.centre_id
        or dossier.agency_unit_code != agency.unit_code
    ):
        raise NotTheirs
    return dossier


def offered(dossier: Dossier, step: str) -> None:
    status = DossierStatus(dossier.status)
    if step not in central_steps(status):
        raise StepRefused(
            f"Không thể “{STEP_NAMES[step]}” khi hồ sơ {dossier.code} đang ở trạng thái "
            f"“{status.text('vi')}”. Mời tải lại trang để xem các bước làm được."
        )


def _record(
    s: Session,
    dossier: Dossier,
    target: DossierStatus,
    *,
    actor: str,
    note: str,
    kind: str,
    due_at: datetime | None = None,
    extra: dict[str, Any] | None = None,
    notice: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """set_status, the notice kept in the doc (the citizen's page reads it), then the hook."""
    if notice:  # the desk prints the officer's name on the notice (Mẫu 02, 03), not a login
        notice = {**notice, "officer": _full_name(s, actor)}
    extra = {**(extra or {}), **({"notice": notice} if notice else {})}
    try:
        payload = set_status(
            s, dossier.code, target, note=note[:MAX_TEXT], actor=actor, due_at=due_at, extra=extra
        )
    except AdminError as err:  # the status machine or the clock said no
        raise StepRefused(f"Không ghi được bước này: {err}") from None
    if notice:
        _keep_notice(dossier, payload["event"], notice)
    after_step(s, dossier, payload["event"], kind)
    return payload


def _full_name(s: Session, actor: str) -> str:
    name = s.scalar(select(Officer.full_name).where(Officer.username == actor.removeprefix("web:")))
    return name or actor


def _keep_notice(dossier: Dossier, event: dict[str, Any], notice: dict[str, Any]) -> None:
    doc = dict(dossier.doc)
    doc["notices"] = [
        *doc.get("notices", []),
        {"event_uuid": event["uuid"], "at": event["at"], **notice},
    ]
    dossier.doc = doc


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise StepRefused(f"Mời nhập {field}.", status=422)
    return value[:MAX_TEXT]


def processing(s: Session, code: str, agency: Agency, actor: str, note: str = "") -> dict[str, Any]:
    dossier = agency_dossier(s, code, agency)
    offered(dossier, "processing")
    text = f"{agency.name} đang xử lý" + (f": {note.strip()}" if note.strip() else "")
    return _record(s, dossier, _S.PROCESSING, actor=actor, note=text, kind="processing")


def request_supplement(
    s: Session, code: str, agency: Agency, actor: str, papers: Sequence[str], reason: str
) -> dict[str, Any]:
    """Mẫu 02: the applicant must bring ``papers``; the clock stops meanwhile."""
    dossier = agency_dossier(s, code, agency)
    offered(dossier, "supplement")
    wanted = list(dict.fromkeys(p.strip()[:MAX_PAPER] for p in papers if p.strip()))
    if not wanted:
        raise StepRefused("Mời chọn hoặc ghi giấy tờ người nộp cần bổ sung.", status=422)
    if len(wanted) > MAX_PAPERS:
        raise StepRefused(f"Nhiều nhất {MAX_PAPERS} giấy tờ trong một yêu cầu.", status=422)
    reason = _text(reason, "lý do yêu cầu bổ sung")
    notice = {
        "kind": "supplement",
        "agency": agency.name,
        "reason": reason,
        "missing_papers": wanted,
    }
    payload = _record(
        s,
        dossier,
        _S.WAITING_SUPPLEMENT,
        actor=actor,
        note=f"Yêu cầu bổ sung ({agency.name}): {reason}",
        kind="supplement",
        notice=notice,
    )
    audit(s, actor, "dossier.supplement_request", code=dossier.code, papers=len(wanted))
    return payload


def stage_before_wait(events: Sequence[dict[str, Any]]) -> DossierStatus:
    """The stage a supplement request interrupted (the desk's rule: a dossier returns to where
    it was; processing when that cannot be told)."""
    for e in reversed(events):
        if e["status"] != _S.WAITING_SUPPLEMENT:
            before = DossierStatus(e["status"])
            if before in (_S.RECEIVING, _S.NEW, _S.PROCESSING, _S.INTEROPERATING):
                return before
            break
    return _S.PROCESSING


def supplement_received(
    s: Session, code: str, agency: Agency, actor: str, note: str = ""
) -> dict[str, Any]:
    """The applicant brought the papers: back to the stage before; set_status moves the due
    date by the office time spent waiting."""
    dossier = agency_dossier(s, code, agency)
    offered(dossier, "supplement_received")
    before = stage_before_wait(dossier.doc["events"])
    text = "Đã nhận hồ sơ bổ sung" + (f": {note.strip()}" if note.strip() else "")
    return _record(s, dossier, before, actor=actor, note=text, kind="supplement_received")


def refuse(s: Session, code: str, agency: Agency, actor: str, reasons: str) -> dict[str, Any]:
    """Mẫu 03 before processing started (DENIED); once an agency works on it the status
    machine only allows stopping (UNRESOLVED, the stop notice), as on the desk."""
    dossier = agency_dossier(s, code, agency)
    offered(dossier, "refusal")
    reasons = _text(reasons, "lý do từ chối")
    current = DossierStatus(dossier.status)
    target = _S.DENIED if _S.DENIED in ALLOWED_TRANSITIONS[current] else _S.UNRESOLVED
    kind: NoticeKind = "refusal" if target == _S.DENIED else "stop"
    notice = {"kind": kind, "agency": agency.name, "reason": reasons, "missing_papers": []}
    label = "Từ chối" if kind == "refusal" else "Dừng xử lý"
    return _record(
        s,
        dossier,
        target,
        actor=actor,
        note=f"{label} ({agency.name}): {reasons}",
        kind=kind,
        notice=notice,
    )


def transfer(
    s: Session, code: str, agency: Agency, actor: str, to_unit_code: str, note: str = ""
) -> dict[str, Any]:
    """Liên thông: the dossier goes to another agency of the same centre, which decides it
    from now on (its queue, not this one's)."""
    dossier = agency_dossier(s, code, agency)
    offered(dossier, "transfer")
    target = s.scalar(
        select(Agency).where(
            Agency.unit_code == (to_unit_code or "").strip(),
            Agency.centre_id == agency.centre_id,
        )
    )
    if target is None:
        raise StepRefused("Mời chọn cơ quan nhận hồ sơ trong danh sách.", status=422)
    if target.id == agency.id:
        raise StepRefused("Cơ quan nhận phải khác cơ quan đang giải quyết.", status=422)
    text = f"Chuyển liên thông: {agency.name} → {target.name}" + (
        f": {note.strip()}" if note.strip() else ""
    )
    dossier.agency_unit_code = target.unit_code
    payload = _record(
        s,
        dossier,
        _S.INTEROPERATING,
        actor=actor,
        note=text,
        kind="transfer",
        extra={"agency_unit_code": target.unit_code},
    )
    audit(
        s,
        actor,
        "dossier.transfer",
        code=dossier.code,
        from_unit=agency.unit_code,
        to_unit=target.unit_code,
    )
    return payload


def safe_filename(name: str) -> str:
    """A file name to store and to send back: its last part, printable, ending in .pdf."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w .()\-]", "_", base).strip(" .")[:120] or "ket-qua"
    return base if base.lower().endswith(".pdf") else base + ".pdf"


def result_ready(
    s: Session,
    code: str,
    agency: Agency,
    actor: str,
    *,
    store: FileStore,
    pdf: bytes,
    filename: str,
    max_bytes: int,
    centre_quota: int = 0,
    signature_ca_dir: str = "",
) -> dict[str, Any]:
    """The result document is ready: stored as the dossier's ``kind="result"`` attachment,
    the dossier goes to RELEASING (the counter hands it back). Like a desk's upload it counts
    against the centre's stored-bytes quota (``centre_quota``, 0: none), and a signed result
    is stored only if its signature holds (signatures.py), its signer recorded."""
    dossier = agency_dossier(s, code, agency)
    offered(dossier, "result_ready")
    if len(pdf) > max_bytes:
        raise StepRefused(
            f"Tệp kết quả quá lớn: tối đa {max_bytes // (1024 * 1024)} MB.", status=413
        )
    if not pdf.startswith(PDF_MAGIC):
        raise StepRefused("Tệp kết quả phải là tệp PDF.", status=422)
    verdict = check_signatures(pdf, signature_ca_dir)
    if verdict.problem is not None:
        raise StepRefused(
            f"Chữ ký số trên tệp kết quả không hợp lệ ({verdict.problem}): "
            "mời ký lại hoặc tải lên bản khác.",
            status=415,
        )
    sha256 = hashlib.sha256(pdf).hexdigest()
    counted = (
        update(Centre)
        .where(Centre.id == dossier.centre_id)
        .values(stored_bytes=Centre.stored_bytes + len(pdf))
        .execution_options(synchronize_session=False)
    )
    if centre_quota:  # atomic: two uploads at once cannot both slip under the quota
        counted = counted.where(Centre.stored_bytes + len(pdf) <= centre_quota)
    if rows_changed(s.execute(counted)) != 1:
        raise StepRefused(
            "Trung tâm đã dùng hết dung lượng lưu tệp: mời quản trị viên nâng hạn mức.",
            status=507,
        )
    store.put(pdf, sha256)  # content-addressed: a failed transaction leaves a harmless blob
    name = safe_filename(filename)
    att = Attachment(
        uuid=str(uuid.uuid4()),
        dossier_uuid=dossier.uuid,
        centre_id=dossier.centre_id,
        sha256=sha256,
        size=len(pdf),
        filename=name,
        content_type="application/pdf",
        kind="result",
        stored_at=datetime.now(),
        signer=verdict.signer.name if verdict.signer else None,
        signed_at=verdict.signer.signed_at if verdict.signer else None,
    )
    s.add(att)
    result = {"attachment_uuid": att.uuid, "filename": name, "sha256": sha256, "size": len(pdf)}
    payload = _record(
        s,
        dossier,
        _S.RELEASING,
        actor=actor,
        note=f"Đã có kết quả ({agency.name})",
        kind="result_ready",
        extra={"result": result},
    )
    audit(s, actor, "dossier.result_upload", code=dossier.code, sha256=sha256, size=len(pdf))
    return payload


def apology(
    s: Session,
    code: str,
    agency: Agency,
    actor: str,
    new_due_at: datetime,
    reason: str,
    *,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Mẫu 04: the dossier will be late; a new appointment in office time, later than now and
    than the one it replaces. The status stays (the event says why the date moved)."""
    dossier = agency_dossier(s, code, agency)
    offered(dossier, "apology")
    reason = _text(reason, "lý do trễ hẹn")
    new_due_at = new_due_at.replace(microsecond=0, tzinfo=None)
    if new_due_at <= (now or datetime.now()):
        raise StepRefused("Ngày hẹn mới phải sau thời điểm hiện tại.", status=422)
    if dossier.due_at is not None and new_due_at <= dossier.due_at:
        raise StepRefused("Ngày hẹn mới phải sau ngày hẹn cũ.", status=422)
    problem = new_due_problem(work_calendar(s), new_due_at)
    if problem is not None:
        raise StepRefused(problem.text("vi"), status=422)
    previous = dossier.due_at
    payload = _record(
        s,
        dossier,
        DossierStatus(dossier.status),
        actor=actor,
        note=f"Xin lỗi, hẹn lại ({agency.name}): {reason}",
        kind="apology",
        due_at=new_due_at,
        # The counter prints Mẫu 04 (the apology letter) from it, as after its own step.
        notice={"kind": "apology", "agency": agency.name, "reason": reason, "missing_papers": []},
    )
    audit(
        s,
        actor,
        "dossier.apology",
        code=dossier.code,
        previous_due_at=previous.isoformat() if previous else None,
        new_due_at=new_due_at.isoformat(),
    )
    return payload
