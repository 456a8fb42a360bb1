"""Input of the official forms after intake (Mẫu 02–06, the hand-back record): plain data.

Filled by ``services/forms.py`` from the store; rendered by the modules of this package. All
datetimes are naive local time of the centre, as the store keeps them. Text fields hold what
users typed: the renderers print them literally (``core/printing/text.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from hcc_desk.core.printing.paper_qr import QrFacts

KINDS = ("supplement", "refusal", "stop", "apology", "control", "result")
TIMINGS = ("early", "on_time", "late")


class FormSet(StrEnum):
    """Which legal basis the templates follow (setting ``forms.legal_basis``)."""

    TT01_2018 = "2018"  # Thông tư 01/2018/TT-VPCP, guiding NĐ 61/2018/NĐ-CP
    TT03_2025 = "2025"  # Thông tư 03/2025/TT-VPCP, guiding NĐ 118/2025/NĐ-CP (docs/domain.md, [U])

    @classmethod
    def parse(cls, value: object) -> FormSet:
        """The set named by a setting value ("2018", 2025, ...); ValueError when unknown."""
        text = str(value).strip()
        for member in cls:
            if member.value == text:
                return member
        raise ValueError(
            f"forms.legal_basis must be one of {[m.value for m in cls]}, not {value!r}"
        )

    @classmethod
    def for_received(cls, received: date, switch: date | None = None) -> FormSet:
        """The set in force for a dossier received on ``received``: the 2025 set from
        ``switch`` (default ``BASIS_2025_FROM``), the 2018 set before it — also for reprints."""
        if isinstance(received, datetime):
            received = received.date()
        return cls.TT03_2025 if received >= (switch or BASIS_2025_FROM) else cls.TT01_2018


# First day the 2025 set applies (docs/legal-basis.md): TT 03/2025/TT-VPCP of 15-9-2025, whose
# Appendix I forms published summaries date from that day. Setting ``forms.basis_2025_from``.
BASIS_2025_FROM = date(2025, 9, 15)


@dataclass(frozen=True)
class FormCentre:
    """Who issues the form: printed in the header and the date line."""

    governing_body: str  # TÊN CƠ QUAN CHỦ QUẢN, e.g. "UBND THÀNH PHỐ HUẾ"
    name: str  # the centre (Bộ phận tiếp nhận và trả kết quả)
    place_name: str  # địa danh of "<place>, ngày … tháng … năm …"
    hotline: str | None = None


@dataclass(frozen=True)
class FormHead:
    """What every form after intake names first: who issues it, the dossier, the applicant and the
    procedure."""

    centre: FormCentre
    code: str
    applicant_name: str
    procedure_name: str


@dataclass(frozen=True)
class SupplementData(FormHead):
    """Mẫu 02 — PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ (the clock pauses until it is done)."""

    received_at: datetime
    reason: str
    missing_papers: tuple[str, ...]
    officer_name: str
    agency_name: str | None  # the agency that asked for it; None = the counter itself
    issued_at: datetime
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    trace: QrFacts | None = None  # the Circular 01/2023 QR's facts (paper_qr.py)


@dataclass(frozen=True)
class RefusalData(FormHead):
    """Mẫu 03 — PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ."""

    reasons: str
    officer_name: str
    issued_at: datetime
    agency_name: str | None = None  # the refusing agency when not the counter
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    trace: QrFacts | None = None


@dataclass(frozen=True)
class StopData(FormHead):
    """THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ (2025 set: Mẫu 05): processing of an accepted dossier
    stops (the refusal *to receive*, Mẫu 03, is for dossiers not accepted)."""

    received_at: datetime
    reasons: str
    officer_name: str
    issued_at: datetime
    agency_name: str | None = None  # the agency that stopped it
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    trace: QrFacts | None = None


@dataclass(frozen=True)
class ApologyData(FormHead):
    """Mẫu 04 — PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ (2025 set: văn bản xin lỗi và đề
    nghị gia hạn)."""

    received_at: datetime
    old_due_at: datetime | None  # None: not known any more; the text then cites the receipt
    new_due_at: datetime
    reason: str
    agency_name: str | None  # the agency that is late
    issued_at: datetime
    return_place: str = ""  # where the result will be handed back; "" = the centre
    trace: QrFacts | None = None


@dataclass(frozen=True)
class HopRow:
    """One hand-over of the papers between two parties (a row pair of Mẫu 05)."""

    from_party: str
    to_party: str
    at: datetime
    note: str | None = None
    result: str | None = None  # "Trước hạn" / "Đúng hạn" / "Quá hạn" where a result was made


@dataclass(frozen=True)
class ControlData(FormHead):
    """Mẫu 05 — PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ (2025 set: Mẫu 06)."""

    received_at: datetime
    due_at: datetime | None
    hops: tuple[HopRow, ...]
    result_ready_at: datetime | None
    returned_at: datetime | None
    agency_name: str = ""  # cơ quan (bộ phận) giải quyết hồ sơ
    coordinating: tuple[str, ...] = ()  # cơ quan phối hợp giải quyết hồ sơ
    issued_at: datetime | None = None  # date line; None = received_at
    trace: QrFacts | None = None


@dataclass(frozen=True)
class ResultSlipData(FormHead):
    """Hand-back record (phiếu trả kết quả): who took the result, when, against the appointment."""

    received_at: datetime
    due_at: datetime | None
    returned_at: datetime
    recipient_name: str
    recipient_id_number: str | None
    relation: str  # "owner" | "authorised"
    authorisation_ref: str | None
    result_summary: str | None
    timing: str  # "early" | "on_time" | "late"
    officer_name: str
    rescheduled_due_at: datetime | None = None  # the apology's new appointment, if any
    trace: QrFacts | None = None


@dataclass(frozen=True)
class LedgerRow:
    """One dossier in the ledger (Mẫu 06; 2025 set: Mẫu 07), columns in docs/domain.md order."""

    seq: int
    code: str
    procedure_name: str
    sets: int
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    agency_name: str  # cơ quan chủ trì giải quyết
    received_at: datetime
    due_at: datetime | None
    transferred_at: datetime | None  # first hand-over to the deciding agency
    result_ready_at: datetime | None
    returned_at: datetime | None
    status: int  # national status code (core/domain/status.py)
    timing: str | None  # early / on_time / late when returned; "overdue" / "undue" before
    delivery: str  # phương thức nhận kết quả
    recipient: str  # ký nhận: who took the result
    notes: str = ""


@dataclass(frozen=True)
class LedgerData:
    centre: FormCentre
    date_from: date
    date_to: date
    rows: tuple[LedgerRow, ...]
    generated_at: datetime
    book: str = ""  # quyển số, when the centre numbers its books
    officer_name: str = ""


# Early / on time / late as core/domain/timing.py classifies them; "overdue" / "undue" for a
# dossier not finished yet (core/domain/status.timeliness).
TIMING_LABELS = {
    "early": "Trước hạn",
    "on_time": "Đúng hạn",
    "late": "Quá hạn",
    "overdue": "Quá hạn (chưa có kết quả)",
    "undue": "Chưa đến hạn",
}


__all__ = [
    "BASIS_2025_FROM",
    "KINDS",
    "TIMINGS",
    "TIMING_LABELS",
    "ApologyData",
    "ControlData",
    "FormCentre",
    "FormSet",
    "HopRow",
    "LedgerData",
    "LedgerRow",
    "RefusalData",
    "ResultSlipData",
    "StopData",
    "SupplementData",
]
