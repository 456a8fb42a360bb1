"""Pages from files the officer already has: PDF (rendered with pdfium), JPEG, PNG, TIFF
(every frame of a multi-page TIFF). JPEG files are kept as they are, so a photo or a scan
someone e-mailed goes into the PDF without being compressed a second time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from .imaging import normalise

PDF_RENDER_DPI = 200
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
SUFFIXES = IMAGE_SUFFIXES | {".pdf"}


class ImportFailed(Exception):
    """A file that cannot become pages. ``message`` is Vietnamese, ``message_en`` English."""

    def __init__(self, path: Path, message: str, message_en: str):
        super().__init__(f"{path}: {message_en}")
        self.path = path
        self.message = message
        self.message_en = message_en


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
            path,
            f"Không nhận loại tệp '{suffix or path.name}'. Chỉ nhận PDF, JPEG, PNG, TIFF.",
            f"Unsupported file type '{suffix or path.name}'. Only PDF, JPEG, "
            "PNG and TIFF are accepted.",
        )
    if not path.is_file():
        raise ImportFailed(path, "Không tìm thấy tệp.", "File not found.")
    if suffix == ".pdf":
        yield from _pdf_pages(path)
    else:
        yield from _image_pages(path)


def _image_pages(path: Path) -> Iterator[ImportedPage]:
    try:
        img = Image.open(path)
    except (UnidentifiedImageError, OSError) as exc:
        raise ImportFailed(
            path,
            "Tệp ảnh bị hỏng hoặc không đọc được.",
            f"The image file is damaged or unreadable ({exc}).",
        ) from exc
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
            raise ImportFailed(
                path,
                "Tệp ảnh bị hỏng hoặc không đọc hết được.",
                f"The image file is damaged ({exc}).",
            ) from exc


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
                "Tệp PDF có mật khẩu: hãy mở khóa rồi chọn lại.",
                "The PDF is password-protected: unlock it first.",
            ) from exc
        raise ImportFailed(
            path,
            "Tệp PDF bị hỏng hoặc không đọc được.",
            f"The PDF is damaged or unreadable ({exc}).",
        ) from exc
    try:
        if len(pdf) == 0:
            raise ImportFailed(path, "Tệp PDF không có trang nào.", "The PDF has no pages.")
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
