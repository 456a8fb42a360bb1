"""Pages left by a crash are offered back; a saved dossier's papers are scanned from today's
list; the counter's scan profile is remembered. Real services on a temporary profile."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from hcc_desk.app import open_context
from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source
from hcc_desk.core.store.models import AuditLog, SyncState
from hcc_desk.services.intake_request import (
    IntakeRequest,
    PaperInput,
    PersonInput,
    request_from_dict,
)
from hcc_desk.ui.capture.scan_panel import PaperTarget, ScanPanel
from hcc_desk.ui.intake_view import IntakeView
from hcc_desk.ui.today_view import TodayView

from .fakes import page_image
from .test_intake_scanning import QR, click_paper, fill_form


def saved_dossier(ctx):
    # Every listed paper handed in (intake names them: the receipt lists exactly those).
    [choice] = [c for c in ctx.catalogue.search("") if c.code == "1.001456"]
    req = IntakeRequest(
        procedure_code="1.001456",
        citizen_qr=QR,
        submitter=PersonInput(phone="0912345678"),
        papers=[
            PaperInput(p.name, p.originals, p.certified_copies, p.photocopies)
            for p in choice.papers
        ],
    )
    done = ctx.intake.submit(req, "demo")
    return ctx.dossiers.detail(done.code, "demo")


def open_view(qtbot, ctx, officer, runner):
    view = IntakeView(ctx, officer, runner, autosave_ms=50)
    qtbot.addWidget(view)
    view.resize(1400, 1000)
    view.show()
    return view


def reopen(ctx):
    """What the next start of the app sees: a new context on the same profile folder."""
    root = ctx.profile.root
    ctx.close()
    return open_context(root)


def test_pages_left_by_a_crash_are_offered_and_restored(qtbot, ctx, officer, runner):
    dossier = saved_dossier(ctx)
    spool = ctx.capture.spool
    # The last run died with: two pages of an intake whose draft is gone, and one page of a
    # saved dossier's second paper that was never attached.
    orphan = spool.open_session("draft-lost", 2, "Tờ khai")
    for shade in (20, 90):
        orphan.add_page_image(page_image(shade, (420, 594)), 150, ColourMode.GRAY)
    late = spool.open_session("dossier:" + dossier.uuid, 2, dossier.papers[1].name, dossier.code)
    late.add_page_image(page_image(40, (420, 594)), 150, ColourMode.GRAY)

    ctx = reopen(ctx)
    try:
        view = open_view(qtbot, ctx, officer, runner)
        qtbot.waitUntil(
            lambda: view.capture.recovery is not None and view.capture.recovery.box is not None,
            timeout=20_000,
        )
        recovery = view.capture.recovery
        assert "Có 3 trang đã quét chưa lưu" in recovery.box.text()
        assert dossier.code in recovery.box.informativeText()
        restore = recovery.box.defaultButton()
        assert restore.text() == "Khôi phục"
        with qtbot.waitSignal(recovery.finished, timeout=30_000):
            restore.click()
        listed = ctx.capture.attachments(dossier.code)
        assert [(a.paper_position, a.page_count) for a in listed] == [(2, 1)]
        # The lost intake's pages are back on screen, under their own key.
        assert view.drafts.draft_id == "draft-lost"
        panel = view.capture.panel
        assert panel.target.position == 2 and panel.review.model.rowCount() == 2
        assert "Đã khôi phục các trang đã quét (Tờ khai)" in view.banner.text()
        runner.wait_idle()
    finally:
        ctx.close()


def test_discarding_recovered_pages_asks_twice(qtbot, ctx, officer, runner):
    session = ctx.capture.spool.open_session("draft-lost", 1, "Tờ khai")
    session.add_page_image(page_image(20), 150, ColourMode.GRAY)
    ctx = reopen(ctx)
    try:
        view = open_view(qtbot, ctx, officer, runner)
        qtbot.waitUntil(
            lambda: view.capture.recovery is not None and view.capture.recovery.box is not None,
            timeout=20_000,
        )
        recovery = view.capture.recovery
        next(b for b in recovery.box.buttons() if b.text() == "Bỏ các trang này").click()
        confirm = recovery.box
        assert "Không thể hoàn tác" in confirm.text()
        assert confirm.defaultButton().text() == "Giữ lại"  # Enter keeps the scans
        with qtbot.waitSignal(recovery.finished, timeout=20_000):
            next(b for b in confirm.buttons() if b.text() == "Xoá hẳn").click()
        assert ctx.capture.spool.recoverable() == []
        with ctx.store.session() as s:  # throwing scanned personal papers away is audited
            rows = s.scalars(select(AuditLog).where(AuditLog.action == "capture.discard")).all()
        assert [(r.actor, r.entity_uuid, r.detail["pages"]) for r in rows] == [
            ("demo", session.id, 1)
        ]
    finally:
        ctx.close()


def test_pages_of_an_unsaved_draft_come_back_with_the_draft(qtbot, ctx, officer, runner, tmp_path):
    view = open_view(qtbot, ctx, officer, runner)
    fill_form(qtbot, view)
    click_paper(view, 0)
    scan = tmp_path / "to-khai.png"
    page_image(30, (420, 594)).save(scan, dpi=(150, 150))
    panel = view.capture.panel
    with qtbot.waitSignal(panel.files_imported, timeout=20_000):
        panel.add_files([scan])
    assert view.ui.papers_table.scan_text(0) == "1 tr."
    draft_id = view.drafts.draft_id

    def saved_with_its_papers() -> bool:
        # The autosave runs as the form changes: an earlier draft (typed fields, no procedure
        # yet) may be on disk first. The app "dies" only once the last one is saved.
        saved = [d for d in ctx.drafts.pending("demo") if d.draft_id == draft_id]
        return bool(saved) and bool(request_from_dict(saved[0].payload).papers)

    qtbot.waitUntil(saved_with_its_papers, timeout=20_000)
    runner.wait_idle()
    view.close()

    ctx = reopen(ctx)  # the app died before the dossier was saved
    try:
        view = open_view(qtbot, ctx, officer, runner)
        qtbot.waitUntil(
            lambda: view.capture.recovery is not None and view.capture.recovery.done, timeout=20_000
        )
        # Nothing asked: the pages belong to the draft, which the main window offers back.
        assert view.capture.recovery.box is None
        draft = next(d for d in ctx.drafts.pending("demo") if d.draft_id == draft_id)
        runner.wait_idle()  # the screen has finished loading before the officer restores
        view.load_request(request_from_dict(draft.payload), draft.draft_id)  # "Khôi phục"
        qtbot.waitUntil(lambda: view.ui.papers_table.row_count() == 3, timeout=20_000)
        assert view.ui.papers_table.scan_text(0) == "1 tr."
        click_paper(view, 0)
        assert view.capture.panel.review.model.rowCount() == 1
        runner.wait_idle()
    finally:
        ctx.close()


def two_page_pdf(path: Path) -> Path:
    first, second = (page_image(s, (420, 594)).convert("RGB") for s in (10, 120))
    first.save(path, save_all=True, append_images=[second], resolution=150)
    return path


def test_scanning_papers_of_a_saved_dossier_from_todays_list(
    qtbot, ctx, officer, runner, tmp_path, sane_test_device
):
    dossier = saved_dossier(ctx)
    today = TodayView(ctx, officer, runner)
    qtbot.addWidget(today)
    today.show()
    with qtbot.waitSignal(today.loaded, timeout=20_000):
        today.refresh()
    assert today.scan_button.isEnabled()
    dialog = today.open_scan()
    rows = len(dossier.papers) + 1  # the papers, then the result document
    qtbot.waitUntil(lambda: dialog.papers.model().rowCount() == rows, timeout=20_000)
    dialog.select_paper(3)
    panel = dialog.panel
    assert panel.target == PaperTarget(
        "dossier:" + dossier.uuid, 3, dossier.papers[2].name, dossier.code
    )
    with qtbot.waitSignal(panel.files_imported, timeout=20_000):
        panel.add_files([two_page_pdf(tmp_path / "giay.pdf")])
    with qtbot.waitSignal(panel.chooser.devices_loaded, timeout=30_000):
        panel.chooser.find_devices()
    panel.chooser.select(Source.FLATBED, 100, ColourMode.LINEART)
    with qtbot.waitSignal(panel.batch_finished, timeout=60_000) as done:
        panel.scan()  # one more page from the glass
    assert done.args[0].fault is None and len(done.args[0].pages) == 1
    assert "3 trang chưa lưu" in dialog.papers.model().index(2, 0).data()

    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert dialog.report.failed == [] and dialog.report.pages == 3
    assert "đã lưu 3 trang" in dialog.papers.model().index(2, 0).data()
    listed = ctx.capture.attachments(dossier.code)
    assert [(a.paper_position, a.page_count) for a in listed] == [(3, 3)]
    pdf = pdfium.PdfDocument(ctx.capture.attachment_bytes(listed[0].uuid))
    assert len(pdf) == 3
    pdf.close()
    dialog.close()
    assert not dialog.isVisible()
    runner.wait_idle()


def test_size_limit_refusal_keeps_the_pages(qtbot, ctx, officer, runner, tmp_path):
    dossier = saved_dossier(ctx)
    with ctx.store.write() as s:  # central's limits, as an enrolled desk would have them
        s.merge(
            SyncState(id=1, limits={"max_attachment_bytes": 2000, "max_dossier_bytes": 100_000})
        )
    from hcc_desk.ui.capture.dossier_scan import DossierScanDialog

    dialog = DossierScanDialog(ctx, runner, officer, dossier.code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.papers.model().rowCount() > 0, timeout=20_000)
    dialog.select_paper(1)
    with qtbot.waitSignal(dialog.panel.files_imported, timeout=20_000):
        dialog.panel.add_files([two_page_pdf(tmp_path / "giay.pdf")])
    dialog.save()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert dialog.report.attached == []
    message = dialog.panel.faults.message()
    assert "vượt giới hạn" in message and "các trang vẫn còn" in message
    assert dialog.waiting_pages() == 2 and ctx.capture.attachments(dossier.code) == []
    dialog.close()  # pages waiting: asks first
    box = dialog.close_box
    assert box is not None and "Còn 2 trang" in box.text()
    next(b for b in box.buttons() if b.text().startswith("Để sau")).click()
    assert not dialog.isVisible()
    kept = ctx.capture.spool.recoverable()
    assert [(s.dossier_code, len(s.pages())) for s in kept] == [(dossier.code, 2)]
    runner.wait_idle()


def test_scan_profile_is_remembered_for_the_counter(qtbot, ctx, runner, sane_test_device):
    panel = ScanPanel(ctx.capture, runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.chooser.devices_loaded, timeout=30_000):
        panel.chooser.find_devices()
    chooser = panel.chooser
    chooser.device_box.setCurrentIndex(chooser.device_box.findData("test:1"))
    chooser.select(Source.FLATBED, 200, ColourMode.LINEART)
    runner.wait_idle()
    wanted = ScanProfile("test:1", Source.FLATBED, 200, ColourMode.LINEART)
    assert ctx.capture.profile() == wanted

    again = ScanPanel(ctx.capture, runner)
    qtbot.addWidget(again)
    again.start()
    qtbot.waitUntil(lambda: again.chooser.profile() is not None, timeout=10_000)
    assert again.chooser.profile() == wanted  # usable at once, before any device search
    assert not again.chooser.searched


@pytest.mark.parametrize("name", ["notes.txt", "broken.pdf"])
def test_unusable_file_gives_a_clear_message(qtbot, ctx, runner, tmp_path, name):
    panel = ScanPanel(ctx.capture, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_target(PaperTarget("k", 1, "Tờ khai"))
    bad = tmp_path / name
    bad.write_text("không phải giấy tờ")
    with qtbot.waitSignal(panel.files_imported, timeout=20_000):
        panel.add_files([bad])
    assert panel.faults.isVisible() and name in panel.faults.message()
    assert panel.review.model.rowCount() == 0


CRASHING_DESK = """
import sys
from hcc_desk.app import open_context
from hcc_desk.core.capture.model import ColourMode, ScanProfile, Source

