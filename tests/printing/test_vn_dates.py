from datetime import date, datetime

import pytest

from hcc_desk.core.printing.vn_dates import format_vn_date, format_vn_datetime


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2025, 1, 5), "ngày 05 tháng 01 năm 2025"),
        (date(2025, 2, 28), "ngày 28 tháng 02 năm 2025"),
        (date(2025, 3, 1), "ngày 01 tháng 3 năm 2025"),
        (date(2025, 11, 30), "ngày 30 tháng 11 năm 2025"),
        (date(2026, 12, 9), "ngày 09 tháng 12 năm 2026"),
    ],
)
def test_day_two_digits_month_padded_only_for_january_and_february(d: date, text: str) -> None:
    assert format_vn_date(d) == text


def test_datetime_puts_time_first() -> None:
    assert format_vn_datetime(datetime(2025, 2, 5, 8, 5)) == (
        "08 giờ 05 phút, ngày 05 tháng 02 năm 2025"
    )
    assert format_vn_datetime(datetime(2025, 10, 15, 16, 30)) == (
        "16 giờ 30 phút, ngày 15 tháng 10 năm 2025"
    )
