"""Make user-typed text safe for reportlab Paragraph markup.

Paragraph parses an XML-like mini-language, so a name such as ``<b>x</b>`` or ``&amp;`` would
be interpreted, and stray control characters can break the PDF. Everything a user typed goes
through :func:`para` before it reaches a Paragraph.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

ELLIPSIS = "…"


def clean(text: str) -> str:
    """Drop control characters and lone surrogates; turn line/paragraph separators into \\n."""
    out = []
    for ch in text:
        if ch in "\n\u2028\u2029":
            out.append("\n")
        elif ch in "\t\r\v\f":
            out.append(" ")
        elif unicodedata.category(ch) not in ("Cc", "Cs"):
            out.append(ch)
    return "".join(out)


def clip(text: str, limit: int) -> str:
    """Cut text to at most ``limit`` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def para(text: str | None, limit: int, *, max_lines: int = 1) -> str:
    """Escaped Paragraph markup for a user string: cleaned, clipped, literal.

    Line breaks are kept (as ``<br/>``) up to ``max_lines`` lines; beyond that the remaining
    lines are joined, so a paste of a thousand blank lines cannot run to many pages.
    """
    lines = clip(clean(text or "").strip(), limit).split("\n")
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return "<br/>".join(escape(line) for line in lines)
