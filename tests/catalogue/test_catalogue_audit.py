"""Each case the legal audit found in the shipped catalogue, pinned (issue 10, item 1)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from hcc_core.catalogue import default_catalogue_path, read_catalogue
from hcc_core.catalogue.fees import expired_on
from hcc_core.catalogue.schema import ProcedureRecord
from hcc_core.domain.calendar import Duration, WorkCalendar, appointment
from hcc_core.domain.text import fold

SEED = Path(__file__).parents[2] / "src/hcc_core/data/catalogue/procedures.json"
CHECKED_ON = date(2026, 12, 4)


@pytest.fixture(scope="module")
def records() -> dict[str, ProcedureRecord]:
    parsed = read_catalogue(default_catalogue_path())
    assert not parsed.errors
    return {r.code or r.name: r for r in parsed.procedures}


def _duration(r: ProcedureRecord) -> Duration:
    return Duration.from_config(
        {
            "hours": r.duration_hours,
            "kind": r.duration_kind,
            "cutoff": r.cutoff,
            "unit": r.duration_unit,
        }
    )


def test_judicial_record_certificate_counts_calendar_days(
    records: dict[str, ProcedureRecord],
) -> None:
    lltp = records["3.000333"]  # Phiếu lý lịch tư pháp: published "10 Ngày"
    assert (lltp.duration_kind, lltp.duration_hours) == ("calendar", 80)
    assert not lltp.day_kind_assumed
    assert lltp.time_quote == "10 Ngày" and "48" in (lltp.start_rule or "")
    assert _duration(lltp).text("vi") == "10 ngày"  # never "10 ngày làm việc"
    # Received Monday 2 March 2026: due Thursday 12 March, not 16 March (10 working days).
    due = appointment(datetime(2026, 3, 2, 9, 30), _duration(lltp), WorkCalendar())
    assert due == datetime(2026, 3, 12, 17, 0)


@pytest.mark.parametrize("code", ["1.008927", "2.000596", "1.013219", "1.013222", "1.013871"])
def test_every_bare_ngay_is_a_calendar_day(records: dict[str, ProcedureRecord], code: str) -> None:
    r = records[code]
    assert "lam viec" not in fold(r.processing_time_text or "")
    assert (r.duration_kind, r.day_kind_assumed) == ("calendar", False)


def test_no_record_has_an_assumed_unit(records: dict[str, ProcedureRecord]) -> None:
    assert [c for c, r in records.items() if r.day_kind_assumed] == []
    for r in records.values():  # the unit of each record is what its published text says
        text = fold(r.time_quote or "")
        if r.duration_kind == "calendar":
            assert "ngay lam viec" not in text, r.code
        elif r.duration_hours and r.duration_unit == "day":
            assert "ngay lam viec" in text, r.code


def test_driving_instructor_limit_drops_the_training_facilitys_days(
    records: dict[str, ProcedureRecord],
) -> None:
    r = records["1.001765"]  # published 3 (facility, before filing) + 5 + 3 working days
    assert (r.duration_hours, r.duration_kind) == (64, "working")  # 5 + 3, not 11
    assert "tap huan" not in fold(r.time_quote or "")
    assert any("before filing" in n for n in r.notes)


def test_oversize_vehicle_permit_drops_the_receipt_check_stage(
    records: dict[str, ProcedureRecord],
) -> None:
    r = records["1.000028"]
    assert (r.duration_hours, r.duration_kind) == (8, "working")  # was 1 + 1 days
    assert r.start_rule == "kể từ khi nhận đủ hồ sơ theo quy định"


@pytest.mark.parametrize("code", ["1.003006", "1.003029", "1.003039", "3.000449"])
def test_same_day_without_a_published_cutoff_has_none(
    records: dict[str, ProcedureRecord], code: str
) -> None:
    r = records[code]  # "Ngay sau khi nhận đủ hồ sơ hợp lệ": no hour in the source
    assert (r.duration_hours, r.cutoff, r.cutoff_source) == (0, None, None)
    due = appointment(datetime(2026, 3, 2, 16, 0), _duration(r), WorkCalendar())
    assert due == datetime(2026, 3, 2, 17, 0)  # same day, even after 15:00


def test_every_cutoff_cites_the_words_that_set_it(records: dict[str, ProcedureRecord]) -> None:
    with_cutoff = [r for r in records.values() if r.cutoff]
    assert len(with_cutoff) >= 5  # birth, death, certification of copies and signatures …
    for r in with_cutoff:
        assert r.cutoff == "15:00" and "sau 15 gio" in fold(r.cutoff_source or ""), r.name


def test_every_record_cites_its_time_source(records: dict[str, ProcedureRecord]) -> None:
    for r in records.values():
        assert r.time_source and r.time_quote, r.code or r.name
    assert len(records) >= 90


def test_fees_are_structured_and_in_force(records: dict[str, ProcedureRecord]) -> None:
    doc = json.loads(SEED.read_text(encoding="utf-8"))
    assert all("fees" in p for p in doc["procedures"])
    known = [r for r in records.values() if r.fees]
    assert len(known) >= 70
    for r in records.values():
        for fee in r.fees:
            assert set(fee) == {"case", "amount_vnd", "text", "basis"}
            assert expired_on(fee, CHECKED_ON) is None, (r.code, fee)
            assert "44/2023" not in (fee["basis"] or "") + fee["text"]  # the 2023-only rates
            assert "31/12/2025" not in fee["text"]  # the 2025-only online reduction
    passport = records["1.001456"].fees
    assert [(f["case"], f["amount_vnd"], f["basis"]) for f in passport] == [
        (None, 200000, "Thông tư 25/2021/TT-BTC"),
        ("Cấp lại do bị hỏng hoặc bị mất", 400000, "Thông tư 25/2021/TT-BTC"),
    ]
    assert records["1.000426"].fees == (
        {"case": None, "amount_vnd": 0, "text": "Miễn phí", "basis": None},
    )
    assert records["1.001445"].fees == ()  # "Không có thông tin": unknown, not free


def test_levels_and_commune_procedures(records: dict[str, ProcedureRecord]) -> None:
    levels = {r.level for r in records.values()}
    assert levels == {"province", "commune"}
    commune = [r for r in records.values() if r.level == "commune"]
    assert len(commune) >= 20
    names = " | ".join(fold(r.name) for r in commune)
    for wanted in (
        "dang ky khai sinh",
        "dang ky khai tu",
        "dang ky ket hon",
        "xac nhan tinh trang hon nhan",
        "chung thuc ban sao tu ban chinh",
        "chung thuc chu ky",
        "dang ky thuong tru",
        "dang ky tam tru",
    ):
        assert wanted in names, wanted
    for r in commune:
        assert r.papers and r.time_source and r.fees is not None, r.name
        # a paper only shown at the counter is a note, never a line with nothing handed in
        assert all(x.originals + x.certified_copies + x.photocopies for x in r.papers), r.name
    birth = records["1.001193"]
    assert (birth.duration_hours, birth.cutoff) == (0, "15:00")
    assert birth.fees[0]["amount_vnd"] == 0 and "Điều 11" in birth.fees[0]["basis"]
    residence = next(r for r in commune if fold(r.name) == "thu tuc dang ky thuong tru")
    assert (residence.duration_hours, residence.duration_kind) == (56, "working")
