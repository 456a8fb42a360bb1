"""The SoftHSM2 token store (``tokens``) made once for the test session, holding officer keys
and certificates issued by a test CA (tests/digitise/pki.py), as a CA's USB token holds them.

The PKCS#11 library reads SOFTHSM2_CONF once per process (C_Initialize), so every token the
tests use is made up front in one store, before any test opens the library. The central tests
(tests/central/test_central_signed_uploads.py) import the fixture too: same store.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.digitise.pki import Issued, make_ca, make_officer
from tests.support.realparts import unavailable

PIN = "hcc-PIN-2468"
SO_PIN = "13579111"
SIGNER_NAME = "Nguyễn Thị Hương"
CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế"
_LIBRARIES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)


@dataclass(frozen=True)
class Tokens:
    library: Path
    root: Path  # the store folder: tests grep it for the PIN
    trust_dir: Path  # the test CA's certificate: the trust roots a centre configures
    ca: Issued
    officer: Issued  # on token "officer": valid, issued by the trusted CA
    expired: Issued  # on token "expired": its certificate ended yesterday
    stranger: Issued  # on token "stranger": issued by a CA nobody trusts


def softhsm_library() -> Path | None:
    if shutil.which("softhsm2-util") is None:
        return None
    return next((Path(p) for p in _LIBRARIES if Path(p).exists()), None)


def _run(*args: str, env: dict[str, str]) -> None:
    subprocess.run(args, check=True, capture_output=True, env=env, timeout=60)


@pytest.fixture(scope="session")
def tokens(tmp_path_factory) -> Tokens:
    # One store per session, even when two test folders ask for the fixture.
    if not _made:
        library = softhsm_library()
        if library is None:
            unavailable("SoftHSM2 (softhsm2-util, libsofthsm2.so) is not installed")
        _made.append(make_store(library, tmp_path_factory.mktemp("softhsm")))
    return _made[0]


_made: list[Tokens] = []


def make_store(library: Path, root: Path) -> Tokens:
    """The tokens in ``root``; points this process's SOFTHSM2_CONF at them (for good: the
    library reads it once). Also used by benchmarks/bench_digitise.py."""
    import os

    (root / "tokens").mkdir(parents=True)
    conf = root / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)  # for this process too: the library reads it
    env = dict(os.environ)
    ca, other_ca = make_ca(), make_ca("Untrusted Test CA")
    now = datetime.now(UTC)
    issued = {
        "officer": make_officer(ca, SIGNER_NAME),
        "expired": make_officer(
            ca,
            "Trần Văn Hết Hạn",
            not_before=now - timedelta(days=400),
            not_after=now - timedelta(days=1),
        ),
        "stranger": make_officer(other_ca, "Lê Văn Lạ"),
    }
    for label, who in [*issued.items(), ("empty", None)]:
        _run(
            "softhsm2-util", "--init-token", "--free", "--label", label,
            "--pin", PIN, "--so-pin", SO_PIN, env=env,
        )  # fmt: skip
        if who is None:
            continue
        pem = root / f"{label}.key.pem"
        pem.write_bytes(who.key_pem())
        _run(
            "softhsm2-util", "--import", str(pem), "--token", label, "--label", "signing key",
            "--id", "a1", "--pin", PIN, env=env,
        )  # fmt: skip
        pem.unlink()
    for label, who in issued.items():  # only now: the library sees the tokens made so far
        _store_certificate(library, label, who)
    trust_dir = root / "trust"
    trust_dir.mkdir()
    ca.write_cert(trust_dir / "hcc-test-root.pem")
    return Tokens(library, root, trust_dir, ca, **issued)


def _store_certificate(library: Path, token_label: str, who: Issued) -> None:
    """A CA's token carries the certificate next to the key, with the same CKA_ID."""
    import pkcs11
    from cryptography.hazmat.primitives import serialization
    from pkcs11 import Attribute, CertificateType, ObjectClass

    token = pkcs11.lib(str(library)).get_token(token_label=token_label)
    with token.open(rw=True, user_pin=PIN) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "signing certificate",
                Attribute.ID: bytes.fromhex("a1"),
                Attribute.SUBJECT: who.cert.subject.public_bytes(),
                Attribute.VALUE: who.cert.public_bytes(serialization.Encoding.DER),
            }
        )


# --- what the tests do with the store ---------------------------------------------------------


def trust_centre_ca(profile_root: Path, tokens: Tokens) -> Path:
    """The test CA in a desk profile's ``trusted-ca`` folder, as the IT officer puts the
    centre's CAs on every counter PC."""
    trusted = Path(profile_root) / "trusted-ca"
    trusted.mkdir(exist_ok=True)
    for pem in tokens.trust_dir.iterdir():
        shutil.copy(pem, trusted / pem.name)
    return trusted


def configure_signing(ctx: Any, tokens: Tokens, slot: str = "officer") -> Path:
    """What an admin sets on a counter PC: the token's library and label, the trusted CA."""
    from hcc_desk.services.settings import SIGNING_PKCS11_LIB, SIGNING_SLOT_LABEL

    ctx.settings.save({SIGNING_PKCS11_LIB: str(tokens.library), SIGNING_SLOT_LABEL: slot})
    return trust_centre_ca(ctx.profile.root, tokens)


def signed_pdf(tokens: Tokens, folder: Path, name: str = "giay-to") -> bytes:
    """A rendered Vietnamese page signed (PAdES) with the officer's token."""
    from hcc_desk.core.digitise.sign import sign_pdf
    from hcc_desk.core.digitise.token import TokenSpec
    from tests.digitise.documents import vietnamese_pdf

    out = folder / f"{name}-ky-so.pdf"
    sign_pdf(
        vietnamese_pdf(folder / f"{name}.pdf"),
        out,
        TokenSpec(tokens.library, "officer"),
        PIN,
        centre=CENTRE,
    )
    return out.read_bytes()
