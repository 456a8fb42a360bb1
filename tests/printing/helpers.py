"""PDF and barcode helpers for the printing tests (poppler-utils + zxing-cpp)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """Text of the PDF (or of one page) with whitespace collapsed, for substring checks."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in out.splitlines())}


def page_size_mm(pdf: Path) -> tuple[float, float]:
    w, _, h = pdf_info(pdf)["Page size"].split()[:3]
    return float(w) * 25.4 / 72, float(h) * 25.4 / 72


def page_image(
    pdf: Path, page: int, tmp_path: Path, dpi: int = 300, top: float = 1.0
) -> Image.Image:
    """Page rendered as a grey image; ``top`` < 1 keeps only that upper fraction (faster)."""
    w_mm, h_mm = page_size_mm(pdf)
    crop = ["-x", "0", "-y", "0", "-W", str(round(w_mm / 25.4 * dpi)),
            "-H", str(round(h_mm / 25.4 * dpi * top))]
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray",
                    *crop, "-singlefile", "-png", str(pdf), str(prefix)], check=True)
    return Image.open(f"{prefix}.png")


def decode(image: Image.Image) -> dict[str, list[str]]:
    """Texts of the Code128 and QR symbols zxing-cpp finds: {"code128": [...], "qr": [...]}."""
    found: dict[str, list[str]] = {"code128": [], "qr": []}
    for b in zxingcpp.read_barcodes(image):
        if b.format == zxingcpp.BarcodeFormat.Code128:
            found["code128"].append(b.text)
        elif b.format == zxingcpp.BarcodeFormat.QRCode:
            found["qr"].append(b.text)
    return found
