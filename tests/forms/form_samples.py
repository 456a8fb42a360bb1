"""Realistic data for every form, built directly (no store): the renderers' unit tests."""

from __future__ import annotations

from datetime import date, datetime

from hcc_desk.core.printing.forms.data import (
    ApologyData,
    ControlData,
    FormCentre,
    HopRow,
    LedgerData,
    LedgerRow,
    RefusalData,
    ResultSlipData,
    StopData,
    SupplementData,
)
from hcc_desk.core.printing.paper_qr import QrFacts

CODE = "000.00.22.H57-250205-0007"
CENTRE = FormCentre(
    "UBND THÀNH PHỐ HUẾ", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ", "Huế", "0234 3 822 822"
)
RECEIVED = datetime(2025, 2, 5, 8, 5)
DUE = datetime(2025, 2, 10, 14, 0)
AGENCY = "UBND phường Thuận Hóa"
LINK = f"https://tracuu.hue.gov.vn/tra-cuu?ma={CODE}&pin=K7Q2"
# What the services put in every paper's Circular 01/2023 QR.
TRACE = QrFacts(procedure_code="1.001193.000.00.00.H57", holder_id="046190001234", link=LINK)


def supplement(**changes) -> SupplementData:
    base = {
        "centre": CENTRE,
        "code": CODE,
        "applicant_name": "Nguyễn Thị Hương",
        "procedure_name": "Đăng ký khai sinh",
        "received_at": RECEIVED,
        "reason": "Giấy chứng sinh không rõ ngày sinh",
        "missing_papers": ("Giấy chứng sinh bản chính", "Bản sao Giấy chứng nhận kết hôn"),
        "officer_name": "Lê Văn Bình",
        "agency_name": AGENCY,
        "issued_at": datetime(2025, 2, 6, 9, 30),
        "applicant_address": "12 Lê Lợi, phường Thuận Hóa",
        "applicant_phone": "0905 123 456",
        "applicant_email": "huong.nguyen@example.vn",
        "trace": TRACE,
    }
    return SupplementData(**{**base, **changes})


def refusal(**changes) -> RefusalData:
    base = {
        "centre": CENTRE,
        "code": CODE,
        "applicant_name": "Nguyễn Thị Hương",
        "procedure_name": "Đăng ký khai sinh",
        "reasons": "Việc khai sinh đã được đăng ký tại UBND xã Phú Mậu.",
        "officer_name": "Lê Văn Bình",
        "issued_at": datetime(2025, 2, 6, 10, 0),
        "agency_name": AGENCY,
        "applicant_address": "12 Lê Lợi",
        "applicant_phone": "0905 123 456",
        "applicant_email": "",
        "trace": TRACE,
    }
    return RefusalData(**{**base, **changes})


def stop(**changes) -> StopData:
    base = {
        "centre": CENTRE,
        "code": CODE,
        "applicant_name": "Nguyễn Thị Hương",
        "procedure_name": "Đăng ký khai sinh",
        "received_at": RECEIVED,
        "reasons": "Người yêu cầu đã có văn bản đề nghị dừng giải quyết.",
        "officer_name": "Lê Văn Bình",
        "issued_at": datetime(2025, 2, 7, 14, 0),
        "agency_name": AGENCY,
        "applicant_address": "12 Lê Lợi",
        "trace": TRACE,
    }
    return StopData(**{**base, **changes})


def apology(**changes) -> ApologyData:
    base = {
        "centre": CENTRE,
        "code": CODE,
        "applicant_name": "Nguyễn Thị Hương",
        "procedure_name": "Đăng ký khai sinh",
        "received_at": RECEIVED,
        "old_due_at": DUE,
        "new_due_at": datetime(2025, 2, 14, 9, 0),
        "reason": "Chờ kết quả xác minh của Công an",
        "agency_name": AGENCY,
        "issued_at": datetime(2025, 2, 10, 15, 0),
        "trace": TRACE,
    }
    return ApologyData(**{**base, **changes})


def control(**changes) -> ControlData:
    base = {
        "centre": CENTRE,
        "code": CODE,
        "applicant_name": "Nguyễn Thị Hương",
        "procedure_name": "Đăng ký khai sinh",
        "received_at": RECEIVED,
        "due_at": DUE,
        "hops": (
            HopRow(
                "Bộ phận tiếp nhận và trả kết quả",
                AGENCY,
                datetime(2025, 2, 5, 10, 15),
                "Giao đủ hồ sơ",
            ),
            HopRow(
                AGENCY, "Công an phường Thuận Hóa", datetime(2025, 2, 6, 14, 40), "Xác minh cư trú"
            ),
            HopRow(
                "Công an phường Thuận Hóa",
                "Bộ phận tiếp nhận và trả kết quả",
                datetime(2025, 2, 10, 9, 20),
                None,
                "Đúng hạn",
            ),
        ),
        "result_ready_at": datetime(2025, 2, 10, 9, 20),
        "returned_at": datetime(2025, 2, 10, 15, 45),
        "agency_name": AGENCY,
        "coordinating": ("Công an phường Thuận Hóa",),
        "trace": TRACE,
    }
    return ControlData(**{**base, **changes})


def result(**changes) -> ResultSlipData:
    base = {
        "centre": CENTRE,
        "code": CODE,
        "applicant_name": "Nguyễn Thị Hương",
        "procedure_name": "Đăng ký khai sinh",
        "received_at": RECEIVED,
        "due_at": DUE,
        "returned_at": datetime(2025, 2, 10, 15, 45),
        "recipient_name": "Trần Văn Phước",
        "recipient_id_number": "046085012345",
        "relation": "authorised",
        "authorisation_ref": "Giấy ủy quyền số 15/UQ ngày 07/02/2025",
        "result_summary": "Giấy khai sinh bản chính và 02 bản sao",
        "timing": "late",
        "officer_name": "Lê Văn Bình",
        "trace": TRACE,
    }
    return ResultSlipData(**{**base, **changes})


SAMPLES = {
    "supplement": supplement,
    "refusal": refusal,
    "stop": stop,
    "apology": apology,
    "control": control,
    "result": result,
}


def ledger_row(seq: int, **changes) -> LedgerRow:
    base = {
        "seq": seq,
        "code": f"000.00.22.H57-250205-{seq:04d}",
        "procedure_name": "Đăng ký khai sinh",
        "sets": 1,
        "applicant_name": f"Nguyễn Văn Số {seq}",
        "applicant_address": "12 Lê Lợi, Huế",
        "applicant_phone": "0905123456",
        "agency_name": AGENCY,
        "received_at": RECEIVED,
        "due_at": DUE,
        "transferred_at": datetime(2025, 2, 5, 10, 15),
        "result_ready_at": None,
        "returned_at": None,
        "status": 4,
        "timing": "undue",
        "delivery": "Tại quầy",
        "recipient": "",
        "notes": "",
    }
    return LedgerRow(**{**base, **changes})


def ledger(rows: int = 3, **changes) -> LedgerData:
    base = {
        "centre": CENTRE,
        "date_from": date(2025, 2, 1),
        "date_to": date(2025, 2, 28),
        "rows": tuple(ledger_row(i) for i in range(1, rows + 1)),
        "generated_at": datetime(2025, 3, 1, 8, 0),
        "book": "2025",
        "officer_name": "Lê Văn Bình",
    }
    return LedgerData(**{**base, **changes})
