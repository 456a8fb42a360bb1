"""The intake screen scanning on the real capture service and SANE's test device: an ADF batch
arrives page by page, a jam keeps the pages and the batch continues, the pages are attached to
the right checklist paper once the dossier is saved."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from hcc_desk.core.capture.model import ColourMode, ScanFault, Source
from hcc_desk.core.store.models import Attachment, Dossier
from hcc_desk.ui.intake_view import IntakeView

from ..conftest import press_enter, type_text

QR = (
    "046090001234|197123456|Nguyễn Văn Ánh|15031990|Nam|"
    "12 Lê Lợi, phường Thuận Hóa, thành phố Huế|20072021"
)
BATCH = 150_000  # ms: ten A4 pages through the worker, on a loaded 2-core machine


@pytest.fixture
def view(qtbot, ctx, officer, runner, sane_test_device):
    v = IntakeView(ctx, officer, runner, autosave_ms=50)
    qtbot.addWidget(v)
    v.resize(1400, 1000)
    v.show()
    v.activateWindow()
    qtbot.waitUntil(v.isActiveWindow, timeout=10_000)  # F7 goes to the active window
    yield v
    v.capture.stop()
    runner.wait_idle()


def fill_form(qtbot, view):
    view.ui.qr_edit.setFocus()
    type_text(view.ui.qr_edit, QR)
    press_enter(view.ui.qr_edit)
    type_text(view.ui.submitter.ui.phone, "0912345678")
    view.ui.procedure_search.setFocus()
    type_text(view.ui.procedure_search, "cap doi the can cuoc")
    qtbot.waitUntil(lambda: view.ui.procedure_list.count() > 0, timeout=20_000)
    press_enter(view.ui.procedure_search)
    qtbot.waitUntil(lambda: view.ui.papers_table.row_count() == 3, timeout=20_000)


def click_paper(view, row):
    table = view.ui.papers_table
    rect = table.visualItemRect(table.item(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.current_row() == row


def choose_feeder(qtbot, panel, resolution=150, mode=ColourMode.GRAY):
    with qtbot.waitSignal(panel.chooser.devices_loaded, timeout=30_000):
        panel.chooser.find_devices()
    names = [panel.chooser.device_box.itemData(i) for i in range(panel.chooser.device_box.count())]
    assert "test:0" in names
    panel.chooser.device_box.setCurrentIndex(names.index("test:0"))
    panel.chooser.select(Source.ADF, resolution, mode)
    profile = panel.chooser.profile()
    assert (profile.source, profile.resolution, profile.mode) == (Source.ADF, resolution, mode)


def test_feeder_batch_arrives_page_by_page_and_is_attached_after_save(qtbot, view, ctx):
    fill_form(qtbot, view)
    table, panel = view.ui.papers_table, view.capture.panel
    assert not any(table.is_checked(r) for r in range(3))
    click_paper(view, 1)  # the second paper; the first stays "not received"
    choose_feeder(qtbot, panel)
    seen = []
    panel.review.model.rowsInserted.connect(lambda *_: seen.append(panel.review.model.rowCount()))
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH) as done:
        QTest.keyClick(view.ui.notes, Qt.Key.Key_F7)
        assert panel.is_scanning()
        type_text(view.ui.notes, "ghi chú")  # typing goes on while the feeder runs
    outcome = done.args[0]
    assert outcome.fault is None, outcome.detail
    assert view.ui.notes.toPlainText() == "ghi chú"
    assert len(outcome.pages) == 10  # the test feeder holds ten sheets
    assert seen == list(range(1, 11))  # thumbnails appeared one by one
    assert panel.review.model.rowCount() == 10
    assert table.is_checked(1) and table.scan_text(1) == "10 tr."  # scanned means received
    assert "Đã quét xong 10 trang" in panel.status.text()

    with (
        qtbot.waitSignal(view.capture.attached, timeout=60_000) as att,
        qtbot.waitSignal(view.submitted, timeout=20_000) as sub,
    ):
        view.save()
    code, report = att.args
    assert code == sub.args[0].code and report.failed == [] and report.pages == 10
    # Only the second paper was received, so in the saved dossier it is paper number 1.
    with ctx.store.session() as s:
        dossier = s.scalar(select(Dossier).where(Dossier.code == code))
        assert [p.name for p in dossier.papers] == [table_name(ctx, 1)]
        rows = s.scalars(select(Attachment).where(Attachment.dossier_id == dossier.id)).all()
        assert [(a.paper_position, a.content_type) for a in rows] == [(1, "application/pdf")]
        att_uuid = rows[0].uuid
    pdf = pdfium.PdfDocument(ctx.capture.attachment_bytes(att_uuid))
    assert len(pdf) == 10
    pdf.close()
    assert ctx.capture.spool.recoverable() == []
    assert table.row_count() == 0 and panel.target is None  # the form is ready for the next one


def table_name(ctx, row):
    proc = ctx.catalogue.search("cap doi the can cuoc")[0]
    return proc.papers[row].name


def test_jam_keeps_pages_and_the_batch_continues(qtbot, view):
    fill_form(qtbot, view)
    panel = view.capture.panel
    click_paper(view, 0)
    choose_feeder(qtbot, panel, resolution=100)
    panel.scan_options = {"options_after_pages": {3: {"read-return-value": "SANE_STATUS_JAMMED"}}}
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH) as done:
        panel.scan_button.click()
    assert done.args[0].fault == ScanFault.JAMMED
    assert panel.faults.isVisible()
    assert ScanFault.JAMMED.message in panel.faults.message()
    assert "Đã giữ 3 trang" in panel.faults.message()
    assert panel.review.model.rowCount() == 3 and len(panel.review.session.pages()) == 3
    assert panel.review.rotate_right_button.isEnabled()  # the pages can be reviewed meanwhile

    panel.scan_options = {}  # the jam is cleared
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH) as done:
        panel.faults.continue_button.click()
    assert done.args[0].fault is None
    assert not panel.faults.isVisible()
    assert panel.review.model.rowCount() == 3 + len(done.args[0].pages) > 3
    assert view.ui.papers_table.scan_text(0) == f"{panel.review.model.rowCount()} tr."


@pytest.mark.parametrize(
    ("status", "fault"),
    [
        ("SANE_STATUS_COVER_OPEN", ScanFault.COVER_OPEN),
        ("SANE_STATUS_IO_ERROR", ScanFault.IO_ERROR),
        ("SANE_STATUS_DEVICE_BUSY", ScanFault.DEVICE_BUSY),
    ],
)
def test_fault_message_then_retry(qtbot, view, status, fault):
    fill_form(qtbot, view)
    panel = view.capture.panel
    click_paper(view, 2)
    choose_feeder(qtbot, panel, resolution=100)
    panel.scan_options = {"options_after_pages": {1: {"read-return-value": status}}}
    panel.review.view.setFocus()
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH):
        QTest.keyClick(panel.review.view, Qt.Key.Key_F7)  # F7 from inside the panel too
    assert fault.message in panel.faults.message() and "Đã giữ 1 trang" in panel.faults.message()
    panel.scan_options = {}
    searches = []
    panel.chooser.devices_loaded.connect(searches.append)
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH) as done:
        panel.faults.retry_button.click()
    assert done.args[0].fault is None
    # A busy scanner may be back under another name: it is looked for again first.
    assert searches == ([2] if fault == ScanFault.DEVICE_BUSY else [])
    assert panel.review.model.rowCount() > 1


def test_save_waits_for_the_batch(qtbot, view):
    fill_form(qtbot, view)
    panel = view.capture.panel
    click_paper(view, 0)
    choose_feeder(qtbot, panel, resolution=100)
    panel.scan_options = {"extra_options": {"read-delay": True, "read-delay-duration": 200_000}}
    panel.scan()
    assert panel.is_scanning()
    view.save()
    assert view.banner.kind() == "warning" and "Đang quét" in view.banner.text()
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH) as done:
        panel.cancel_button.click()
    assert done.args[0].fault == ScanFault.CANCELLED
    assert "Đã dừng quét" in panel.status.text()


@pytest.mark.expect_log_warnings  # a crashed scanner driver is a WARNING
def test_killed_scanner_worker_leaves_the_screen_working(qtbot, view):
    import os
    import signal

    fill_form(qtbot, view)
    panel = view.capture.panel
    click_paper(view, 0)
    choose_feeder(qtbot, panel, resolution=100)
    workers: list[int] = []
    panel.scan_options = {
        "on_worker": workers.append,
        "extra_options": {"read-delay": True, "read-delay-duration": 20_000},
    }

    killed: list[int] = []

    def kill_after_first_page(_session):
        if workers and not killed and panel.review.model.rowCount() == 1:
            killed.append(workers[0])
            os.kill(workers[0], signal.SIGKILL)  # the driver "crashes" mid-batch

    panel.pages_changed.connect(kill_after_first_page)
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH) as done:
        panel.scan()
    assert killed and done.args[0].fault == ScanFault.WORKER_DIED
    assert ScanFault.WORKER_DIED.message in panel.faults.message()
    kept = panel.review.model.rowCount()
    assert kept >= 1 and len(panel.review.session.pages()) == kept
    panel.pages_changed.disconnect(kill_after_first_page)
    panel.scan_options = {}
    with qtbot.waitSignal(panel.batch_finished, timeout=BATCH) as done:
        panel.faults.continue_button.click()  # a new worker, the batch goes on
    assert done.args[0].fault is None
    assert panel.review.model.rowCount() > kept
