"""The scan panel on the real service: files dropped or inserted where the officer points, a
page scanned into the middle of a paper, all written to the session on disk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from hcc_desk.core.capture.model import ColourMode, Source
from hcc_desk.ui.capture.scan_panel import PaperTarget, ScanPanel

from .fakes import page_image


@pytest.fixture
def panel(qtbot, ctx, runner):
    p = ScanPanel(ctx.capture, runner, officer_username="demo")
    qtbot.addWidget(p)
    p.install_shortcuts(p)
    p.resize(900, 700)
    p.show()
    p.set_target(PaperTarget("draft-x", 1, "Tờ khai"))
    yield p
    p.stop()
    runner.wait_idle()


@pytest.fixture
def files(tmp_path):
    png = tmp_path / "a.png"
    page_image(30, (420, 594)).save(png, dpi=(150, 150))
    jpg = tmp_path / "b.jpg"
    page_image(90, (420, 594)).convert("RGB").save(jpg, quality=80, dpi=(150, 150))
    return png, jpg


def ids(panel):
    return [p.id for p in panel.review.session.pages()]


def test_files_dropped_on_the_panel_become_pages(qtbot, qapp, panel, files):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    args = (
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(*args)
    qapp.sendEvent(panel, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(panel.files_imported, timeout=20_000) as done:
        qapp.sendEvent(panel, QDropEvent(*args))
    assert done.args == [2]
    pages = panel.review.session.pages()
    assert [p.path.suffix for p in pages] == [".png", ".jpg"]  # the JPEG is kept as it is
    assert pages[1].path.read_bytes() == files[1].read_bytes()
    assert panel.review.model.rowCount() == 2
    assert "2 trang" in panel.title.text()


def test_files_inserted_after_the_selected_page(qtbot, panel, files):
    with qtbot.waitSignal(panel.files_imported, timeout=20_000):
        panel.add_files(list(files))
    before = ids(panel)
    panel.review.select_row(0)
    with qtbot.waitSignal(panel.files_imported, timeout=20_000):
        # What "Chèn tệp…" does once the officer picked the file in the dialog.
        panel.add_files([files[0]], insert_at=panel.review.insert_at())
    after = ids(panel)
    assert len(after) == 3 and after[0] == before[0] and after[2] == before[1]
    assert panel.review.selected_id() == after[1]  # the inserted page is shown


def test_scanned_page_inserted_after_the_selected_page(qtbot, panel, files, sane_test_device):
    with qtbot.waitSignal(panel.files_imported, timeout=20_000):
        panel.add_files(list(files))
    before = ids(panel)
    with qtbot.waitSignal(panel.chooser.devices_loaded, timeout=30_000):
        panel.chooser.find_devices()
    panel.chooser.select(Source.FLATBED, 100, ColourMode.GRAY)
    panel.review.select_row(0)
    with qtbot.waitSignal(panel.batch_finished, timeout=60_000) as done:
        panel.review.insert_scan_button.click()
    new = done.args[0].pages[0].id
    assert ids(panel) == [before[0], new, before[1]]
    assert [p.id for p in panel.review.pages()] == ids(panel)


def test_file_dialog_opens_without_blocking(qtbot, panel):
    panel.files_button.click()
    dialog = panel.importer.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    assert panel.importer.dialog is None
