"""End to end: a catalogue imported on a real hcc-central (uvicorn) reaches an enrolled desk
with its time-limit sources, level and structured fees intact (``hcc-desk sync``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("hcc_central.app")

from sqlalchemy import select

from hcc_central.cli import main as central_main
from hcc_central.models import Centre
from hcc_desk import cli
from hcc_desk.app import open_context
from hcc_desk.core.store.repositories import list_procedures
from tests.sync.test_against_central import UNIT, Central, _enrolled_desk

RECORD = {
    "code": "9.999001",
    "name": "Thủ tục thử cấp xã (nguồn thời hạn, lệ phí)",
    "agency": UNIT,
    "level": "Cấp xã",
    "duration_hours": 80,
    "duration_kind": "calendar",
    "time_source": "Luật thử, Điều 1",
    "time_quote": "10 ngày kể từ ngày nhận đủ hồ sơ",
    "start_rule": "kể từ ngày nhận đủ hồ sơ",
    "fees": [
        {"case": "Cấp lại", "amount_vnd": 70000, "text": "70.000 đồng/lần", "basis": "Thông tư thử"}
    ],
    "papers": [{"name": "Tờ khai"}],
}


@pytest.fixture
def central(tmp_path):
    c = Central(tmp_path / "central")
    yield c
    c.stop()
    c.proxy.stop()


def test_sources_level_and_fees_reach_the_desk(central: Central, tmp_path: Path) -> None:
    profile = tmp_path / "desk"
    _enrolled_desk(central, profile)
    assert central.server is not None
    centre_id = central.server.write(lambda s: s.scalar(select(Centre.id)))
    path = tmp_path / "cat.json"
    path.write_text(
        json.dumps(
            {"format": "hcc-desk-catalogue", "version": 1, "procedures": [RECORD]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert (
        central_main(
            [
                "admin",
                "--db",
                central.db_url,
                "import-catalogue",
                str(path),
                "--centre",
                str(centre_id),
            ]
        )
        == 0
    )
    assert cli.main(["sync", "--profile", str(profile), "--until-idle", "--timeout", "60"]) == 0
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            (p,) = [x for x in list_procedures(s) if x.code == "9.999001"]
    finally:
        ctx.close()
    assert (p.level, p.duration_kind, p.duration().text("vi")) == (
        "commune",
        "calendar",
        "10 ngày",
    )
    assert (p.time_source, p.time_quote, p.start_rule) == (
        "Luật thử, Điều 1",
        "10 ngày kể từ ngày nhận đủ hồ sơ",
        "kể từ ngày nhận đủ hồ sơ",
    )
    assert p.fees == (
        {
            "case": "Cấp lại",
            "amount_vnd": 70000,
            "text": "70.000 đồng/lần",
            "basis": "Thông tư thử",
        },
    )
