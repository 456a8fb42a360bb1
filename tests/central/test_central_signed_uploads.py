"""Central checks a signed PDF when its upload completes (hcc_central/signatures.py): a valid
signed copy is stored, one changed after signing is refused (415, audited) and never stored,
unsigned files pass untouched; with signature_ca_dir set, a signer from another CA is refused."""

from __future__ import annotations

import hashlib
import io
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.models import Attachment, AuditLog
from hcc_desk.cli import main
from tests.central.conftest import _settings
from tests.central.helpers import new_uuid
from tests.central.live import Desk, LiveServer, desk_for
from tests.central.test_central_uploads import blob, named, send_all, start
from tests.digitise.documents import vietnamese_pdf
from tests.digitise.tokens import CENTRE, PIN, tokens

__all__ = ["tokens"]  # the session's SoftHSM2 store (tests/digitise/tokens.py)


def _signed(tmp_path: Path, tokens, label: str = "officer") -> bytes:
    source = vietnamese_pdf(tmp_path / f"{label}-in.pdf")
    out = tmp_path / f"{label}-signed.pdf"
    sys.stdin = io.StringIO(PIN + "\n")
    try:
        code = main(
            [
                "digitise", str(source), "--out", str(out), "--sign",
                "--pkcs11-lib", str(tokens.library), "--slot-label", label, "--pin-stdin",
                "--centre", CENTRE, "--profile", str(tmp_path / "desk"),
            ]
        )  # fmt: skip
    finally:
        sys.stdin = sys.__stdin__
    assert code == 0
    return out.read_bytes()


def _chunked(desk: Desk, data: bytes):
    up = start(desk, data)
    send_all(desk, up["upload_id"], data, 0, 16 * 1024)
    return desk.http.post(f"/uploads/{up['upload_id']}/complete"), up


def _refusals(central: LiveServer, desk: Desk) -> list[dict]:
    with central.db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "upload.refused")).all()
        return [r.detail for r in rows if r.actor == f"device:{desk.device_id}"]


def test_signed_copy_is_verified_at_upload(central: LiveServer, desk, tmp_path, tokens):
    good = _signed(tmp_path, tokens)
    done, up = _chunked(desk, good)
    assert done.status_code == 200, done.text
    assert blob(central, good).read_bytes() == good
    with central.db.read() as s:
        assert s.get(Attachment, up["request"]["attachment_uuid"]).stored_at is not None

    changed = bytearray(good)
    at = changed.index(b"ReportLab")
    changed[at] = ord("X")
    refused, up = _chunked(desk, bytes(changed))
    assert refused.status_code == 415
    assert "changed after it was signed" in refused.json()["detail"]
    assert not blob(central, bytes(changed)).exists()
    with central.db.read() as s:
        assert s.get(Attachment, up["request"]["attachment_uuid"]).stored_at is None
    [audited] = _refusals(central, desk)
    assert audited["status"] == 415 and "changed after" in audited["reason"]
    assert CENTRE not in str(audited)  # no names in the audit reason


def test_unsigned_pdf_with_signature_like_words_passes(central: LiveServer, desk, tmp_path):
    plain = vietnamese_pdf(tmp_path / "plain.pdf").read_bytes()
    done, _ = _chunked(desk, plain)
    assert done.status_code == 200, done.text


@pytest.fixture(scope="module")
def trusting_central(tmp_path_factory, tokens) -> Iterator[LiveServer]:
    """A central that trusts the test CA only; single uploads up to 256 KiB."""
    root = tmp_path_factory.mktemp("central-trust")
    url = f"sqlite:///{root / 'central.db'}"
    db = Database(url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    settings = replace(
        _settings(url, root / "store"),
        chunk_bytes=256 * 1024,
        signature_ca_dir=str(tokens.trust_dir),
    )
    server = LiveServer(settings).start()
    yield server
    server.stop()


def _single(desk: Desk, data: bytes):
    body = named(
        desk,
        {
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "dossier_uuid": None,
            "attachment_uuid": new_uuid(),
            "filename": "ban-so-hoa.pdf",
            "content_type": "application/pdf",
        },
    )
    return desk.http.post("/uploads/single", params=body, content=data)


def test_signer_from_an_untrusted_ca_is_refused(trusting_central, tmp_path, tokens):
    desk = desk_for(trusting_central)
    good = _signed(tmp_path, tokens, "officer")
    ok = _single(desk, good)
    assert ok.status_code == 200, ok.text
    foreign = _signed(tmp_path, tokens, "stranger")
    refused = _single(desk, foreign)
    assert refused.status_code == 415
    assert "not issued by a trusted certification authority" in refused.json()["detail"]
    assert not blob(trusting_central, foreign).exists()
    desk.http.close()


def test_a_crafted_signed_pdf_is_refused_not_a_500(trusting_central):
    desk = desk_for(trusting_central)
    crafted = (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /AcroForm << /Fields [2 0 R] >> >> endobj\n"
        b"2 0 obj << /FT /Sig /V << /Type /Sig /ByteRange [0 10 20 999999] /Contents <00ff> >> "
        b">> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    refused = _single(desk, crafted)
    assert refused.status_code == 415, refused.text
    assert not blob(trusting_central, crafted).exists()
    desk.http.close()
