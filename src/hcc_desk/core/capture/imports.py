"""Pages from files the officer already has: PDF (rendered with pdfium), JPEG, PNG, TIFF
(every frame of a multi-page TIFF). JPEG files are kept as they are, so a photo or a scan
someone e-mailed goes into the PDF without being compressed a second time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageSequence, UnidentifiedImageError

from hcc_core.errors import ExpectedError

from .imaging import normalise

PDF_RENDER_DPI = 200
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
SUFFIXES = IMAGE_SUFFIXES | {".pdf"}


class ImportFailed(ExpectedError):
    """A file that cannot become pages (a message id from the catalogue)."""

    def __init__(self, path: Path, msg_id: str, /, **params: Any):
        super().__init__(msg_id, **params)
        self.path = path


@dataclass
class ImportedPage:
    image: Image.Image
    dpi: int
    # The original JPEG bytes when the page can go into the PDF untouched (else None).
    jpeg_bytes: bytes | None = None


def _dpi_of(img: Image.Image, default: int = 200) -> int:
    dpi = img.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if 50 <= value <= 1200 else default


def iter_pages(path: Path) -> Iterator[ImportedPage]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportFailed(
            path, "capture.imports.unsupported_file_type_only", value=suffix or path.name
        )
    if not path.is_file():
        raise ImportFailed(path, "capture.imports.file_found")
    if suffix == ".pdf":
        yield from _pdf_pages(path)
    else:
        yield from _image_pages(path)


def _image_pages(path: Path) -> Iterator[ImportedPage]:
    try:
        img = Image.open(path)
    except (UnidentifiedImageError, OSError) as exc:
        raise ImportFailed(path, "capture.imports.image_file_damaged_unreadable", exc=exc) from exc
    with img:
        if img.format == "JPEG" and img.mode in ("L", "RGB") and not _exif_rotated(img):
            img.load()
            yield ImportedPage(img.copy(), _dpi_of(img), path.read_bytes())
            return
        try:
            for frame in ImageSequence.Iterator(img):
                page = normalise(_apply_exif(frame.copy()))
                yield ImportedPage(page, _dpi_of(frame))
        except OSError as exc:
            raise ImportFailed(path, "capture.imports.image_file_damaged", exc=exc) from exc


def _exif_rotated(img: Image.Image) -> bool:
    try:
        return img.getexif().get(0x0112, 1) not in (1, None)
    except Exception:  # noqa: BLE001 - broken EXIF (any Pillow error): not rotated, pixels are fine
        return False


def _apply_exif(img: Image.Image) -> Image.Image:
    from PIL import ImageOps

    try:
        return ImageOps.exif_transpose(img)
    except Exception:  # noqa: BLE001 - broken EXIF (any Pillow error): keep the pixels as read
        return img


def _pdf_pages(path: Path) -> Iterator[ImportedPage]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ImportFailed(
                path,
                "capture.imports.pdf_password_protected_unlock",
            ) from exc
        raise ImportFailed(path, "capture.imports.pdf_damaged_unreadable", exc=exc) from exc
    try:
        if len(pdf) == 0:
            raise ImportFailed(path, "capture.imports.pdf_pages")
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                bitmap = page.render(scale=PDF_RENDER_DPI / 72)
                img = normalise(bitmap.to_pil())
            finally:
                page.close()
            yield ImportedPage(img, PDF_RENDER_DPI)
    finally:
        pdf.close()
