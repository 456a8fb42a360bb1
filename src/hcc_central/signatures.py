"""Signed digitised copies (issue 14, docs/digitising.md): a PDF that carries a digital signature
is checked when its upload completes. Central refuses one whose signature is damaged, whose
signed bytes were changed (or content added after signing), or whose signer's certificate is
expired; with ``signature_ca_dir`` set, also one not issued by a CA in that folder.

Unsigned files pass untouched: most attachments are plain scans. The check is offline (no OCSP or
CRL fetching): central must not stall an upload on a CA's server.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

log = logging.getLogger("hcc_central.signatures")

CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


def looks_signed(data: bytes) -> bool:
    """A PDF with a signature dictionary (its /ByteRange): worth the full check."""
    return b"%PDF-" in data[:1024] and b"/ByteRange" in data


def signature_problem(data: bytes, ca_dir: str = "") -> str | None:
    """Why a signed PDF must be refused (for the HTTP answer and the audit: no names), or None."""
    if not looks_signed(data):
        return None
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = load_roots(Path(ca_dir)) if ca_dir else None
    try:
        signatures = list(PdfFileReader(BytesIO(data), strict=False).embedded_signatures)
        for number, embedded in enumerate(signatures, 1):
            problem = _one(embedded, roots)
            if problem is not None:
                return f"signature {number} of {len(signatures)} is not valid: {problem}"
    except PdfError as exc:
        return f"signed PDF unreadable ({type(exc).__name__})"
    except Exception as exc:  # noqa: BLE001 — a device's crafted file must not become a 500
        log.info("signed PDF the validator could not read: %s", type(exc).__name__)
        return f"signed PDF unreadable ({type(exc).__name__})"
    return None


def _one(embedded: Any, roots: list[Any] | None) -> str | None:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots or [], allow_fetching=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except (SignatureValidationError, ValueError) as exc:
        return f"damaged signature ({type(exc).__name__})"
    if not status.intact:
        return "the file was changed after it was signed"
    if not status.valid:
        return "the signature does not match the certificate"
    if status.coverage is SignatureCoverageLevel.ENTIRE_REVISION:
        allowed = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
        if not status.docmdp_ok or status.modification_level not in (
            *allowed,
            ModificationLevel.FORM_FILLING,
        ):
            return "the file's content was changed after it was signed"
    elif status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        return "the signature does not cover the whole file"
    cert = embedded.signer_cert
    now = datetime.now(UTC)
    if now > cert.not_valid_after:
        return f"the signer's certificate expired on {cert.not_valid_after:%Y-%m-%d}"
    if now < cert.not_valid_before:
        return f"the signer's certificate is valid only from {cert.not_valid_before:%Y-%m-%d}"
    if roots is not None and not status.trusted:
        return "the signer's certificate was not issued by a trusted certification authority"
    return None


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
