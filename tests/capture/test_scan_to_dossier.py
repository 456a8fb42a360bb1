"""End to end on the real SANE test device: scanner worker → spool → PDF → the dossier's
attachment for the right checklist paper, queued for central like any attachment."""

from sqlalchemy import select

from hcc_desk.core import sealed_files
from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
from hcc_desk.core.store.models import Attachment, AuditLog, OutboxOp

GRID = {"test-picture": "Grid"}


def _pdf_page_count(data: bytes):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def test_ten_page_feeder_batch_becomes_one_pdf_on_the_right_paper(
    demo_ctx, saved_dossier, sane_test_device
):
    capture = demo_ctx.capture
    session = capture.spool.open_session(
        "dossier:" + saved_dossier.uuid, 2, saved_dossier.papers[1].name, saved_dossier.code
    )
    profile = ScanProfile(sane_test_device, Source.ADF, 300, ColourMode.LINEART)
    seen, progress = [], []
    outcome = capture.scan(
        session,
        profile,
        on_page=lambda p: seen.append(p),
        on_progress=progress.append,
        officer_username="demo",
        extra_options=GRID,
    )

    assert outcome.fault is None, outcome.detail
    assert len(outcome.pages) == 10 == len(seen)  # the test feeder holds 10 sheets
    assert all(p.path.is_file() and p.thumb_path.is_file() for p in seen)  # on disk first
    assert [p.id for p in session.pages()] == [p.id for p in seen]
    assert all((p.width, p.height) == (2480, 3507) for p in seen)  # A4 at 300 dpi
    assert progress and progress[-1] == 1.0

    att_uuid = capture.attach(session, saved_dossier.code, "demo")

    with demo_ctx.store.session() as s:
        att = s.scalar(select(Attachment).where(Attachment.uuid == att_uuid))
        assert att.paper_position == 2
        assert att.content_type == "application/pdf"
        assert att.upload_state == "pending"  # the sync issue's uploader takes it from here
        import hashlib

        stored = sealed_files.read(capture.attachments_dir, att.path)  # decrypted
        assert hashlib.sha256(stored).hexdigest() == att.sha256
        queued = s.scalars(select(OutboxOp).where(OutboxOp.entity_uuid == saved_dossier.uuid)).all()
        assert queued, "the dossier's new state must be queued for central"
        actions = set(s.scalars(select(AuditLog.action)))
    assert _pdf_page_count(stored) == 10
    assert {"capture.scan", "capture.attach"} <= actions
    listed = capture.attachments(saved_dossier.code)
    assert [(a.uuid, a.paper_position, a.page_count) for a in listed] == [(att_uuid, 2, 10)]
    assert capture.spool.recoverable() == []  # attached pages are not offered back
    assert not session.folder.exists()


def test_attach_refuses_a_paper_the_dossier_does_not_have(
    demo_ctx, saved_dossier, sane_test_device
):
    import pytest

    from hcc_desk.services.errors import InvalidInput

    capture = demo_ctx.capture
    session = capture.spool.open_session("k", 99, "Giấy tờ lạ")
    capture.scan(
        session,
        ScanProfile(sane_test_device, Source.FLATBED, 100, ColourMode.GRAY),
        on_page=lambda p: None,
        extra_options=GRID,
    )
    with pytest.raises(InvalidInput) as err:
        capture.attach(session, saved_dossier.code, "demo")
    assert "không có giấy tờ số 99" in err.value.message
    assert len(session.pages()) == 1  # nothing lost
