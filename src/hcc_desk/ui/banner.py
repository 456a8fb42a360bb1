"""A dismissable message strip at the top of a screen (QR warnings, save results, errors).

Preferred over message boxes at the counter: it does not steal focus from the field being typed in
and stays readable while the officer talks to the applicant.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QToolButton

from hcc_desk.ui.style import set_flag


class Banner:
    def __init__(self, frame: QFrame, label: QLabel, close: QToolButton):
        self.frame, self.label = frame, label
        # Always rich text: the escaped message (&#x27; for a quote) would otherwise be shown
        # literally whenever Qt guesses "plain" for a message without a bullet list.
        label.setTextFormat(Qt.TextFormat.RichText)
        close.clicked.connect(self.hide)
        frame.hide()

    def show(self, kind: str, text: str, details: list[str] | None = None) -> None:
        """``kind`` is info, success, warning or error; ``details`` become a bullet list."""
        html = escape(text)
        if details:
            html += (
                "<ul style='margin:2px 0 0 -20px'>"
                + "".join(f"<li>{escape(d)}</li>" for d in details)
                + "</ul>"
            )
        self.label.setText(html)
        set_flag(self.frame, "banner", kind)
        self.frame.show()

    def hide(self) -> None:
        self.frame.hide()

    def kind(self) -> str | None:
        return self.frame.property("banner") if self.frame.isVisible() else None

    def text(self) -> str:
        return self.label.text()
