"""A scanner fault shown where the officer is looking: what happened, what to do, what is kept.

Jams, an empty feeder, an open cover and the like are everyday events at a counter, so they get
a strip above the pages (not a modal box) with the two ways forward: continue the batch after
fixing the paper, or try again (looking for the scanner first when it went away). The layout is
forms/scan_fault_strip.ui.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QWidget

from hcc_desk.ui import i18n
from hcc_desk.ui.forms.ui_scan_fault_strip import Ui_FaultStrip
from hcc_desk.ui.style import set_flag


class FaultStrip(QFrame):
    """Signals: continue_requested(), retry_requested(fault) with the fault being retried."""

    continue_requested = Signal()
    retry_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fault: Any = None
        self.ui = ui = Ui_FaultStrip()
        ui.setupUi(self)
        self.label, self.close_button = ui.label, ui.close_button
        self.continue_button, self.retry_button = ui.continue_button, ui.retry_button
        self.continue_button.clicked.connect(self._continue)
        self.retry_button.clicked.connect(self._retry)
        self.close_button.clicked.connect(self.clear)
        self.hide()

    def show_fault(self, fault: Any, kept_pages: int, detail: str = "") -> None:
        """``fault`` is a ScanFault (or anything with ``text(lang)``)."""
        self.fault = fault
        text = i18n.text(fault)
        kept = (
            i18n.tr("fault_strip.pages_kept", n=kept_pages)
            if kept_pages
            else self.tr("Chưa có trang nào được quét trong lượt này.")
        )
        html = f"<b>{escape(text)}</b><br>{escape(kept)}"
        if detail:
            html += f"<br><small>{escape(detail)}</small>"
        self.label.setText(html)
        set_flag(self, "banner", "error")
        self.continue_button.show()
        self.retry_button.show()
        self.show()  # no focus change: the officer may be typing elsewhere

    def show_error(self, text: str) -> None:
        """A problem that is not the scanner's (a file that cannot be read, a size limit)."""
        self.fault = None
        self.label.setText(escape(text))
        set_flag(self, "banner", "error")
        self.continue_button.hide()
        self.retry_button.hide()
        self.show()

    def message(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.fault = None
        self.hide()

    def _continue(self) -> None:
        self.clear()
        self.continue_requested.emit()

    def _retry(self) -> None:
        fault = self.fault
        self.clear()
        self.retry_requested.emit(fault)
