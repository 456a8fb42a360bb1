"""Calendar and catalogue imports with a preview: the preview lists exactly what applying
changes, and writes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from hcc_core.catalogue import default_catalogue_path
from hcc_core.data_files import data_path
from hcc_desk.core.store.models import AuditLog, CalendarDay, CalendarYear, Procedure
from hcc_desk.services.admin_imports import AdminImports
from hcc_desk.services.admin_officers import AdminOfficers
from hcc_desk.services.errors import AuthError, InvalidInput

GOOD = "Hue-quay-07!"


def calendar_file(tmp_path, year=2026):
    """The bundled year with 3 March made a day off, its first day off dropped, a name changed."""
    data = json.loads(data_path("calendar", "vn-official.json").read_text(encoding="utf-8"))
    block = next(y for y in data["years"] if y["year"] == year)
    data["years"] = [block]
    dropped = block["days_off"].pop(0)
    block["days_off"][0]["name"] += " (sửa)"
    source = block["days_off"][0]["source"]
    block["days_off"].append({"day": f"{year}-03-03", "name": "Nghỉ thêm", "source": source})
    path = tmp_path / f"lich-{year}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, date.fromisoformat(dropped["day"]), date.fromisoformat(block["days_off"][0]["day"])


def catalogue_file(tmp_path, ctx):
    """The bundled list cut to this centre's agencies: one procedure renamed, one left out,
    one new (with a lint finding: its time limit has no quoted source)."""
    data = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    with ctx.store.session() as s:
        codes = set(s.scalars(select(Procedure.code).where(Procedure.active.is_(True))))
    data["procedures"] = [p for p in data["procedures"] if p["code"] in codes]
    renamed, left_out = data["procedures"][0], data["procedures"].pop(1)
    renamed["processing_time_text"] = "05 ngày làm việc"
    new = dict(
        data["procedures"][2], code="9.999999", name="Thủ tục thử nghiệm mới", time_quote=None
    )
    data["procedures"].append(new)
    path = tmp_path / "danh-muc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, renamed["code"], left_out["code"]


def db_state(ctx):
    with ctx.store.session() as s:
        return (
            list(
                s.execute(
                    select(CalendarDay.day, CalendarDay.kind, CalendarDay.note).order_by(
                        CalendarDay.day
                    )
                )
            ),
            list(s.scalars(select(CalendarYear.year))),
            list(
                s.execute(
                    select(
                        Procedure.code, Procedure.processing_time_text, Procedure.active
                    ).order_by(Procedure.id)
                )
            ),
            s.scalar(select(func.count()).select_from(AuditLog)),
        )


@pytest.fixture
def imports(demo_ctx):
    return AdminImports(demo_ctx.store, demo_ctx.calendars)


def test_calendar_preview_lists_the_days_and_changes_nothing_until_applied(
    demo_ctx, imports, tmp_path
):
    path, dropped, renamed = calendar_file(tmp_path)
    before = db_state(demo_ctx)
    preview = imports.preview_calendar("demo", path)
    assert preview.years == [2026]
    assert [(c.day, c.kind) for c in preview.of("added")] == [(date(2026, 3, 3), "off")]
    assert [c.day for c in preview.of("removed")] == [dropped]
    assert [c.day for c in preview.of("changed")] == [renamed]
    assert db_state(demo_ctx)[:3] == before[:3]
    assert demo_ctx.calendars.current().is_working_day(date(2026, 3, 3))

    report = imports.apply_calendar("demo", path)
    assert report.years == [2026]
    assert not demo_ctx.calendars.current().is_working_day(date(2026, 3, 3))
    assert demo_ctx.calendars.current().is_working_day(dropped)
    assert imports.preview_calendar("demo", path).changes == []  # applied: nothing left
    # a desk's own edit in the year is what an import would replace: the preview says so
    demo_ctx.calendars.set_day(date(2026, 3, 4), "off", "Họp")
    assert [(c.day, c.change) for c in imports.preview_calendar("demo", path).changes] == [
        (date(2026, 3, 4), "removed")
    ]


def test_a_broken_calendar_file_is_a_clear_error(imports, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        imports.preview_calendar("demo", bad)
    assert err.value.message and err.value.text("en")


def test_catalogue_preview_matches_the_import_and_writes_nothing(demo_ctx, imports, tmp_path):
    path, renamed, left_out = catalogue_file(tmp_path, demo_ctx)
    before = db_state(demo_ctx)
    preview = imports.preview_catalogue("demo", path)
    assert [(c.ref, c.change) for c in preview.changes] == [
        (renamed, "changed"),
        ("9.999999", "added"),
    ]
    assert preview.of("changed")[0].fields == ("processing_time_text",)
    assert any("9.999999" in w for w in preview.warnings)
    assert db_state(demo_ctx)[:3] == before[:3]  # nothing written

    retire = imports.preview_catalogue("demo", path, retire_missing=True)
    assert [c.ref for c in retire.of("removed")] == [left_out]
    assert db_state(demo_ctx)[:3] == before[:3]

    report = imports.apply_catalogue("demo", path, retire_missing=True)
    assert (report.added, report.updated, report.deactivated) == (1, 1, 1)
    codes = {c: active for c, _t, active in db_state(demo_ctx)[2]}
    assert codes["9.999999"] and not codes[left_out]
    assert imports.preview_catalogue("demo", path, retire_missing=True).changes == []
    with demo_ctx.store.session() as s:
        row = s.scalar(select(AuditLog).where(AuditLog.action == "catalogue.import"))
    assert row.actor == "demo" and row.detail["retired"] == 1


def test_a_catalogue_with_errors_is_refused_whole(demo_ctx, imports, tmp_path):
    path = tmp_path / "x.json"
    path.write_text(
        json.dumps(
            {
                "format": "hcc-desk-catalogue",
                "version": 1,
                "agencies": [],
                "procedures": [{"name": "X", "agency": "Không có"}],
            }
        ),
        encoding="utf-8",
    )
    before = db_state(demo_ctx)
    for call in (imports.preview_catalogue, imports.apply_catalogue):
        with pytest.raises(InvalidInput):
            call("demo", path)
    assert db_state(demo_ctx)[:3] == before[:3]


def test_imports_are_for_admins_only(demo_ctx, imports, tmp_path):
    AdminOfficers(demo_ctx.store, demo_ctx.credentials).add(
        "demo", "canbo", "Cán Bộ", "officer", GOOD, GOOD
    )
    path, *_ = calendar_file(tmp_path)
    cat, *_ = catalogue_file(tmp_path, demo_ctx)
    for call, file in (
        (imports.preview_calendar, path),
        (imports.apply_calendar, path),
        (imports.preview_catalogue, cat),
        (imports.apply_catalogue, cat),
    ):
        with pytest.raises(AuthError):
            call("canbo", file)
    assert demo_ctx.calendars.current().is_working_day(date(2026, 3, 3))
