"""Page geometry and paragraph styles of the printed forms, per paper size.

A5 is A4 scaled by about 0.74, except the barcode module, which must stay at least 0.3 mm
wide or counter scanners (and the tests at 300 dpi) stop reading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from hcc_desk.core.printing import fonts

PAPERS = ("A4", "A5")


@dataclass(frozen=True)
class Layout:
    page_size: tuple[float, float]
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    font_size: float  # Noto Serif has a larger x-height: 11 pt reads like Times 13 pt
    leading: float
    qr_size: float
    bar_module: float
    bar_height: float
    sign_space: float  # blank room for a handwritten signature

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.margins[1] - self.margins[3]

    def s(self, size: float) -> float:
        """A size given for A4, scaled to this paper."""
        return size * self.font_size / 11


LAYOUTS = {
    "A4": Layout(
        A4, (12 * mm, 15 * mm, 12 * mm, 25 * mm), 11, 13.3, 20 * mm, 0.33 * mm, 9 * mm, 16 * mm
    ),
    "A5": Layout(
        A5, (8 * mm, 9 * mm, 8 * mm, 14 * mm), 8, 9.7, 17 * mm, 0.30 * mm, 7 * mm, 12 * mm
    ),
}


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_center: ParagraphStyle
    header: ParagraphStyle  # header blocks: a size below the body, centred
    title: ParagraphStyle
    italic_center: ParagraphStyle
    section: ParagraphStyle  # the numbered items "1." ... "6."
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    note: ParagraphStyle  # footnotes
    running: ParagraphStyle  # continuation-page header


def layout_for(paper: str) -> Layout:
    try:
        return LAYOUTS[paper]
    except KeyError:
        raise ValueError(f"paper must be one of {PAPERS}, not {paper!r}") from None


@cache
def styles_for(paper: str) -> Styles:
    lay = layout_for(paper)
    family = fonts.register_fonts()
    fs, ld = lay.font_size, lay.leading
    body = ParagraphStyle(
        "body",
        fontName=family,
        fontSize=fs,
        leading=ld,
        alignment=TA_JUSTIFY,
        spaceAfter=lay.s(1),
        splitLongWords=1,
    )

    def like(name: str, parent: ParagraphStyle = body, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    cell = like(
        "cell", fontSize=fs - lay.s(1), leading=ld - lay.s(1.5), alignment=TA_LEFT, spaceAfter=0
    )
    return Styles(
        body=body,
        body_center=like("body_center", alignment=TA_CENTER),
        header=like(
            "header",
            fontSize=fs - lay.s(0.5),
            leading=ld - lay.s(1.5),
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        title=like(
            "title",
            fontName=fonts.BOLD,
            fontSize=fs + lay.s(2.5),
            leading=ld + lay.s(3),
            alignment=TA_CENTER,
            spaceBefore=lay.s(6),
            spaceAfter=0,
        ),
        italic_center=like(
            "italic_center", fontName=fonts.ITALIC, alignment=TA_CENTER, spaceAfter=lay.s(4)
        ),
        section=like("section", spaceBefore=lay.s(1)),
        cell=cell,
        cell_center=like("cell_center", parent=cell, alignment=TA_CENTER),
        cell_head=like("cell_head", parent=cell, fontName=fonts.BOLD, alignment=TA_CENTER),
        note=like(
            "note",
            fontName=fonts.ITALIC,
            fontSize=fs - lay.s(1.5),
            leading=ld - lay.s(2.5),
            spaceAfter=0,
            alignment=TA_LEFT,
        ),
        running=like(
            "running",
            fontName=fonts.ITALIC,
            fontSize=fs - lay.s(2.5),
            leading=ld - lay.s(3),
            alignment=TA_LEFT,
        ),
    )
