"""Input of the Mẫu 01 receipt: plain frozen data, filled by the intake service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ReceiptPaper:
    """One line of "Thành phần hồ sơ": how many of each kind of copy was handed in."""

    name: str
    originals: int
    certified_copies: int
    photocopies: int


@dataclass(frozen=True)
class ReceiptData:
    governing_body: str  # TÊN CƠ QUAN CHỦ QUẢN, e.g. "UBND THÀNH PHỐ HUẾ"
    centre_name: str  # issuing unit, also printed as the receiving unit
    place_name: str  # địa danh of the date line, e.g. "Huế"
    dossier_code: str
    lookup_pin: str
    lookup_url: str | None  # QR payload when given, else "<code>|<pin>"
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
    fees_text: str
    notes: str
    ledger_book: str
    ledger_number: int
    officer_name: str
    hotline: str | None
