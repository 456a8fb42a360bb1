"""Small pieces the admin pages share: read-only tables and how a failed job is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hcc_desk.ui import errors, i18n
from hcc_desk.ui.tasks import Failure


def make_table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users reach the buttons
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def failure_handler(
    parent: QWidget, inline: QLabel | None = None, then: Callable[[], None] | None = None
) -> Callable[[Failure], None]:
    """Field errors go to ``inline`` (next to what needs fixing); other expected errors to a
    message box; bugs to the crash dialog (hcc_desk.ui.errors)."""

    def handle(failure: Failure) -> None:
        found = getattr(failure.exc, "errors", None)
        if inline is not None and found:
            inline.setText("\n".join(i18n.pick(e) for e in found))
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
