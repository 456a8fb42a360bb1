"""Official forms after intake (supplement, refusal, stop notice, apology, control slip, the
hand-back record) and the ledger: the facts from the store, rendered to PDF / xlsx, sent to a
print queue. Each dossier's forms follow the legal basis of the day it was received
(services/paper_facts.py) and carry the Circular 01/2023 QR.

Described in docs/forms.md and docs/after-intake.md. Each form prints the latest recorded fact
of its kind (notice, hand-overs, hand-back); a form whose fact does not exist yet is a clear
``MissingFacts`` error, never an empty form. Every render, print and ledger export is audited:
they all carry personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from hcc_core.domain.status import DossierStatus, timeliness
from hcc_core.files import safe_filename, write_through_temp
from hcc_core.i18n import msg
from hcc_core.vn_format import vn_datetime
from hcc_desk.core.printing.dispatch import print_pdf
from hcc_desk.core.printing.forms.data import (
    KINDS,
    ApologyData,
    ControlData,
    FormCentre,
    FormSet,
    HopRow,
    LedgerData,
    LedgerRow,
    RefusalData,
    ResultSlipData,
    StopData,
    SupplementData,
)
from hcc_desk.core.printing.forms.ledger_pdf import render_ledger_pdf
from hcc_desk.core.printing.forms.ledger_xlsx import write_ledger_xlsx
from hcc_desk.core.printing.forms.render import FormData, kind_of, render_form
from hcc_desk.core.printing.forms.templates import template_for
from hcc_desk.core.printing.paper_qr import QrFacts
from hcc_desk.core.store.models import Dossier, DossierNotice, HandBack
from hcc_desk.core.store.repositories import add_audit
from hcc_desk.core.store.repositories import forms as queries
from hcc_desk.core.store.repositories.after_intake import hand_back_of
from hcc_desk.core.store.repositories.lookups import the_centre
from hcc_desk.core.store.store import Sessions
from hcc_desk.services import print_files
from hcc_desk.services.dossier_steps import (
    COUNTER_PARTY,
    dossier_timing,
    load_dossier,
    result_time,
    statutory_due,
)
from hcc_desk.services.errors import InvalidInput, NotFound
from hcc_desk.services.paper_facts import (
    LEGAL_BASIS_KEY,
    TEMPLATES_KEY,
    form_set_for,
    holder_id,
    overrides,
    qr_facts,
)
from hcc_desk.services.receipts import chosen_paper
from hcc_desk.services.settings import PRINTER, SettingsService

__all__ = [
    "KINDS",
    "LEGAL_BASIS_KEY",
    "TEMPLATES_KEY",
    "FormsService",
    "LedgerResult",
    "MissingFacts",
    "PrintResult",
]
MAX_LEDGER_DAYS = 366 * 5  # a wider range is almost surely a typo in a year

_S = DossierStatus
_TIMING_NAMES = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


class MissingFacts(NotFound):
    """The form needs a fact not recorded yet (e.g. a result slip before the hand-back)."""


@dataclass(frozen=True)
class PrintResult:
    path: Path  # removed once the spooler had it (services/print_files.py)
    job: str
    made: str = ""  # the form printed: "stop" when a "refusal" was asked of a stopped dossier


@dataclass(frozen=True)
class LedgerResult:
    rows: int
    xlsx: Path | None
    pdf: Path | None


class FormsService:
    def __init__(
        self,
        store: Sessions,
        settings: SettingsService,
        out_dir: Path,
        clock: Callable[[], datetime] = datetime.now,
    ):
        self._store = store
        self._settings = settings
        self._dir = Path(out_dir)
        self._clock = clock

    # --- per-dossier forms ---------------------------------------------------------------------
    def form_data(self, kind: str, code: str) -> FormData:
        """The data a form of ``kind`` would print for dossier ``code`` (read only). "refusal"
        and "stop" give whichever of the two the recorded refusal is (``_refusal_or_stop``)."""
        _check_kind(kind)
        with self._store.session() as s:
            return _BUILDERS[kind](s, load_dossier(s, code), self._issuer(s))

    def render(
        self,
        kind: str,
        code: str,
        out_path: Path,
        officer_username: str = "cli",
        paper: str | None = None,
    ) -> Path:
        """Write the form's PDF to ``out_path`` (a file the officer chose)."""
        return self._render(kind, code, out_path, officer_username, paper)[0]

    def _render(
        self, kind: str, code: str, out_path: Path | None, officer_username: str, paper: str | None
    ) -> tuple[Path, str, str]:
        """(the PDF, its title, the kind made): the form set is the dossier's (received day)."""
        _check_kind(kind)
        paper = self._paper(paper)
        with self._store.write() as s:
            dossier = load_dossier(s, code)
            form_set = form_set_for(self._settings, dossier.received_at)
            tweaks = overrides(self._settings, form_set)
            data = _BUILDERS[kind](s, dossier, self._issuer(s))
            made = kind_of(data)
            add_audit(
                s,
                officer_username,
                f"form.{made}.render",
                "dossier",
                dossier.uuid,
                {"code": dossier.code, "legal_basis": form_set.value, "paper": paper},
            )
        out = Path(out_path) if out_path else self._dir / f"{safe_filename(data.code)}-{made}.pdf"
        write_through_temp(
            out,
            lambda tmp: render_form(data, tmp, paper=paper, form_set=form_set, overrides=tweaks),
        )
        return out, template_for(made, form_set, tweaks).title, made

    def print_form(
        self,
        kind: str,
        code: str,
        officer_username: str,
        printer: str | None = None,
        paper: str | None = None,
    ) -> PrintResult:
        """Render, then send to ``printer`` (default: the desk's printer setting)."""
        paper = self._paper(paper)
        # The PDF carries the applicant's ID number in clear text: gone once spooled.
        pdf, (_pdf, _title, made), job = print_files.print_transient(
            self._dir,
            lambda out: self._render(kind, code, out, officer_username, paper),
            lambda out, rendered: print_pdf(
                out,
                printer or self._settings.get(PRINTER),
                paper=paper,
                title=f"{rendered[1].capitalize()} {code}",
            ),
        )
        with self._store.write() as s:
            add_audit(
                s,
                officer_username,
                f"form.{kind}.print",
                "dossier",
                None,
                {"code": code, "printer": printer, "job": job},
            )
        return PrintResult(pdf, job, made)

    def print(
        self, kind: str, code: str, officer_username: str, printer: str | None = None
    ) -> Path:
        return self.print_form(kind, code, officer_username, printer).path

    # --- ledger --------------------------------------------------------------------------------
    def ledger_data(self, date_from: date, date_to: date, officer_username: str = "") -> LedgerData:
        _check_range(date_from, date_to)
        with self._store.session() as s:
            return self._ledger_data(s, date_from, date_to, officer_username)

    def ledger(
        self,
        date_from: date,
        date_to: date,
        xlsx: Path | None = None,
        pdf: Path | None = None,
        officer_username: str = "cli",
    ) -> LedgerResult:
        """Mẫu 06 of the dossiers received from ``date_from`` to ``date_to`` (both included)."""
        if xlsx is None and pdf is None:
            raise InvalidInput("forms.choose_output_xlsx_pdf")
        _check_range(date_from, date_to)
        # A period's ledger follows the set in force on its last day.
        form_set = form_set_for(self._settings, date_to)
        template = template_for("ledger", form_set, overrides(self._settings, form_set))
        with self._store.write() as s:
            data = self._ledger_data(s, date_from, date_to, officer_username)
            add_audit(
                s,
                officer_username,
                "ledger.export",
                None,
                None,
                {
                    "from": date_from.isoformat(),
                    "to": date_to.isoformat(),
                    "rows": len(data.rows),
                    "xlsx": str(xlsx) if xlsx else None,
                    "pdf": str(pdf) if pdf else None,
                    "legal_basis": form_set.value,
                },
            )
        if xlsx is not None:
            write_through_temp(
                Path(xlsx),
                lambda tmp: write_ledger_xlsx(data, tmp, form_set=form_set, template=template),
            )
        if pdf is not None:
            write_through_temp(
                Path(pdf),
                lambda tmp: render_ledger_pdf(data, tmp, form_set=form_set, template=template),
            )
        return LedgerResult(
            len(data.rows), Path(xlsx) if xlsx else None, Path(pdf) if pdf else None
        )

    def _ledger_data(
        self, s: Session, date_from: date, date_to: date, officer_username: str
    ) -> LedgerData:
        start = datetime.combine(date_from, time.min)
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        dossiers = queries.dossiers_received_between(s, start, end)
        first_hop = queries.first_handover_times(s, start, end)
        backs = queries.hand_backs_between(s, start, end)
        notices = queries.notices_between(s, start, end)
        now = self._clock()
        rows = tuple(
            _ledger_row(s, i, d, first_hop.get(d.id), backs.get(d.id), notices.get(d.id, []), now)
            for i, d in enumerate(dossiers, 1)
        )
        books = {d.ledger_book for d in dossiers if d.ledger_book}
        return LedgerData(
            _centre(s),
            date_from,
            date_to,
            rows,
            now.replace(microsecond=0),
            book=books.pop() if len(books) == 1 else "",
            officer_name=_officer_name(s, officer_username) if officer_username else "",
        )

    # --- settings ------------------------------------------------------------------------------
    def legal_basis(self, received: date | datetime | None = None) -> FormSet:
        """The set for a dossier received on ``received`` (default: today)."""
        return form_set_for(self._settings, received or self._clock())

    def _issuer(self, s: Session) -> _Issuer:
        return _issuer(s, self._settings)

    def _paper(self, paper: str | None) -> str:
        return chosen_paper(self._settings, paper)


