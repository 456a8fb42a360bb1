"""Input PDFs: a rendered Vietnamese page (text a signature must not disturb), and a birth
certificate laid out as printed (its header, number, dates and owner for OCR and metadata)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from hcc_desk.resources import resource_path

OWNER_ID = "046185012345"  # Nguyễn Thị Hương, the applicant of the tests' ID card QR
# (x, y, size, text) on an A4 page: the header's two columns, as printed.
BIRTH_CERTIFICATE = (
    (60, 790, 11, "ỦY BAN NHÂN DÂN"),
    (300, 790, 11, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (60, 775, 11, "PHƯỜNG THUẬN HÓA"),
    (330, 775, 11, "Độc lập - Tự do - Hạnh phúc"),
    (60, 755, 11, "Số: 45/TLKS"),
    (200, 720, 16, "GIẤY KHAI SINH"),
    (60, 690, 11, "Họ, chữ đệm, tên: NGUYỄN THỊ HƯƠNG"),
    (60, 670, 11, "Ngày, tháng, năm sinh: 12/03/1985"),
    (60, 650, 11, "Nơi sinh: Bệnh viện Đa khoa tỉnh Quảng Trị"),
    (60, 630, 11, f"Số định danh cá nhân: {OWNER_ID}"),
    (300, 580, 11, "Huế, ngày 05 tháng 3 năm 2021"),
    (330, 565, 11, "TM. ỦY BAN NHÂN DÂN"),
    (350, 550, 11, "CHỦ TỊCH"),
)
BODY = "Giấy khai sinh — Họ và tên: Phạm Thị Ánh Nguyệt, sinh ngày 12/03/1985 tại Huế"


def _desk_font() -> None:
    if "NotoSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(
            TTFont("NotoSerif", str(resource_path("fonts", "NotoSerif-Regular.ttf")))
        )


def vietnamese_pdf(path: Path, pages: int = 1) -> Path:
    _desk_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        c.setFont("NotoSerif", 12)
        c.drawString(60, 760, BODY)
        c.drawString(60, 740, f"Trang {number}")
        c.showPage()
    c.save()
    return path


def birth_certificate_pdf(path: Path) -> Path:
    """The birth certificate in the desk's font; added to a paper as a file, the desk turns it
    into scanned pages, so its text then comes from OCR."""
    _desk_font()
    page = canvas.Canvas(str(path), pagesize=A4)
    for x, y, size, line in BIRTH_CERTIFICATE:
        page.setFont("NotoSerif", size)
        page.drawString(x, y, line)
    page.showPage()
    page.save()
    return path
