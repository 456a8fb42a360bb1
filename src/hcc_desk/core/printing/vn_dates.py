"""Dates as Vietnamese administrative documents write them.

Day always has two digits; the month is zero-padded only for January and February
("ngày 05 tháng 02 năm 2025", "ngày 05 tháng 3 năm 2025"), so that a one-digit month
cannot be altered into 11 or 12 by hand (docs/domain.md).
"""

from __future__ import annotations

from datetime import date, datetime


def vn_month(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def format_vn_date(d: date) -> str:
    """``ngày 05 tháng 02 năm 2025``."""
    return f"ngày {d.day:02d} tháng {vn_month(d.month)} năm {d.year}"


def format_vn_datetime(dt: datetime) -> str:
    """``08 giờ 05 phút, ngày 05 tháng 02 năm 2025`` (the time as given: pass local time)."""
    return f"{dt.hour:02d} giờ {dt.minute:02d} phút, {format_vn_date(dt)}"
