"""Input of the Mẫu 01 receipt: plain frozen data, filled by the intake service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hcc_desk.core.printing.forms.data import FormSet
from hcc_desk.core.printing.forms.templates import Template
from hcc_desk.core.printing.paper_qr import QrFacts


@dataclass(frozen=True)
class ReceiptPaper:
    """One line of "Thành phần hồ sơ": how many of each kind of copy was handed in."""

    name: str
    originals: int
    certified_copies: int
    photocopies: int
    # Handed in as a signed digitised copy reused from another dossier (docs/digitising.md):
    # that dossier's code and the copy's signer.
    reused_from: str | None = None
    reused_signer: str | None = None


@dataclass(frozen=True)
class FeeLine:
    """One case of the procedure's fee (the catalogue's structured ``fees``)."""

    case: str | None  # e.g. "Đăng ký đúng hạn"; None when the fee has one case
    amount_vnd: int | None  # None: no fixed amount (``text`` says how it is set)
    text: str  # the published wording, e.g. "Miễn lệ phí"
    basis: str | None  # the legal basis in force, e.g. "Thông tư 85/2019/TT-BTC"


@dataclass(frozen=True)
class ReceiptData:
    governing_body: str  # TÊN CƠ QUAN CHỦ QUẢN, e.g. "UBND THÀNH PHỐ HUẾ"
    centre_name: str  # issuing unit, also printed as the receiving unit
    place_name: str  # địa danh of the date line, e.g. "Huế"
    dossier_code: str
    lookup_pin: str
    lookup_url: str | None  # the status page's link, printed and put in the QR
    received_at: datetime  # local time
    appointment_at: datetime  # local time
    procedure_code: str
    procedure_name: str
    processing_time_text: str  # e.g. "05 ngày làm việc"
    deciding_agency: str
    applicant_name: str
    applicant_id_number: str
    applicant_address: str
    applicant_phone: str
    applicant_email: str
    owner_name: str | None  # chủ hồ sơ, when not the person submitting
    owner_id: str | None
    owner_address: str | None
    papers: tuple[ReceiptPaper, ...]
    sets: int
    result_delivery_text: str
    fees: tuple[FeeLine, ...]  # empty: not known — a neutral line is printed
    notes: str
    ledger_book: str
    ledger_number: int
    officer_name: str
    hotline: str | None
    applicant_kind: str = "individual"  # "individual" | "organisation": picks the ID label
    owner_kind: str | None = None
    form_set: FormSet = FormSet.TT03_2025
    template: Template | None = None  # None: the set's Mẫu 01
    trace: QrFacts | None = None  # the Circular 01/2023 QR's facts (None: from the fields)
