"""Mẫu 04 — the apology for a late result with a new appointment (docs/domain.md).

2018 set: "Phiếu xin lỗi và hẹn lại ngày trả kết quả". 2025 set ([U]): "Văn bản xin lỗi và đề
nghị gia hạn thời gian giải quyết" — the same facts, worded as a request to extend. Laid out as
an official letter: subject line, "Kính gửi", body, "Nơi nhận" and the head's signature.
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
    when,
)
from hcc_desk.core.printing.forms.data import ApologyData, FormSet
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.receipt_parts import LIMITS
from hcc_desk.core.printing.styles import layout_for, styles_for
from hcc_desk.core.printing.text import para
from hcc_desk.core.printing.vn_dates import format_vn_date

SUBJECT = {
    FormSet.TT01_2018: "V/v xin lỗi đối với hồ sơ giải quyết quá hạn và hẹn lại thời gian trả "
    "kết quả",
    FormSet.TT03_2025: "V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ",
}


def render_apology_pdf(
    data: ApologyData,
    out: Out,
    *,
    paper: str = "A4",
    form_set: FormSet = FormSet.TT01_2018,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("apology", form_set)
    lay, st = layout_for(paper), styles_for(paper)
    centre = para(data.centre.name, LIMITS["agency"])
    late_body = para(data.agency_name, LIMITS["agency"]) if data.agency_name else centre
    old = (
        f"là {when(data.old_due_at)}"
        if data.old_due_at
        else "theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    )
    place = para(data.return_place, LIMITS["long"]) or f"Bộ phận tiếp nhận và trả kết quả, {centre}"
    if form_set is FormSet.TT03_2025:
        ask = (
            f"{centre} trân trọng xin lỗi Ông/Bà và đề nghị Ông/Bà đồng ý gia hạn thời gian "
            f"giải quyết hồ sơ đến <b>{when(data.new_due_at)}</b>; kết quả được trả tại "
            f"{place}."
        )
    else:
        ask = (
            f"{centre} trân trọng xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào "
            f"<b>{when(data.new_due_at)}</b>, tại {place}."
        )
    story: list[Flowable] = [
        *opening(
            data,
            tpl,
            paper,
            at=data.issued_at,
            subtitle=tpl.subtitle or SUBJECT[form_set],
            appointment_at=data.new_due_at,
        ),
        Paragraph(f"Kính gửi: Ông/Bà <b>{name(data.applicant_name)}</b>", st.body_center),
        Paragraph(
            f"{format_vn_date(data.received_at.date()).capitalize()}, {centre} tiếp nhận hồ sơ của "
            f"Ông/Bà đề nghị giải quyết thủ tục "
            f"<b>{para(data.procedure_name, LIMITS['procedure_name'])}</b>, mã hồ sơ "
            f"<b>{para(data.code, LIMITS['code'])}</b>. Thời gian hẹn trả kết quả {old}.",
            st.body,
        ),
        Paragraph(
            f"Đến nay, {late_body} chưa có kết quả giải quyết hồ sơ của Ông/Bà. "
            f"Lý do: {reason(data.reason)}",
            st.body,
        ),
        Paragraph(
            "Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, chi phí của Ông/Bà.", st.body
        ),
        Paragraph(ask, st.body),
        Paragraph("Xin trân trọng cảm ơn sự thông cảm của Ông/Bà.", st.body),
        head_of_agency_signature(lay, st),
    ]
    build_one(out, paper, story, code=data.code, title=tpl.title)
