"""The thumbnail grid: drag a page between two others to move it there, or drop files to insert.

Qt's own icon-mode drop decides "above/below" an item, which means nothing in a grid read left to
right; here the drop point's side of a thumbnail decides before/after.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QListView

from hcc_desk.ui.capture.page_model import PAGE_MIME, dropped_files


class ThumbnailView(QListView):
    def drop_row(self, pos: QPoint) -> int:
        """The index a page dropped at ``pos`` (viewport coordinates) should be inserted before."""
        model = self.model()
        line: list[tuple[int, Any]] = []
        for row in range(model.rowCount()):
            rect = self.visualRect(model.index(row, 0))
            if rect.top() <= pos.y() <= rect.bottom():
                line.append((row, rect))
        for row, rect in line:
            if pos.x() < rect.center().x():
                return row
        if line:
            return line[-1][0] + 1
        index = self.indexAt(pos)
        return index.row() if index.isValid() else model.rowCount()

    def _wanted(self, event: Any) -> bool:
        mime = event.mimeData()
        return mime.hasFormat(PAGE_MIME) or bool(dropped_files(mime))

    def dragEnterEvent(self, event: Any) -> None:
        if self._wanted(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if self._wanted(event):
            super().dragMoveEvent(event)  # auto-scroll near the edges
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: Any) -> None:
        if not self._wanted(event):
            event.ignore()
            return
        row = self.drop_row(event.position().toPoint())
        # The model turns this into a move (pages) or an insert request (files).
        self.model().dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, row, 0, QModelIndex())
        # Copy, not Move: the drag source must not "remove" the page it just moved.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.stopAutoScroll()
        self.setState(QListView.State.NoState)
        self.viewport().update()
