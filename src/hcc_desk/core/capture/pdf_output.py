"""One PDF per checklist paper, written directly (no PDF library in between). The spool already
holds every page in its final compressed form (spool.save_page_image), so building the PDF
copies data and never recompresses:

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
pdfaid schema, an sRGB output intent (ICC profile made by PIL's ImageCms), a document ID, no
transparency, no encryption, no external content. (It is built to the rules, not validated
here by veraPDF: see docs/scanning.md.)
"""

from __future__ import annotations

import hashlib
import io
import os
import time
import uuid
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import imaging
from .model import ColourMode, PageInfo

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
    decode_parms: str = ""
    # Two-layer grey page: this image is the background, ``mask`` the text painted over it
    # (an /ImageMask) in grey ``mask_level``.
    mask: _Image | None = None
    mask_level: int = 0


# ------------------------------------------------------------------------------- encoding
def _g4_from_tiff(path: Path) -> _Image | None:
    """The G4 strip of a one-strip TIFF the spool wrote, as it is; None if it is not that."""
    with Image.open(path) as tif:
        tags = tif.tag_v2
        if tags.get(259) != 4 or len(tags.get(273, ())) != 1:
            return None
        width, height = tif.size
        photometric = tags.get(262, 0)
        offset, length = tags[273][0], tags[279][0]
    with path.open("rb") as f:
        f.seek(offset)
        data = f.read(length)
    # G4 codes runs of 0-bits as "white". PIL writes BlackIsZero (photometric 1), so its
    # 0-bits are black pixels: /BlackIs1 true makes the decoder paint them black.
    black_is_1 = "true" if photometric == 1 else "false"
    return _Image(
        width,
        height,
        "/DeviceGray",
        1,
        "/CCITTFaxDecode",
        data,
        f"<< /K -1 /Columns {width} /Rows {height} /BlackIs1 {black_is_1} >>",
    )


def encode_g4(img: Image.Image) -> _Image:
    buf = io.BytesIO()
    img.save(buf, format="TIFF", compression="group4", tiffinfo={278: img.height})
    buf.seek(0)
    with Image.open(buf) as tif:
        tags = tif.tag_v2
        offset, length = tags[273][0], tags[279][0]
        photometric = tags.get(262, 0)
    data = buf.getvalue()[offset : offset + length]
    black_is_1 = "true" if photometric == 1 else "false"
    return _Image(
        img.width,
        img.height,
        "/DeviceGray",
        1,
        "/CCITTFaxDecode",
        data,
        f"<< /K -1 /Columns {img.width} /Rows {img.height} /BlackIs1 {black_is_1} >>",
    )


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
        f"<< /Predictor 15 /Colors {colours} /BitsPerComponent 8 /Columns {width} >>",
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


def _image_entries(image: _Image, stencil: bool = False) -> str:
    head = f"/Type /XObject /Subtype /Image /Width {image.width} /Height {image.height} "
    if stencil:  # 0-bits (the ink) are painted in the current fill colour
        entries = head + f"/ImageMask true /BitsPerComponent 1 /Filter {image.filter}"
    else:
        entries = head + (
            f"/ColorSpace {image.colorspace} /BitsPerComponent {image.bpc} /Filter {image.filter}"
        )
    if image.decode_parms:
        entries += f" /DecodeParms {image.decode_parms}"
    return entries


# ---------------------------------------------------------------------------- PDF/A pieces
def srgb_icc() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _pdf_date(t: float) -> str:
    return time.strftime("D:%Y%m%d%H%M%SZ", time.gmtime(t))


