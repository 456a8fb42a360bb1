"""One PDF per checklist paper. The spool already holds every page in its final compressed form
(spool.save_page_image), so building the PDF copies data and never recompresses: our encoders
and pass-through readers below produce each image's stream (img2pdf's locator finds a TIFF's G4
strip), pikepdf (qpdf) assembles the document around them and is told not to touch them:

* black-and-white pages: the CCITT G4 data (/CCITTFaxDecode), typically 20–60 KB per A4 page
  at 300 dpi;
* scanned grey pages: two layers — the text as a G4 /ImageMask painted in the text's grey over a
  150 dpi JPEG of the rest — about 100 KB for a page of dense text, where a plain JPEG is
  400–500 KB;
* scanned colour pages and imported pictures: JPEG (imported JPEG files byte for byte);
* drawn or digital content where lossless is smaller: the PNG's own zlib data (/FlateDecode
  with PNG predictors), lossless;
* rotation is the page's /Rotate entry: turning a page never recompresses it.

With ``pdfa=True`` the file also carries what PDF/A-2b asks for: XMP metadata with the
pdfaid schema (pikepdf's metadata editor), an sRGB output intent (ICC profile made by PIL's
ImageCms), a document ID, no transparency, no encryption, no external content. (It is built to
the rules, not validated here by veraPDF: see docs/scanning.md.)
"""

from __future__ import annotations

import hashlib
import io
import os
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, TiffImagePlugin

from . import imaging
from .model import ColourMode, PageInfo

if TYPE_CHECKING:  # imported where a PDF is written: the app starts without paying for qpdf
    import pikepdf

GRAY_JPEG_QUALITY = 55
COLOR_JPEG_QUALITY = 60
IMPORT_JPEG_QUALITY = 75
PRODUCER = "HCC Desk"


@dataclass(frozen=True)
class BuiltPdf:
    path: Path
    size: int
    sha256: str
    page_count: int


@dataclass
class _Image:
    """An image XObject ready to write: its dictionary entries and its (encoded) data."""

    width: int
    height: int
    colorspace: str  # "/DeviceGray" | "/DeviceRGB"
    bpc: int
    filter: str
    data: bytes
    decode_parms: dict[str, object] = field(default_factory=dict)
    # Two-layer grey page: this image is the background, ``mask`` the text painted over it
    # (an /ImageMask) in grey ``mask_level``.
    mask: _Image | None = None
    mask_level: int = 0


# ------------------------------------------------------------------------------- encoding
def _g4_strip(tif: Image.Image) -> tuple[bytes, int] | None:
    """(G4 data, photometric) of a one-strip G4 TIFF, its bytes as they are; else None."""
    import img2pdf  # type: ignore[import-untyped]

    if not isinstance(tif, TiffImagePlugin.TiffImageFile):
        return None
    fp = tif.fp
    if fp is None or tif.info.get("compression") != "group4":
        return None
    try:  # img2pdf finds the strip exactly as it embeds G4 TIFFs itself
        offset, length = img2pdf.ccitt_payload_location_from_pil(tif)
    except (NotImplementedError, ValueError):  # several strips
        return None
    fp.seek(offset)
    return fp.read(length), int(tif.tag_v2.get(TiffImagePlugin.PHOTOMETRIC_INTERPRETATION, 0))


def _g4_image(img: Image.Image, strip: tuple[bytes, int]) -> _Image:
    data, photometric = strip
    # G4 codes runs of 0-bits as "white". PIL writes BlackIsZero (photometric 1), so its
    # 0-bits are black pixels: /BlackIs1 true makes the decoder paint them black.
    parms: dict[str, object] = {
        "/K": -1,
        "/Columns": img.width,
        "/Rows": img.height,
        "/BlackIs1": photometric == 1,
    }
    return _Image(img.width, img.height, "/DeviceGray", 1, "/CCITTFaxDecode", data, parms)


def _g4_from_tiff(path: Path) -> _Image | None:
    """The G4 strip of a one-strip TIFF the spool wrote, as it is; None if it is not that."""
    with Image.open(path) as tif:
        strip = _g4_strip(tif)
        return None if strip is None else _g4_image(tif, strip)