# --- building the form data ------------------------------------------------------------------


@dataclass(frozen=True)
class _Issuer:
    """Who issues the papers, and what their QR needs beyond the dossier."""

    centre: FormCentre
    settings: SettingsService | None
    lookup_base: str | None

    def trace(self, d: Dossier) -> QrFacts:
        """The Circular 01/2023 QR facts of ``d``'s papers: the party the procedure is for
        (the owner when there is one) is the holder."""
        party = d.owner or d.submitter
        return qr_facts(
            self.settings,
            code=d.code,
            pin=d.lookup_pin,
            procedure_code=d.procedure.code,
            holder=holder_id(party.kind, party.id_number, party.old_id_number, party.tax_code),
            lookup_base=self.lookup_base,
        )

    def head(self, d: Dossier) -> dict[str, Any]:
        """What every form's data starts with (``FormHead``), and its QR facts."""
        return {
            "centre": self.centre,
            "trace": self.trace(d),
            "code": d.code,
            "applicant_name": d.submitter.full_name,
            "procedure_name": d.procedure.name,
        }


def _issuer(s: Session, settings: SettingsService | None = None) -> _Issuer:
    c = the_centre(s)
    if c is None:
        raise NotFound("forms.centre_set_up")
    return _Issuer(
        FormCentre(c.governing_body, c.name, c.place_name, c.hotline), settings, c.lookup_url_base
    )


