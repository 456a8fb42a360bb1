"""The "Phí, lệ phí" lines of the receipt, from the catalogue's structured fee data.

Each case is printed with its amount in Vietnamese format and the legal basis it follows; the
catalogue's free ``fees_text`` is never printed (it was cut mid-sentence and cited rules that
had expired). No structured data: one neutral line, not a guess.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Paragraph

from hcc_core.vn_format import vn_money
from hcc_desk.core.printing.receipt_parts import LIMITS, keep_tail
from hcc_desk.core.printing.styles import Styles
from hcc_desk.core.printing.text import para

UNKNOWN = "Theo quy định hiện hành; Bộ phận tiếp nhận và trả kết quả hướng dẫn mức thu cụ thể."


def fee_text(fee) -> str:
    """One case as markup: "<case>: <amount> (<text>) — căn cứ <basis>"."""
    amount = vn_money(fee.amount_vnd) if fee.amount_vnd is not None else ""
    words = para(fee.text, LIMITS["short"])
    if amount and words and words.casefold() not in (amount.casefold(), "phí", "lệ phí"):
        body = f"{amount} ({words})"
    else:
        body = amount or words or "—"
    case = para(fee.case, LIMITS["short"])
    basis = para(fee.basis, LIMITS["short"])
    return keep_tail((f"{case}: " if case else "") + body + (f" — căn cứ {basis}" if basis else ""))


def fee_lines(fees: Sequence, st: Styles) -> list[Paragraph]:
    """ "Phí, lệ phí: …" on one line for one case, else a line per case."""
    if not fees:
        return [Paragraph(f"Phí, lệ phí: {UNKNOWN}", st.body)]
    if len(fees) == 1:
        return [Paragraph(f"Phí, lệ phí: {fee_text(fees[0])}", st.body)]
    return [
        Paragraph("Phí, lệ phí:", st.body),
        *(Paragraph(f"- {fee_text(f)}", st.body) for f in fees),
    ]
