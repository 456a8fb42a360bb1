"""SigningService: a saved dossier's paper signed with the officer's token (SoftHSM2, a test CA
made in the test: tests/digitise/tokens.py) from the desk's own profile; the signed copy is a new
version of the same paper that verifies, is queued for central and audited; a wrong PIN, an
untrusted certificate, an unreadable copy or a copy still waiting for its text layer add
nothing; the PIN is nowhere in the profile afterwards."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from hcc_desk.core import sealed_files
from hcc_desk.core.digitise.errors import DigitiseError, WrongPin
from hcc_desk.core.digitise.trust import load_trust_roots
from hcc_desk.core.digitise.verify import verify_bytes
from hcc_desk.core.store.models import Attachment, AuditLog, Dossier, OutboxOp
from hcc_desk.core.sync.attachments import add_attachment
from hcc_desk.services.settings import SIGNING_PKCS11_LIB
from hcc_desk.services.signing import SigningService
from tests.digitise.documents import vietnamese_pdf
from tests.digitise.tokens import PIN, SIGNER_NAME, configure_signing, tokens
from tests.support.demo_dossier import save_demo_dossier

__all__ = ["tokens"]  # the session's SoftHSM2 store, a fixture


configure = configure_signing  # what an admin sets on a counter PC (tests/digitise/tokens.py)


def service(ctx, ocr_installed: bool = False) -> SigningService:
    """The desk's service, with the OCR question answered (Tesseract may or may not be here)."""
    return SigningService(
        ctx.store,
        ctx.settings,
        ctx.profile.root,
        size_check=ctx.capture.check_size,
        text_layer_available=lambda: ocr_installed,
    )


def attach_scan(ctx, dossier, tmp_path: Path, position: int = 1) -> str:
    """The officer adds a PDF to the paper at the scan dialog; saved as the paper's copy."""
    capture = ctx.capture
    paper = next(p for p in dossier.papers if p.position == position)
    session = capture.spool.open_session(
        "dossier:" + dossier.uuid, position, paper.name, dossier.code
    )
    session.insert_files([vietnamese_pdf(tmp_path / f"giay-{position}.pdf")])
    return capture.attach(session, dossier.code, "demo")


def copies(ctx, dossier, position: int) -> list[Attachment]:
    with ctx.store.session() as s:
        rows = s.scalars(
            select(Attachment)
            .join(Dossier, Dossier.id == Attachment.dossier_id)
            .where(Dossier.uuid == dossier.uuid, Attachment.paper_position == position)
            .order_by(Attachment.id)
        )
        return list(rows.all())


def audits(ctx, action: str) -> list[AuditLog]:
    with ctx.store.session() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.action == action)).all())


@pytest.fixture
def dossier(demo_ctx):
    return save_demo_dossier(demo_ctx)


def test_a_paper_is_signed_into_a_new_version_that_verifies_and_is_queued(
    demo_ctx, dossier, tokens, tmp_path
):
    configure(demo_ctx, tokens)
    scan = attach_scan(demo_ctx, dossier, tmp_path)
    signing = service(demo_ctx)
    assert [p.attachment_uuid for p in signing.papers(dossier.code)] == [scan]
    assert signing.signer_name() == SIGNER_NAME  # read from the token without the PIN

    report = signing.sign_paper(dossier.code, 1, PIN, "demo")

    [signed] = report.signed
    assert (signed.signer, signed.signed_from, signed.position) == (SIGNER_NAME, scan, 1)
    before, after = copies(demo_ctx, dossier, 1)
    assert before.uuid == scan and after.uuid == signed.attachment_uuid  # the scan stays
    assert after.filename.endswith("-ky-so.pdf") and after.upload_state == "pending"
    data = sealed_files.read(demo_ctx.capture.attachments_dir, after.path)
    verdict = verify_bytes(data, load_trust_roots([tokens.trust_dir]))
    assert verdict.valid and [v.signer for v in verdict.signatures] == [SIGNER_NAME]
    # Now the paper's newest copy: the next signature countersigns it.
    assert [p.attachment_uuid for p in signing.papers(dossier.code)] == [after.uuid]
    with demo_ctx.store.session() as s:
        queued = s.scalars(select(OutboxOp).where(OutboxOp.entity_uuid == dossier.uuid)).all()
        assert any(after.uuid in str(op.payload) for op in queued)
    [audit] = audits(demo_ctx, "signing.signed")
    assert audit.actor == "demo"
    assert audit.detail["version"] == after.uuid and audit.detail["paper_position"] == 1


