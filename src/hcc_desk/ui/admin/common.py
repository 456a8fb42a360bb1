"""Small pieces the admin pages share: a read-only table model and how a failed job is shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.row_table_model import Index, RowTableModel
from hcc_desk.ui.tasks import Failure


class TextRowsModel(RowTableModel):
    """Read-only rows of text under fixed headers (the admin pages' lists), the headers given
    already in the reader's language."""

    def __init__(self, headers: list[str], parent: QObject | None = None):
        super().__init__(parent)
        self._headers = list(headers)

    def column_headers(self) -> list[str]:
        return self._headers

    def shown_header(self, text: str) -> str:
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None


def show_rows(table: QTableView, headers: list[str], stretch: int) -> TextRowsModel:
    """Give a form's table its model; the column ``stretch`` takes the spare width."""
    model = TextRowsModel(headers, table)
    table.setModel(model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return model


def failure_handler(
    parent: QWidget, inline: QLabel | None = None, then: Callable[[], None] | None = None
) -> Callable[[Failure], None]:
    """Field errors go to ``inline`` (next to what needs fixing); other expected errors to a
    message box; bugs to the crash dialog (hcc_desk.ui.errors)."""

    def handle(failure: Failure) -> None:
        found = getattr(failure.exc, "errors", None)
        if inline is not None and found:
            inline.setText("\n".join(i18n.text(e) for e in found))
            inline.show()
        else:
            errors.present_failure(parent, failure)
        if then is not None:
            then()

    return handle


def enter_clicks(button: QPushButton, event: QKeyEvent) -> bool:
    """Enter in a page's field presses its default button, as in a dialog (a field that
    uses Enter itself, such as an open list, accepts the key and it never gets here)."""
    if (
        event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and button.isEnabled()
        and button.isVisible()
    ):
        button.click()
        return True
    return False
