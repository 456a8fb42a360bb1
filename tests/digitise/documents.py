"""Input PDFs for signing: a rendered Vietnamese page (text the signature must not disturb)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from hcc_desk.resources import resource_path

BODY = "Giấy khai sinh — Họ và tên: Phạm Thị Ánh Nguyệt, sinh ngày 12/03/1985 tại Huế"


def vietnamese_pdf(path: Path, pages: int = 1) -> Path:
    if "NotoSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(
            TTFont("NotoSerif", str(resource_path("fonts", "NotoSerif-Regular.ttf")))
        )
    c = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        c.setFont("NotoSerif", 12)
        c.drawString(60, 760, BODY)
        c.drawString(60, 740, f"Trang {number}")
        c.showPage()
    c.save()
    return path
