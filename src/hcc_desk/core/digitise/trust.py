"""Trust roots and the certificate checks shared by signing and verifying.

The roots are the CA certificates a centre trusts (the root CA of the national digital signature
authentication service and the accredited CAs under it), kept as ``.pem``/``.crt``/``.cer`` files
in a folder (``--ca-dir``); in the tests, the test CA.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hcc_core.i18n import Msg, msg

CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")
TRUST_FOLDER = "trusted-ca"  # in a desk's profile: the CA certificates the centre trusts
VIETNAM = timezone(timedelta(hours=7), "GMT+7")  # no daylight saving: a fixed offset


@dataclass(frozen=True)
class TrustRoots:
    certificates: tuple[Any, ...]  # asn1crypto.x509.Certificate
    sources: tuple[Path, ...]  # the folders they came from (named in messages)

    def describe(self) -> str:
        return ", ".join(str(p) for p in self.sources) or "—"


def load_trust_roots(folders: Iterable[Path]) -> TrustRoots:
    """Every certificate in the folders (PEM with one or more certificates, or DER)."""
    from asn1crypto import pem, x509  # type: ignore[import-untyped]

    found: list[Any] = []
    sources: list[Path] = []
    for folder in folders:
        sources.append(folder)  # named in messages even when missing: where to put them
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in CERT_SUFFIXES or not path.is_file():
                continue
            data = path.read_bytes()
            try:
                if pem.detect(data):
                    found += [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, True)]
                else:
                    found.append(x509.Certificate.load(data))
            except ValueError:  # not a certificate: skipped, the others still count
                continue
    return TrustRoots(tuple(found), tuple(sources))


def profile_trust(profile_root: Path) -> TrustRoots | None:
    """The desk's trusted CAs (``<profile>/trusted-ca``), or None when the centre has not
    configured any: then any certificate that is valid today may sign."""
    folder = Path(profile_root) / TRUST_FOLDER
    return load_trust_roots([folder]) if folder.is_dir() else None


def certificate_name(cert: Any) -> str:
    """The holder's name as the CA wrote it (the certificate's common name)."""
    subject = cert.subject.native
    return str(subject.get("common_name") or cert.subject.human_friendly)


def validity_problem(cert: Any, at: datetime | None = None) -> Msg | None:
    """Expired or not yet valid at ``at`` (default now), else None."""
    moment = at or datetime.now(UTC)
    name = certificate_name(cert)
    if moment > cert.not_valid_after:
        return msg("digitise.cert_expired", signer=name, until=_day(cert.not_valid_after))
    if moment < cert.not_valid_before:
        return msg("digitise.cert_not_yet_valid", signer=name, since=_day(cert.not_valid_before))
    return None


def chain_problem(cert: Any, roots: TrustRoots, *, fetch_revocation: bool = False) -> Msg | None:
    """Why the certificate cannot be trusted for signing under ``roots`` (untrusted issuer,
    revoked, wrong key usage), else None. Expiry is :func:`validity_problem`'s business."""
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator.errors import (
        InvalidCertificateError,
        PathBuildingError,
        PathValidationError,
        RevokedError,
    )

    name = certificate_name(cert)
    if not roots.certificates:
        return msg("digitise.no_trust_roots", signer=name, where=roots.describe())
    context = ValidationContext(
        trust_roots=list(roots.certificates), allow_fetching=fetch_revocation
    )
    validator = CertificateValidator(cert, validation_context=context)
    try:
        asyncio.run(validator.async_validate_usage(set(KeyUsageConstraints().key_usage or ())))
    except RevokedError:
        return msg("digitise.cert_revoked", signer=name)
    except (PathBuildingError, PathValidationError):
        return msg("digitise.cert_untrusted", signer=name, issuer=_issuer(cert))
    except InvalidCertificateError:
        return msg("digitise.cert_unusable", signer=name)
    return None


def _issuer(cert: Any) -> str:
    issuer = cert.issuer.native
    return str(issuer.get("common_name") or cert.issuer.human_friendly)


def _day(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y")
