"""The page review widget against a contract-following session stand-in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from hcc_desk.core.capture.model import ColourMode
from hcc_desk.ui.capture.page_model import BlankRole, PageIdRole
from hcc_desk.ui.capture.page_review import PageReview

from .fakes import FakeSession, page_image


@pytest.fixture
def session(tmp_path):
    s = FakeSession(tmp_path / "spool")
    for shade in (10, 60, 110, 160):
        s.add_page_image(page_image(shade), 150, ColourMode.GRAY)
    return s


@pytest.fixture
def review(qtbot, runner, session):
    w = PageReview(runner)
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    w.set_session(session)
    return w


def ids(review):
    return [
        review.model.data(review.model.index(r, 0), PageIdRole)
        for r in range(review.model.rowCount())
    ]


def session_ids(session):
    return [p.id for p in session.pages()]


def test_thumbnails_follow_the_session_order(review, session):
    assert ids(review) == session_ids(session)
    icon = review.model.data(review.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert not icon.isNull()
    assert review.model.data(review.model.index(2, 0)) == "Trang 3"


def test_drop_reorders_the_session(review, session):
    before = session_ids(session)
    mime = review.model.mimeData([review.model.index(0, 0)])
    # Dropped between the third and fourth thumbnails.
    review.model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert session_ids(session) == [before[1], before[2], before[0], before[3]]
    assert ids(review) == session_ids(session)
    assert review.selected_id() == before[0]  # the moved page stays selected


def test_view_drop_path_uses_move_rows(review, session):
    before = session_ids(session)
    # QListView's internal move calls moveRow(); moving the last page to the front.
    assert review.model.moveRow(QModelIndex(), 3, QModelIndex(), 0)
    assert session_ids(session) == [before[3], *before[:3]]


def test_keyboard_moves_and_rotates(review, session, qtbot):
    before = session_ids(session)
    review.select_row(1)
    review.view.setFocus()
    QTest.keyClick(review.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert session_ids(session)[0] == before[1]
    QTest.keyClick(review.view, Qt.Key.Key_BracketRight)
    QTest.keyClick(review.view, Qt.Key.Key_BracketRight)
    QTest.keyClick(review.view, Qt.Key.Key_BracketLeft)
    assert session.pages()[0].rotation == 90
    review.rotate_left_button.click()
    review.rotate_left_button.click()
    assert session.pages()[0].rotation == 270


def test_rotation_turns_the_thumbnail(review, session):
    review.select_row(0)
    icon = review.model.data(review.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    portrait = icon.pixmap(400, 400).size()
    review.rotate_right()
    icon = review.model.data(review.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    landscape = icon.pixmap(400, 400).size()
    assert portrait.height() > portrait.width()
    assert landscape.width() > landscape.height()


def test_delete_asks_then_deletes(review, session, qtbot):
    before = session_ids(session)
    review.select_row(2)
    review.view.setFocus()
    QTest.keyClick(review.view, Qt.Key.Key_Delete)
    box = review.confirm_box
    assert box is not None and "Xoá trang 3" in box.text()
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert session_ids(session) == before
    review.delete_button.click()
    box = review.confirm_box
    box.defaultButton().click()
    assert session_ids(session) == before[:2] + before[3:]
    assert review.model.rowCount() == 3
    assert review.selected_id() == before[3]  # the next page is selected


def test_blank_page_is_flagged_and_can_be_kept(review, session):
    blank = session.add_page_image(page_image(255), 150, ColourMode.GRAY, blank=True)
    review.refresh()
    row = review.model.row_of(blank.id)
    index = review.model.index(row, 0)
    assert review.model.data(index, BlankRole) is True
    assert "Trang trắng?" in review.model.data(index)
    review.select_row(row)
    assert review.blank_note.isVisible()
    assert review.blank_button.text() == "Không phải trang trắng"
    review.blank_button.click()
    assert session.pages()[row].blank is False
    assert "Trang trắng?" not in review.model.data(review.model.index(row, 0))
    assert not review.blank_note.isVisible()
    assert len(session.pages()) == 5  # never dropped


def test_insert_requests_carry_the_position(review, qtbot):
    review.select_row(1)
    with qtbot.waitSignal(review.insert_scan_requested) as got:
        review.insert_scan_button.click()
    assert got.args == [2]
    with qtbot.waitSignal(review.insert_files_requested) as got:
        review.insert_files_button.click()
    assert got.args == [2]


def test_scanning_locks_editing(review, session):
    review.select_row(0)
    review.set_editable(False)
    assert not review.rotate_right_button.isEnabled()
    before = session_ids(session)
    review.move_page(before[0], 3)
    assert session_ids(session) == before
    review.set_editable(True)
    assert review.rotate_right_button.isEnabled()


def test_preview_shows_the_selected_page(review, runner, qtbot):
    review.select_row(0)
    qtbot.waitUntil(
        lambda: review.preview.pixmap() is not None and not review.preview.pixmap().isNull(),
        timeout=10_000,
    )
    assert review.preview.pixmap().height() > review.preview.pixmap().width()


def test_page_arrival_appends_and_selects(review, session):
    page = session.add_page_image(page_image(30), 150, ColourMode.GRAY)
    review.page_arrived(page)
    assert ids(review)[-1] == page.id
    assert review.selected_id() == page.id


def drop_at(qapp, view, pos, mime, action):
    """A drag entering the thumbnails, moving to ``pos`` and dropping there."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    viewport = view.viewport()
    args = (pos, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(*args), QDragMoveEvent(*args), QDropEvent(*args)):
        qapp.sendEvent(viewport, event)
    return event.isAccepted()


def test_dropping_on_the_view_reorders(review, session, qapp):
    from PySide6.QtCore import QPointF

    before = session_ids(session)
    review.view.doItemsLayout()
    first = review.view.visualRect(review.model.index(0, 0))
    # The left part of the first thumbnail: "insert before page 1".
    mime = review.model.mimeData([review.model.index(3, 0)])
    assert drop_at(
        qapp,
        review.view,
        QPointF(first.left() + 5, first.center().y()),
        mime,
        Qt.DropAction.MoveAction,
    )
    assert session_ids(session) == [before[3], *before[:3]]
    # The right part of the first thumbnail: "after page 1".
    mime = review.model.mimeData([review.model.index(2, 0)])
    drop_at(
        qapp,
        review.view,
        QPointF(first.right() - 5, first.center().y()),
        mime,
        Qt.DropAction.MoveAction,
    )
    assert session_ids(session) == [before[3], before[1], before[0], before[2]]


def test_dropping_files_asks_to_insert_them(review, qapp, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl

    scan = tmp_path / "letter.png"
    page_image(40).save(scan)
    (tmp_path / "notes.txt").write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    review.view.doItemsLayout()
    second = review.view.visualRect(review.model.index(1, 0))
    with qtbot.waitSignal(review.files_dropped) as got:
        drop_at(
            qapp,
            review.view,
            QPointF(second.left() + 5, second.center().y()),
            mime,
            Qt.DropAction.CopyAction,
        )
    assert got.args == [[scan], 1]  # the text file is not a page
