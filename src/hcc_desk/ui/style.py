"""Application-wide look: a readable font with Vietnamese glyphs and a few semantic styles.

Widgets opt in through dynamic properties set in the ``.ui`` files, e.g. ``role="error"`` for the
red message under a field, ``invalid=true`` on the field itself, ``banner="warning"``.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

STYLE = """
QLabel[role="error"] { color: #b3261e; }
QLabel[role="hint"] { color: #5f6368; }
QLabel[role="title"] { font-size: 13pt; font-weight: 600; }
QLabel[role="appointment"] { font-size: 11pt; font-weight: 600; color: #0b5394; }
QLabel[role="code"] { font-size: 14pt; font-weight: 700; color: #0b5394; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QSpinBox[invalid="true"],
QComboBox[invalid="true"], QTableWidget[invalid="true"], QListWidget[invalid="true"] {
    border: 2px solid #b3261e; border-radius: 3px; }
QFrame[banner="info"] { background: #e8f0fe; border: 1px solid #8ab4f8; border-radius: 4px; }
QFrame[banner="success"] { background: #e6f4ea; border: 1px solid #81c995; border-radius: 4px; }
QFrame[banner="warning"] { background: #fef7e0; border: 1px solid #fdd663; border-radius: 4px; }
QFrame[banner="error"] { background: #fce8e6; border: 1px solid #f28b82; border-radius: 4px; }
QLineEdit#qr_edit { font-size: 11pt; padding: 4px; border: 2px dashed #8ab4f8; }
QLineEdit#qr_edit:focus { border: 2px solid #1a73e8; }
QGroupBox { font-weight: 600; }
QGroupBox * { font-weight: normal; }
"""

_FONT_FAMILIES = ("Segoe UI", "Noto Sans", "DejaVu Sans")


def apply(app: QApplication) -> None:
    font = QFont(app.font())
    # A fallback list rather than enumerating the font database, which is slow at start-up.
    font.setFamilies(list(_FONT_FAMILIES))
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(STYLE)


def set_flag(widget: QWidget, name: str, value: object) -> None:
    """Change a styling property and make the style sheet notice it."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
