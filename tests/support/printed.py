"""Printed paper read back the way a counter reads it: its text (pdftotext), its barcodes
(zxing-cpp on a 300 dpi render), and, for the copy a print queue made, whether it is the PDF
the app submitted.

A cups-pdf queue re-renders through Ghostscript, which keeps the text of ASCII letters but loses
the Unicode of Vietnamese ones ("Nguyễn" reads back as "Nguy n"). So a queue's copy is checked
by its ASCII skeleton (``skeleton``: every non-ASCII letter a space), by its barcodes, and by its
ink: each dark pixel must lie within ``INK_REACH`` pixels of one on the submitted PDF's page, and
the other way round (``assert_printed_as_sent``).

The asserts here carry their own messages: pytest rewrites asserts in test modules only.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections import Counter
from datetime import datetime
from pathlib import Path

import zxingcpp
from PIL import Image, ImageChops

from hcc_desk.core.printing.receipt_data import ReceiptData
from hcc_desk.core.printing.vn_dates import format_vn_datetime

INK_DPI = 200  # pages compared pixel by pixel at this resolution
INK_REACH = 2  # px: Ghostscript moves a glyph's edge by about one pixel at 200 dpi
# Dark pixels allowed with no counterpart on the other page: measured 0-1 for a faithful copy;
# one changed diacritic ("Hương" → "Hường") leaves ~20, a changed digit ~300, a name ~2700.
STRAY_INK_MAX = 8
DARK = 128  # grey level below which a pixel is ink


# --- text -------------------------------------------------------------------------------------


def pdf_text(pdf: Path | bytes, page: int | None = None, *, raw: bool = False) -> str:
    """Text of the PDF (a file, or its bytes) or of one page, whitespace collapsed.

    ``raw`` keeps the content stream's order, which a queue's re-rendered copy shares with the
    submitted PDF (the default reading order can differ between the two)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    mode = ["-raw"] if raw else []
    source, data = ("-", pdf) if isinstance(pdf, bytes) else (str(pdf), None)
    out = subprocess.run(
        ["pdftotext", *mode, *pages, source, "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(out.split())


def skeleton(text: str) -> str:
    """``text`` as a Ghostscript re-render still reads: each non-ASCII letter a space."""
    return " ".join("".join(ch if ch.isascii() else " " for ch in text).split())


def queue_text(pdf: Path, page: int | None = None) -> str:
    """The readable (ASCII) text of a print queue's output, for ``skeleton(value) in …``."""
    return skeleton(pdf_text(pdf, page, raw=True))


# --- pages ------------------------------------------------------------------------------------


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in out.splitlines())}


def page_count(pdf: Path) -> int:
    return int(pdf_info(pdf)["Pages"])


def page_size_mm(pdf: Path, page: int = 1) -> tuple[float, float]:
    out = subprocess.run(
        ["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    w, h = re.search(r"^Page\s+\d*\s*size:\s+([\d.]+) x ([\d.]+)", out, re.MULTILINE).groups()
    return float(w) * 25.4 / 72, float(h) * 25.4 / 72


def page_image(pdf: Path, page: int = 1, *, dpi: int = 300, top: float = 1.0) -> Image.Image:
    """Page rendered as a grey image; ``top`` < 1 keeps only that upper fraction (faster)."""
    crop: list[str] = []
    if top < 1:
        w_mm, h_mm = page_size_mm(pdf, page)
        crop = [
            "-x",
            "0",
            "-y",
            "0",
            "-W",
            str(round(w_mm / 25.4 * dpi)),
            "-H",
            str(round(h_mm / 25.4 * dpi * top)),
        ]
    # A PGM on stdout: encoding a PNG would take 25 times longer than the rendering.
    pgm = subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-gray",
            *crop,
            "-singlefile",
            str(pdf),
        ],
        capture_output=True,
        check=True,
    ).stdout
    return Image.open(io.BytesIO(pgm)).convert("L")


