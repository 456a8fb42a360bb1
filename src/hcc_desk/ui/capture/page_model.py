"""The pages of one capture session as a list model: thumbnails, order, blank flags.

The model is a view of the session's pages and never the source of truth: every change asked of
it (a drag, a rotation) is applied to the session first, then the model shows the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap, QTransform

from hcc_desk.ui import i18n

PAGE_MIME = "application/x-hcc-capture-page"
IMPORTABLE = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
PageIdRole = Qt.ItemDataRole.UserRole + 1
BlankRole = Qt.ItemDataRole.UserRole + 2
THUMB_SIZE = QSize(120, 160)

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the (invalid) parent of every page


class PageListModel(QAbstractListModel):
    """Signals: move_requested(str page_id, int new_index) when a drag asks to reorder;
    files_dropped(list[Path], int at_index) when files are dropped between the pages."""

    move_requested = Signal(str, int)
    files_dropped = Signal(list, int)

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._pages: list[Any] = []
        self._icons: dict[tuple[str, int], QIcon] = {}

    # -- content ------------------------------------------------------------------------------
    def set_pages(self, pages: list[Any]) -> None:
        """Show ``pages`` (PageInfo list, in order). Cached thumbnails are kept."""
        self.beginResetModel()
        self._pages = list(pages)
        alive = {(p.id, p.rotation % 360) for p in self._pages}
        self._icons = {k: v for k, v in self._icons.items() if k in alive}
        self.endResetModel()

    def append_page(self, page: Any) -> None:
        row = len(self._pages)
        self.beginInsertRows(QModelIndex(), row, row)
        self._pages.append(page)
        self.endInsertRows()

    def pages(self) -> list[Any]:
        return list(self._pages)

    def page(self, row: int) -> Any:
        return self._pages[row]

    def row_of(self, page_id: str) -> int:
        return next((i for i, p in enumerate(self._pages) if p.id == page_id), -1)

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pages):
            return None
        page = self._pages[index.row()]
        number = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            text = i18n.tr("page_list.page", number=number)
            return text + "\n" + self.tr("Trang trắng?") if page.blank else text
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(page)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = i18n.tr(
                "page_list.page_detail",
                number=number,
                width=page.width,
                height=page.height,
                dpi=page.dpi,
            )
            if page.blank:
                tip += "\n" + self.tr("Có vẻ là trang trắng: xem lại rồi xoá hoặc giữ.")
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index).replace("\n", " ")
        if role == Qt.ItemDataRole.BackgroundRole and page.blank:
            return QBrush(QColor("#fdd663"))
        if role == PageIdRole:
            return page.id
        if role == BlankRole:
            return bool(page.blank)
        return None

    def _icon(self, page: Any) -> QIcon:
        key = (page.id, page.rotation % 360)
        icon = self._icons.get(key)
        if icon is None:
            icon = QIcon(thumbnail(page, THUMB_SIZE))
            self._icons[key] = icon
        return icon

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # dropping between pages
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PAGE_MIME, "text/uri-list"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [self._pages[i.row()].id for i in indexes if i.isValid()]
        mime.setData(PAGE_MIME, QByteArray("\n".join(ids).encode()))
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """A page dropped at ``row`` (or on the page at ``parent``): ask to move it there;
        files from the file manager: ask to insert them there."""
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._pages))
        if not data.hasFormat(PAGE_MIME):
            paths = dropped_files(data)
            if paths:
                self.files_dropped.emit(paths, target)
            return False
        for page_id in bytes(data.data(PAGE_MIME).data()).decode().split("\n"):
            source = self.row_of(page_id)
            if source >= 0:
                self.moveRows(QModelIndex(), source, 1, QModelIndex(), target)
        return False  # moved already: the view must not remove the "source" rows

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        """Qt's drop handling lands here; the reorder is done by whoever owns the session."""
        if count != 1 or not 0 <= source_row < len(self._pages):
            return False
        new_index = destination_child - 1 if destination_child > source_row else destination_child
        new_index = max(0, min(new_index, len(self._pages) - 1))
        if new_index == source_row:
            return False
        self.move_requested.emit(self._pages[source_row].id, new_index)
        return True


def dropped_files(data: QMimeData) -> list[Path]:
    """The local files in a drop that capture can import (PDF, JPEG, PNG, TIFF)."""
    if not data.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMPORTABLE]


def thumbnail(page: Any, size: QSize) -> QPixmap:
    """The page's small image turned by its rotation; a grey box when the file is unreadable."""
    path = page.thumb_path or page.path
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        pixmap = QPixmap(size.width(), size.height())
        pixmap.fill(QColor("#dadce0"))
        return pixmap
    if page.rotation % 360:
        pixmap = pixmap.transformed(QTransform().rotate(page.rotation % 360))
    return pixmap.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