def test_a_wrong_pin_adds_nothing_and_says_so(demo_ctx, dossier, tokens, tmp_path):
    configure(demo_ctx, tokens)
    attach_scan(demo_ctx, dossier, tmp_path)
    with pytest.raises(WrongPin) as refused:
        service(demo_ctx).sign_paper(dossier.code, 1, "000000", "demo")
    assert "Sai mã PIN của token officer" in refused.value.text("vi")
    assert "Wrong PIN" in refused.value.text("en")
    # SoftHSM2, like a CA's token, flags "few tries left" after a wrong PIN: the desk says so.
    assert refused.value.msg_id == "digitise.wrong_pin_count_low"
    assert "chỉ còn ít lần thử" in refused.value.text("vi")
    assert len(copies(demo_ctx, dossier, 1)) == 1
    [audit] = audits(demo_ctx, "signing.refused")
    assert audit.detail == {"code": dossier.code, "reason": refused.value.msg_id}
    assert audit.actor == "demo"


def test_the_pin_is_nowhere_in_the_profile_afterwards(demo_ctx, dossier, tokens, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, every level: what a log file could hold
    configure(demo_ctx, tokens)
    attach_scan(demo_ctx, dossier, tmp_path)
    pin = bytearray(PIN.encode())
    service(demo_ctx).sign_paper(dossier.code, 1, pin, "demo")
    assert pin == bytearray(len(PIN))  # zeroed once the token had it
    with pytest.raises(WrongPin):
        service(demo_ctx).sign_paper(dossier.code, 1, PIN + "x", "demo")

    needle = PIN.encode()
    assert "signed a PDF" in caplog.text and PIN not in caplog.text
    with demo_ctx.store.session() as s:  # the database as the desk reads it (decrypted)
        sql = s.connection().exec_driver_sql
        tables = [r[0] for r in sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        dump = repr([sql(f'SELECT * FROM "{t}"').all() for t in tables]).encode()
    assert b"signing.signed" in dump  # the dump holds the audit rows it is searched for
    assert needle not in dump
    demo_ctx.close()  # the log flushed, the database closed
    root = Path(demo_ctx.profile.root)
    for path in root.rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), path


def test_a_certificate_from_an_untrusted_ca_signs_nothing(demo_ctx, dossier, tokens, tmp_path):
    configure(demo_ctx, tokens, slot="stranger")
    attach_scan(demo_ctx, dossier, tmp_path)
    with pytest.raises(DigitiseError) as refused:
        service(demo_ctx).sign_paper(dossier.code, 1, PIN, "demo")
    assert refused.value.msg_id == "digitise.cert_untrusted"
    assert "Lê Văn Lạ" in refused.value.text("vi")
    assert len(copies(demo_ctx, dossier, 1)) == 1


def test_a_copy_still_waiting_for_its_text_layer_is_not_signed_yet(
    demo_ctx, dossier, tokens, tmp_path
):
    configure(demo_ctx, tokens)
    attach_scan(demo_ctx, dossier, tmp_path)  # its OCR job is queued with it
    with pytest.raises(DigitiseError) as refused:
        service(demo_ctx, ocr_installed=True).sign_paper(dossier.code, 1, PIN, "demo")
    assert refused.value.msg_id == "signing.text_layer_pending"
    assert len(copies(demo_ctx, dossier, 1)) == 1


def test_sign_all_signs_each_paper_once_and_reports_an_unreadable_copy(
    demo_ctx, dossier, tokens, tmp_path
):
    configure(demo_ctx, tokens)
    attach_scan(demo_ctx, dossier, tmp_path, 1)
    attach_scan(demo_ctx, dossier, tmp_path, 2)
    with demo_ctx.store.write() as s:  # a copy that claims to be a PDF and is not
        row = s.scalar(select(Dossier).where(Dossier.uuid == dossier.uuid))
        add_attachment(
            s,
            row,
            demo_ctx.capture.attachments_dir,
            b"not a pdf at all",
            filename="hong.pdf",
            content_type="application/pdf",
            paper_position=3,
        )
    signing = service(demo_ctx)

    report = signing.sign_all(dossier.code, PIN, "demo")

    assert sorted(p.position for p in report.signed) == [1, 2]
    [(name, why)] = report.failed
    assert name == dossier.papers[2].name and why.msg_id == "digitise.not_a_pdf"
    again = signing.sign_all(dossier.code, PIN, "demo")  # signed copies are not signed twice
    assert again.signed == [] and sorted(again.skipped) == sorted(
        p.name for p in dossier.papers[:2]
    )
    assert len(copies(demo_ctx, dossier, 1)) == 2


def test_without_a_token_library_configured_it_says_what_to_set(demo_ctx, dossier, tmp_path):
    pin = bytearray(PIN.encode())
    with pytest.raises(DigitiseError) as refused:
        service(demo_ctx).sign_paper(dossier.code, 1, pin, "demo")
    assert refused.value.msg_id == "signing.no_library"
    assert pin == bytearray(len(PIN))  # refused before the token: zeroed all the same
    demo_ctx.settings.save({SIGNING_PKCS11_LIB: str(tmp_path / "nosuch.so")})
    attach_scan(demo_ctx, dossier, tmp_path)
    with pytest.raises(DigitiseError) as refused:
        service(demo_ctx).sign_paper(dossier.code, 1, PIN, "demo")
    assert refused.value.msg_id == "signing.library_missing"
    assert "Cài đặt → Ký số" in refused.value.text("vi")
