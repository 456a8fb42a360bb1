"""Mẫu 01 — GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (docs/domain.md), rendered with reportlab.

Two copies ("liên") in one PDF: one kept with the dossier, one handed to the applicant.
Every user string is escaped and length-capped (``receipt_parts.LIMITS``): over-long text is
cut with "…" rather than allowed to break the layout; the papers table and the notes flow onto
extra pages, with the table header repeated.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from hcc_desk.core.printing import document
from hcc_desk.core.printing.fees import fee_lines
from hcc_desk.core.printing.forms.common import caption, contact_line, filled_lines, mark_style
from hcc_desk.core.printing.forms.templates import Template, template_for
from hcc_desk.core.printing.labels import id_label
from hcc_desk.core.printing.paper_qr import QrFacts, lookup_link, payload
from hcc_desk.core.printing.receipt_data import FeeLine, ReceiptData, ReceiptPaper
from hcc_desk.core.printing.receipt_parts import (
    LIMITS,
    header,
    keep_tail,
    papers_table,
    signatures,
    top_strip,
)
from hcc_desk.core.printing.styles import LAYOUTS, Layout, Styles, layout_for, styles_for
from hcc_desk.core.printing.text import clean, clip, para
from hcc_desk.core.printing.vn_dates import format_vn_datetime

__all__ = ["COPY_MARKERS", "FeeLine", "ReceiptData", "ReceiptPaper", "render_receipt_pdf"]

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
COPY_MARKERS = ("(Liên 1: Lưu)", "(Liên 2: Giao người nộp hồ sơ)")


def lay_paper(lay: Layout) -> str:
    return next(name for name, known in LAYOUTS.items() if known is lay)


def render_receipt_pdf(
    data: ReceiptData, out: str | os.PathLike[str] | BinaryIO, paper: str = "A4"
) -> None:
    """Write the two-copy receipt of ``data`` as a PDF to a path or a binary file.

    ``paper`` is "A4" or "A5"; raises ValueError for anything else.
    """
    layout, styles = layout_for(paper), styles_for(paper)
    title = _template(data).title
    code = para(data.dossier_code, LIMITS["code"])
    copies = [
        (f"Mã hồ sơ: {code} — {marker}", _copy_story(data, marker, layout, styles))
        for marker in COPY_MARKERS
    ]
    document.build(
        out, layout, styles, copies, title=clip(clean(f"{title} {data.dossier_code}"), 200)
    )


def _copy_story(data: ReceiptData, marker: str, lay: Layout, st: Styles) -> list[Flowable]:
    def line(label: str, value: str) -> Paragraph:
        return Paragraph(f"{label}: {keep_tail(value)}", st.body)

    tpl = _template(data)
    qr = payload(
        _trace(data),
        code=data.dossier_code,
        paper_name=tpl.title,
        issued_at=data.received_at,
        appointment_at=data.appointment_at,
    )
    story: list[Flowable] = [
        top_strip(
            qr, caption(tpl), lay, st, mark_style(lay_paper(lay)), data.dossier_code, _pin(data, st)
        ),
        header(
            data.governing_body,
            data.centre_name,
            data.dossier_code,
            data.place_name,
            data.received_at.date(),
            lay,
            st,
        ),
        Paragraph(tpl.title, st.title),
        Paragraph(marker, st.italic_center),
        line("Bộ phận tiếp nhận và trả kết quả", para(data.centre_name, LIMITS["agency"])),
        line("Tiếp nhận hồ sơ của", f"<b>{para(data.applicant_name, LIMITS['name'])}</b>"),
        *filled_lines(
            [
                (
                    id_label(data.applicant_id_number, data.applicant_kind),
                    para(data.applicant_id_number, LIMITS["id"]),
                ),
                ("Địa chỉ", para(data.applicant_address, LIMITS["address"])),
            ],
            st,
        ),
        *contact_line(data.applicant_phone, data.applicant_email, st),
    ]
    if _owner_differs(data):
        owner_id = para(data.owner_id, LIMITS["id"])
        id_part = (
            f"; {id_label(data.owner_id, data.owner_kind or 'individual')}: {owner_id}"
            if owner_id
            else ""
        )
        story.append(
            Paragraph(
                f"Chủ hồ sơ: <b>{para(data.owner_name, LIMITS['name'])}</b>{id_part}", st.body
            )
        )
        story += filled_lines(
            [("Địa chỉ chủ hồ sơ", para(data.owner_address, LIMITS["address"]))], st
        )
    story += [
        line(
            "Nội dung yêu cầu giải quyết",
            f"{para(data.procedure_name, LIMITS['procedure_name'])}"
            + (
                f" (mã thủ tục: {para(data.procedure_code, LIMITS['procedure_code'])})"
                if data.procedure_code.strip()
                else ""
            ),
        ),
        line("Cơ quan giải quyết", para(data.deciding_agency, LIMITS["agency"])),
        Paragraph("<b>1. Thành phần hồ sơ nộp gồm:</b>", st.section),
        papers_table(data.papers, lay, st),
        Paragraph(f"<b>2. Số lượng hồ sơ:</b> {data.sets:02d} (bộ)", st.section),
        Paragraph(
            "<b>3. Thời gian giải quyết hồ sơ theo quy định là:</b> "
            + keep_tail(para(data.processing_time_text, LIMITS["short"])),
            st.section,
        ),
        Paragraph(
            f"<b>4. Thời gian nhận hồ sơ:</b> {format_vn_datetime(data.received_at)}", st.section
        ),
        Paragraph(
            "<b>5. Thời gian trả kết quả giải quyết hồ sơ:</b> "
            + format_vn_datetime(data.appointment_at),
            st.section,
        ),
        Paragraph(
            "<b>6. Đăng ký nhận kết quả tại:</b> "
            + keep_tail(para(data.result_delivery_text, LIMITS["long"])),
            st.section,
        ),
        *fee_lines(data.fees, st),
        Paragraph(_ledger_line(data), st.body),
    ]
    notes = para(data.notes, LIMITS["notes"], max_lines=30)
    if notes:
        story.append(line("Ghi chú", notes))
    story += [
        signatures(
            ("NGƯỜI NỘP HỒ SƠ", data.applicant_name),
            ("NGƯỜI TIẾP NHẬN HỒ SƠ", data.officer_name),
            lay,
            st,
        ),
        *_footnotes(data, lay, st),
    ]
    return story


def _template(data: ReceiptData) -> Template:
    return data.template or template_for("receipt", data.form_set)


def _trace(data: ReceiptData) -> QrFacts:
    """The QR's facts: as the service gave them, else from the receipt's own fields. The
    holder is the dossier's owner when there is one (the party the procedure is for)."""
    if data.trace is not None:
        return data.trace
    holder = (data.owner_id or "") if _owner_differs(data) else data.applicant_id_number
    link = data.lookup_url or lookup_link(None, data.dossier_code, data.lookup_pin)
    return QrFacts(procedure_code=data.procedure_code, holder_id=holder, link=link)


