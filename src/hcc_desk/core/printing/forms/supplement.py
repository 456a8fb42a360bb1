"""Mẫu 02 — PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ (docs/domain.md).

Lists the papers to add or complete and why; while the applicant does so the processing clock
is paused (docs/domain.md), which the slip says so the applicant knows the appointment moves.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.tables import Table

from hcc_desk.core.printing.forms.common import (
    Out,
    applicant_lines,
    build_one,
    line,
    name,
    opening,
    reason,
    when,
)
from hcc_desk.core.printing.forms.data import FormSet, SupplementData
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.receipt_parts import LIMITS, grid_style, signatures
from hcc_desk.core.printing.styles import Layout, Styles, layout_for, styles_for
from hcc_desk.core.printing.text import para

NUMBER_SUFFIX = "/HDHS"  # "hướng dẫn hồ sơ", as the Thanh Hóa template numbers Mẫu 02


def render_supplement_pdf(
    data: SupplementData,
    out: Out,
    *,
    paper: str = "A4",
    form_set: FormSet = FormSet.TT01_2018,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("supplement", form_set)
    lay, st = layout_for(paper), styles_for(paper)
    story: list[Flowable] = [
        *opening(data, tpl, paper, at=data.issued_at, number=f"{data.code}{NUMBER_SUFFIX}"),
        *applicant_lines(data, "Tiếp nhận hồ sơ/yêu cầu của Ông/Bà", st),
        line("Thời gian nhận hồ sơ", when(data.received_at), st),
    ]
    if data.agency_name:
        story.append(line("Cơ quan yêu cầu bổ sung", para(data.agency_name, LIMITS["agency"]), st))
    story += [
        Paragraph("<b>Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:</b>", st.section),
        _papers(data.missing_papers, lay, st),
        line("<b>Lý do</b>", reason(data.reason), st),
        Paragraph(
            "Thời gian giải quyết hồ sơ tạm dừng từ "
            f"{when(data.issued_at)} cho đến khi Ông/Bà nộp đủ hồ sơ đã bổ sung, hoàn thiện; "
            "ngày hẹn trả kết quả sẽ được tính lại tương ứng.",
            st.body,
        ),
        Paragraph(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
            f"{name(data.officer_name)}"
            + (
                f", số điện thoại {para(data.centre.hotline, LIMITS['phone'])}"
                if data.centre.hotline
                else ""
            )
            + " để được hướng dẫn.",
            st.body,
        ),
        signatures(None, ("NGƯỜI HƯỚNG DẪN", data.officer_name), lay, st),
    ]
    build_one(out, paper, story, code=data.code, title=tpl.title)


def _papers(papers: tuple[str, ...], lay: Layout, st: Styles) -> Flowable:
    """TT | Thành phần hồ sơ cần bổ sung, hoàn thiện — splits across pages, header repeated."""
    rows: list[list[object]] = [
        [
            Paragraph("TT", st.cell_head),
            Paragraph("Thành phần hồ sơ cần bổ sung, hoàn thiện", st.cell_head),
        ]
    ]
    for i, paper in enumerate(papers, 1):
        rows.append(
            [Paragraph(str(i), st.cell_center), Paragraph(para(paper, LIMITS["long"]), st.cell)]
        )
    if not papers:
        rows.append(["", Paragraph("(Xem lý do dưới đây)", st.cell)])
    w = lay.frame_width
    table = Table(rows, colWidths=[w * 0.08, w * 0.92], repeatRows=1)
    table.setStyle(grid_style(lay))
    table.spaceAfter = lay.s(3)
    return table
