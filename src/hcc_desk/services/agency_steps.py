"""Steps recorded at the counter when an agency hands papers over in person (docs/domain.md).

Transfer (Mẫu 05 hop), processing, supplement request (Mẫu 02: the clock stops) and the
supplement received (the clock restarts, the appointment moves by the paused office time),
result ready, refusal (Mẫu 03) and apology with a new appointment (Mẫu 04). Every step is
validated by the national status machine, audited and queued for central in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from hcc_core.domain.status import ALLOWED_TRANSITIONS, DossierStatus
from hcc_core.domain.steps import STEP_STATES as STEP_STATES
from hcc_core.domain.steps import STEPS as STEPS
from hcc_core.domain.steps import allowed_steps
from hcc_core.domain.timing import due_after_restart, limit_of, new_due_problem
from hcc_core.i18n import msg
from hcc_desk.core.store.models import Dossier, DossierNotice
from hcc_desk.core.store.repositories import list_agencies
from hcc_desk.core.store.store import Sessions
from hcc_desk.services.dossier_steps import (
    COUNTER_PARTY,
    FINISHED,
    active_officer,
    add_hop,
    change_status,
    dossier_handed_back,
    event_time,
    finish_change,
    last_agency,
    load_dossier,
    papers_holder,
)
from hcc_desk.services.errors import FieldError, FieldErrors, UserError

if TYPE_CHECKING:
    from hcc_desk.services.calendars import CalendarService

_S = DossierStatus
MAX_TEXT = 2000
# STEPS, STEP_STATES and allowed_steps live in hcc_core.domain.steps (central offers the same).


@dataclass(frozen=True)
class StepResult:
    code: str
    status: int
    at: datetime
    due_at: datetime | None
    form: str | None  # the form to print for this step ("supplement", "control", …)


class AgencyStepsService:
    def __init__(
        self,
        store: Sessions,
        calendars: CalendarService,
        clock: Callable[[], datetime] = datetime.now,
    ):
        self._store = store
        self._calendars = calendars
        self._clock = clock

    def parties(self) -> list[str]:
        """Names to offer for a hand-over: the counter, then the centre's agencies."""
        with self._store.session() as s:
            return [COUNTER_PARTY, *(a.name for a in list_agencies(s))]

    def allowed_steps(self, code: str, officer: str) -> tuple[str, ...]:
        """The steps ``officer`` may record for the dossier now (what the return desk offers)."""
        with self._store.session() as s:
            active_officer(s, officer)
            d = load_dossier(s, code)
            return allowed_steps(d.status, dossier_handed_back(s, d))

    # --- hand-over between parties ------------------------------------------------------------
    def transfer(
        self,
        code: str,
        to_party: str,
        officer: str,
        *,
        from_party: str | None = None,
        note: str = "",
    ) -> StepResult:
        """Papers handed from one party to another (a Mẫu 05 hop).

        From the counter to the deciding agency the dossier is being processed; from one
        agency to another it is inter-agency (liên thông).
        """
        to_party = _required(to_party, "to_party", "agency_steps.receiving_party")
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            _not_finished(d)
            _not_waiting(d)
            at = event_time(d, self._clock())
            source = (from_party or "").strip() or papers_holder(s, d)
            if source == to_party:
                raise FieldErrors(
                    [
                        FieldError(
                            "to_party",
                            "agency_steps.receiving_party_one_handing",
                        )
                    ]
                )
            target = _S.PROCESSING if source == COUNTER_PARTY else _S.INTEROPERATING
            add_hop(s, d, at, source, to_party, note.strip()[:MAX_TEXT], actor)
            if d.status != target:  # a further hop at the same stage only adds the hop
                change_status(s, d, target, at, actor, f"Chuyển hồ sơ: {source} → {to_party}")
            finish_change(s, d, actor, "dossier.transfer", {"from": source, "to": to_party})
            return _result(d, at, "control")

    def processing(
        self, code: str, officer: str, *, agency: str = "", note: str = ""
    ) -> StepResult:
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            _not_waiting(d)
            at = event_time(d, self._clock())
            who = agency.strip() or last_agency(s, d)
            change_status(
                s,
                d,
                _S.PROCESSING,
                at,
                actor,
                f"{who} đang xử lý" + (f": {note.strip()}" if note.strip() else ""),
            )
            finish_change(s, d, actor, "dossier.processing", {"agency": who})
            return _result(d, at, None)

    # --- supplement ---------------------------------------------------------------------------
    def request_supplement(
        self,
        code: str,
        officer: str,
        *,
        missing_papers: Sequence[str],
        reason: str,
        agency: str = "",
    ) -> StepResult:
        """Mẫu 02: the applicant must bring ``missing_papers``; the clock stops meanwhile."""
        papers = [p.strip()[:300] for p in missing_papers if p.strip()]
        problems = []
        if not papers:
            problems.append(
                FieldError(
                    "missing_papers",
                    "agency_steps.list_papers_supply",
                )
            )
        if not reason.strip():
            problems.append(FieldError("reason", "agency_steps.give_reason_request"))
        if problems:
            raise FieldErrors(problems)
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            at = event_time(d, self._clock())
            who = agency.strip() or last_agency(s, d)
            event = change_status(
                s, d, _S.WAITING_SUPPLEMENT, at, actor, f"Yêu cầu bổ sung ({who}): {reason.strip()}"
            )
            s.add(
                DossierNotice(
                    dossier_id=d.id,
                    kind="supplement",
                    at=at,
                    agency_name=who,
                    reason=reason.strip()[:MAX_TEXT],
                    missing_papers=papers,
                    actor=actor,
                    status_event_uuid=event.uuid,
                )
            )
            finish_change(
                s, d, actor, "dossier.supplement_request", {"agency": who, "papers": len(papers)}
            )
            return _result(d, at, "supplement")

    def supplement_received(self, code: str, officer: str, *, note: str = "") -> StepResult:
        """The applicant brought the papers: back to the stage the request came from, and the
        appointment moves by the office time spent waiting."""
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            if d.status != _S.WAITING_SUPPLEMENT:
                raise UserError("agency_steps.dossier_waiting_supplement", code=d.code)
            at = event_time(d, self._clock())
            started, before = _pause_start(d)
            # The same function central uses for a restart recorded there (one due date).
            p = d.procedure
            limit = limit_of(
                {
                    "duration_hours": p.duration_hours,
                    "cutoff": p.cutoff,
                    "duration_kind": p.duration_kind,
                    "duration_unit": p.duration_unit,
                }
            )
            d.due_at = due_after_restart(
                d.due_at,
                [(e.status, e.at) for e in d.events],
                at,
                self._calendars.current(),
                p.duration_kind,  # type: ignore[arg-type]
                received_at=d.received_at,
                limit=limit,
            )
            change_status(
                s,
                d,
                before,
                at,
                actor,
                "Đã nhận hồ sơ bổ sung" + (f": {note.strip()}" if note.strip() else ""),
            )
            finish_change(
                s,
                d,
                actor,
                "dossier.supplement_received",
                {"paused_from": started.isoformat(), "due_at": _iso(d.due_at)},
            )
            return _result(d, at, None)

    # --- outcome ------------------------------------------------------------------------------
    def result_ready(
        self, code: str, officer: str, *, agency: str = "", note: str = ""
    ) -> StepResult:
        """The agency brought the result to the counter: ready to hand back."""
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            at = event_time(d, self._clock())
            who = agency.strip() or last_agency(s, d)
            change_status(s, d, _S.RELEASING, at, actor, f"Đã có kết quả ({who})")
            add_hop(s, d, at, who, COUNTER_PARTY, note.strip()[:MAX_TEXT] or "Trả kết quả", actor)
            finish_change(s, d, actor, "dossier.result_ready", {"agency": who})
            return _result(d, at, "control")

    def refuse(self, code: str, officer: str, *, reasons: str, agency: str = "") -> StepResult:
        """Mẫu 03. Before processing started it is "not accepted"; once an agency works on it,
        the status machine only allows "stopped" (the papers go back with the notice)."""
        if not reasons.strip():
            raise FieldErrors([FieldError("reasons", "agency_steps.give_reasons_refusal")])
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            at = event_time(d, self._clock())
            who = agency.strip() or last_agency(s, d)
            current = DossierStatus(d.status)
            target = _S.DENIED if _S.DENIED in ALLOWED_TRANSITIONS[current] else _S.UNRESOLVED
            event = change_status(s, d, target, at, actor, f"Từ chối ({who}): {reasons.strip()}")
            s.add(
                DossierNotice(
                    dossier_id=d.id,
                    kind="refusal",
                    at=at,
                    agency_name=who,
                    reason=reasons.strip()[:MAX_TEXT],
                    actor=actor,
                    status_event_uuid=event.uuid,
                )
            )
            finish_change(s, d, actor, "dossier.refuse", {"agency": who, "status": int(target)})
            return _result(d, at, "refusal")

    def apologise(
        self, code: str, officer: str, *, new_due_at: datetime, reason: str, agency: str = ""
    ) -> StepResult:
        """Mẫu 04: the dossier will be late; the applicant gets a new appointment. The status
        does not change; on-time statistics keep the appointment it replaces."""
        problems = []
        if not reason.strip():
            problems.append(FieldError("reason", "agency_steps.give_reason_delay"))
        now = self._clock().replace(microsecond=0)
        new_due_at = new_due_at.replace(microsecond=0, tzinfo=None)
        if new_due_at <= now:
            problems.append(
                FieldError(
                    "new_due_at",
                    "agency_steps.new_appointment_must_future",
                )
            )
        else:  # refused, not moved: the officer sees the date the applicant will be told
            off_hours = new_due_problem(self._calendars.current(), new_due_at)
            if off_hours is not None:
                problems.append(FieldError.of("new_due_at", off_hours))
        if problems:
            raise FieldErrors(problems)
        with self._store.write() as s:
            actor = active_officer(s, officer).username
            d = load_dossier(s, code)
            _not_finished(d)
            if d.due_at is not None and new_due_at <= d.due_at:
                raise FieldErrors(
                    [
                        FieldError(
                            "new_due_at",
                            "agency_steps.new_appointment_must_after",
                        )
                    ]
                )
            at = event_time(d, now)
            who = agency.strip() or last_agency(s, d)
            s.add(
                DossierNotice(
                    dossier_id=d.id,
                    kind="apology",
                    at=at,
                    agency_name=who,
                    reason=reason.strip()[:MAX_TEXT],
                    new_due_at=new_due_at,
                    previous_due_at=d.due_at,
                    actor=actor,
                )
            )
            previous, d.due_at = d.due_at, new_due_at
            finish_change(
                s,
                d,
                actor,
                "dossier.apology",
                {
                    "agency": who,
                    "previous_due_at": _iso(previous),
                    "new_due_at": new_due_at.isoformat(),
                },
            )
            return _result(d, at, "apology")


