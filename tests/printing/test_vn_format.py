"""Vietnamese figures: "." groups thousands, "," starts the decimals; dates dd/mm/yyyy."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hcc_core.vn_format import vn_date, vn_datetime, vn_money, vn_number, vn_percent


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (1234567, 0, "1.234.567"),
        (1234567.25, 2, "1.234.567,25"),
        (-1234.5, 1, "-1.234,5"),
        (0.05, 1, "0,1"),
    ],
)
def test_numbers(value, decimals, text) -> None:
    assert vn_number(value, decimals) == text


def test_percentages_money_and_dates() -> None:
    assert vn_percent(100) == "100,0 %"
    assert vn_percent(2 / 3, ratio=True) == "66,7 %"
    assert vn_percent(2 / 3, 0, ratio=True) == "67 %"
    assert vn_percent(None) == "—"
    assert vn_money(1234567) == "1.234.567 đồng" and vn_money(0) == "0 đồng"
    assert vn_date(date(2026, 2, 5)) == "05/02/2026" and vn_date(None) == "—"
    assert vn_datetime(datetime(2026, 2, 5, 8, 5)) == "08:05 05/02/2026"
