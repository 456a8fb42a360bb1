"""Signed digitised copies (issue 14, docs/digitising.md): a PDF that carries a digital signature
is checked when its upload completes. Central refuses one whose signature is damaged, whose
signed bytes were changed (or content added after signing), or whose signer's certificate is
expired; with ``signature_ca_dir`` set, also one not issued by a CA in that folder. A copy that
passes carries its signer's name and signing time onto its attachment row (``check_signatures``),
which is what makes it reusable (api/papers.py).

Unsigned files pass untouched: most attachments are plain scans. The check is offline (no OCSP or
CRL fetching): central must not stall an upload on a CA's server.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

log = logging.getLogger("hcc_central.signatures")

CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")
SIGNER_MAX = 200  # attachment.signer


@dataclass(frozen=True)
class Signer:
    """Who signed a verified copy, read from its bytes: the certificate's common name, and when
    (a trusted timestamp's time, else the time the signer reported; naive local time)."""

    name: str
    signed_at: datetime | None


@dataclass(frozen=True)
class Verdict:
    """``problem``: why the PDF must be refused (no names), or None. ``signer``: of a PDF whose
    every signature holds, the last signature's (the one covering the file as stored); None
    for an unsigned file."""

    problem: str | None = None
    signer: Signer | None = None


def looks_signed(data: bytes) -> bool:
    """A PDF with a signature dictionary (its /ByteRange): worth the full check."""
    return b"%PDF-" in data[:1024] and b"/ByteRange" in data


def check_signatures(data: bytes, ca_dir: str = "") -> Verdict:
    """Every signature of ``data`` checked in one parse; the signer facts come from the same
    validation (nothing is parsed twice)."""
    if not looks_signed(data):
        return Verdict()
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = load_roots(Path(ca_dir)) if ca_dir else None
    signer: Signer | None = None
    try:
        signatures = list(PdfFileReader(BytesIO(data), strict=False).embedded_signatures)
        for number, embedded in enumerate(signatures, 1):
            problem, signer = _one(embedded, roots)
            if problem is not None:
                return Verdict(f"signature {number} of {len(signatures)} is not valid: {problem}")
    except PdfError as exc:
        return Verdict(f"signed PDF unreadable ({type(exc).__name__})")
    except Exception as exc:  # noqa: BLE001 — a device's crafted file must not become a 500
        log.info("signed PDF the validator could not read: %s", type(exc).__name__)
        return Verdict(f"signed PDF unreadable ({type(exc).__name__})")
    return Verdict(None, signer)


def _one(embedded: Any, roots: list[Any] | None) -> tuple[str | None, Signer | None]:
    problem, status = _checked(embedded, roots)
    if problem is not None or status is None:
        return problem, None
    return None, Signer(_common_name(embedded.signer_cert), _signed_at(status))


def _common_name(cert: Any) -> str:
    subject = cert.subject.native
    name = subject.get("common_name") if isinstance(subject, dict) else None
    if isinstance(name, list):  # a name with several CNs: the first
        name = name[0] if name else None
    text = str(name or cert.subject.human_friendly)
    # Shown at the counter: no control characters, within the column.
    return "".join(ch for ch in text if ch.isprintable())[:SIGNER_MAX]


def _signed_at(status: Any) -> datetime | None:
    stamp = getattr(status, "timestamp_validity", None)
    when = getattr(stamp, "timestamp", None) or status.signer_reported_dt
    if not isinstance(when, datetime):
        return None
    if when.tzinfo is not None:  # central keeps naive local time, as its clock (datetime.now)
        when = when.astimezone().replace(tzinfo=None)
    return when.replace(microsecond=0)


def _checked(embedded: Any, roots: list[Any] | None) -> tuple[str | None, Any]:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots or [], allow_fetching=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except (SignatureValidationError, ValueError) as exc:
        return f"damaged signature ({type(exc).__name__})", None
    if not status.intact:
        return "the file was changed after it was signed", None
    if not status.valid:
        return "the signature does not match the certificate", None
    if status.coverage is SignatureCoverageLevel.ENTIRE_REVISION:
        allowed = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
        if not status.docmdp_ok or status.modification_level not in (
            *allowed,
            ModificationLevel.FORM_FILLING,
        ):
            return "the file's content was changed after it was signed", None
    elif status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        return "the signature does not cover the whole file", None
    cert = embedded.signer_cert
    now = datetime.now(UTC)
    if now > cert.not_valid_after:
        return f"the signer's certificate expired on {cert.not_valid_after:%Y-%m-%d}", None
    if now < cert.not_valid_before:
        return f"the signer's certificate is valid only from {cert.not_valid_before:%Y-%m-%d}", None
    if roots is not None and not status.trusted:
        return "the signer's certificate was not issued by a trusted certification authority", None
    return None, status


def load_roots(folder: Path) -> list[Any]:
    """The CA certificates in ``folder`` (PEM, one or more each, or DER). A folder that does not
    exist is an empty list: every signed PDF is then refused as untrusted, which says what to fix."""
    from asn1crypto import pem, x509  # type: ignore[import-untyped]

    found: list[Any] = []
    if not folder.is_dir():
        log.warning("signature_ca_dir %s is not a folder: no CA is trusted", folder)
        return found
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in CERT_SUFFIXES or not path.is_file():
            continue
        raw = path.read_bytes()
        try:
            if pem.detect(raw):
                found += [x509.Certificate.load(der) for _, _, der in pem.unarmor(raw, True)]
            else:
                found.append(x509.Certificate.load(raw))
        except ValueError:
            log.warning("%s is not a certificate: skipped", path.name)
    return found