# --- barcodes ---------------------------------------------------------------------------------


def decode(image: Image.Image) -> dict[str, list[str]]:
    """Texts of the Code128 and QR symbols zxing-cpp finds: {"code128": [...], "qr": [...]}."""
    found: dict[str, list[str]] = {"code128": [], "qr": []}
    for b in zxingcpp.read_barcodes(image):
        if b.format == zxingcpp.BarcodeFormat.Code128:
            found["code128"].append(b.text)
        elif b.format == zxingcpp.BarcodeFormat.QRCode:
            found["qr"].append(b.text)
    return found


def barcodes(pdf: Path, page: int = 1, *, top: float = 0.4) -> dict[str, list[str]]:
    """The symbols on a page rendered at 300 dpi (at 150 dpi a small barcode may not decode);
    the forms print theirs in the upper ``top`` of the page."""
    return decode(page_image(pdf, page, dpi=300, top=top))


# --- a queue's copy against the PDF submitted -------------------------------------------------


def _ink(pdf: Path, page: int) -> Image.Image:
    """The page's dark pixels, white on black."""
    return page_image(pdf, page, dpi=INK_DPI).point(lambda v: 255 if v < DARK else 0)


def _aligned(ref: Image.Image, other: Image.Image) -> Image.Image:
    """``other`` moved so its inked area starts where ``ref``'s does: cups-pdf rounds the page
    to whole points and centres the content, shifting it by a pixel or two."""
    ref_box, box = ref.getbbox(), other.getbbox()
    assert ref_box and box, "a blank page"
    moved = Image.new("L", ref.size, 0)
    moved.paste(other, (ref_box[0] - box[0], ref_box[1] - box[1]))
    return moved


def _grown(ink: Image.Image) -> Image.Image:
    """``ink`` thickened by ``INK_REACH`` pixels each way: a square max filter made of shifts
    (25 times faster than ImageFilter.MaxFilter); a shift wraps round into the blank margin."""
    shifts = [d for d in range(-INK_REACH, INK_REACH + 1) if d]
    wide = ink
    for dx in shifts:
        wide = ImageChops.lighter(wide, ImageChops.offset(ink, dx, 0))
    grown = wide
    for dy in shifts:
        grown = ImageChops.lighter(grown, ImageChops.offset(wide, 0, dy))
    return grown


def stray_ink(ink: Image.Image, near: Image.Image) -> int:
    """Dark pixels of ``ink`` farther than ``INK_REACH`` from any dark pixel of ``near``."""
    return ImageChops.subtract(ink, _grown(near)).histogram()[255]


def assert_printed_as_sent(sent: Path, printed: Path) -> None:
    """The queue's ``printed`` copy shows what ``sent`` shows: same pages, same paper, the same
    readable text, and the same ink on every page within a pixel-difference bound."""
    pages = page_count(sent)
    assert page_count(printed) == pages, f"{page_count(printed)} pages printed, {pages} sent"
    for page in range(1, pages + 1):
        sent_mm, printed_mm = page_size_mm(sent, page), page_size_mm(printed, page)
        assert all(abs(a - b) < 1 for a, b in zip(sent_mm, printed_mm, strict=True)), (
            f"page {page}: {printed_mm} mm printed, {sent_mm} mm sent"
        )
    sent_words = Counter(queue_text(sent).split())
    printed_words = Counter(queue_text(printed).split())
    assert printed_words == sent_words, (
        f"only sent: {sent_words - printed_words}; only printed: {printed_words - sent_words}"
    )
    for page in range(1, pages + 1):
        want = _ink(sent, page)
        got = _aligned(want, _ink(printed, page))
        missing, extra = stray_ink(want, got), stray_ink(got, want)
        assert missing <= STRAY_INK_MAX and extra <= STRAY_INK_MAX, (
            f"page {page}: {missing} px of the sent ink not printed, {extra} px printed extra"
        )