def _centre(s: Session) -> FormCentre:
    return _issuer(s).centre


def _officer_name(s: Session, username: str) -> str:
    """The officer's full name for printing; the user name itself for a non-officer actor."""
    return queries.officer_full_name(s, username) or username


def _latest_notice(s: Session, d: Dossier, kind: str) -> DossierNotice:
    notice = queries.latest_notice(s, d.id, kind)
    if notice is None:
        raise MissingFacts(
            "forms.notice_missing",
            code=d.code,
            what=msg(f"forms.notice.{kind}"),
            paper=msg(f"forms.paper.{kind}"),
        )
    return notice


def _contact(d: Dossier) -> dict[str, Any]:
    a = d.submitter
    return {
        "applicant_address": a.address or "",
        "applicant_phone": a.phone or "",
        "applicant_email": a.email or "",
    }


def _supplement(s: Session, d: Dossier, issuer: _Issuer) -> SupplementData:
    n = _latest_notice(s, d, "supplement")
    papers = tuple(str(p) for p in (n.missing_papers or []) if str(p).strip())
    return SupplementData(
        **issuer.head(d),
        received_at=d.received_at,
        reason=n.reason or "",
        missing_papers=papers,
        officer_name=_officer_name(s, n.actor),
        agency_name=n.agency_name or None,
        issued_at=n.at,
        **_contact(d),
    )


