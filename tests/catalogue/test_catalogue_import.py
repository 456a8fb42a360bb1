from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hcc_core.catalogue import default_catalogue_path
from hcc_desk.core.store import Store
from hcc_desk.core.store.catalogue_import import import_catalogue, seed_default_catalogue
from hcc_desk.core.store.models import Agency, Procedure, ProcedurePaper
from hcc_desk.core.store.repositories import list_agencies, list_procedures, search_procedures


def seed() -> dict[str, Any]:
    return json.loads(default_catalogue_path().read_text(encoding="utf-8"))


def write(tmp_path: Path, doc: Any, name: str = "cat.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def counts(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(t))
            for t in (Agency, Procedure, ProcedurePaper)
        )


def test_seed_file_is_real_and_broad() -> None:
    doc = seed()
    procs = doc["procedures"]
    assert len(procs) >= 40 and len({p["agency"] for p in procs}) >= 8
    assert all(p["source"] for p in procs)
    assert all(a["unit_code_status"].startswith("demo") for a in doc["agencies"])
    assert len({a["unit_code"] for a in doc["agencies"]}) == len(doc["agencies"])
    assert all(a["unit_code"].endswith(".H57") for a in doc["agencies"])


def test_seed_import_counts(store: Store) -> None:
    doc = seed()
    with store.session() as s:
        report = seed_default_catalogue(s)
    assert report.ok
    assert (report.added, report.updated, report.unchanged) == (len(doc["procedures"]), 0, 0)
    assert report.agencies_added == len(doc["agencies"])
    with store.session() as s:
        procs = list_procedures(s)
        assert len(procs) == len(doc["procedures"])
        assert sum(1 for p in procs if p.papers) == sum(1 for p in doc["procedures"] if p["papers"])
        passport = next(p for p in procs if p.code == "1.001456")
        assert passport.agency.name == "Công an cấp tỉnh" and passport.duration_hours == 64
        assert passport.papers[0].position == 1
        assert passport.duration().text("vi") == "08 ngày làm việc"
        same_day = next(p for p in procs if p.code == "1.003006")
        # "Ngay sau khi nhận đủ hồ sơ" states no cut-off hour: none is invented (audit).
        assert same_day.duration().text("vi") == "Trong ngày" and same_day.cutoff is None
        bare = next(p for p in procs if p.code == "2.000596")  # published "7 Ngày"
        assert (bare.duration_kind, bare.day_kind_assumed) == ("calendar", False)
        assert bare.duration().text("vi") == "07 ngày" and bare.time_quote == "7 Ngày"
        co = next(p for p in procs if p.code == "1.000603")
        assert co.duration().text("vi") == "08 giờ làm việc"


def test_reimport_is_idempotent(store: Store) -> None:
    with store.session() as s:
        seed_default_catalogue(s)
    with store.session() as s:
        report = seed_default_catalogue(s)
    assert (report.added, report.updated, report.unchanged) == (0, 0, len(seed()["procedures"]))


def test_changed_record_is_updated(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        seed_default_catalogue(s)
    doc = seed()
    target = next(p for p in doc["procedures"] if p["code"] == "1.000426")
    target["duration_hours"] = 56
    target["papers"][0]["originals"] = 2
    with store.session() as s:
        report = import_catalogue(s, write(tmp_path, doc))
    assert (report.added, report.updated, report.unchanged) == (0, 1, len(doc["procedures"]) - 1)
    with store.session() as s:
        (p,) = search_procedures(s, "1.000426")
        assert p.duration_hours == 56 and p.papers[0].originals == 2


def test_deactivate_missing(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        seed_default_catalogue(s)
    doc = seed()
    doc["procedures"] = doc["procedures"][:10]
    with store.session() as s:
        report = import_catalogue(s, write(tmp_path, doc), deactivate_missing=True)
        assert report.deactivated == len(seed()["procedures"]) - 10
    with store.session() as s:
        assert len(list_procedures(s)) == 10
        assert len(list_procedures(s, active_only=False)) == len(seed()["procedures"])


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["procedures"][3].update(duration_hours="five"), "procedures[3]"),
        (lambda d: d["procedures"][5].update(cutoff="3pm"), "'cutoff' must be HH:MM"),
        (lambda d: d["procedures"][9]["papers"][1].update(originals=-1), "papers[1]"),
        (lambda d: d["procedures"][2].update(agency="Sở Du lịch"), "unknown agency"),
        (lambda d: d["procedures"].append(copy.deepcopy(d["procedures"][0])), "same procedure"),
        (lambda d: d["agencies"][0].update(unit_code="H57"), "agencies[0]"),
        (lambda d: d.update(format="something"), "not an HCC Desk catalogue"),
    ],
)
def test_bad_file_reports_and_writes_nothing(
    store: Store, tmp_path: Path, mutate: Any, message: str
) -> None:
    doc = seed()
    mutate(doc)
    with store.session() as s:
        report = import_catalogue(s, write(tmp_path, doc))
    assert not report.ok and report.added == 0
    assert any(message in e for e in report.errors), report.errors
    assert counts(store) == (0, 0, 0)


def test_broken_json_gives_a_clear_error(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cat.json"
    path.write_text(
        '{"format": "hcc-desk-catalogue", "version": 1,\n "procedures": [}', encoding="utf-8"
    )
    with store.session() as s:
        report = import_catalogue(s, path)
    assert report.errors and "not valid JSON (line 2" in report.errors[0]
    with store.session() as s:
        report = import_catalogue(s, tmp_path / "cat.csv")
    assert "unsupported file type" in report.errors[0]
    assert counts(store) == (0, 0, 0)


def test_failed_reimport_keeps_previous_catalogue(store: Store, tmp_path: Path) -> None:
    with store.session() as s:
        seed_default_catalogue(s)
    before = counts(store)
    doc = seed()
    doc["procedures"][0]["duration_hours"] = 999
    doc["procedures"][1]["duration_hours"] = -1
    with store.session() as s:
        assert not import_catalogue(s, write(tmp_path, doc)).ok
    with store.session() as s:
        assert search_procedures(s, doc["procedures"][0]["code"])[0].duration_hours != 999
    assert counts(store) == before


def test_existing_agency_unit_code_is_kept(store: Store) -> None:
    with store.session() as s:
        s.add(Agency(name="Sở Tư pháp", short_name="STP", unit_code="000.00.23.H57"))
    with store.session() as s:
        assert seed_default_catalogue(s).ok
    with store.session() as s:
        stp = next(a for a in list_agencies(s) if a.name == "Sở Tư pháp")
    assert stp.unit_code == "000.00.23.H57"


def test_search_procedures_accent_free(store: Store) -> None:
    with store.session() as s:
        seed_default_catalogue(s)
        names = [p.name for p in search_procedures(s, "ho chieu pho thong")]
        assert names and all("hộ chiếu phổ thông" in n.lower() for n in names)
        assert [p.name for p in search_procedures(s, "HỘ CHIẾU phổ thông")] == names
        assert search_procedures(s, "1.0014")[0].code.startswith("1.0014")
        assert search_procedures(s, "") == []
        assert search_procedures(s, "khong co thu tuc nay") == []


RESEARCH = (
    Path(__file__).resolve().parents[2]
    / "src/hcc_core/data/catalogue/sources/procedures-research.json"
)


def test_seed_file_is_what_the_builder_makes() -> None:
    from hcc_core.catalogue.build_seed import build, read_sources

    doc, skipped = build(*read_sources(RESEARCH))
    assert doc == seed()
    assert len(skipped) == 1