if __name__ == "__main__":
    ctx = open_context(sys.argv[1])
    session = ctx.capture.spool.open_session("draft-crashed", 1, "Tờ khai")
    ctx.capture.scan(session, ScanProfile("test:0", Source.ADF, 100, ColourMode.GRAY),
                     on_page=lambda p: print("page", flush=True),
                     on_worker=lambda pid: print("worker", pid, flush=True),
                     extra_options={"read-delay": True, "read-delay-duration": 50000})
"""


def test_pages_survive_a_desk_killed_mid_batch(
    qtbot, ctx, officer, runner, tmp_path, sane_test_device
):
    import os
    import signal
    import subprocess
    import sys

    root = ctx.profile.root
    ctx.close()
    script = tmp_path / "desk.py"
    script.write_text(CRASHING_DESK)
    desk = subprocess.Popen(
        [sys.executable, str(script), str(root)], stdout=subprocess.PIPE, text=True
    )
    worker, pages = None, 0
    try:
        for line in desk.stdout:  # blocks per line; the desk prints as pages reach the disk
            if line.startswith("worker"):
                worker = int(line.split()[1])
            elif line.startswith("page"):
                pages += 1
                if pages == 3:
                    break
    finally:
        desk.kill()  # the PC "dies" in the middle of the feeder batch
        desk.wait(10)
        desk.stdout.close()
        if worker is not None:
            try:
                os.kill(worker, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert pages == 3

    ctx = open_context(root)
    try:
        view = open_view(qtbot, ctx, officer, runner)
        qtbot.waitUntil(
            lambda: view.capture.recovery is not None and view.capture.recovery.box is not None,
            timeout=20_000,
        )
        recovery = view.capture.recovery
        offered = sum(len(s.pages()) for s in recovery.sessions)
        assert offered >= 3  # the pages reported, and any the worker had finished writing
        assert f"Có {offered} trang đã quét chưa lưu" in recovery.box.text()
        with qtbot.waitSignal(recovery.finished, timeout=20_000):
            recovery.box.defaultButton().click()
        panel = view.capture.panel
        assert panel.review.model.rowCount() == offered
        assert all(p.path.is_file() for p in panel.review.pages())
        runner.wait_idle()
    finally:
        ctx.close()
