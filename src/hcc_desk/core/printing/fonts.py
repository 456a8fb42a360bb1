"""Register the bundled Vietnamese-capable serif with reportlab.

reportlab's built-in Type 1 fonts have no Vietnamese glyphs, so every form uses this family.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hcc_desk.resources import resource_path

FAMILY = "HCCSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_FILES = {
    REGULAR: "NotoSerif-Regular.ttf",
    BOLD: "NotoSerif-Bold.ttf",
    ITALIC: "NotoSerif-Italic.ttf",
    BOLD_ITALIC: "NotoSerif-BoldItalic.ttf",
}

# Receipts may be rendered from a worker thread while another form renders on a second one.
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the family once per process and return its name (safe to call repeatedly)."""
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
            # Map <b>/<i> inside Paragraph markup onto the right faces.
            faces = ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC))
            for bold, italic, face in faces:
                addMapping(FAMILY, bold, italic, face)
            _registered = True
    return FAMILY
