"""What every issued paper needs beyond its own facts: the legal basis in force for the
dossier, the Circular 01/2023 QR facts, and the receipt's data (docs/forms.md).

Settings (docs/legal-basis.md):
- ``forms.legal_basis``: "auto" (default) picks the set by the day the dossier was received —
  the 2025 set (TT 03/2025/TT-VPCP) from ``forms.basis_2025_from``, the 2018 set
  (TT 01/2018/TT-VPCP) before, so a reprint keeps the form it was first issued on; "2018" or
  "2025" forces one set for every dossier;
- ``forms.basis_2025_from``: that first day, ISO date (default 2025-09-15);
- ``forms.templates``: per-set overrides of numbers, titles and the basis line;
- ``forms.qr_system_name``: the issuing system named in the QR (default "HCC Desk").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from hcc_desk.core.printing.forms.data import FormSet
from hcc_desk.core.printing.forms.templates import FORM_KINDS, template_for
from hcc_desk.core.printing.paper_qr import QrFacts, lookup_link
from hcc_desk.core.printing.receipt_data import FeeLine, ReceiptData, ReceiptPaper
from hcc_desk.core.store.models import Centre
from hcc_desk.core.store.records import DossierDetail
from hcc_desk.services.errors import InvalidInput
from hcc_desk.services.settings import (
    FORMS_BASIS_2025_FROM,
    FORMS_LEGAL_BASIS,
    FORMS_QR_SYSTEM_NAME,
    FORMS_TEMPLATES,
    Setting,
    SettingsService,
)

LEGAL_BASIS_KEY = "forms.legal_basis"
SWITCH_KEY = "forms.basis_2025_from"
TEMPLATES_KEY = "forms.templates"
SYSTEM_KEY = "forms.qr_system_name"
AUTO = "auto"


def _get(settings: SettingsService | None, setting: Setting[Any]) -> Any:
    value = settings.get(setting) if settings is not None else setting.default
    return setting.default if value in (None, "") else value


def switch_day(settings: SettingsService | None) -> date:
    raw = _get(settings, FORMS_BASIS_2025_FROM)
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw).strip())
    except ValueError:
        raise InvalidInput(
            "paper_facts.setting_must_yyyy_mm", SWITCH_KEY=SWITCH_KEY, raw=repr(raw)
        ) from None


def form_set_for(settings: SettingsService | None, received: date | datetime) -> FormSet:
    """The set of forms for a dossier received on ``received`` (see the module docstring)."""
    raw = str(_get(settings, FORMS_LEGAL_BASIS)).strip().lower()
    if raw == AUTO:
        return FormSet.for_received(received, switch_day(settings))
    try:
        return FormSet.parse(raw)
    except ValueError:
        raise InvalidInput(
            "paper_facts.setting_must_auto", LEGAL_BASIS_KEY=LEGAL_BASIS_KEY, raw=repr(raw)
        ) from None


def overrides(settings: SettingsService | None, form_set: FormSet) -> Mapping[str, Any]:
    """The centre's template overrides, checked for ``form_set`` (InvalidInput if malformed)."""
    value = _get(settings, FORMS_TEMPLATES)
    try:
        if not isinstance(value, Mapping):
            raise TypeError(f"{TEMPLATES_KEY} must be an object")
        for kind in FORM_KINDS:
            template_for(kind, form_set, value)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(
            "paper_facts.setting_invalid", TEMPLATES_KEY=TEMPLATES_KEY, exc=exc
        ) from None
    return value


def holder_id(
    kind: str | None, id_number: str | None, old_id: str | None = None, tax_code: str | None = None
) -> str:
    """The identifier the QR carries for a party: its tax/enterprise code for an organisation,
    else its personal ID number (or the old CMND when that is all we have)."""
    if kind == "organisation":
        return tax_code or ""
    return id_number or old_id or ""


