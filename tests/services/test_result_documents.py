"""A saved dossier's result document (issue 14: the result is digitised and signed too): scanned
into the scan dialog's "Kết quả giải quyết" target, it is stored with no paper position as
``ket-qua-<code>.pdf``, queued for its text layer and for central; signed with the officer's
token (SoftHSM2, tests/digitise/tokens.py) through ``sign_attachment`` it becomes a signed
version that verifies and is queued for central, and no checklist paper is touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from hcc_desk.core import sealed_files
from hcc_desk.core.digitise.trust import load_trust_roots
from hcc_desk.core.digitise.verify import verify_bytes
from hcc_desk.core.store.models import Attachment, AuditLog, Dossier, OcrJob, OutboxOp
from hcc_desk.services.capture import RESULT_KEY_SUFFIX
from tests.digitise.documents import vietnamese_pdf
from tests.digitise.tokens import PIN, SIGNER_NAME, tokens
from tests.services.test_signing_service import attach_scan, configure, copies, service
from tests.support.demo_dossier import save_demo_dossier

__all__ = ["tokens"]  # the session's SoftHSM2 store, a fixture


def attach_result(ctx, dossier, tmp_path: Path) -> str:
    """What the scan dialog's result target does: a session keyed for the result, no paper."""
    capture = ctx.capture
    session = capture.spool.open_session(
        "dossier:" + dossier.uuid + RESULT_KEY_SUFFIX, None, "Kết quả giải quyết", dossier.code
    )
    session.insert_files([vietnamese_pdf(tmp_path / "ket-qua.pdf")])
    return capture.attach(session, dossier.code, "demo")


def loose_files(ctx, dossier) -> list[Attachment]:
    with ctx.store.session() as s:
        rows = s.scalars(
            select(Attachment)
            .join(Dossier, Dossier.id == Attachment.dossier_id)
            .where(Dossier.uuid == dossier.uuid, Attachment.paper_position.is_(None))
            .order_by(Attachment.id)
        )
        return list(rows.all())


@pytest.fixture
def dossier(demo_ctx):
    return save_demo_dossier(demo_ctx)


def test_a_result_document_is_attached_apart_from_the_papers(demo_ctx, dossier, tmp_path):
    uuid = attach_result(demo_ctx, dossier, tmp_path)

    [result] = loose_files(demo_ctx, dossier)
    assert result.uuid == uuid and result.filename == f"ket-qua-{dossier.code}.pdf"
    assert result.upload_state == "pending"
    with demo_ctx.store.session() as s:
        [job] = s.scalars(select(OcrJob).where(OcrJob.attachment_id == result.id)).all()
        assert job.state == "queued"  # its text layer, as a paper's copy gets
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "capture.attach")).one()
        assert audit.detail["result"] is True and audit.detail["paper_position"] is None
    # A file not tied to a paper that is not the result keeps its own name.
    other = demo_ctx.capture.spool.open_session(
        "dossier:" + dossier.uuid + ":row3", None, "Giấy khác", dossier.code
    )
    other.insert_files([vietnamese_pdf(tmp_path / "khac.pdf")])
    demo_ctx.capture.attach(other, dossier.code, "demo")
    assert [a.filename for a in loose_files(demo_ctx, dossier)] == [
        f"ket-qua-{dossier.code}.pdf",
        f"{dossier.code}-Giay-khac.pdf",
    ]


def test_the_result_is_signed_into_a_version_that_verifies_and_is_queued(
    demo_ctx, dossier, tokens, tmp_path
):
    configure(demo_ctx, tokens)
    paper = attach_scan(demo_ctx, dossier, tmp_path)
    result = attach_result(demo_ctx, dossier, tmp_path)
    with demo_ctx.store.write() as s:  # as the OCR worker leaves a file that kept its text
        s.execute(update(OcrJob).values(state="done"))

    report = service(demo_ctx, ocr_installed=True).sign_attachment(
        dossier.code, result, PIN, "demo"
    )

    [signed] = report.signed
    assert (signed.signer, signed.signed_from, signed.position) == (SIGNER_NAME, result, None)
    before, after = loose_files(demo_ctx, dossier)
    assert before.uuid == result and after.uuid == signed.attachment_uuid  # the scan stays
    assert after.filename == f"ket-qua-{dossier.code}-ky-so.pdf"
    assert after.upload_state == "pending"
    data = sealed_files.read(demo_ctx.capture.attachments_dir, after.path)
    verdict = verify_bytes(data, load_trust_roots([tokens.trust_dir]))
    assert verdict.valid and [v.signer for v in verdict.signatures] == [SIGNER_NAME]
    with demo_ctx.store.session() as s:
        queued = s.scalars(select(OutboxOp).where(OutboxOp.entity_uuid == dossier.uuid)).all()
        assert any(after.uuid in str(op.payload) for op in queued)
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "signing.signed")).one()
        assert audit.detail["attachment"] == result and audit.detail["paper_position"] is None
    assert [c.uuid for c in copies(demo_ctx, dossier, 1)] == [paper]  # the paper: untouched