def _xmp_date(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def _xml_escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _xmp(title: str, created: float, doc_id: str) -> bytes:
    d = _xmp_date(created)
    t = _xml_escape(title)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{d}</xmp:CreateDate>
   <xmp:ModifyDate>{d}</xmp:ModifyDate>
   <xmp:CreatorTool>{PRODUCER}</xmp:CreatorTool>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
   <xmpMM:DocumentID>uuid:{doc_id}</xmpMM:DocumentID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _pdf_text(text: str) -> str:
    """A PDF text string in UTF-16BE hex: any Vietnamese title, no escaping pitfalls."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


# --------------------------------------------------------------------------------- writer
class _Writer:
    def __init__(self, f):
        self.f = f
        self.offsets: dict[int, int] = {}
        self.next_id = 1
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")  # binary marker line (PDF/A wants one)

    def reserve(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def obj(self, num: int, body: str) -> None:
        self.offsets[num] = self.f.tell()
        self.f.write(f"{num} 0 obj\n{body}\nendobj\n".encode("latin-1"))

    def stream(self, num: int, entries: str, data: bytes) -> None:
        self.offsets[num] = self.f.tell()
        self.f.write(
            f"{num} 0 obj\n<< {entries} /Length {len(data)} >>\nstream\n".encode("latin-1")
        )
        self.f.write(data)
        self.f.write(b"\nendstream\nendobj\n")

    def finish(self, root: int, info: int, doc_id: bytes) -> None:
        xref = self.f.tell()
        size = self.next_id
        lines = [f"xref\n0 {size}\n", "0000000000 65535 f \n"]
        for num in range(1, size):
            lines.append(f"{self.offsets[num]:010d} 00000 n \n")
        hex_id = doc_id.hex()
        lines.append(
            f"trailer\n<< /Size {size} /Root {root} 0 R /Info {info} 0 R "
            f"/ID [<{hex_id}> <{hex_id}>] >>\nstartxref\n{xref}\n%%EOF\n"
        )
        self.f.write("".join(lines).encode("latin-1"))


def write_pdf(
    pages: Sequence[PageInfo],
    out_path: Path,
    *,
    title: str = "",
    pdfa: bool = False,
    created: float | None = None,
) -> BuiltPdf:
    """Write the pages (in order, each with its rotation) to ``out_path`` atomically."""
    if not pages:
        raise ValueError("no pages to write")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".part")
    created = time.time() if created is None else created
    doc_uuid = uuid.uuid4()
    with tmp.open("wb") as f:
        w = _Writer(f)
        catalog, pages_id, info = w.reserve(), w.reserve(), w.reserve()
        page_ids = []
        for page in pages:
            image = encode_page(page)
            img_id, content_id, page_id = w.reserve(), w.reserve(), w.reserve()
            w.stream(img_id, _image_entries(image), image.data)
            full = image.mask or image  # the page's size is the full-resolution layer's
            dpi = max(1, page.dpi)
            wpt, hpt = full.width * 72.0 / dpi, full.height * 72.0 / dpi
            draw = f"q {wpt:.3f} 0 0 {hpt:.3f} 0 0 cm /Im0 Do Q"
            xobjects = f"/Im0 {img_id} 0 R"
            if image.mask is not None:
                mask_id = w.reserve()
                w.stream(mask_id, _image_entries(image.mask, stencil=True), image.mask.data)
                draw += (
                    f" q {image.mask_level / 255:.3f} g {wpt:.3f} 0 0 {hpt:.3f} 0 0 cm /Im1 Do Q"
                )
                xobjects += f" /Im1 {mask_id} 0 R"
            w.stream(content_id, "", draw.encode("latin-1"))
            rotate = f" /Rotate {page.rotation % 360}" if page.rotation % 360 else ""
            w.obj(
                page_id,
                f"<< /Type /Page /Parent {pages_id} 0 R "
                f"/MediaBox [0 0 {wpt:.3f} {hpt:.3f}]{rotate} "
                f"/Resources << /XObject << {xobjects} >> >> "
                f"/Contents {content_id} 0 R >>",
            )
            page_ids.append(page_id)
        w.obj(
            pages_id,
            f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] "
            f"/Count {len(page_ids)} >>",
        )
        extra = ""
        if pdfa:
            meta = w.reserve()
            w.stream(meta, "/Type /Metadata /Subtype /XML", _xmp(title, created, str(doc_uuid)))
            icc = w.reserve()
            w.stream(icc, "/N 3", srgb_icc())
            intent = w.reserve()
            w.obj(
                intent,
                f"<< /Type /OutputIntent /S /GTS_PDFA1 "
                f"/OutputConditionIdentifier (sRGB IEC61966-2.1) "
                f"/Info (sRGB IEC61966-2.1) /DestOutputProfile {icc} 0 R >>",
            )
            extra = f" /Metadata {meta} 0 R /OutputIntents [{intent} 0 R]"
        w.obj(catalog, f"<< /Type /Catalog /Pages {pages_id} 0 R{extra} >>")
        date = _pdf_date(created)
        title_entry = f" /Title {_pdf_text(title)}" if title else ""
        w.obj(
            info,
            f"<< /Producer ({PRODUCER}) /CreationDate ({date}) /ModDate ({date}){title_entry} >>",
        )
        w.finish(catalog, info, doc_uuid.bytes)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, out_path)
    digest = hashlib.sha256()
    with out_path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return BuiltPdf(out_path, out_path.stat().st_size, digest.hexdigest(), len(page_ids))
