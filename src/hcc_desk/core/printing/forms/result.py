"""Hand-back record (phiếu trả kết quả): the result went to whom, when, against the appointment.

Not a numbered form of TT 01/2018; the counter signs it with the recipient, and it records
whether the recipient is the owner or holds an authorisation letter.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from hcc_desk.core.printing.forms.common import (
    Out,
    build_one,
    filled_lines,
    line,
    name,
    opening,
    reason,
    when,
)
from hcc_desk.core.printing.forms.data import TIMING_LABELS, FormSet, ResultSlipData
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.labels import id_label
from hcc_desk.core.printing.receipt_parts import LIMITS, signatures
from hcc_desk.core.printing.styles import layout_for, styles_for
from hcc_desk.core.printing.text import para

RELATIONS = {"owner": "Chủ hồ sơ (người nộp hồ sơ)", "authorised": "Người được ủy quyền"}


def render_result_pdf(
    data: ResultSlipData,
    out: Out,
    *,
    paper: str = "A4",
    form_set: FormSet = FormSet.TT01_2018,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("result", form_set)
    lay, st = layout_for(paper), styles_for(paper)
    relation = RELATIONS.get(data.relation, para(data.relation, LIMITS["short"]))
    story: list[Flowable] = [
        *opening(data, tpl, paper, at=data.returned_at),
        line("Bộ phận tiếp nhận và trả kết quả", para(data.centre.name, LIMITS["agency"]), st),
        line("Người nộp hồ sơ", f"<b>{name(data.applicant_name)}</b>", st),
        line(
            "Nội dung yêu cầu giải quyết", para(data.procedure_name, LIMITS["procedure_name"]), st
        ),
        line("Thời gian nhận hồ sơ", when(data.received_at), st),
        line("Thời gian hẹn trả kết quả", when(data.due_at), st),
    ]
    if data.rescheduled_due_at and data.rescheduled_due_at != data.due_at:
        story.append(
            line("Thời gian hẹn lại (theo văn bản xin lỗi)", when(data.rescheduled_due_at), st)
        )
    story += [
        line("Thời gian trả kết quả", when(data.returned_at), st),
        line(
            "Tiến độ giải quyết",
            f"<b>{TIMING_LABELS.get(data.timing, para(data.timing, LIMITS['short']))}</b>",
            st,
        ),
        line("Kết quả giải quyết", reason(data.result_summary) or "Theo hồ sơ kèm theo", st),
        Paragraph("<b>Người nhận kết quả</b>", st.section),
        line("Họ và tên", f"<b>{name(data.recipient_name)}</b>", st),
        *filled_lines(
            [(id_label(data.recipient_id_number), para(data.recipient_id_number, LIMITS["id"]))], st
        ),
        line("Quan hệ với hồ sơ", relation, st),
    ]
    if data.relation == "authorised" or data.authorisation_ref:
        story.append(
            line("Giấy ủy quyền", para(data.authorisation_ref, LIMITS["long"]) or "……………………", st)
        )
    story += [
        Paragraph("Người nhận đã kiểm tra và nhận đủ kết quả giải quyết hồ sơ nêu trên.", st.body),
        signatures(
            ("NGƯỜI NHẬN KẾT QUẢ", data.recipient_name),
            ("NGƯỜI TRẢ KẾT QUẢ", data.officer_name),
            lay,
            st,
        ),
    ]
    build_one(out, paper, story, code=data.code, title=tpl.title)
