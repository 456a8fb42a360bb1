"""Inputs for the OCR tests: a Vietnamese page rendered with the desk's bundled font, as a
computer makes it (text objects) and as a scanner would (one 200 dpi image, no text)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from tests.support.realparts import unavailable

FONT = Path(__file__).parents[2] / "src/hcc_desk/data/fonts/NotoSerif-Regular.ttf"
LINES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "GIẤY KHAI SINH",
    "Họ và tên: Nguyễn Thị Hương",
    "Ngày sinh: 12 tháng 3 năm 1990",
    "Nơi sinh: Bệnh viện Đa khoa tỉnh Quảng Trị",
    "Giấy khai sinh được cấp theo yêu cầu của người đề nghị",
)
SCAN_DPI = 200


def digital_page(path: Path) -> Path:
    """One A4 page of Vietnamese text, drawn with reportlab (the PDF carries its text)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("HccOcrTest", str(FONT)))
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("HccOcrTest", 16)
    y = 780
    for line in LINES:
        page.drawString(72, y, line)
        y -= 32
    page.showPage()
    page.save()
    return path


def scanned_page(path: Path, dpi: int = SCAN_DPI) -> Path:
    """The same page as a scanner gives it: a greyscale image in a PDF, without any text."""
    import img2pdf
    import pypdfium2 as pdfium

    digital = digital_page(path.with_name(path.stem + "-digital.pdf"))
    doc = pdfium.PdfDocument(digital)
    try:
        image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    png = io.BytesIO()
    image.save(png, "PNG", dpi=(dpi, dpi))
    path.write_bytes(img2pdf.convert(png.getvalue()))
    return path


def pdftotext(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        unavailable("poppler's pdftotext is not installed (scripts/install-system-deps.sh)")
    out = subprocess.run(
        [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return out.stdout.decode("utf-8")


def xmp_pdfaid(path: Path) -> tuple[str | None, str | None]:
    """(part, conformance) of the PDF/A identification in the file's XMP metadata."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        return meta.get("pdfaid:part"), meta.get("pdfaid:conformance")
