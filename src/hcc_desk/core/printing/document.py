"""A reportlab document that prints the same form as several copies ("liên").

Each copy starts on a new page with its own page template; pages after a copy's first one get
a running header (form code + copy marker + page number within the copy), so a loose
continuation sheet can still be matched to its dossier.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import NextPageTemplate
from reportlab.platypus.flowables import PageBreak

from hcc_desk.core.printing.styles import Layout, Styles


class _CopyPages:
    """onPage callback of one copy: counts its pages and draws the running header."""

    def __init__(self, running_text: str, styles: Styles, layout: Layout) -> None:
        self.running_text = running_text  # already escaped markup
        self.styles = styles
        self.layout = layout
        self.first_page: int | None = None

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.first_page is None:
            self.first_page = doc.page
        n = doc.page - self.first_page + 1
        if n == 1:
            return
        lay = self.layout
        top, right, _, left = lay.margins
        width = lay.page_size[0] - left - right
        p = Paragraph(f"{self.running_text} — trang {n}", self.styles.running)
        _, h = p.wrap(width, top)
        p.drawOn(canvas, left, lay.page_size[1] - top + (top - h) / 2 - 1 * mm)


def build(
    out: str | os.PathLike[str] | BinaryIO,
    layout: Layout,
    styles: Styles,
    copies: Sequence[tuple[str, list[Flowable]]],
    *,
    title: str,
) -> None:
    """Write ``copies`` — (running-header markup, story) pairs — as one PDF."""
    if isinstance(out, os.PathLike):
        out = os.fspath(out)
    top, right, bottom, left = layout.margins
    doc = BaseDocTemplate(
        out,
        pagesize=layout.page_size,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author="HCC Desk",
        creator="HCC Desk",
    )
    frame = Frame(
        left,
        bottom,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    templates = []
    story: list[Flowable] = []
    for i, (running, flowables) in enumerate(copies):
        tid = f"copy{i + 1}"
        templates.append(
            PageTemplate(id=tid, frames=[frame], onPage=_CopyPages(running, styles, layout))
        )
        if i:
            story += [NextPageTemplate(tid), PageBreak()]
        story += flowables
    doc.addPageTemplates(templates)
    doc.build(story)
