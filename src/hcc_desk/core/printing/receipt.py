"""Mẫu 01 — GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (DOMAIN.md §2), rendered with reportlab.

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
from reportlab.platypus.tables import Table, TableStyle

from hcc_desk.core.printing import codes, document
from hcc_desk.core.printing.receipt_data import ReceiptData, ReceiptPaper
from hcc_desk.core.printing.receipt_parts import (
    LIMITS,
    code_block,
    header,
    papers_table,
    signatures,
)
from hcc_desk.core.printing.styles import Layout, Styles, layout_for, styles_for
from hcc_desk.core.printing.text import clean, clip, para
from hcc_desk.core.printing.vn_dates import format_vn_datetime

__all__ = ["COPY_MARKERS", "ReceiptData", "ReceiptPaper", "render_receipt_pdf"]

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
COPY_MARKERS = ("(Liên 1: Lưu)", "(Liên 2: Giao người nộp hồ sơ)")
ID_LABEL = "Số CMND/Thẻ căn cước/Hộ chiếu"


def render_receipt_pdf(
    data: ReceiptData, out: str | os.PathLike[str] | BinaryIO, paper: str = "A4"
) -> None:
    """Write the two-copy receipt of ``data`` as a PDF to a path or a binary file.

    ``paper`` is "A4" or "A5"; raises ValueError for anything else.
    """
    layout, styles = layout_for(paper), styles_for(paper)
    code = para(data.dossier_code, LIMITS["code"])
    copies = [
        (f"Mã hồ sơ: {code} — {marker}", _copy_story(data, marker, layout, styles))
        for marker in COPY_MARKERS
    ]
    document.build(out, layout, styles, copies,
                   title=clip(clean(f"{TITLE} {data.dossier_code}"), 200))


def _copy_story(data: ReceiptData, marker: str, lay: Layout, st: Styles) -> list[Flowable]:
    def line(label: str, value: str) -> Paragraph:
        return Paragraph(f"{label}: {value}", st.body)

    story: list[Flowable] = [
        header(data.governing_body, data.centre_name, data.dossier_code, data.place_name,
               data.received_at.date(), lay, st),
        Paragraph(TITLE, st.title),
        Paragraph(marker, st.italic_center),
        _codes_row(data, lay, st),
        line("Bộ phận tiếp nhận và trả kết quả", para(data.centre_name, LIMITS["agency"])),
        line("Tiếp nhận hồ sơ của", f"<b>{para(data.applicant_name, LIMITS['name'])}</b>"),
        line(ID_LABEL, para(data.applicant_id_number, LIMITS["id"])),
        line("Địa chỉ", para(data.applicant_address, LIMITS["address"])),
        Paragraph(
            f"Số điện thoại: {para(data.applicant_phone, LIMITS['phone'])}"
            f"&nbsp;&nbsp;&nbsp;&nbsp;Email: {para(data.applicant_email, LIMITS['email'])}",
            st.body,
        ),
    ]
    if _owner_differs(data):
        story += [
            Paragraph(
                f"Chủ hồ sơ: <b>{para(data.owner_name, LIMITS['name'])}</b>; "
                f"{ID_LABEL}: {para(data.owner_id, LIMITS['id'])}", st.body),
            line("Địa chỉ chủ hồ sơ", para(data.owner_address, LIMITS["address"])),
        ]
    story += [
        line(
            "Nội dung yêu cầu giải quyết",
            f"{para(data.procedure_name, LIMITS['procedure_name'])}"
            f" (mã thủ tục: {para(data.procedure_code, LIMITS['procedure_code'])})",
        ),
        line("Cơ quan giải quyết", para(data.deciding_agency, LIMITS["agency"])),
        Paragraph("<b>1. Thành phần hồ sơ nộp gồm:</b>", st.section),
        papers_table(data.papers, lay, st),
        Paragraph(f"<b>2. Số lượng hồ sơ:</b> {data.sets:02d} (bộ)", st.section),
        Paragraph(
            "<b>3. Thời gian giải quyết hồ sơ theo quy định là:</b> "
            + para(data.processing_time_text, LIMITS["short"]), st.section),
        Paragraph(f"<b>4. Thời gian nhận hồ sơ:</b> {format_vn_datetime(data.received_at)}",
                  st.section),
        Paragraph("<b>5. Thời gian trả kết quả giải quyết hồ sơ:</b> "
                  + format_vn_datetime(data.appointment_at), st.section),
        Paragraph("<b>6. Đăng ký nhận kết quả tại:</b> "
                  + para(data.result_delivery_text, LIMITS["long"]), st.section),
        line("Phí, lệ phí", para(data.fees_text, LIMITS["long"])),
        Paragraph(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: {para(data.ledger_book, LIMITS['ledger'])}"
            f"&nbsp;&nbsp;&nbsp;Số thứ tự: {data.ledger_number}", st.body),
    ]
    notes = para(data.notes, LIMITS["notes"], max_lines=30)
    if notes:
        story.append(line("Ghi chú", notes))
    story += [
        signatures(("NGƯỜI NỘP HỒ SƠ", data.applicant_name),
                   ("NGƯỜI TIẾP NHẬN HỒ SƠ", data.officer_name), lay, st),
        *_footnotes(data, lay, st),
    ]
    return story


def _owner_differs(data: ReceiptData) -> bool:
    """Print the owner block only when the dossier owner is not the person submitting."""
    owner = (data.owner_name or "").strip()
    if not owner:
        return False
    owner_id, applicant_id = (data.owner_id or "").strip(), data.applicant_id_number.strip()
    if owner_id and applicant_id:
        return owner_id != applicant_id
    return owner.casefold() != data.applicant_name.strip().casefold()


def _codes_row(data: ReceiptData, lay: Layout, st: Styles) -> Flowable:
    """Dossier code, its Code128 and the lookup PIN on the left; the lookup QR on the right."""
    qr_col = lay.qr_size + lay.s(8)
    left = code_block(data.dossier_code, lay, st, lay.frame_width - qr_col)
    left.append(Paragraph(f"Mã tra cứu: <b>{para(data.lookup_pin, LIMITS['pin'])}</b>",
                          st.body))
    # An over-long lookup URL would give an unreadable QR: fall back to "<code>|<pin>".
    fallback = f"{data.dossier_code}|{data.lookup_pin}"
    qr = codes.qr(data.lookup_url or fallback, size=lay.qr_size) or codes.qr(
        fallback, size=lay.qr_size)
    table = Table([[left, qr or ""]], colWidths=[lay.frame_width - qr_col, qr_col])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), lay.s(3)),
    ]))
    return table


def _footnotes(data: ReceiptData, lay: Layout, st: Styles) -> list[Flowable]:
    pin = para(data.lookup_pin, LIMITS["pin"])
    where = f" tại {para(data.lookup_url, LIMITS['url'])}" if data.lookup_url else ""
    notes = [
        "Giấy này được lập thành 02 liên: 01 liên lưu tại Bộ phận tiếp nhận và trả kết quả, "
        "01 liên giao người nộp hồ sơ.",
        "Khi đến nhận kết quả, mang theo Giấy này (và giấy ủy quyền nếu nhận thay). Có thể "
        "đăng ký nhận kết quả qua dịch vụ bưu chính công ích.",
        f"Tra cứu tình trạng hồ sơ{where} bằng Mã hồ sơ và Mã tra cứu {pin}, hoặc quét mã QR.",
    ]
    if data.hotline:
        notes.append(f"Đường dây nóng: {para(data.hotline, LIMITS['phone'])}.")
    return [
        Spacer(1, lay.s(4)),
        HRFlowable(width="100%", thickness=0.4, spaceAfter=lay.s(2)),
        Paragraph("<b>Lưu ý:</b>", st.note),
        *(Paragraph(f"- {n}", st.note) for n in notes),
    ]

