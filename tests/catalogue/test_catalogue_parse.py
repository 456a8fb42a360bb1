from __future__ import annotations

import pytest

from hcc_core.catalogue import national_code, parse_quantity, parse_time_limit
from hcc_core.domain.text import fold


@pytest.mark.parametrize(
    ("text", "counts", "parsed"),
    [
        ("1 bản chính", (1, 0, 0), True),
        ("0 bản chính, 1 bản sao", (0, 1, 0), True),
        ("1 bản chính, 1 bản sao", (1, 1, 0), True),
        ("Bản chính: 01, Bản sao: 0", (1, 0, 0), True),
        ("Bản chính: 0, Bản sao: 2", (0, 2, 0), True),
        ("02 bản photo", (0, 0, 2), True),
        ("1 bản sao có chứng thực, 1 bản chụp", (0, 1, 1), True),
        (None, (1, 0, 0), False),
        ("x", (1, 0, 0), False),
    ],
)
def test_parse_quantity(text: str | None, counts: tuple[int, int, int], parsed: bool) -> None:
    q = parse_quantity(text)
    assert (q.originals, q.certified_copies, q.photocopies) == counts
    assert q.parsed is parsed


@pytest.mark.parametrize(
    ("text", "hours", "kind", "unit", "cutoff", "assumed"),
    [
        ("5 Ngày làm việc", 40, "working", "day", None, False),
        ("03 ngày làm việc kể từ khi nhận được hồ sơ đầy đủ.", 24, "working", "day", None, False),
        (
            "Mười (10) ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.",
            80,
            "working",
            "day",
            None,
            False,
        ),
        # A bare "ngày" is a calendar day (audit: the judicial-record certificate, "10 Ngày").
        ("7 Ngày", 56, "calendar", "day", None, False),
        ("10 Ngày", 80, "calendar", "day", None, False),
        ("20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 160, "calendar", "day", None, False),
        ("3 giờ", 3, "working", "hour", None, True),
        (
            (
                "Trực tuyến: 8 Ngày làm việc; Dịch vụ bưu chính: 18 Ngày làm việc; "
                "Trực tiếp: 5 Ngày làm việc"
            ),
            40,
            "working",
            "day",
            None,
            False,
        ),
        (
            (
                "Trực tiếp: 1 Ngày làm việc (Tiếp nhận: 01 ngày làm việc) + 1 Ngày làm việc "
                "(Thẩm định: 01 ngày làm việc); Trực tuyến: 2 Ngày làm việc"
            ),
            16,
            "working",
            "day",
            None,
            False,
        ),
        (
            (
                "Hồ sơ điện tử: trong thời hạn 6 giờ làm việc; hồ sơ giấy nộp trực tiếp tại trụ "
                "sở: trong thời hạn 8 giờ làm việc; hồ sơ nộp qua bưu điện: 24 giờ làm việc"
            ),
            8,
            "working",
            "hour",
            None,
            False,
        ),
        # Same day: a cut-off only when the text states one (audit: no invented 15:00).
        ("Ngay sau khi nhận đủ hồ sơ hợp lệ", 0, "working", "day", None, False),
        ("Trả kết quả trong ngày", 0, "working", "day", None, False),
        (
            "Trong ngày tiếp nhận yêu cầu; tiếp nhận sau 15 giờ thì trong ngày làm việc tiếp theo",
            0,
            "working",
            "day",
            "15:00",
            False,
        ),
        (
            "20 Ngày làm việc (Trực tiếp, Trực tuyến) — 20 ngày làm việc kể từ ngày nhận hồ sơ",
            160,
            "working",
            "day",
            None,
            False,
        ),
    ],
)
def test_parse_time_limit(
    text: str, hours: float, kind: str, unit: str, cutoff: str | None, assumed: bool
) -> None:
    limit = parse_time_limit(text)
    assert limit is not None
    assert (limit.hours, limit.kind, limit.unit, limit.cutoff, limit.day_kind_assumed) == (
        hours,
        kind,
        unit,
        cutoff,
        assumed,
    )
    if assumed or kind == "calendar" or ";" in text or "+" in text:
        assert limit.notes  # every interpretation is recorded
    # Only a text that names channels gets the "in-person value used" note.
    assert any("channel" in n for n in limit.notes) == (";" in text and "truc tiep" in fold(text))


@pytest.mark.parametrize("text", [None, "", "Theo quy định", "Không quy định"])
def test_unusable_time_limit(text: str | None) -> None:
    assert parse_time_limit(text) is None


@pytest.mark.parametrize(
    ("code", "national"),
    [
        ("1.000426", "1.000426"),
        ("2.000648.000.00.00.H50", "2.000648"),
        ("1.000603.H21", "1.000603"),
        ("1.004889.000.00.00.H33.02", "1.004889"),
        (None, None),
        (" ", None),
        ("ABC-1", "ABC-1"),
    ],
)
def test_national_code(code: str | None, national: str | None) -> None:
    assert national_code(code) == national
