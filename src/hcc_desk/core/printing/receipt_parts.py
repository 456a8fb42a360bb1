"""Blocks shared by the one-stop forms (Mẫu 01 receipt and the forms in ``forms/``): national
header, dossier code with its barcode, papers table, signature blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable, KeepTogether
from reportlab.platypus.tables import Table, TableStyle

from hcc_desk.core.printing import codes, fonts
from hcc_desk.core.printing.paper_qr import qr_symbol
from hcc_desk.core.printing.receipt_data import ReceiptPaper
from hcc_desk.core.printing.styles import Layout, Styles
from hcc_desk.core.printing.text import clean, clip, para
from hcc_desk.core.printing.vn_dates import format_vn_date

# Characters kept per kind of field; beyond this the text is cut with "…". Each bound keeps
# its block well inside one A5 page, so no unsplittable block can overflow a frame.
LIMITS = {
    "name": 150,
    "id": 40,
    "address": 300,
    "phone": 60,
    "email": 120,
    "code": 80,
    "pin": 40,
    "procedure_code": 60,
    "procedure_name": 600,
    "agency": 300,
    "short": 200,
    "long": 400,
    "notes": 2000,
    "ledger": 40,
    "url": 300,
    "governing_body": 150,
    "place": 60,
}

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

_PLAIN = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def _rule(width: float | str, lay: Layout) -> HRFlowable:
    return HRFlowable(
        width=width,
        thickness=0.6,
        color=colors.black,
        hAlign="CENTER",
        spaceBefore=lay.s(4),
        spaceAfter=lay.s(3),
    )


def top_strip(
    qr_text: str,
    caption: str | None,
    lay: Layout,
    st: Styles,
    caption_style: ParagraphStyle,
    code: str,
    extra: Sequence[Flowable] = (),
) -> Flowable:
    """The paper's top strip: its QR in the upper left corner (TT 01/2023/TT-VPCP); beside it
    the "Mẫu số …" caption on the right (``caption`` is markup, or None for an unnumbered
    paper) and under that the dossier code with its Code128 (and ``extra`` lines)."""
    symbol = qr_symbol(qr_text, min_size=lay.qr_size, min_module=lay.bar_module)
    symbol.hAlign = "LEFT"
    w = lay.frame_width
    left_w = symbol.wrap(w, w)[0] + lay.s(4)
    right = Paragraph(caption, caption_style) if caption else ""
    # The QR spans both rows; the caption sits top right, the code under it.
    table = Table(
        [[symbol, right], ["", [*code_block(code, lay, st, w - left_w), *extra]]],
        colWidths=[left_w, w - left_w],
    )
    table.setStyle(_PLAIN)
    table.setStyle([("SPAN", (0, 0), (0, 1)), ("VALIGN", (1, 1), (1, 1), "BOTTOM")])
    table.spaceAfter = lay.s(2)
    return table


def keep_tail(markup: str) -> str:
    """Markup whose last two words cannot be split by a line break, so a wrapped value never
    leaves one word alone on its last line ("… THÀNH PHỐ" / "HUẾ")."""
    head, sep, tail = markup.rpartition(" ")
    if not sep or "<" in tail or len(tail) > 20:
        return markup
    return f"{head}&nbsp;{tail}"


def header(
    governing_body: str,
    unit_name: str,
    number: str,
    place: str,
    day: date,
    lay: Layout,
    st: Styles,
) -> Flowable:
    """Left: governing body / unit / rule / "Số:"; right: nation, motto, place and date."""
    h = st.header
    left = [
        Paragraph(para(governing_body, LIMITS["governing_body"]), h),
        Paragraph(f"<b>{para(unit_name, LIMITS['agency'])}</b>", h),
        _rule("35%", lay),
        Paragraph(f"Số: {para(number, LIMITS['code'])}", h),
    ]
    motto_width = stringWidth(MOTTO, fonts.BOLD, h.fontSize)
    right = [
        Paragraph(f"<b>{NATION}</b>", h),
        Paragraph(f"<b>{MOTTO}</b>", h),
        _rule(motto_width, lay),
        Paragraph(f"<i>{para(place, LIMITS['place'])}, {format_vn_date(day)}</i>", h),
    ]
    w = lay.frame_width
    table = Table([[left, right]], colWidths=[w * 0.42, w * 0.58])
    table.setStyle(_PLAIN)
    table.setStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")])  # centres the rules too
    return table


def papers_table(papers: Sequence[ReceiptPaper], lay: Layout, st: Styles) -> Flowable:
    """STT | Tên giấy tờ | Bản chính | Bản sao chứng thực | Bản photo — splits across pages."""
    head = ["STT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản photo"]
    rows: list[list[object]] = [[Paragraph(t, st.cell_head) for t in head]]
    for i, p in enumerate(papers, 1):
        rows.append(
            [
                Paragraph(str(i), st.cell_center),
                Paragraph(para(p.name, LIMITS["long"]) + _reused(p), st.cell),
                *(
                    Paragraph(_count(n), st.cell_center)
                    for n in (p.originals, p.certified_copies, p.photocopies)
                ),
            ]
        )
    if not papers:
        rows.append(["", Paragraph("(Không có giấy tờ)", st.cell), "", "", ""])
    w = lay.frame_width
    count_w = w * 0.15
    table = Table(
        rows, colWidths=[w * 0.08, w - w * 0.08 - 3 * count_w] + [count_w] * 3, repeatRows=1
    )
    table.setStyle(grid_style(lay))
    table.spaceAfter = lay.s(3)
    return table


def _reused(p: ReceiptPaper) -> str:
    """The line under a paper handed in as a reused signed copy (escaped like all text)."""
    if not p.reused_from:
        return ""
    from hcc_core.i18n import tr

    line = tr(
        "receipt.reused_paper",
        "vi",  # the receipt is a Vietnamese legal form, whatever the desk's language
        code=clip(" ".join(clean(p.reused_from).split()), LIMITS["code"]),
        signer=clip(" ".join(clean(p.reused_signer or "?").split()), LIMITS["name"]),
    )
    return f"<br/><i>{escape(line)}</i>"


def grid_style(lay: Layout) -> TableStyle:
    """Ruled table of the forms: thin black grid, cells padded and vertically centred."""
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), lay.s(2)),
            ("BOTTOMPADDING", (0, 0), (-1, -1), lay.s(3)),
            ("LEFTPADDING", (0, 0), (-1, -1), lay.s(3)),
            ("RIGHTPADDING", (0, 0), (-1, -1), lay.s(3)),
        ]
    )


def _count(n: int) -> str:
    # An empty cell reads as "none handed in" more clearly than a column of zeros.
    return str(n) if n else ""


SIGN_HINT = "(Ký và ghi rõ họ tên)"


def signatures(
    left: tuple[str, str | None] | None,
    right: tuple[str, str | None] | None,
    lay: Layout,
    st: Styles,
    *,
    hint: str = SIGN_HINT,
    left_flowables: Sequence[Flowable] = (),
) -> Flowable:
    """Two (role, printed name) signature blocks side by side, with room to sign.

    A side given as None stays empty, or holds ``left_flowables`` (e.g. "Nơi nhận:" of a
    letter) on the left.
    """

    def block(side: tuple[str, str | None] | None) -> list[Flowable]:
        if side is None:
            return []
        role, name = side
        return [
            Paragraph(f"<b>{role}</b>", st.header),
            Paragraph(f"<i>{hint}</i>", st.header),
            Spacer(1, lay.sign_space),
            Paragraph(f"<b>{para(name, LIMITS['name'])}</b>", st.header),
        ]

    w = lay.frame_width
    cells = [list(left_flowables) or block(left), block(right)]
    table = Table([cells], colWidths=[w / 2, w / 2])
    table.setStyle(_PLAIN)
    table.spaceBefore = lay.s(6)
    return KeepTogether([table])


def code_block(code: str, lay: Layout, st: Styles, max_width: float) -> list[Flowable]:
    """ "Mã hồ sơ: <code>" and its Code128 (left-aligned), for the counter's barcode scanner.

    The barcode is left out when the code cannot be printed readably in ``max_width``; the
    code is printed as text in any case.
    """
    out: list[Flowable] = [Paragraph(f"Mã hồ sơ: <b>{para(code, LIMITS['code'])}</b>", st.body)]
    bar = codes.code128(code, module=lay.bar_module, height=lay.bar_height, max_width=max_width)
    if bar is not None:
        out.append(bar)
    return out