def _refusal_or_stop(s: Session, d: Dossier, issuer: _Issuer) -> RefusalData | StopData:
    """The paper of the recorded refusal. Refused before processing started, the dossier was
    not received (DENIED): Mẫu 03, the refusal to receive. Refused once an agency worked on it,
    processing stopped (UNRESOLVED): the stop notice — never Mẫu 03 (agency_steps.refuse)."""
    n = _latest_notice(s, d, "refusal")
    common = {
        "centre": issuer.centre,
        "trace": issuer.trace(d),
        "code": d.code,
        "applicant_name": d.submitter.full_name,
        "procedure_name": d.procedure.name,
        "reasons": n.reason or "",
        "officer_name": _officer_name(s, n.actor),
        "issued_at": n.at,
        "agency_name": n.agency_name or None,
        **_contact(d),
    }
    if _stopped(s, d, n):
        return StopData(received_at=d.received_at, **common)
    return RefusalData(**common)


def _stopped(s: Session, d: Dossier, n: DossierNotice) -> bool:
    """Whether the refusal ``n`` stopped processing, by the status it moved the dossier to
    (the dossier's current status for a notice recorded without its event)."""
    status = None
    if n.status_event_uuid:
        status = queries.status_of_event(s, n.status_event_uuid)
    if status is None:
        status = d.status
    return DossierStatus(status) == _S.UNRESOLVED


def _apology(s: Session, d: Dossier, issuer: _Issuer) -> ApologyData:
    n = _latest_notice(s, d, "apology")
    new_due = n.new_due_at or d.due_at
    if new_due is None:
        raise MissingFacts("forms.apology_dossier_new_appointment", code=d.code)
    place = (
        f"địa chỉ đăng ký nhận qua dịch vụ bưu chính công ích: {d.delivery_address}"
        if d.delivery_method == "post" and d.delivery_address
        else ""
    )
    return ApologyData(
        **issuer.head(d),
        received_at=d.received_at,
        old_due_at=n.previous_due_at,
        new_due_at=new_due,
        reason=n.reason or "",
        agency_name=n.agency_name or None,
        issued_at=n.at,
        return_place=place,
    )


def _control(s: Session, d: Dossier, issuer: _Issuer) -> ControlData:
    hops = queries.handovers_of(s, d.id)
    timing = dossier_timing(s, d)
    # The timeliness column belongs to the hop that brought the result back to the counter.
    result_hop = None
    if timing is not None:
        back = [i for i, h in enumerate(hops) if h.to_party in (COUNTER_PARTY, issuer.centre.name)]
        result_hop = back[-1] if back else None
    rows = tuple(
        HopRow(
            h.from_party,
            h.to_party,
            h.at,
            h.note,
            _TIMING_NAMES.get(timing or "") if i == result_hop else None,
        )
        for i, h in enumerate(hops)
    )
    own = {COUNTER_PARTY, issuer.centre.name, d.agency.name}
    coordinating = tuple(
        dict.fromkeys(p for h in hops for p in (h.from_party, h.to_party) if p not in own)
    )
    return ControlData(
        **issuer.head(d),
        received_at=d.received_at,
        due_at=d.due_at,
        hops=rows,
        result_ready_at=d.result_ready_at,
        returned_at=d.returned_at,
        agency_name=d.agency.name,
        coordinating=coordinating,
        issued_at=d.received_at,
    )


