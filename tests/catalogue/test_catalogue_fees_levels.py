"""Structured fees and the province/commune level are validated on import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hcc_core.catalogue import read_catalogue
from hcc_core.catalogue.fees import expired_on, fee_amounts_vi
from hcc_desk.core.store import Store
from hcc_desk.core.store.catalogue_import import import_catalogue
from hcc_desk.core.store.repositories import list_procedures

AGENCY = {"name": "Ủy ban nhân dân cấp xã", "short_name": "UBNDX", "unit_code": "000.00.62.H57"}


def catalogue(tmp_path: Path, **changes: Any) -> Path:
    proc: dict[str, Any] = {
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "agency": "UBNDX",
        "level": "Cấp xã",
        "duration_hours": 0,
        "cutoff": "15:00",
        "time_source": "Luật Hộ tịch 2014, Điều 16",
        "time_quote": "Ngay sau khi nhận đủ giấy tờ",
        "cutoff_source": "nếu tiếp nhận hồ sơ sau 15 giờ thì …",
        "fees": [
            {
                "case": "Đăng ký đúng hạn",
                "amount_vnd": 0,
                "text": "Miễn lệ phí",
                "basis": "Luật Hộ tịch 2014, Điều 11",
            }
        ],
    }
    proc.update(changes)
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            {
                "format": "hcc-desk-catalogue",
                "version": 1,
                "agencies": [AGENCY],
                "procedures": [proc],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


def test_fees_sources_and_level_are_stored(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        report = import_catalogue(s, catalogue(tmp_path))
    assert report.ok and report.warnings == ()
    with store.session() as s:
        (p,) = list_procedures(s)
    assert p.level == "commune"  # "Cấp xã" as published → the code other parts filter on
    assert p.fees == (
        {
            "case": "Đăng ký đúng hạn",
            "amount_vnd": 0,
            "text": "Miễn lệ phí",
            "basis": "Luật Hộ tịch 2014, Điều 11",
        },
    )
    assert (p.time_source, p.cutoff_source) == (
        "Luật Hộ tịch 2014, Điều 16",
        "nếu tiếp nhận hồ sơ sau 15 giờ thì …",
    )
    with store.session() as s:  # same file again: nothing changes
        again = import_catalogue(s, catalogue(tmp_path))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"level": "Cấp huyện"}, "'level' must be province or commune"),
        ({"fees": "Miễn phí"}, "'fees' must be a list"),
        ({"fees": [{"amount_vnd": 0}]}, "'text' (the published wording) is required"),
        ({"fees": [{"text": "x", "amount_vnd": -1}]}, "'amount_vnd' must be a whole number"),
        ({"fees": [{"text": "x", "amount_vnd": True}]}, "'amount_vnd' must be a whole number"),
        ({"fees": [{"text": "x", "amount_vnd": 1.5}]}, "'amount_vnd' must be a whole number"),
        ({"fees": [{"text": "x", "amount": 5}]}, "unknown field(s) amount"),
        ({"fees": [{"text": "x", "basis": 5}]}, "'basis' must be text or null"),
    ],
)
def test_bad_fees_and_levels_are_row_errors(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    parsed = read_catalogue(catalogue(tmp_path, **changes))
    assert len(parsed.errors) == 1
    assert parsed.errors[0].startswith("procedures[0] (Thủ tục đăng ký khai sinh): ")
    assert message in parsed.errors[0]


@pytest.mark.parametrize(
    ("level", "stored"),
    [
        ("province", "province"),
        ("Cấp tỉnh", "province"),
        ("CẤP XÃ", "commune"),
        ("commune", "commune"),
        (None, None),
    ],
)
def test_level_words(tmp_path: Path, level: str | None, stored: str | None) -> None:
    (rec,) = read_catalogue(catalogue(tmp_path, level=level)).procedures
    assert rec.level == stored


def test_expired_and_one_line() -> None:
    fee = {
        "case": None,
        "amount_vnd": 320000,
        "text": "320.000đ (áp dụng đến hết ngày 31/12/2023)",
        "basis": None,
    }
    assert expired_on(fee, date(2026, 1, 1)) == date(2023, 12, 31)
    assert expired_on(fee, date(2023, 12, 31)) is None
    assert expired_on({"text": "từ 01/7/2025-31/12/2026"}, date(2027, 1, 1)) == date(2026, 12, 31)
    assert fee_amounts_vi([]) == ""
    assert fee_amounts_vi([{"case": None, "amount_vnd": 0, "text": "Không"}]) == "Miễn phí"
    assert (
        fee_amounts_vi([{"case": "Cấp lại", "amount_vnd": 400000, "text": "400.000 đồng"}])
        == "Cấp lại: 400.000 đồng"
    )