def _required(value: str, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise FieldErrors([FieldError(field, "agency_steps.missing", label=msg(label))])
    return value[:300]


def _not_finished(d: Dossier) -> None:
    if DossierStatus(d.status) in FINISHED:
        label = DossierStatus(d.status)
        raise UserError("agency_steps.dossier_already", code=d.code, status=label)


def _not_waiting(d: Dossier) -> None:
    if d.status == _S.WAITING_SUPPLEMENT:
        raise UserError("agency_steps.dossier_waiting_supplement_record", code=d.code)


def _pause_start(d: Dossier) -> tuple[datetime, DossierStatus]:
    """When the current wait began, and the status it interrupted (to return to)."""
    events = sorted(d.events, key=lambda e: (e.at, e.id or 0))
    started, before = None, _S.PROCESSING
    for i in range(len(events) - 1, -1, -1):
        if events[i].status != _S.WAITING_SUPPLEMENT:
            before = DossierStatus(events[i].status)
            break
        started = events[i].at
    if before not in (_S.RECEIVING, _S.NEW, _S.PROCESSING, _S.INTEROPERATING):
        before = _S.PROCESSING
    return started or d.updated_at, before


def _result(d: Dossier, at: datetime, form: str | None) -> StepResult:
    return StepResult(d.code, d.status, at, d.due_at, form)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
