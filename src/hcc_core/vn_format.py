"""Numbers, money, percentages and dates as Vietnamese readers write them (no Qt).

Vietnamese groups thousands with "." and writes the decimal part after ",": 1.234.567 and
100,0 % (TCVN and every administrative text). Dates are dd/mm/yyyy. The UI, the printed forms
and the exports all format through here, so a figure reads the same everywhere.
"""

from __future__ import annotations

from datetime import date, datetime

__all__ = ["vn_date", "vn_datetime", "vn_money", "vn_number", "vn_percent", "vn_time"]


def vn_number(value: float | int, decimals: int = 0) -> str:
    """``1234567.5`` → ``1.234.567,5`` (``decimals`` digits after the comma)."""
    text = f"{value:,.{decimals}f}"  # "1,234,567.5": swap the two separators
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def vn_percent(value: float | None, decimals: int = 1, *, ratio: bool = False) -> str:
    """``100`` → ``100,0 %``; ``ratio=True`` reads 0.5 as 50 %. None → "—" (no data)."""
    if value is None:
        return "—"
    return f"{vn_number(value * 100 if ratio else value, decimals)} %"


def vn_money(amount_vnd: int) -> str:
    """``1234567`` → ``1.234.567 đồng``."""
    return f"{vn_number(amount_vnd)} đồng"


def vn_date(d: date | datetime | None) -> str:
    """``05/02/2025``; None → "—"."""
    return "—" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def vn_time(t: datetime) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def vn_datetime(t: datetime | None) -> str:
    """``08:05 05/02/2025`` (time first, as the counter's papers write it); None → "—"."""
    return "—" if t is None else f"{vn_time(t)} {vn_date(t)}"
