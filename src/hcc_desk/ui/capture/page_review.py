"""Review of one paper's scanned pages: reorder, rotate, delete, keep or drop blank pages, insert.

Every action is applied to the CaptureSession at once (its manifest is rewritten on disk), then
the thumbnails are redrawn from the session, so what the officer sees is what is saved.
Keyboard: Ctrl+Left/Right move the page, [ and ] rotate, Delete deletes (after a confirmation),
B toggles "blank?"; the larger preview follows the selection. The layout is forms/page_review.ui.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.capture.page_model import THUMB_SIZE, PageListModel
from hcc_desk.ui.forms.ui_page_review import Ui_PageReview
from hcc_desk.ui.tasks import TaskRunner

PREVIEW_SIZE = QSize(420, 560)


class PageReview(QWidget):
    """Signals: changed() after any change to the pages; insert_scan_requested(int) and
    insert_files_requested(int) with the position new pages should take (after the selection);
    files_dropped(list[Path], int) for files dropped between the thumbnails."""

    changed = Signal()
    insert_scan_requested = Signal(int)
    insert_files_requested = Signal(int)
    files_dropped = Signal(list, int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.session: Any = None
        self.confirm_box: QMessageBox | None = None
        self._editable = True
        self._preview_seq = 0
        self.model = PageListModel(self)
        self.model.move_requested.connect(self.move_page)
        self.model.files_dropped.connect(self.files_dropped)
        self._build()
        self._on_current()

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.ui = ui = Ui_PageReview()
        ui.setupUi(self)
        self.view = view = ui.view
        # Sizes from the page model's thumbnails; two flags uic cannot set on a custom view.
        view.setIconSize(THUMB_SIZE)
        view.setGridSize(QSize(THUMB_SIZE.width() + 24, THUMB_SIZE.height() + 56))
        view.setWrapping(True)
        view.setDropIndicatorShown(True)
        view.setModel(self.model)
        view.selectionModel().currentChanged.connect(lambda *_: self._on_current())
        self.model.modelReset.connect(self._sync_buttons)
        self.model.rowsInserted.connect(self._sync_buttons)

        self.preview, self.blank_note = ui.preview, ui.blank_note
        self.preview.installEventFilter(self)  # re-fit the page when the label is resized
        self._preview_image = QImage()
        self.blank_note.hide()

        self.rotate_left_button = self._button(ui.rotate_left_button, "[", self.rotate_left)
        self.rotate_right_button = self._button(ui.rotate_right_button, "]", self.rotate_right)
        self.move_back_button = self._button(ui.move_back_button, "Ctrl+Left", self.move_back)
        self.move_on_button = self._button(ui.move_on_button, "Ctrl+Right", self.move_on)
        self.delete_button = self._button(ui.delete_button, "Delete", self.ask_delete)
        self.blank_button = self._button(ui.blank_button, "B", self.toggle_blank)
        self.blank_button.setMinimumWidth(
            self.blank_button.fontMetrics().horizontalAdvance(self.tr("Không phải trang trắng"))
            + 24
        )  # its text changes; the grid must not jump
        self.insert_scan_button = self._button(
            ui.insert_scan_button, None, lambda: self.insert_scan_requested.emit(self.insert_at())
        )
        self.insert_files_button = self._button(
            ui.insert_files_button, None, lambda: self.insert_files_requested.emit(self.insert_at())
        )

    def _button(
        self, button: QPushButton, key: str | None, slot: Callable[[], None]
    ) -> QPushButton:
        button.clicked.connect(slot)
        if key:
            # Shortcuts act on the thumbnails only, so "[" or Delete typed elsewhere stay text.
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(button.click)
            if not button.toolTip():  # the form's own tip (Delete's) says more
                button.setToolTip(f"{button.text()} ({key})")
        return button

    # -- content ------------------------------------------------------------------------------
    def set_session(self, session: Any) -> None:
        """Show ``session``'s pages (None: nothing to review)."""
        self.session = session
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        """Reload the pages from the session, keeping (or moving) the selection."""
        keep = select_id or self.selected_id()
        self.model.set_pages(self.session.pages() if self.session is not None else [])
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rowCount() > 0:
            row = self.model.rowCount() - 1
        if row >= 0:
            self.select_row(row)
        else:
            self._on_current()
        self.changed.emit()

    def page_arrived(self, page: Any) -> None:
        """A freshly scanned page (already in the session): show it and follow it."""
        if self.model.row_of(page.id) >= 0:
            return
        self.model.append_page(page)
        self.select_row(self.model.rowCount() - 1)
        self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        """While the scanner writes into the session, the officer watches rather than edits."""
        self._editable = editable
        self.view.setDragEnabled(editable)
        self._sync_buttons()

    def pages(self) -> list[Any]:
        return self.model.pages()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def selected_row(self) -> int:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def selected_id(self) -> str | None:
        row = self.selected_row()
        return self.model.page(row).id if row >= 0 else None

    def insert_at(self) -> int:
        """Where inserted pages go: after the selected page, else at the end."""
        row = self.selected_row()
        return row + 1 if row >= 0 else self.model.rowCount()

    # -- actions ------------------------------------------------------------------------------
    def rotate_left(self) -> None:
        self._apply(lambda s, pid: s.rotate(pid, -90))

    def rotate_right(self) -> None:
        self._apply(lambda s, pid: s.rotate(pid, 90))

    def toggle_blank(self) -> None:
        row = self.selected_row()
        if row >= 0:
            blank = not self.model.page(row).blank
            self._apply(lambda s, pid: s.set_blank(pid, blank))

    def move_back(self) -> None:
        row = self.selected_row()
        if row > 0:
            self.move_page(self.model.page(row).id, row - 1)

    def move_on(self) -> None:
        row = self.selected_row()
        if 0 <= row < self.model.rowCount() - 1:
            self.move_page(self.model.page(row).id, row + 1)

    def move_page(self, page_id: str, new_index: int) -> None:
        if self._editable and self.session is not None:
            self._mutate(lambda: self.session.move(page_id, new_index), select_id=page_id)

    def ask_delete(self) -> None:
        """Deleting is the one action that cannot be undone: ask first (Enter confirms)."""
        row = self.selected_row()
        if row < 0 or not self._editable or self.confirm_box is not None:
            return
        page_id = self.model.page(row).id
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Xoá trang"),
            i18n.tr("page_review.delete_page", number=row + 1),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        delete = box.addButton(self.tr("&Xoá"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Giữ lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(delete)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._delete_answer(box.clickedButton() is delete, page_id))
        self.confirm_box = box
        box.open()

    def _delete_answer(self, confirmed: bool, page_id: str) -> None:
        self.confirm_box = None
        if confirmed:
            self.delete_page(page_id)
        self.view.setFocus()

    def delete_page(self, page_id: str) -> None:
        row = self.model.row_of(page_id)
        if row < 0 or self.session is None:
            return
        neighbour = (
            self.model.page(row + 1).id
            if row + 1 < self.model.rowCount()
            else self.model.page(row - 1).id
            if row > 0
            else None
        )
        self._mutate(lambda: self.session.delete(page_id), select_id=neighbour)

    def _apply(self, change: Callable[[Any, str], Any]) -> None:
        page_id = self.selected_id()
        if page_id is not None and self.session is not None and self._editable:
            self._mutate(lambda: change(self.session, page_id), select_id=page_id)

    def _mutate(self, change: Callable[[], Any], select_id: str | None) -> None:
        # A manifest rewrite is a few kilobytes: done here so the next key press sees it.
        try:
            change()
        except OSError as exc:
            errors.show_message(
                self,
                i18n.tr("page_review.save_failed", reason=str(exc)),
                warning=True,
            )
        self.refresh(select_id)

    # -- selection, preview -------------------------------------------------------------------
    def _sync_buttons(self, *_args: Any) -> None:
        has_page = self.selected_row() >= 0
        for button in (
            self.rotate_left_button,
            self.rotate_right_button,
            self.move_back_button,
            self.move_on_button,
            self.delete_button,
            self.blank_button,
        ):
            button.setEnabled(self._editable and has_page)
        for button in (self.insert_scan_button, self.insert_files_button):
            button.setEnabled(self._editable and self.session is not None)

    def _on_current(self) -> None:
        self._sync_buttons()
        row = self.selected_row()
        page = self.model.page(row) if row >= 0 else None
        self.blank_note.setVisible(bool(page is not None and page.blank))
        self.blank_button.setText(
            self.tr("Không phải trang trắng")
            if page is None or page.blank
            else self.tr("Đánh dấu trang trắng")
        )
        self._show_preview(page)

    def _show_preview(self, page: Any) -> None:
        self._preview_seq += 1
        seq = self._preview_seq
        self._preview_image = QImage()
        if page is None:
            self.preview.clear()
            self.preview.setText(self.tr("Chưa có trang nào. Bấm Quét (F7) hoặc Thêm tệp…"))
            return
        path, rotation, box = page.path, page.rotation % 360, PREVIEW_SIZE * 2
        self.preview.setText(self.tr("Đang tải…"))
        # A 300 dpi page is millions of pixels: decode and scale it off the GUI thread.
        self.runner.io(
            lambda: _load_preview(path, rotation, box),
            on_done=lambda image: self._preview_loaded(seq, image),
            owner=self,
        )

    def _preview_loaded(self, seq: int, image: QImage) -> None:
        if seq != self._preview_seq:
            return
        self._preview_image = image
        if image.isNull():
            self.preview.setText(self.tr("Không đọc được ảnh của trang."))
        else:
            self._fit_preview()

    def _fit_preview(self) -> None:
        if self._preview_image.isNull():
            return
        box = self.preview.contentsRect().size()
        self.preview.setPixmap(
            QPixmap.fromImage(
                self._preview_image.scaled(
                    box,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        )

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.preview and event.type() == QEvent.Type.Resize:
            self._fit_preview()
        return super().eventFilter(watched, event)


def _load_preview(path: Any, rotation: int, box: QSize) -> QImage:
    image = QImage(str(path))
    if image.isNull():
        return image
    if rotation:
        image = image.transformed(QTransform().rotate(rotation))
    return image.scaled(
        box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