# --- receipts (Mẫu 01: two copies, each maybe several pages) --------------------------------

RECEIPT_TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"


def receipt_lines(
    *,
    code: str,
    pin: str,
    applicant: str,
    id_number: str,
    procedure: str,
    appointment: datetime,
    officer: str,
) -> list[str]:
    """What each copy of a Mẫu 01 receipt must show of its dossier, as its lines read."""
    return [
        f"Mã hồ sơ: {code}",
        f"Mã tra cứu: {pin}",
        f"Tiếp nhận hồ sơ của: {applicant}",
        f"Số định danh cá nhân: {id_number}",  # Luật Căn cước 2023
        f"Nội dung yêu cầu giải quyết: {procedure}",
        f"Thời gian trả kết quả giải quyết hồ sơ: {format_vn_datetime(appointment)}",
        officer,
    ]


def receipt_facts(data: ReceiptData) -> list[str]:
    """``receipt_lines`` of the receipt's data, with its agency and time received."""
    return [
        *receipt_lines(
            code=data.dossier_code,
            pin=data.lookup_pin,
            applicant=data.applicant_name,
            id_number=data.applicant_id_number,
            procedure=data.procedure_name,
            appointment=data.appointment_at,
            officer=data.officer_name,
        ),
        f"Cơ quan giải quyết: {data.deciding_agency}",
        f"Thời gian nhận hồ sơ: {format_vn_datetime(data.received_at)}",
    ]


def receipt_copies(pdf: Path) -> list[list[int]]:
    """The pages of each copy of a receipt: a copy starts on a page with the title (its
    continuation pages carry a running line instead)."""
    copies: list[list[int]] = []
    for page in range(1, page_count(pdf) + 1):
        if RECEIPT_TITLE in pdf_text(pdf, page) or not copies:
            copies.append([])
        copies[-1].append(page)
    return copies


def assert_receipt_printed(sent: Path, printed: Path, facts: list[str], code: str, qr: str) -> None:
    """Both copies of a receipt, as the queue printed them, show ``facts`` and carry the
    dossier's Code128 and a QR on their first page whose link (before "#": the facts of
    Circular 01/2023 follow) is ``qr``; the PDF sent is read in full, the queue's copy as it
    reads."""
    copies = receipt_copies(sent)
    assert len(copies) == 2, f"{len(copies)} copies sent, not Liên 1 and Liên 2"
    assert_printed_as_sent(sent, printed)
    for pages in copies:
        text = " ".join(pdf_text(sent, page) for page in pages)
        missing = [f for f in facts if f not in text]
        assert not missing, f"pages {pages} sent lack {missing}"
        text = " ".join(queue_text(printed, page) for page in pages)
        missing = [f for f in facts if skeleton(f) not in text]
        assert not missing, f"pages {pages} printed lack {missing}"
        found = barcodes(printed, pages[0])
        links = [text.partition("#")[0] for text in found["qr"]]
        assert found["code128"] == [code] and links == [qr], f"page {pages[0]} printed: {found}"


class SentCopies:
    """What a service handed to the print queue, copied before the service removes its own
    (the desk keeps no print copy: services/print_files.py). ``record(monkeypatch, module)``
    wraps ``module.print_pdf``; the real queue still gets every job."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: list[Path] = []

    @classmethod
    def record(cls, monkeypatch, module, folder: Path) -> SentCopies:
        folder.mkdir(parents=True, exist_ok=True)
        copies = cls(folder)
        real = module.print_pdf

        def print_pdf(path, *args, **kwargs):
            kept = folder / f"sent-{len(copies.files) + 1}.pdf"
            kept.write_bytes(Path(path).read_bytes())
            copies.files.append(kept)
            return real(path, *args, **kwargs)

        monkeypatch.setattr(module, "print_pdf", print_pdf)
        return copies
