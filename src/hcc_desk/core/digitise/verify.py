"""Check every signature of a PDF: intact (no byte changed), made by the certificate's key,
certificate trusted by the configured roots and valid now, and nothing but signatures and their
validation data added after it. The verdict names the signer, the time and what is wrong.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from hcc_core.i18n import Msg, msg
from hcc_desk.core.digitise.trust import (
    VIETNAM,
    TrustRoots,
    certificate_name,
    chain_problem,
    validity_problem,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureVerdict:
    signer: str
    signed_at: datetime | None  # the time the signer's PC wrote (B-B: not proven by a TSA)
    intact: bool  # the signed bytes are unchanged and the signature matches them
    problem: Msg | None  # None: valid

    @property
    def valid(self) -> bool:
        return self.problem is None

    def summary(self) -> Msg:
        at = (
            self.signed_at.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y") if self.signed_at else "?"
        )
        if self.problem is None:
            return msg("verify.valid", signer=self.signer, at=at)
        return msg("verify.invalid", signer=self.signer, at=at, reason=self.problem)


@dataclass(frozen=True)
class DocumentVerdict:
    signatures: tuple[SignatureVerdict, ...]
    problem: Msg | None  # about the file as a whole (unreadable, unsigned)

    @property
    def valid(self) -> bool:
        return self.problem is None and all(s.valid for s in self.signatures)


def verify_pdf(path: Path, roots: TrustRoots, *, fetch_revocation: bool = False) -> DocumentVerdict:
    return verify_bytes(path.read_bytes(), roots, fetch_revocation=fetch_revocation)


def verify_bytes(
    data: bytes, roots: TrustRoots, *, fetch_revocation: bool = False
) -> DocumentVerdict:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        if not embedded:
            return DocumentVerdict((), msg("verify.unsigned"))
        found = tuple(_verify_one(sig, roots, fetch_revocation) for sig in embedded)
    except PdfError as exc:
        return DocumentVerdict((), msg("verify.unreadable", detail=type(exc).__name__))
    except Exception as exc:  # noqa: BLE001 — a crafted or broken file is a verdict, not a crash
        log.info("PDF the validator could not read: %s", type(exc).__name__)
        return DocumentVerdict((), msg("verify.unreadable", detail=type(exc).__name__))
    return DocumentVerdict(found, None)


def _verify_one(embedded: Any, roots: TrustRoots, fetch_revocation: bool) -> SignatureVerdict:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    cert = embedded.signer_cert
    signer = certificate_name(cert)
    context = ValidationContext(
        trust_roots=list(roots.certificates), allow_fetching=fetch_revocation
    )
    try:
        status = validate_pdf_signature(embedded, context)
    except (SignatureValidationError, ValueError) as exc:
        return SignatureVerdict(
            signer, None, False, msg("verify.broken", detail=type(exc).__name__)
        )
    when = status.signer_reported_dt
    return SignatureVerdict(
        signer, when, status.intact and status.valid, _problem(status, cert, roots)
    )


def _problem(status: Any, cert: Any, roots: TrustRoots) -> Msg | None:
    """The first thing wrong, in the order an officer can act on it."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if not status.intact:
        return msg("verify.modified")
    if not status.valid:
        return msg("verify.bad_signature")
    if status.coverage not in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    ):
        return msg("verify.partial")
    if status.coverage is SignatureCoverageLevel.ENTIRE_REVISION and not (
        status.docmdp_ok
        and status.modification_level
        in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)
    ):
        return msg("verify.changed_after")
    if not status.trusted:
        return validity_problem(cert) or chain_problem(cert, roots) or msg("verify.untrusted")
    return None
