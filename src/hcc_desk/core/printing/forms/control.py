"""Mẫu 05 (2025 set: Mẫu 06) — PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ (docs/domain.md).

Travels with the papers: one row per hand-over between the counter and the agencies, with its
time and room for both signatures; the timeliness column is filled where a result was made.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.tables import Table

from hcc_desk.core.printing.forms.common import (
    Out,
    build_one,
    line,
    name,
    opening,
    when,
)
from hcc_desk.core.printing.forms.data import ControlData, FormSet, HopRow
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.receipt_parts import LIMITS, grid_style
from hcc_desk.core.printing.styles import Layout, Styles, layout_for, styles_for
from hcc_desk.core.printing.text import para

HEAD = (
    "TÊN CƠ QUAN",
    "THỜI GIAN GIAO, NHẬN HỒ SƠ",
    "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)",
    "GHI CHÚ",
)
BLANK_HOPS = 3  # empty row pairs left for hand-overs still to come


def render_control_pdf(
    data: ControlData,
    out: Out,
    *,
    paper: str = "A4",
    form_set: FormSet = FormSet.TT01_2018,
    template: Template | None = None,
) -> None:
    tpl = template or template_for("control", form_set)
    lay, st = layout_for(paper), styles_for(paper)
    day = (data.issued_at or data.received_at).date()
    coordinating = "; ".join(para(c, LIMITS["agency"]) for c in data.coordinating)
    story: list[Flowable] = [
        *opening(
            data,
            tpl,
            paper,
            at=data.issued_at or data.received_at,
            day=day,
            subtitle="(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)",
            appointment_at=data.due_at,
        ),
        line("Tên tổ chức/cá nhân", f"<b>{name(data.applicant_name)}</b>", st),
        line(
            "Nội dung yêu cầu giải quyết", para(data.procedure_name, LIMITS["procedure_name"]), st
        ),
        line("Thời gian nhận hồ sơ", when(data.received_at), st),
        line("Thời gian hẹn trả kết quả", when(data.due_at), st),
        line("Cơ quan (bộ phận) giải quyết hồ sơ", para(data.agency_name, LIMITS["agency"]), st),
        line("Cơ quan phối hợp giải quyết hồ sơ", coordinating or "Không", st),
        Spacer(1, lay.s(3)),
        _hops_table(data.hops, lay, st),
    ]
    if data.result_ready_at:
        story.append(line("Có kết quả giải quyết", when(data.result_ready_at), st))
    if data.returned_at:
        story.append(line("Đã trả kết quả", when(data.returned_at), st))
    build_one(out, paper, story, code=data.code, title=tpl.title)


def _hops_table(hops: tuple[HopRow, ...], lay: Layout, st: Styles) -> Flowable:
    rows: list[list[object]] = [[Paragraph(h, st.cell_head) for h in HEAD]]
    signing = Paragraph("Người giao&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Người nhận", st.cell_center)
    for i, hop in enumerate(hops):
        rows.append(
            [
                Paragraph(
                    f"{2 * i + 1}. Giao: {para(hop.from_party, LIMITS['agency'])}<br/>"
                    f"{2 * i + 2}. Nhận: {para(hop.to_party, LIMITS['agency'])}",
                    st.cell,
                ),
                [
                    Paragraph(when(hop.at), st.cell_center),
                    Spacer(1, lay.s(2)),
                    signing,
                    Spacer(1, lay.s(22)),
                ],
                Paragraph(para(hop.result, LIMITS["short"]), st.cell_center),
                Paragraph(para(hop.note, LIMITS["long"], max_lines=5), st.cell),
            ]
        )
    n = len(hops)
    for i in range(n, n + BLANK_HOPS):
        rows.append(
            [
                Paragraph(f"{2 * i + 1}. Giao: …<br/>{2 * i + 2}. Nhận: …", st.cell),
                [
                    Paragraph(when(None), st.cell_center),
                    Spacer(1, lay.s(2)),
                    signing,
                    Spacer(1, lay.s(22)),
                ],
                "",
                "",
            ]
        )
    w = lay.frame_width
    table = Table(rows, colWidths=[w * 0.30, w * 0.34, w * 0.18, w * 0.18], repeatRows=1)
    table.setStyle(grid_style(lay))
    table.spaceAfter = lay.s(3)
    return table
