"""Mẫu 03 — PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ (docs/domain.md), with the reasons."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from hcc_desk.core.printing.forms.common import (
    Out,
    applicant_lines,
    build_one,
    opening,
    reason,
)
from hcc_desk.core.printing.forms.data import FormSet, RefusalData
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.receipt_parts import LIMITS, signatures
from hcc_desk.core.printing.styles import layout_for, styles_for
from hcc_desk.core.printing.text import para


def render_refusal_pdf(
    data: RefusalData,
    out: Out,
    *,
    paper: str = "A4",
    form_set: FormSet = FormSet.TT01_2018,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("refusal", form_set)
    lay, st = layout_for(paper), styles_for(paper)
    refuser = para(data.agency_name or data.centre.name, LIMITS["agency"])
    story: list[Flowable] = [
        *opening(data, tpl, paper, at=data.issued_at),
        *applicant_lines(data, "Tiếp nhận hồ sơ của", st),
        Paragraph(
            f"Qua xem xét, {refuser} thông báo không tiếp nhận, giải quyết hồ sơ này "
            "với lý do cụ thể như sau:",
            st.section,
        ),
        Paragraph(reason(data.reasons), st.body),
        Paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện.", st.body),
        signatures(
            ("NGƯỜI NỘP HỒ SƠ", data.applicant_name),
            ("NGƯỜI TIẾP NHẬN HỒ SƠ", data.officer_name),
            lay,
            st,
        ),
    ]
    build_one(out, paper, story, code=data.code, title=tpl.title)
