"""THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ — the notice that processing of an accepted dossier stops
(2025 set: Mẫu số 05 of TT 03/2025/TT-VPCP; the 2018 set has no such form, so it is printed
unnumbered). Not the refusal to receive (Mẫu 03): that one is for a dossier never accepted.

Laid out as an official letter, like the apology: "Kính gửi", what was received and when,
who stops it and why, what happens to the papers, and the head's signature.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from hcc_desk.core.printing.forms.common import (
    Out,
    build_one,
    head_of_agency_signature,
    name,
    opening,
    reason,
)
from hcc_desk.core.printing.forms.data import FormSet, StopData
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.receipt_parts import LIMITS
from hcc_desk.core.printing.styles import layout_for, styles_for
from hcc_desk.core.printing.text import para
from hcc_desk.core.printing.vn_dates import format_vn_date

SUBJECT = "V/v dừng giải quyết hồ sơ thủ tục hành chính"


def render_stop_pdf(
    data: StopData,
    out: Out,
    *,
    paper: str = "A4",
    form_set: FormSet = FormSet.TT03_2025,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("stop", form_set)
    lay, st = layout_for(paper), styles_for(paper)
    centre = para(data.centre.name, LIMITS["agency"])
    stopper = para(data.agency_name, LIMITS["agency"]) if data.agency_name else centre
    story: list[Flowable] = [
        *opening(data, tpl, paper, at=data.issued_at, subtitle=tpl.subtitle or SUBJECT),
        Paragraph(f"Kính gửi: Ông/Bà <b>{name(data.applicant_name)}</b>", st.body_center),
        Paragraph(
            f"{format_vn_date(data.received_at.date()).capitalize()}, {centre} đã tiếp nhận hồ "
            f"sơ của Ông/Bà đề nghị giải quyết thủ tục "
            f"<b>{para(data.procedure_name, LIMITS['procedure_name'])}</b>, mã hồ sơ "
            f"<b>{para(data.code, LIMITS['code'])}</b>.",
            st.body,
        ),
        Paragraph(
            f"Trong quá trình giải quyết, {stopper} thông báo dừng giải quyết hồ sơ nêu "
            "trên với lý do cụ thể như sau:",
            st.body,
        ),
        Paragraph(reason(data.reasons), st.body),
        Paragraph(
            "Hồ sơ và giấy tờ Ông/Bà đã nộp được trả lại tại Bộ phận tiếp nhận và trả kết "
            f"quả, {centre}. Xin thông báo để Ông/Bà được biết.",
            st.body,
        ),
        head_of_agency_signature(lay, st),
    ]
    build_one(out, paper, story, code=data.code, title=tpl.title)
