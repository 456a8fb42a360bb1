"""Pieces every form of this package shares, on top of ``receipt_parts``: the form-number mark,
the header + title opening, label lines, and the one-copy document build."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from hcc_desk.core.printing import document
from hcc_desk.core.printing.forms.data import FormCentre
from hcc_desk.core.printing.forms.templates import Template
from hcc_desk.core.printing.paper_qr import payload
from hcc_desk.core.printing.receipt_parts import (
    LIMITS,
    code_block,
    header,
    keep_tail,
    signatures,
    top_strip,
)
from hcc_desk.core.printing.styles import Layout, Styles, layout_for, styles_for
from hcc_desk.core.printing.text import clean, clip, para
from hcc_desk.core.printing.vn_dates import format_vn_datetime

Out = str | os.PathLike[str] | BinaryIO

# Bounds for the free texts of these forms (reasons, notes): generous but finite, so a paste
# of a whole file cannot run to hundreds of pages.
REASON_LIMIT, REASON_LINES = 3000, 40


@cache
def mark_style(paper: str) -> ParagraphStyle:
    st = styles_for(paper)
    return ParagraphStyle("form_mark", parent=st.note, alignment=TA_RIGHT)


def caption(tpl: Template) -> str | None:
    """ "Mẫu số 02 — <basis>" markup; None for a paper its circular does not number."""
    return f"<b>Mẫu số {tpl.number}</b><br/>{tpl.basis}" if tpl.number else None


def qr_text(data, tpl: Template, issued_at: datetime, **extra) -> str:
    """The Circular 01/2023 QR of a form of ``data`` (which has ``code`` and ``trace``)."""
    return payload(data.trace, code=data.code, paper_name=tpl.title, issued_at=issued_at, **extra)


def opening(
    data: Any,
    tpl: Template,
    paper: str,
    *,
    at: datetime,
    day: date | None = None,
    number: str | None = None,
    subtitle: str | None = None,
    **qr_extra: Any,
) -> list[Flowable]:
    """QR, dossier code and form-number caption, national header with the centre, the title (and a
    subtitle) of a form about ``data`` (its ``centre``, ``code`` and ``trace``) issued ``at``;
    ``day`` (the header's date) defaults to that day, ``number`` (the paper's number) to the code."""
    lay, st = layout_for(paper), styles_for(paper)
    centre: FormCentre = data.centre
    qr = qr_text(data, tpl, at, **qr_extra)
    story: list[Flowable] = [top_strip(qr, caption(tpl), lay, st, mark_style(paper), data.code)]
    story += [
        header(
            centre.governing_body,
            centre.name,
            number or data.code,
            centre.place_name,
            day or at.date(),
            lay,
            st,
        ),
        Paragraph(tpl.title, st.title),
    ]
    if subtitle:
        story.append(Paragraph(subtitle, st.italic_center))
    else:
        story.append(Paragraph("", st.italic_center))  # the receipt's gap under the title
    return story


def head_of_agency_signature(lay: Layout, st: Styles) -> Flowable:
    """The signature of the deciding agency's head, with the "Nơi nhận" list on the left (the
    letters sent in the agency's name: apology, stop notice)."""
    left = ParagraphStyle("recipients", parent=st.body, alignment=TA_LEFT)
    return signatures(
        None,
        ("THỦ TRƯỞNG CƠ QUAN", None),
        lay,
        st,
        hint="(Ký, ghi rõ họ tên và đóng dấu)",
        left_flowables=[
            Paragraph("<b><i>Nơi nhận:</i></b>", left),
            Paragraph("- Như trên;", left),
            Paragraph("- Lưu: VT.", left),
        ],
    )


def code_lines(code: str, paper: str) -> list[Flowable]:
    lay, st = layout_for(paper), styles_for(paper)
    return [*code_block(code, lay, st, lay.frame_width), Spacer(1, lay.s(3))]


def line(label: str, value_markup: str, st: Styles) -> Paragraph:
    return Paragraph(f"{label}: {keep_tail(value_markup)}", st.body)


def when(moment: datetime | None) -> str:
    """``08 giờ 05 phút, ngày 05 tháng 02 năm 2025``, or dots to fill in by hand."""
    return format_vn_datetime(moment) if moment else "…… giờ …… phút, ngày …… tháng …… năm ……"


def reason(text: str | None) -> str:
    return para(text, REASON_LIMIT, max_lines=REASON_LINES)


def name(text: str | None) -> str:
    return para(text, LIMITS["name"])


def applicant_lines(data, received_label: str, st: Styles) -> list[Paragraph]:
    """The desk, who filed and how to reach them, and what was asked: Mẫu 02 and 03 open alike.

    ``data`` carries ``centre``, ``applicant_*`` and ``procedure_name`` (SupplementData,
    RefusalData)."""
    return [
        line("Bộ phận tiếp nhận và trả kết quả", para(data.centre.name, LIMITS["agency"]), st),
        line(received_label, f"<b>{name(data.applicant_name)}</b>", st),
        *filled_lines([("Địa chỉ", para(data.applicant_address, LIMITS["address"]))], st),
        *contact_line(data.applicant_phone, data.applicant_email, st),
        line(
            "Nội dung yêu cầu giải quyết", para(data.procedure_name, LIMITS["procedure_name"]), st
        ),
    ]


def filled_lines(pairs: Sequence[tuple[str, str]], st: Styles) -> list[Paragraph]:
    """ "Label: value" lines, leaving out a label whose value is empty (no bare "Email:")."""
    return [line(label, value, st) for label, value in pairs if value]


def contact_line(phone: str | None, email: str | None, st: Styles) -> list[Paragraph]:
    """ "Số điện thoại: …    Email: …" with only the parts known; nothing when neither is."""
    parts = [
        f"{label}: {value}"
        for label, value in (
            ("Số điện thoại", para(phone, LIMITS["phone"])),
            ("Email", para(email, LIMITS["email"])),
        )
        if value
    ]
    return [Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts), st.body)] if parts else []


def build_one(out: Out, paper: str, story: Sequence[Flowable], *, code: str, title: str) -> None:
    """Write one copy; continuation pages carry "Mã hồ sơ: <code> — <title> — trang n"."""
    lay, st = layout_for(paper), styles_for(paper)
    running = f"Mã hồ sơ: {para(code, LIMITS['code'])} — {title}"
    document.build(
        out, lay, st, [(running, list(story))], title=clip(clean(f"{title} {code}"), 200)
    )
