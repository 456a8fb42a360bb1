"""CaptureService: the counter's profile, size limits (central's when known) enforced before
anything is saved, imports attached like scans, audit rows."""

import pytest
from sqlalchemy import func, select

from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
from hcc_desk.core.store.models import Attachment, AuditLog, SyncState
from hcc_desk.services.capture import DEFAULT_MAX_FILE_BYTES, SizeLimitExceeded, safe_filename
from hcc_desk.services.errors import InvalidInput, NotFound

from .pages import document_page


def _set_central_limits(ctx, per_file, per_dossier):
    with ctx.store.write() as s:
        row = s.get(SyncState, 1)
        if row is None:
            row = SyncState(id=1, cursor=0)
            s.add(row)
        row.limits = {
            "max_attachment_bytes": per_file,
            "max_dossier_bytes": per_dossier,
            "chunk_bytes": 65536,
        }


def _count(ctx, model):
    with ctx.store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _session_with_pages(ctx, dossier, position=1, n=2, tmp=None):
    session = ctx.capture.spool.open_session(
        "dossier:" + dossier.uuid, position, dossier.papers[position - 1].name
    )
    for i in range(n):
        session.add_page_image(document_page(100, seed=i), 100, ColourMode.GRAY)
    return session


def test_profile_is_remembered_for_the_counter(demo_ctx):
    assert demo_ctx.capture.profile() is None
    p = ScanProfile("epson2:net:10.0.0.5", Source.ADF, 200, ColourMode.LINEART)
    demo_ctx.capture.save_profile(p)
    assert demo_ctx.capture.profile() == p


def test_limits_default_then_central(demo_ctx):
    lim = demo_ctx.capture.limits()
    assert (lim.max_file_bytes, lim.from_central) == (DEFAULT_MAX_FILE_BYTES, False)
    _set_central_limits(demo_ctx, 1234, 5678)
    lim = demo_ctx.capture.limits()
    assert (lim.max_file_bytes, lim.max_dossier_bytes, lim.from_central) == (1234, 5678, True)


def test_file_over_the_limit_is_refused_before_anything_is_saved(demo_ctx, saved_dossier):
    session = _session_with_pages(demo_ctx, saved_dossier)
    _set_central_limits(demo_ctx, 20_000, 10**9)
    with pytest.raises(SizeLimitExceeded) as err:
        demo_ctx.capture.attach(session, saved_dossier.code, "demo")
    assert "vượt giới hạn" in err.value.message and "0.0 MB" in err.value.message
    assert "Chưa lưu gì" in err.value.message and err.value.text("en")
    assert _count(demo_ctx, Attachment) == 0
    assert len(session.pages()) == 2 and session.folder.exists()  # nothing lost
    assert not any((demo_ctx.capture.attachments_dir).rglob("*.pdf"))


def test_dossier_total_over_the_limit_is_refused(demo_ctx, saved_dossier):
    first = _session_with_pages(demo_ctx, saved_dossier, 1, n=1)
    demo_ctx.capture.attach(first, saved_dossier.code, "demo")
    size = demo_ctx.capture.attachments(saved_dossier.code)[0].size
    _set_central_limits(demo_ctx, 10**9, size + 1000)
    second = _session_with_pages(demo_ctx, saved_dossier, 2, n=1)
    with pytest.raises(SizeLimitExceeded) as err:
        demo_ctx.capture.attach(second, saved_dossier.code, "demo")
    assert "Tổng dung lượng" in err.value.message
    assert _count(demo_ctx, Attachment) == 1 and len(second.pages()) == 1


def test_imported_files_attach_with_pdfa_and_an_ascii_name(demo_ctx, saved_dossier, tmp_path):
    src = tmp_path / "scan.png"
    document_page(100, seed=8).save(src)
    session = demo_ctx.capture.spool.open_session("draft-x", 3, saved_dossier.papers[2].name)
    session.insert_files([src])
    uuid = demo_ctx.capture.attach(session, saved_dossier.code, "demo", pdfa=True)
    (att,) = demo_ctx.capture.attachments(saved_dossier.code)
    assert att.uuid == uuid and att.paper_position == 3 and att.page_count == 1
    assert att.filename.startswith(saved_dossier.code + "-03-Anh-moi-chup")
    assert att.filename.isascii() and att.filename.endswith(".pdf")
    data = demo_ctx.capture.attachment_bytes(uuid)
    assert b"pdfaid:part" in data
    with demo_ctx.store.session() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "capture.attach")).one()
        assert row.actor == "demo" and row.entity_uuid == saved_dossier.uuid


def test_attach_to_an_unknown_dossier_or_with_no_pages(demo_ctx, saved_dossier):
    session = demo_ctx.capture.spool.open_session("k", 1, "x")
    with pytest.raises(InvalidInput):
        demo_ctx.capture.attach(session, saved_dossier.code, "demo")
    session.add_page_image(document_page(75), 75, ColourMode.GRAY)
    with pytest.raises(NotFound):
        demo_ctx.capture.attach(session, "000.00.00.X00-000000-0000", "demo")
    assert len(session.pages()) == 1


def test_safe_filename():
    assert safe_filename("Đơn đề nghị (bản sao)") == "Don-de-nghi-ban-sao"
    assert safe_filename("???") == "giay-to"
