"""Sign a PDF with the officer's token: PAdES baseline B-B (B-T when a timestamp server is
configured), with a visible stamp on the first page saying who signed, when and for which centre.

The stamp is drawn with the desk's bundled Noto Serif (a TrueType font, subset into the PDF), so
Vietnamese names keep their diacritics on any PC and in pdftotext.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hcc_core.files import write_through_temp
from hcc_core.i18n import tr
from hcc_desk.core.digitise.errors import DigitiseError
from hcc_desk.core.digitise.token import OpenedKey, TokenSpec, open_key
from hcc_desk.core.digitise.trust import (
    VIETNAM,
    TrustRoots,
    certificate_name,
    chain_problem,
    validity_problem,
)

log = logging.getLogger(__name__)
# fontTools narrates every font subset at INFO: dozens of lines per signature in the desk's log.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FIELD_NAME = "HCC-ChuKySo"
STAMP_WIDTH, STAMP_HEIGHT, STAMP_MARGIN = 250, 66, 18  # points: fits an A5 page too
STAMP_FONT = ("fonts", "NotoSerif-Regular.ttf")
# Latin, its supplements and extensions (Vietnamese: ơ ư đ and the 1E00 block), combining marks,
# punctuation, the đồng sign.
STAMP_CHARACTERS = {
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),
    *range(0x300, 0x370),
    *range(0x1E00, 0x1F00),
    *range(0x2000, 0x2070),
    0x20AB,
}


@dataclass(frozen=True)
class SignedCopy:
    path: Path
    signer: str
    signed_at: datetime  # aware, the time written in the stamp
    size_before: int
    size_after: int


@dataclass(frozen=True)
class SignedData:
    data: bytes
    signer: str
    signed_at: datetime  # aware, the time written in the stamp


def sign_pdf(
    source: Path,
    target: Path,
    token: TokenSpec,
    pin: str,
    *,
    centre: str,
    trust: TrustRoots | None = None,
    timestamp_url: str | None = None,
    now: datetime | None = None,
) -> SignedCopy:
    """Sign ``source`` into ``target`` (written whole or not at all). With ``trust``, a
    certificate its CAs did not issue is refused before anything is signed; an expired or not
    yet valid certificate always is."""
    data = read_pdf(source.read_bytes(), source)
    with open_key(token, pin) as key:
        signed = sign_data(
            data, key, centre=centre, trust=trust, timestamp_url=timestamp_url, now=now
        )
    write_through_temp(target, lambda tmp: _write(tmp, signed.data))
    return SignedCopy(target, signed.signer, signed.signed_at, len(data), len(signed.data))


def sign_data(
    data: bytes,
    key: OpenedKey,
    *,
    centre: str,
    trust: TrustRoots | None = None,
    timestamp_url: str | None = None,
    now: datetime | None = None,
) -> SignedData:
    """Sign a PDF's bytes with a key already logged in (the desk's screens sign several
    papers with one PIN, and a plain copy of a citizen's paper never touches the disk)."""
    from asn1crypto import x509  # type: ignore[import-untyped]

    moment = (now or datetime.now(UTC)).astimezone(VIETNAM)
    cert = x509.Certificate.load(key.certificate_der)
    problem = validity_problem(cert, moment) or (
        chain_problem(cert, trust) if trust is not None else None
    )
    if problem is not None:
        raise DigitiseError(problem.msg_id, **problem.params)
    signer_name = certificate_name(cert)
    signed = _sign(data, key, cert, signer_name, centre, moment, timestamp_url)
    log.info("signed a PDF (%d → %d bytes)", len(data), len(signed))  # no names: personal data
    return SignedData(signed, signer_name, moment)


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def read_pdf(data: bytes, name: object) -> bytes:
    """``data`` when it is a PDF; ``name`` (a path, a file name) is said in the refusal."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise DigitiseError("digitise.not_a_pdf", file=name)
    return data


def _sign(
    data: bytes,
    key: Any,
    cert: Any,
    signer_name: str,
    centre: str,
    moment: datetime,
    timestamp_url: str | None,
) -> bytes:
    from io import BytesIO

    from aiohttp import ClientError
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.pkcs11 import PKCS11Signer
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    try:
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        earlier = len(writer.prev.embedded_signatures)
        box = _stamp_box(writer, earlier)
    except (PdfReadError, ValueError, KeyError, IndexError) as exc:
        raise DigitiseError("digitise.pdf_unreadable", detail=type(exc).__name__) from None
    signer = PKCS11Signer(
        key.session, signing_cert=cert, key_id=key.key_id, cert_id=key.key_id, embed_roots=False
    )
    field_name = f"{FIELD_NAME}-{earlier + 1}"  # a countersignature gets a field of its own
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=signer_name,
        location=centre,
        reason=tr("digitise.reason", "vi"),
    )
    timestamper = None
    if timestamp_url:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(timestamp_url)
    pdf_signer = signers.PdfSigner(
        meta,
        signer,
        timestamper=timestamper,
        stamp_style=_stamp_style(),
        new_field_spec=fields.SigFieldSpec(field_name, on_page=0, box=box),
    )
    text = unicodedata.normalize(
        "NFC",
        tr(
            "digitise.stamp",
            "vi",
            signer=signer_name,
            at=moment.strftime("%H:%M:%S %d/%m/%Y (GMT+7)"),
            centre=centre,
        ),
    )
    out = BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=out, appearance_text_params={"stamp": text})
    except TimestampRequestError as exc:
        raise DigitiseError(
            "digitise.timestamp_failed", url=timestamp_url, detail=str(exc)[:200]
        ) from None
    except SigningError as exc:  # the token refused the operation, or the PDF forbids changes
        raise DigitiseError("digitise.sign_failed", detail=str(exc)[:200]) from None
    except (OSError, ClientError) as exc:  # the timestamp server: unreachable, refused, TLS
        raise DigitiseError(
            "digitise.timestamp_failed", url=timestamp_url, detail=type(exc).__name__
        ) from None
    return out.getvalue()


def _stamp_style() -> Any:
    from pyhanko import stamp
    from pyhanko.pdf_utils import text

    from hcc_desk.resources import resource_path

    font = _font_factory(_stamp_font(resource_path(*STAMP_FONT)))
    return stamp.TextStampStyle(
        stamp_text="%(stamp)s",  # filled with our text as a parameter: a '%' in it is harmless
        text_box_style=text.TextBoxStyle(font=font, font_size=8, leading=10),
        border_width=1,
        border_color=(0.75, 0.1, 0.1),
        background=None,
    )


@functools.cache
def _stamp_font(path: Path) -> bytes:
    """Noto Serif cut down once per process to the Latin and Vietnamese letters, without its
    layout tables: pyHanko subsets the stamp's font at every signature, and decoding the full
    font's GSUB/GPOS took ~1.5 s of each. The stamp text is NFC, so every Vietnamese letter is
    one precomposed glyph and needs no mark positioning."""
    from io import BytesIO

    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    options = subset.Options()
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "DSIG"]
    options.layout_features = []
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=STAMP_CHARACTERS)
    font = TTFont(BytesIO(path.read_bytes()))
    subsetter.subset(font)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def _font_factory(font: bytes) -> Any:
    """pyHanko's TrueType engine, fed from memory: its own factory opens the font file and
    never closes it."""
    from io import BytesIO

    from pyhanko.pdf_utils.font.api import FontEngineFactory
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator

    class InMemoryFont(FontEngineFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
            if obj_stream is None and writer.stream_xrefs:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer, font_handle=BytesIO(font), font_size=8, obj_stream=obj_stream
            )

    return InMemoryFont()


def _stamp_box(writer: Any, earlier: int) -> tuple[int, int, int, int]:
    """The bottom right corner of page 1, inside the page's visible area; each further
    signature's stamp above the ones before it."""
    page = writer.root["/Pages"]
    first = _first_page(page)
    x0, y0, x1, _y1 = (float(v) for v in (first.get("/CropBox") or first["/MediaBox"]))
    width = min(STAMP_WIDTH, int(x1 - x0) - 2 * STAMP_MARGIN)
    right = int(x1) - STAMP_MARGIN
    bottom = int(y0) + STAMP_MARGIN + earlier * (STAMP_HEIGHT + STAMP_MARGIN // 2)
    return (right - width, bottom, right, bottom + STAMP_HEIGHT)


def _first_page(node: Any) -> Any:
    """Page 1 (a page tree may nest; MediaBox may be inherited from a parent)."""
    inherited = node.get("/MediaBox")
    while "/Kids" in node:
        node = node["/Kids"][0].get_object()
        inherited = node.get("/MediaBox", inherited)
    if "/MediaBox" not in node:
        node = {**node, "/MediaBox": inherited}
    return node