def _result(s: Session, d: Dossier, issuer: _Issuer) -> ResultSlipData:
    hb = hand_back_of(s, d.id)
    if hb is None:
        raise MissingFacts("forms.dossier_been_handed_back", code=d.code)
    due = statutory_due(s, d)
    return ResultSlipData(
        **issuer.head(d),
        received_at=d.received_at,
        due_at=due,
        returned_at=hb.at,
        recipient_name=hb.recipient_name,
        recipient_id_number=hb.recipient_id_number,
        relation=hb.relation,
        authorisation_ref=hb.authorisation_ref,
        result_summary=hb.result_summary,
        timing=hb.timing,
        officer_name=_officer_name(s, hb.officer),
        rescheduled_due_at=d.due_at if d.due_at != due else None,
    )


_BUILDERS: dict[str, Callable[[Session, Dossier, _Issuer], FormData]] = {
    "supplement": _supplement,
    "refusal": _refusal_or_stop,
    "stop": _refusal_or_stop,
    "apology": _apology,
    "control": _control,
    "result": _result,
}


def _ledger_row(
    s: Session,
    seq: int,
    d: Dossier,
    transferred_at: datetime | None,
    hb: HandBack | None,
    notices: list[DossierNotice],
    now: datetime,
) -> LedgerRow:
    if result_time(d) is not None:
        timing = dossier_timing(s, d)
    elif d.status in (_S.DENIED, _S.CANCELLED):
        timing = None  # nothing will be decided: no deadline to meet
    else:
        timing = timeliness(statutory_due(s, d), None, now)  # "overdue" / "undue"
    owner = d.owner or d.submitter
    return LedgerRow(
        seq=seq,
        code=d.code,
        procedure_name=d.procedure.name,
        sets=d.sets,
        applicant_name=owner.full_name,
        applicant_address=owner.address or "",
        applicant_phone=owner.phone or d.submitter.phone or "",
        agency_name=d.agency.name,
        received_at=d.received_at,
        due_at=d.due_at,
        transferred_at=transferred_at,
        result_ready_at=d.result_ready_at,
        returned_at=d.returned_at,
        status=d.status,
        timing=timing,
        delivery="Bưu chính công ích" if d.delivery_method == "post" else "Tại quầy",
        recipient=hb.recipient_name if hb else "",
        notes=_ledger_notes(notices),
    )


def _ledger_notes(notices: list[DossierNotice]) -> str:
    """What the notices say in a few words: supplements asked, refusal, new appointment."""
    parts = []
    supplements = sum(1 for n in notices if n.kind == "supplement")
    if supplements:
        parts.append(f"Yêu cầu bổ sung: {supplements} lần")
    if any(n.kind == "refusal" for n in notices):
        parts.append("Từ chối tiếp nhận")
    apologies = [n for n in notices if n.kind == "apology" and n.new_due_at]
    if apologies:
        parts.append(f"Xin lỗi, hẹn lại {vn_datetime(apologies[-1].new_due_at)}")
    return "; ".join(parts)


# --- helpers -----------------------------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput("forms.form_choose_one", kind=repr(kind), join=", ".join(KINDS))


def _check_range(date_from: date, date_to: date) -> None:
    if date_from > date_to:
        raise InvalidInput("forms.start_date_after_end", date_from=date_from, date_to=date_to)
    if (date_to - date_from).days > MAX_LEDGER_DAYS:
        raise InvalidInput("forms.period_too_long_at")
