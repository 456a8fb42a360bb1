"""The catalogue lint: a unit or cut-off without a published source is reported."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hcc_core.catalogue import default_catalogue_path
from hcc_core.catalogue.lint import lint_file, lint_records, run
from hcc_core.catalogue.schema import procedure_from_dict
from hcc_desk.core.store import Store
from hcc_desk.core.store.catalogue_import import import_catalogue

TODAY = date(2026, 12, 4)


def record(**changes: Any):  # a clean record, then the change under test
    raw: dict[str, Any] = {
        "code": "1.000001",
        "name": "Thủ tục mẫu",
        "agency": "STP",
        "level": "province",
        "duration_hours": 40,
        "duration_kind": "working",
        "duration_unit": "day",
        "time_source": "Quyết định 1/QĐ-BTP",
        "time_quote": "05 ngày làm việc",
    }
    raw.update(changes)
    return procedure_from_dict(raw, ())


def checks(**changes: Any) -> list[str]:
    return [f.check for f in lint_records([record(**changes)], TODAY)]


def test_clean_record_has_no_findings() -> None:
    assert checks() == []


@pytest.mark.parametrize(
    ("changes", "found"),
    [
        # the judicial-record case: a bare "10 Ngày" counted as working days
        ({"duration_hours": 80, "time_quote": "10 Ngày"}, ["unit"]),
        ({"duration_kind": "calendar", "time_quote": "05 ngày làm việc"}, ["unit"]),
        ({"duration_kind": "calendar", "time_quote": "05 ngày"}, []),
        ({"time_source": None}, ["unit"]),
        ({"time_quote": None}, ["unit"]),
        ({"day_kind_assumed": True}, ["unit"]),
        ({"duration_hours": 8, "duration_unit": "hour", "time_quote": "08 giờ làm việc"}, []),
        ({"duration_hours": 0, "time_quote": "Ngay sau khi nhận đủ hồ sơ"}, []),
        ({"duration_hours": 0, "time_quote": "05 ngày làm việc"}, ["unit"]),
        # days before filing added to the limit: the quote does not give that number
        ({"duration_hours": 88, "time_quote": "05 ngày làm việc + 03 ngày làm việc"}, ["number"]),
        ({"duration_hours": 64, "time_quote": "05 ngày làm việc + 03 ngày làm việc"}, []),
        # a cut-off hour that is not in the source
        ({"cutoff": "15:00"}, ["cutoff"]),
        ({"cutoff": "15:00", "cutoff_source": "trả kết quả trong ngày"}, ["cutoff"]),
        ({"cutoff": "15:00", "cutoff_source": "tiếp nhận sau 16 giờ thì …"}, ["cutoff"]),
        ({"cutoff": "15:00", "cutoff_source": "nếu tiếp nhận sau 15 giờ thì …"}, []),
        ({"level": None}, ["level"]),
        (
            {
                "fees": [
                    {"text": "160.000 đồng (áp dụng đến hết ngày 31/12/2023)", "amount_vnd": 160000}
                ]
            },
            ["fee"],
        ),
        ({"fees": [{"text": "25.000 đồng (đến hết ngày 31/12/2026)", "amount_vnd": 25000}]}, []),
    ],
)
def test_findings(changes: dict[str, Any], found: list[str]) -> None:
    assert checks(**changes) == found


def test_shipped_catalogue_is_clean() -> None:
    findings, errors = lint_file(default_catalogue_path(), TODAY)
    assert errors == [] and [str(f) for f in findings] == []
    # Next year the temporary 2025–2026 fee rates must be revisited: the lint says so.
    later, _ = lint_file(default_catalogue_path(), date(2027, 1, 2))
    assert later and {f.check for f in later} == {"fee"}


def _bad_catalogue(tmp_path: Path) -> Path:
    seed = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    lltp = next(p for p in seed["procedures"] if p["code"] == "3.000333")
    lltp.update(duration_kind="working", cutoff="15:00")  # the audited mistakes, put back
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_reports_and_fails(tmp_path: Path) -> None:
    path = _bad_catalogue(tmp_path)
    cmd = [sys.executable, "-m", "hcc_core.catalogue.lint", "--today", "2026-12-04"]
    bad = subprocess.run([*cmd, str(path)], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert "3.000333: [unit]" in bad.stdout and "3.000333: [cutoff]" in bad.stdout
    assert "Traceback" not in bad.stderr
    good = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert good.returncode == 0 and "no findings" in good.stdout


def test_hcc_desk_catalogue_lint(tmp_path: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "hcc_desk",
        "--profile",
        str(tmp_path / "p"),
        "catalogue",
        "lint",
        "--today",
        "2026-12-04",
    ]
    bad = subprocess.run(
        [*cmd, str(_bad_catalogue(tmp_path))], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 1 and "3.000333: [unit]" in bad.stdout
    good = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert good.returncode == 0 and "no findings" in good.stdout, good.stderr


def test_unreadable_file_is_an_error_not_a_traceback(tmp_path: Path, capsys) -> None:
    assert run(tmp_path / "missing.json", TODAY) == 1
    assert "cannot read file" in capsys.readouterr().out


def test_import_carries_lint_findings_as_warnings(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        report = import_catalogue(s, _bad_catalogue(tmp_path))
    assert report.ok  # imported: the warnings are for the admin to fix the list
    assert any(w.startswith("3.000333: [unit]") for w in report.warnings)
