"""The agency's result document (steps.result_ready, uploaded in the back office) follows the
rules of a desk's upload: a signed result is stored only if its signature holds, with its
signer recorded; the centre's stored-bytes quota refuses it before anything is stored."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from hcc_central import steps
from hcc_central.models import Attachment, Centre
from tests.central.live import Desk, LiveServer
from tests.central.test_central_steps import agency, pushed, status_of
from tests.digitise.tokens import SIGNER_NAME, signed_pdf, tokens

__all__ = ["tokens"]  # the session's SoftHSM2 store (tests/digitise/tokens.py)


@pytest.fixture(scope="module")
def signed_result(tokens, tmp_path_factory) -> bytes:
    return signed_pdf(tokens, tmp_path_factory.mktemp("result"), "ket-qua")


def _upload(central: LiveServer, code: str, who, pdf: bytes, **over):
    c = central.app.state.central
    args = {
        "store": c.store,
        "pdf": pdf,
        "filename": "ket-qua.pdf",
        "max_bytes": c.settings.max_result_bytes,
        "centre_quota": c.settings.centre_stored_bytes,
        "signature_ca_dir": c.settings.signature_ca_dir,
        **over,
    }
    return central.write(lambda s: steps.result_ready(s, code, who, "web:t", **args))


def _results(central: LiveServer, code_uuid: str) -> list[Attachment]:
    with central.db.read() as s:
        rows = s.scalars(
            select(Attachment).where(
                Attachment.dossier_uuid == code_uuid, Attachment.kind == "result"
            )
        ).all()
        for r in rows:
            s.expunge(r)
        return list(rows)


def test_a_signed_result_is_stored_with_its_signer(central: LiveServer, desk: Desk, signed_result):
    doc = pushed(desk)
    _upload(central, doc["code"], agency(central, desk.unit), signed_result)
    [row] = _results(central, doc["uuid"])
    assert row.signer == SIGNER_NAME and row.signed_at is not None
    assert status_of(central, doc["code"]) == steps._S.RELEASING


def test_a_result_whose_signature_broke_is_refused(central: LiveServer, desk: Desk, signed_result):
    doc = pushed(desk)
    changed = bytearray(signed_result)
    changed[len(changed) // 3] ^= 0x01
    with pytest.raises(steps.StepRefused) as refused:
        _upload(central, doc["code"], agency(central, desk.unit), bytes(changed))
    assert refused.value.status == 415 and "Chữ ký số" in refused.value.message
    assert _results(central, doc["uuid"]) == [] and status_of(central, doc["code"]) == 2


def test_the_centres_quota_refuses_a_result_before_it_is_stored(central: LiveServer, desk: Desk):
    doc = pushed(desk)
    pdf = b"%PDF-1.7\n" + b"0" * 5000
    with central.db.read() as s:
        used = s.scalar(select(Centre.stored_bytes).where(Centre.id == desk.centre_id))
    blob = central.app.state.central.store.blob_path
    sha = hashlib.sha256(pdf).hexdigest()
    with pytest.raises(steps.StepRefused) as refused:
        _upload(central, doc["code"], agency(central, desk.unit), pdf, centre_quota=used + 100)
    assert refused.value.status == 507
    assert _results(central, doc["uuid"]) == [] and status_of(central, doc["code"]) == 2
    assert not Path(blob(sha)).exists()  # refused before a byte was stored
    with central.db.read() as s:
        assert s.scalar(select(Centre.stored_bytes).where(Centre.id == desk.centre_id)) == used
    # Within the quota it is stored and counted once.
    _upload(central, doc["code"], agency(central, desk.unit), pdf, centre_quota=used + len(pdf))
    with central.db.read() as s:
        assert s.scalar(
            select(Centre.stored_bytes).where(Centre.id == desk.centre_id)
        ) == used + len(pdf)
