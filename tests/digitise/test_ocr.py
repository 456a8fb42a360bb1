"""Searchable digitised papers (issue 14, item 1): a Vietnamese text layer by OCRmyPDF and
Tesseract (``vie``) in PDF/A-2b, digital PDFs left with their own text, the desk's background
job after save (durable across a killed process), and dossier search inside papers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from hcc_desk.core import sealed_files
from hcc_desk.core.digitise import ocr
from hcc_desk.core.store.models import Attachment, AuditLog, OcrJob, OutboxOp, PaperText
from tests.support.demo_dossier import save_demo_dossier
from tests.support.waits import wait_until

from .ocr_fixtures import digital_page, pdftotext, scanned_page, xmp_pdfaid

OCR_WAIT = 240  # seconds: one page takes ~3 s alone, far more on a loaded CI machine


@pytest.fixture
def saved_dossier(demo_ctx):
    """A dossier saved through the intake service (tests/support/demo_dossier.py)."""
    return save_demo_dossier(demo_ctx)


def _attach_rendered_page(ctx, dossier, tmp_path: Path) -> str:
    """The officer adds the paper from a file: the desk renders it into scanned pages."""
    capture = ctx.capture
    session = capture.spool.open_session(
        "dossier:" + dossier.uuid, 1, dossier.papers[0].name, dossier.code
    )
    session.insert_files([digital_page(tmp_path / "giay-khai-sinh.pdf")])
    return capture.attach(session, dossier.code, "demo")


def _job(ctx, attachment_uuid: str) -> OcrJob | None:
    with ctx.store.session() as s:
        return s.scalar(
            select(OcrJob)
            .join(Attachment, Attachment.id == OcrJob.attachment_id)
            .where(Attachment.uuid == attachment_uuid)
        )


# --- the OCR step itself ----------------------------------------------------------------------
def test_rendered_scan_gets_a_vietnamese_text_layer_in_pdfa_2b(ocr_ready, tmp_path):
    scan = scanned_page(tmp_path / "scan.pdf")
    assert pdftotext(scan).strip() == ""  # an image only, as from a scanner

    result = ocr.ocr_pdf(scan, tmp_path / "out.pdf")

    assert result.output == tmp_path / "out.pdf" and result.pages == 1 and result.pdfa
    text = pdftotext(result.output)
    for words in ("GIẤY KHAI SINH", "Nguyễn Thị Hương", "Quảng Trị", "Hạnh phúc"):
        assert words in text, (words, text)
    assert "Nguyễn Thị Hương" in result.text  # what the desk indexes
    assert xmp_pdfaid(result.output) == ("2", "B")


def test_a_digital_pdf_keeps_its_own_text(ocr_ready, tmp_path):
    digital = digital_page(tmp_path / "digital.pdf")
    before = digital.read_bytes()

    result = ocr.ocr_pdf(digital, tmp_path / "out.pdf")

    assert result.kept and result.output is None and not (tmp_path / "out.pdf").exists()
    assert digital.read_bytes() == before
    assert result.text == "\n\f\n".join(ocr.page_texts(digital))
    assert "Giấy khai sinh được cấp" in result.text


def test_missing_tesseract_is_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    scan = scanned_page(tmp_path / "scan.pdf")
    with pytest.raises(ocr.OcrUnavailable) as caught:
        ocr.ocr_pdf(scan, tmp_path / "out.pdf")
    assert caught.value.msg_id == "ocr.no_tesseract"
    assert "tesseract-ocr" in caught.value.text("vi") and "tesseract-ocr" in caught.value.text("en")
    assert not (tmp_path / "out.pdf").exists()


def test_a_file_that_is_no_pdf_is_refused_clearly(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(ocr.OcrFailed) as caught:
        ocr.ocr_pdf(bad, tmp_path / "out.pdf")
    assert caught.value.msg_id == "ocr.unreadable"


# --- the desk's background job and search -----------------------------------------------------
def test_scanned_paper_from_the_sane_test_device_gets_its_text_layer_after_save(
    ocr_ready, demo_ctx, saved_dossier, sane_test_device
):
    from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source

    capture = demo_ctx.capture
    session = capture.spool.open_session(
        "dossier:" + saved_dossier.uuid, 2, saved_dossier.papers[1].name, saved_dossier.code
    )
    profile = ScanProfile(sane_test_device, Source.FLATBED, 150, ColourMode.GRAY)
    outcome = capture.scan(
        session,
        profile,
        on_page=lambda _p: None,
        officer_username="demo",
        extra_options={"test-picture": "Grid"},
    )
    assert outcome.fault is None and len(outcome.pages) == 1, outcome.detail
    original = capture.attach(session, saved_dossier.code, "demo")
    assert _job(demo_ctx, original).state == "queued"  # queued with the attachment

    assert demo_ctx.ocr.run_until_idle() == 1

    job = _job(demo_ctx, original)
    assert job.state == "done" and job.attempts == 1 and job.result_attachment_id is not None
    with demo_ctx.store.session() as s:
        version = s.get(Attachment, job.result_attachment_id)
        data = sealed_files.read(capture.attachments_dir, version.path)
        assert version.paper_position == 2 and version.upload_state == "pending"
        assert version.filename.endswith("-ocr.pdf")
        queued = s.scalars(select(OutboxOp).where(OutboxOp.entity_uuid == saved_dossier.uuid))
        assert any(version.uuid in str(op.payload) for op in queued)  # central will list it
        assert "ocr.text_layer" in set(s.scalars(select(AuditLog.action)))
    out = Path(demo_ctx.profile.root) / "check.pdf"
    out.write_bytes(data)
    assert xmp_pdfaid(out) == ("2", "B")
    assert [a.uuid for a in capture.attachments(saved_dossier.code)] == [version.uuid]


def test_a_copy_made_while_ocr_ran_stays_the_papers_newest(
    ocr_ready, demo_ctx, saved_dossier, tmp_path
):
    """A signed copy added while the scan waited for its text layer: the text is kept for
    search, but no text-layer version is put after the signed copy."""
    from hcc_desk.core.store.models import Dossier
    from hcc_desk.core.sync.attachments import add_attachment

    original = _attach_rendered_page(demo_ctx, saved_dossier, tmp_path)
    with demo_ctx.store.write() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.uuid == saved_dossier.uuid))
        signed = add_attachment(
            s, dossier, demo_ctx.capture.attachments_dir, b"%PDF-1.7 signed copy",
            filename="giay-khai-sinh-ky-so.pdf", content_type="application/pdf", paper_position=1,
        )  # fmt: skip
        s.flush()
        signed_uuid = signed.uuid

    assert demo_ctx.ocr.run_until_idle() == 1
    job = _job(demo_ctx, original)
    assert job.state == "done" and job.result_attachment_id is None
    with demo_ctx.store.session() as s:
        newest = s.scalars(
            select(Attachment).where(Attachment.paper_position == 1).order_by(Attachment.id.desc())
        ).first()
        assert newest.uuid == signed_uuid
        texts = s.scalars(select(PaperText.text)).all()
    assert any("Hương" in t or "khai sinh" in t.lower() for t in texts)  # still searchable


def test_search_finds_a_dossier_by_a_word_inside_its_paper(
    ocr_ready, demo_ctx, saved_dossier, tmp_path
):
    from hcc_desk.services.ocr import OcrService

    # As the desk's worker, minus the pause after a desk's start.
    service = OcrService(demo_ctx.store, demo_ctx.profile.root, first_delay=0)
    service.start_background()
    try:
        original = _attach_rendered_page(demo_ctx, saved_dossier, tmp_path)
        # The save's commit wakes the worker; nothing here runs OCR itself.
        wait_until(
            lambda: _job(demo_ctx, original).state == "done",
            OCR_WAIT,
            "the background OCR job",
            interval=0.2,
        )
    finally:
        service.stop()
    with demo_ctx.store.session() as s:
        texts = s.scalars(select(PaperText.text)).all()
    assert len(texts) == 1 and "Quảng Trị" in texts[0]

    # Accent-free, as names are searched; the citizen's name does not contain these words.
    [row] = demo_ctx.dossiers.search("quang tri", "demo")
    assert row.code == saved_dossier.code
    assert row.matched_papers == (saved_dossier.papers[0].name,)
    [row] = demo_ctx.dossiers.search("Bệnh viện Đa khoa", "demo")
    assert row.code == saved_dossier.code
    assert demo_ctx.dossiers.search("quang binh", "demo") == []
    [both] = demo_ctx.dossiers.search("nguyen thi huong", "demo")  # her name, in the paper too
    assert both.code == saved_dossier.code
    assert both.matched_papers == (saved_dossier.papers[0].name,)


CHILD = textwrap.dedent(
    """
    import sys
    from hcc_desk.app import open_context
    ctx = open_context(sys.argv[1])
    ctx.ocr.run_until_idle()
    """
)


def test_a_job_cut_short_by_a_killed_desk_resumes_at_the_next_start(
    ocr_ready, demo_ctx, saved_dossier, tmp_path
):
    original = _attach_rendered_page(demo_ctx, saved_dossier, tmp_path)
    profile = str(demo_ctx.profile.root)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, profile], start_new_session=True, cwd=os.getcwd()
    )
    try:
        wait_until(lambda: _job(demo_ctx, original).state == "running", 60, "the OCR job to start")
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the desk dies mid-OCR
        child.wait()
    job = _job(demo_ctx, original)
    assert job.state == "running" and job.attempts == 1 and job.result_attachment_id is None

    assert demo_ctx.ocr.run_until_idle() == 1  # the next start

    job = _job(demo_ctx, original)
    assert job.state == "done" and job.attempts == 2 and job.result_attachment_id is not None
    with demo_ctx.store.session() as s:
        assert s.scalar(
            select(PaperText.text).where(PaperText.attachment_id == job.result_attachment_id)
        )


def test_without_tesseract_jobs_wait_in_the_queue(demo_ctx, saved_dossier, tmp_path, monkeypatch):
    original = _attach_rendered_page(demo_ctx, saved_dossier, tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))

    assert demo_ctx.ocr.run_until_idle() == -1

    job = _job(demo_ctx, original)
    assert (job.state, job.attempts) == ("queued", 0)  # taken up once Tesseract is installed


# --- hcc-desk digitise --ocr ------------------------------------------------------------------
def test_cli_digitise_ocr_writes_a_searchable_pdfa(ocr_ready, tmp_path, capsys):
    from hcc_desk.cli import main

    scan = scanned_page(tmp_path / "scan.pdf")
    out = tmp_path / "searchable.pdf"
    profile = ["--profile", str(tmp_path / "desk")]

    assert main(["digitise", str(scan), "--out", str(out), "--ocr", *profile]) == 0

    assert "Đã thêm lớp chữ tiếng Việt" in capsys.readouterr().out
    assert "Nguyễn Thị Hương" in pdftotext(out)
    assert xmp_pdfaid(out) == ("2", "B")


def test_cli_digitise_ocr_without_tesseract_says_what_to_install(tmp_path, capsys, monkeypatch):
    from hcc_desk.cli import main

    scan = scanned_page(tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "searchable.pdf"

    code = main(["digitise", str(scan), "--out", str(out), "--ocr", "--profile", str(tmp_path)])

    err = capsys.readouterr().err
    assert code == 1 and "tesseract-ocr" in err and "Traceback" not in err
    assert not out.exists()


def test_search_results_show_which_paper_matched(qtbot):
    from PySide6.QtCore import Qt

    from hcc_desk.core.store.records import DossierSummary
    from hcc_desk.ui.dossier_model import DossierTableModel

    row = DossierSummary(
        "u-1",
        "000.00.52.H57-261125-0001",
        datetime(2026, 11, 25, 9),
        None,
        2,
        "Đăng ký khai sinh",
        "Nguyễn Thị Hương",
        None,
        None,
        None,
        "UBND xã",
        matched_papers=("Giấy chứng sinh",),
    )
    model = DossierTableModel()
    other = DossierSummary(
        "u-2",
        "000.00.52.H57-261125-0002",
        datetime(2026, 11, 25, 10),
        None,
        2,
        "Đăng ký khai sinh",
        "Trần Văn Bình",
        None,
        None,
        None,
        "UBND xã",
    )
    model.set_rows([row, other])

    shown = model.data(model.index(0, 2), Qt.ItemDataRole.DisplayRole)
    assert shown == "Nguyễn Thị Hương · 📄 Giấy chứng sinh"
    assert "📄 Giấy chứng sinh" in model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, 2), Qt.ItemDataRole.DisplayRole) == "Trần Văn Bình"


def test_the_text_layer_version_reaches_central_byte_identical(ocr_ready, tmp_path):
    """The scan is already on central when its text layer is made: the new version is a new
    attachment that central accepts and stores byte for byte, the scan untouched beside it."""
    import hashlib

    from hcc_central.models import Attachment as CentralAttachment
    from hcc_central.store import FileStore
    from tests.capture.test_scan_reaches_central import _enrolled_desk
    from tests.services.after_intake_helpers import intake

    with _central(tmp_path) as (live, store_dir):
        ctx = _enrolled_desk(live, tmp_path / "quay1")
        try:
            code = intake(ctx, datetime(2026, 11, 25, 9, 0), "lan")
            detail = ctx.dossiers.detail(code, "lan")
            original = _attach_rendered_page(ctx, detail, tmp_path)
            assert ctx.sync.run_until_idle(60)[0]

            assert ctx.ocr.run_until_idle() == 1
            assert ctx.sync.run_until_idle(60)[0]

            version_id = _job(ctx, original).result_attachment_id
            with ctx.store.session() as s:
                rows = {a.uuid: a for a in s.scalars(select(Attachment))}
                version = s.get(Attachment, version_id)
                local = {
                    u: sealed_files.read(ctx.capture.attachments_dir, a.path)
                    for u, a in rows.items()
                }
            assert set(rows) == {original, version.uuid}
            assert {a.upload_state for a in rows.values()} == {"done"}
            for att_uuid, data in local.items():
                with live.db.read() as s:
                    row = s.get(CentralAttachment, att_uuid)
                assert row is not None and row.dossier_uuid == detail.uuid
                assert (row.size, row.sha256) == (len(data), hashlib.sha256(data).hexdigest())
                assert FileStore(store_dir).blob_path(row.sha256).read_bytes() == data
            assert "Quảng Trị" in pdftotext_bytes(local[version.uuid], tmp_path)
        finally:
            ctx.close()


@contextmanager
def _central(tmp_path: Path) -> Iterator[tuple[object, Path]]:
    """A real hcc-central on loopback (SQLite), as tests/capture/test_scan_reaches_central.py."""
    from hcc_central.db import Database
    from hcc_central.migrate import upgrade
    from hcc_central.settings import Settings
    from tests.central.live import LiveServer

    root = tmp_path / "central"
    root.mkdir()
    url = f"sqlite:///{root / 'central.db'}"
    db = Database(url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    live = LiveServer(Settings(db_url=url, store_dir=root / "store")).start()
    try:
        yield live, root / "store"
    finally:
        live.stop()


def pdftotext_bytes(data: bytes, folder: Path) -> str:
    path = folder / "from-central.pdf"
    path.write_bytes(data)
    return pdftotext(path)