def qr_facts(
    settings: SettingsService | None,
    *,
    code: str,
    pin: str | None,
    procedure_code: str | None,
    holder: str,
    lookup_base: str | None,
) -> QrFacts:
    return QrFacts(
        procedure_code=procedure_code or "",
        holder_id=holder,
        link=lookup_link(lookup_base, code, pin or ""),
        system_name=str(_get(settings, FORMS_QR_SYSTEM_NAME))[:60],
    )


def fee_lines(fees: Iterable[Mapping[str, Any]] | None, received: date) -> tuple[FeeLine, ...]:
    """The structured fees in force on ``received`` (a temporary rate whose stated last day
    has passed is left out)."""
    from hcc_core.catalogue.fees import expired_on

    out = []
    for f in fees or ():
        if expired_on(dict(f), received) is not None:
            continue
        out.append(FeeLine(f.get("case"), f.get("amount_vnd"), f.get("text") or "", f.get("basis")))
    return tuple(out)


def receipt_data(
    d: DossierDetail,
    centre: Centre,
    settings: SettingsService | None = None,
    reused: Mapping[int, tuple[str, str | None]] | None = None,
) -> ReceiptData:
    """Mẫu 01 of the saved dossier ``d`` (a DossierDetail): exactly the papers recorded at
    intake, the ID labels by party kind, the fee in force, the set of its received day.
    ``reused``: paper position → (source dossier code, signer) of a reused signed copy."""
    reused = reused or {}
    owner, submitter = d.owner, d.submitter
    delivery = (
        "Bộ phận tiếp nhận và trả kết quả (nhận trực tiếp tại quầy)"
        if d.delivery_method == "counter"
        else f"Qua dịch vụ bưu chính công ích, địa chỉ: {d.delivery_address or ''}"
    )
    base = centre.lookup_url_base
    link = lookup_link(base, d.code, d.lookup_pin or "") if base else None
    form_set = form_set_for(settings, d.received_at)
    holder_party = owner or submitter
    holder = holder_id(
        holder_party.kind, holder_party.id_number, holder_party.old_id_number, holder_party.tax_code
    )
    return ReceiptData(
        governing_body=centre.governing_body,
        centre_name=centre.name,
        place_name=centre.place_name,
        dossier_code=d.code,
        lookup_pin=d.lookup_pin or "",
        lookup_url=link,
        received_at=d.received_at,
        appointment_at=d.due_at or d.received_at,
        procedure_code=d.procedure.code or "",
        procedure_name=d.procedure.name,
        processing_time_text=d.procedure.duration().text("vi"),
        deciding_agency=d.agency.name,
        applicant_name=submitter.full_name,
        applicant_id_number=holder_id(
            submitter.kind, submitter.id_number, submitter.old_id_number, submitter.tax_code
        ),
        applicant_address=submitter.address or "",
        applicant_phone=submitter.phone or "",
        applicant_email=submitter.email or "",
        owner_name=owner.full_name if owner else None,
        owner_id=holder_id(owner.kind, owner.id_number, owner.old_id_number, owner.tax_code)
        if owner
        else None,
        owner_address=owner.address if owner else None,
        papers=tuple(
            ReceiptPaper(
                p.name,
                p.originals,
                p.certified_copies,
                p.photocopies,
                *reused.get(p.position, (None, None)),
            )
            for p in d.papers
        ),
        sets=d.sets,
        result_delivery_text=delivery,
        fees=fee_lines(getattr(d.procedure, "fees", ()), d.received_at.date()),
        notes=d.notes or "",
        ledger_book=d.ledger_book or "",
        ledger_number=d.ledger_number or 0,
        officer_name=d.officer.full_name,
        hotline=centre.hotline,
        applicant_kind=submitter.kind,
        owner_kind=owner.kind if owner else None,
        form_set=form_set,
        template=template_for("receipt", form_set, overrides(settings, form_set)),
        trace=qr_facts(
            settings,
            code=d.code,
            pin=d.lookup_pin,
            procedure_code=d.procedure.code,
            holder=holder,
            lookup_base=base,
        ),
    )
