"""A realistic example receipt: for the printer test page ("In thử") and the docs image."""

from __future__ import annotations

from datetime import datetime

from hcc_desk.core.printing.receipt_data import FeeLine, ReceiptData, ReceiptPaper


def sample_receipt(papers: int | None = None) -> ReceiptData:
    """Example data; ``papers`` repeats a generic line that many times instead of the usual list."""
    listed: tuple[ReceiptPaper, ...] = (
        ReceiptPaper("Tờ khai đăng ký khai sinh (theo mẫu)", 1, 0, 0),
        ReceiptPaper("Giấy chứng sinh do cơ sở y tế cấp", 1, 0, 0),
        ReceiptPaper("Giấy chứng nhận kết hôn của cha, mẹ", 0, 1, 0),
        ReceiptPaper("Thẻ căn cước của người đi đăng ký", 0, 0, 1),
    )
    if papers is not None:
        listed = tuple(
            ReceiptPaper(f"Giấy tờ kèm theo số {i}", 1, 0, 1) for i in range(1, papers + 1)
        )
    return ReceiptData(
        governing_body="UBND THÀNH PHỐ HUẾ",
        centre_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ HUẾ",
        place_name="Huế",
        dossier_code="000.00.22.H57-250205-0007",
        lookup_pin="K7Q2",
        lookup_url="https://dichvucong.hue.gov.vn/tra-cuu?ma=000.00.22.H57-250205-0007&pin=K7Q2",
        received_at=datetime(2025, 2, 5, 8, 5),
        appointment_at=datetime(2025, 2, 10, 14, 0),
        procedure_code="1.001193.000.00.00.H57",
        procedure_name="Đăng ký khai sinh",
        processing_time_text="03 ngày làm việc",
        deciding_agency="UBND phường Thuận Hóa",
        applicant_name="Nguyễn Thị Hương",
        applicant_id_number="046190001234",
        applicant_address="12 Lê Lợi, phường Thuận Hóa, thành phố Huế",
        applicant_phone="0905 123 456",
        applicant_email="huong.nguyen@example.vn",
        owner_name="Trần Minh Khôi",
        owner_id="046225000321",
        owner_address="12 Lê Lợi, phường Thuận Hóa, thành phố Huế",
        papers=listed,
        sets=1,
        result_delivery_text="Bộ phận tiếp nhận và trả kết quả, Trung tâm Phục vụ hành chính công",
        fees=(
            FeeLine("Đăng ký khai sinh đúng hạn", 0, "Miễn lệ phí", "Luật Hộ tịch 2014, Điều 11"),
        ),
        notes="Hồ sơ đầy đủ theo quy định.",
        ledger_book="01/2025",
        ledger_number=7,
        officer_name="Lê Văn Bình",
        hotline="0234 3 822 822",
    )