def _ledger_line(data: ReceiptData) -> str:
    book = para(data.ledger_book, LIMITS["ledger"])
    parts = [f"Quyển số: {book}"] if book else []
    if data.ledger_number:
        parts.append(f"Số thứ tự: {data.ledger_number}")
    return "Vào Sổ theo dõi hồ sơ" + (", " + "&nbsp;&nbsp;&nbsp;".join(parts) if parts else ".")


def _owner_differs(data: ReceiptData) -> bool:
    """Print the owner block only when the dossier owner is not the person submitting."""
    owner = (data.owner_name or "").strip()
    if not owner:
        return False
    owner_id, applicant_id = (data.owner_id or "").strip(), data.applicant_id_number.strip()
    if owner_id and applicant_id:
        return owner_id != applicant_id
    return owner.casefold() != data.applicant_name.strip().casefold()


def _pin(data: ReceiptData, st: Styles) -> list[Flowable]:
    """The lookup PIN (the code, its Code128 and the QR are in the top strip)."""
    pin = para(data.lookup_pin, LIMITS["pin"])
    return [Paragraph(f"Mã tra cứu: <b>{pin}</b>", st.body)] if pin else []


def _footnotes(data: ReceiptData, lay: Layout, st: Styles) -> list[Flowable]:
    pin = para(data.lookup_pin, LIMITS["pin"])
    # Where the link is too long to print whole, the QR still carries it.
    where = f" tại {para(data.lookup_url, LIMITS['url'])}" if data.lookup_url else ""
    notes = [
        "Giấy này được lập thành 02 liên: 01 liên lưu tại Bộ phận tiếp nhận và trả kết quả, "
        "01 liên giao người nộp hồ sơ.",
        "Khi đến nhận kết quả, mang theo Giấy này (và giấy ủy quyền nếu nhận thay). Có thể "
        "đăng ký nhận kết quả qua dịch vụ bưu chính công ích.",
        f"Tra cứu tình trạng hồ sơ{where} bằng Mã hồ sơ và Mã tra cứu {pin}, hoặc quét mã QR."
        + (f" Đường dây nóng: {para(data.hotline, LIMITS['phone'])}." if data.hotline else ""),
    ]
    return [
        Spacer(1, lay.s(4)),
        HRFlowable(width="100%", thickness=0.4, spaceAfter=lay.s(2)),
        Paragraph("<b>Lưu ý:</b>", st.note),
        *(Paragraph(f"- {keep_tail(n)}", st.note) for n in notes),
    ]