def encode_g4(img: Image.Image) -> _Image:
    buf = io.BytesIO()
    img.save(buf, format="TIFF", compression="group4", tiffinfo={278: img.height})
    buf.seek(0)
    with Image.open(buf) as tif:
        strip = _g4_strip(tif)
    if strip is None:
        raise ValueError("PIL did not write a one-strip G4 TIFF")
    return _g4_image(img, strip)


def _jpeg_passthrough(path: Path) -> _Image | None:
    with Image.open(path) as img:
        if img.format != "JPEG" or img.mode not in ("L", "RGB"):
            return None
        width, height, mode = img.width, img.height, img.mode
    colorspace = "/DeviceGray" if mode == "L" else "/DeviceRGB"
    return _Image(width, height, colorspace, 8, "/DCTDecode", path.read_bytes())


def _png_passthrough(path: Path) -> _Image | None:
    """The zlib stream of an 8-bit, non-interlaced grey or RGB PNG, as it is: PDF's
    FlateDecode with PNG predictors reads it directly (lossless, no recompression)."""
    import struct

    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat:
        return None
    width, height, depth, colour_type, _c, _f, interlace = header
    if depth != 8 or interlace or colour_type not in (0, 2):
        return None
    colours = 1 if colour_type == 0 else 3
    return _Image(
        width,
        height,
        "/DeviceGray" if colours == 1 else "/DeviceRGB",
        8,
        "/FlateDecode",
        b"".join(idat),
        {"/Predictor": 15, "/Colors": colours, "/BitsPerComponent": 8, "/Columns": width},
    )


def clean_paper(img: Image.Image) -> Image.Image:
    return imaging.paper_white(img)


def encode_jpeg(
    img: Image.Image, quality: int | None = None, *, clean: bool = True, dpi: int | None = None
) -> _Image:
    if img.mode not in ("L", "RGB"):
        img = img.convert("RGB")
    if clean:
        img = clean_paper(img)
    q = quality or (GRAY_JPEG_QUALITY if img.mode == "L" else COLOR_JPEG_QUALITY)
    buf = io.BytesIO()
    extra = {"dpi": (dpi, dpi)} if dpi else {}
    img.save(buf, format="JPEG", quality=q, subsampling=2 if img.mode == "RGB" else 0, **extra)
    colorspace = "/DeviceGray" if img.mode == "L" else "/DeviceRGB"
    return _Image(img.width, img.height, colorspace, 8, "/DCTDecode", buf.getvalue())


def encode_flate(img: Image.Image) -> _Image:
    if img.mode not in ("L", "RGB"):
        img = img.convert("RGB")
    colorspace = "/DeviceGray" if img.mode == "L" else "/DeviceRGB"
    return _Image(
        img.width, img.height, colorspace, 8, "/FlateDecode", zlib.compress(img.tobytes(), 6)
    )


def encode_page(page: PageInfo) -> _Image:
    """The best encoding of one spool page (rotation is not applied here: see /Rotate)."""
    suffix = page.path.suffix.lower()
    from .spool import layers_of

    layers = layers_of(page.path)
    if layers is not None:  # two-layer grey page: background JPEG + text mask
        mask, bg = _g4_from_tiff(layers[0]), _jpeg_passthrough(layers[1])
        if mask is not None and bg is not None:
            bg.mask, bg.mask_level = mask, layers[2]
            return bg
    if suffix == ".jpg":
        passthrough = _jpeg_passthrough(page.path)
        if passthrough is not None:
            return passthrough
    if suffix in (".tif", ".tiff"):
        g4 = _g4_from_tiff(page.path)
        if g4 is not None:
            return g4
    if suffix == ".png":
        png = _png_passthrough(page.path)
        if png is not None:
            return png
    with Image.open(page.path) as opened:
        opened.load()
        img = imaging.normalise(opened)
    if page.mode == ColourMode.LINEART or img.mode == "1":
        return encode_g4(imaging.to_bilevel(img))
    # A page file the spool did not write (an older spool, a hand-made session): encode now.
    if page.mode == ColourMode.GRAY and img.mode != "L":
        img = img.convert("L")
    if imaging.prefers_lossless(img):
        return encode_flate(img)
    return encode_jpeg(img, clean=getattr(page, "origin", "scan") == "scan")


