from __future__ import annotations

import dataclasses
from datetime import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select

from hcc_desk.core.store import ProcedureInfo, Store, open_store
from hcc_desk.core.store.catalogue_export import export_catalogue_xlsx
from hcc_desk.core.store.catalogue_import import import_catalogue, seed_default_catalogue
from hcc_desk.core.store.models import Procedure
from hcc_desk.core.store.repositories import list_procedures

PROC_HEADER = [
    "Code",
    "Name",
    "Agency",
    "Field",
    "Duration",
    "Kind",
    "Cutoff",
    "Fees",
    "Legal basis",
]
PAPER_HEADER = ["Procedure code", "Position", "Name", "Originals", "Certified", "Photocopies"]


def workbook(
    path: Path, procedures: list[list[Any]], papers: list[list[Any]], agencies: bool = True
) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "procedures"
    ws.append(PROC_HEADER)
    for row in procedures:
        ws.append(row)
    pp = wb.create_sheet("papers")
    pp.append(PAPER_HEADER)
    for row in papers:
        pp.append(row)
    if agencies:
        ag = wb.create_sheet("agencies")
        ag.append(["name", "short_name", "unit_code"])
        ag.append(["Sở Tư pháp", "STP", "000.00.51.H57"])
        ag.append(["Sở Y tế", "SYT", "000.00.52.H57"])
    wb.save(path)
    return path


GOOD = [
    [
        "1.000426.000.00.00.H57",
        "Cấp thẻ tư vấn viên pháp luật",
        "STP",
        "Tư vấn pháp luật",
        5,
        "working",
        None,
        "Miễn phí",
        "08/2025/TT-BTP; 77/2008/NĐ-CP",
    ],
    [
        1.00042,
        "Thủ tục có mã bị Excel đổi thành số",
        "Sở Tư pháp",
        None,
        4,
        "hours",
        None,
        None,
        None,
    ],
    [
        None,
        "Cấp giấy phép hoạt động (chưa có mã)",
        "000.00.52.H57",
        "Y tế",
        "7 ngày",
        None,
        None,
        "Không",
        None,
    ],
    [
        "3.000449",
        "Công bố nguyên liệu sản xuất thiết bị y tế",
        "SYT",
        None,
        0,
        "same_day",
        time(15, 0),
        None,
        None,
    ],
]
PAPERS = [
    ["1.000426", 2, "Bản sao Bằng cử nhân luật", 0, 1, 0],
    ["1.000426", 1, "Giấy đề nghị cấp Thẻ tư vấn viên pháp luật", 1, 0, 0],
    ["Cấp giấy phép hoạt động (chưa có mã)", 1, "Đơn đề nghị", 1, None, None],
]


def by_name(store: Store) -> dict[str, ProcedureInfo]:
    with store.session() as s:
        return {p.name: p for p in list_procedures(s)}


def test_small_workbook_imports(store: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "list.xlsx", GOOD, PAPERS)
    with store.session() as s:
        report = import_catalogue(s, path)
    assert report.ok, report.errors
    assert (report.added, report.agencies_added) == (4, 2)
    procs = by_name(store)
    tvpl = procs["Cấp thẻ tư vấn viên pháp luật"]
    assert tvpl.code == "1.000426" and tvpl.duration_hours == 40
    assert tvpl.legal_basis == ("08/2025/TT-BTP", "77/2008/NĐ-CP")
    assert [(p.position, p.name, p.certified_copies) for p in tvpl.papers] == [
        (1, "Giấy đề nghị cấp Thẻ tư vấn viên pháp luật", 0),
        (2, "Bản sao Bằng cử nhân luật", 1),
    ]
    hours = procs["Thủ tục có mã bị Excel đổi thành số"]
    assert hours.code == "1.000420" and hours.duration().text("vi") == "04 giờ làm việc"
    uncoded = procs["Cấp giấy phép hoạt động (chưa có mã)"]
    assert uncoded.code is None and uncoded.agency.short_name == "SYT"
    assert uncoded.duration_hours == 56 and uncoded.duration_kind == "calendar"  # bare "7 ngày"
    assert not uncoded.day_kind_assumed
    assert uncoded.processing_time_text == "7 ngày" and len(uncoded.papers) == 1
    same_day = procs["Công bố nguyên liệu sản xuất thiết bị y tế"]
    assert (same_day.duration_hours, same_day.cutoff) == (0, "15:00")  # the sheet gives it

    with store.session() as s:
        again = import_catalogue(s, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)


def test_workbook_errors_are_per_row_and_write_nothing(store: Store, tmp_path: Path) -> None:
    bad = [row[:] for row in GOOD]
    bad[1][4] = "soon"  # procedures row 3
    papers = [*PAPERS, ["9.999999", 1, "Giấy lạ", 1, 0, 0], ["1.000426", 3, "", 1, 0, 0]]
    path = workbook(tmp_path / "bad.xlsx", bad, papers)
    with store.session() as s:
        report = import_catalogue(s, path)
    assert not report.ok
    text = "\n".join(report.errors)
    assert "procedures row 3: 'duration'" in text
    assert "papers row 6: 'name' is required" in text
    assert "no procedure '9.999999'" in text
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Procedure)) == 0


def test_not_a_workbook(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 definitely not a zip")
    with store.session() as s:
        assert "not a readable .xlsx" in import_catalogue(s, path).errors[0]
    wb = Workbook()
    wb.save(tmp_path / "empty.xlsx")
    with store.session() as s:
        assert (
            'no sheet named "procedures"' in import_catalogue(s, tmp_path / "empty.xlsx").errors[0]
        )


def test_export_then_import_round_trips_the_seed(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        seed_default_catalogue(s)
        n = export_catalogue_xlsx(s, tmp_path / "export.xlsx")
        original = list_procedures(s)
    other = open_store(tmp_path / "other.db")
    try:
        with other.session() as s:
            report = import_catalogue(s, tmp_path / "export.xlsx")
            copied = list_procedures(s)
    finally:
        other.close()
    assert report.ok and report.added == n == len(original)

    def comparable(p: ProcedureInfo) -> ProcedureInfo:
        return dataclasses.replace(
            p,
            id=0,
            updated_at=None,  # type: ignore[arg-type]
            agency=dataclasses.replace(p.agency, id=0),
        )

    assert [comparable(p) for p in copied] == [comparable(p) for p in original]
