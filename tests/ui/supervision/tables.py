"""Reading what a table view shows (its model may sit behind a sorting proxy)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def cell(table: QTableView, row: int, column: int) -> str:
    return table.model().index(row, column).data()