def _image_stream(pdf: pikepdf.Pdf, image: _Image, stencil: bool = False) -> pikepdf.Stream:
    """The image XObject, its data as encoded (the writer is told never to re-encode it)."""
    from pikepdf import Dictionary, Name

    stream = pdf.make_stream(
        image.data,
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=image.width,
        Height=image.height,
        BitsPerComponent=1 if stencil else image.bpc,
        Filter=Name(image.filter),
    )
    if stencil:  # 0-bits (the ink) are painted in the current fill colour
        stream.ImageMask = True
    else:
        stream.ColorSpace = Name(image.colorspace)
    if image.decode_parms:
        stream.DecodeParms = Dictionary(image.decode_parms)
    return stream


# ---------------------------------------------------------------------------- PDF/A pieces
def srgb_icc() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _mark_pdfa(pdf: pikepdf.Pdf, title: str, created: float) -> None:
    """XMP with the PDF/A-2b identification and the sRGB output intent."""
    import pikepdf
    from pikepdf import Dictionary, Name

    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(created))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
        meta["dc:format"] = "application/pdf"
        if title:
            meta["dc:title"] = title
        meta["xmp:CreateDate"] = stamp
        meta["xmp:ModifyDate"] = stamp
        meta["xmp:CreatorTool"] = PRODUCER
        meta["pdf:Producer"] = PRODUCER
    profile = pdf.make_stream(srgb_icc(), N=3)
    pdf.Root.OutputIntents = pikepdf.Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
                Info=pikepdf.String("sRGB IEC61966-2.1"),
                DestOutputProfile=profile,
            )
        ]
    )


# --------------------------------------------------------------------------------- writer
def _add_page(pdf: pikepdf.Pdf, page: PageInfo) -> None:
    import pikepdf
    from pikepdf import Dictionary, Name

    image = encode_page(page)
    full = image.mask or image  # the page's size is the full-resolution layer's
    dpi = max(1, page.dpi)
    wpt, hpt = round(full.width * 72.0 / dpi, 3), round(full.height * 72.0 / dpi, 3)
    draw = f"q {wpt:.3f} 0 0 {hpt:.3f} 0 0 cm /Im0 Do Q"
    xobjects = Dictionary(Im0=_image_stream(pdf, image))
    if image.mask is not None:  # the text mask is painted over the background, in its grey
        draw += f" q {image.mask_level / 255:.3f} g {wpt:.3f} 0 0 {hpt:.3f} 0 0 cm /Im1 Do Q"
        xobjects.Im1 = _image_stream(pdf, image.mask, stencil=True)
    entries = Dictionary(
        Type=Name.Page,
        MediaBox=[0, 0, wpt, hpt],
        Resources=Dictionary(XObject=xobjects),
        Contents=pdf.make_stream(draw.encode("latin-1")),
    )
    if page.rotation % 360:  # turning a page never recompresses it
        entries.Rotate = page.rotation % 360
    pdf.pages.append(pikepdf.Page(entries))


def write_pdf(
    pages: Sequence[PageInfo],
    out_path: Path,
    *,
    title: str = "",
    pdfa: bool = False,
    created: float | None = None,
) -> BuiltPdf:
    """Write the pages (in order, each with its rotation) to ``out_path`` atomically."""
    import pikepdf

    if not pages:
        raise ValueError("no pages to write")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".part")
    created = time.time() if created is None else created
    with pikepdf.new() as pdf:
        for page in pages:
            _add_page(pdf, page)
        date = time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(created))
        pdf.docinfo.Producer = PRODUCER
        pdf.docinfo.CreationDate = date
        pdf.docinfo.ModDate = date
        if title:
            pdf.docinfo.Title = title
        if pdfa:
            _mark_pdfa(pdf, title, created)
        with tmp.open("wb") as f:
            pdf.save(
                f,
                min_version="1.7",
                # The image streams are final: never decoded, re-encoded or recompressed.
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                object_stream_mode=pikepdf.ObjectStreamMode.disable,
            )
            f.flush()
            os.fsync(f.fileno())
    os.replace(tmp, out_path)
    digest = hashlib.sha256()
    with out_path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return BuiltPdf(out_path, out_path.stat().st_size, digest.hexdigest(), len(pages))
