"""Official one-stop forms after intake: Mẫu 02–06 and the hand-back record (docs/domain.md).

Plain Python + reportlab (+ openpyxl for the ledger workbook), no Qt. ``render_form`` picks the
renderer for a data object; templates follow the legal basis chosen by ``FormSet``.
"""
