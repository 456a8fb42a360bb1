"""``hcc-desk sim`` against a live central (uvicorn on 127.0.0.1, SQLite): desks enrolled through
``hcc-central admin`` (or from a codes file), dossiers taken and synced, central's export holds
exactly them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("hcc_central.app")

from hcc_central import admin
from hcc_central.cli import main as central_main
from hcc_central.db import Database
from hcc_central.migrate import upgrade
from hcc_central.settings import Settings
from hcc_desk import cli
from hcc_desk.services.setup import seed_agencies
from tests.central.live import LiveServer


@pytest.fixture
def central(tmp_path) -> Iterator[LiveServer]:
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    db = Database(db_url, pool_size=1)
    upgrade(db.engine)
    db.dispose()
    server = LiveServer(Settings(db_url=db_url, store_dir=tmp_path / "store")).start()
    yield server
    server.stop()


def _export(central: LiveServer, tmp_path: Path) -> list[dict]:
    out = tmp_path / "export.jsonl"
    s = central.settings
    assert (
        central_main(["export", "--db", s.db_url, "--store", str(s.store_dir), "--jsonl", str(out)])
        == 0
    )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_two_desks_enrolled_by_admin_db_deliver_ten_dossiers(central, tmp_path, capsys):
    code = cli.main(
        [
            "sim",
            "--central",
            central.base_url,
            "--admin-db",
            central.settings.db_url,
            "--counters",
            "2",
            "--dossiers",
            "5",
            "--pages",
            "1",
            "--attachment-kb",
            "4",
            "--profiles",
            str(tmp_path / "desks"),
            "--timeout",
            "60",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "desk-01" in out and "desk-02" in out and "total" in out

    exported = _export(central, tmp_path)
    assert len(exported) == 10
    assert sorted(d["counter_slot"] for d in exported) == [1] * 5 + [2] * 5
    assert all(len(d["attachments"]) == 1 and d["attachments"][0]["stored"] for d in exported)
    assert all(d["attachments"][0]["size"] == 4096 for d in exported)


def test_codes_file_and_threads(central, tmp_path, capsys):
    def create(s):
        centre = admin.create_centre(
            s, name="TRUNG TÂM THỬ", governing_body="UBND THỬ", place_name="Huế", code_slots=10
        )
        for a in seed_agencies():
            admin.add_agency(
                s, centre.id, name=a.name, short_name=a.short_name, unit_code=a.unit_code
            )
        admin.create_officer(
            s,
            username="lan",
            full_name="Trần Thị Lan",
            role="officer",
            password="mat-khau-123",
            centre_id=centre.id,
        )
        return [admin.enrol_counter(s, centre.id, name=f"Quầy {i}", slot=i)[0] for i in (1, 2)]

    codes = tmp_path / "codes.txt"
    codes.write_text("# one per desk\n" + "\n".join(central.write(create)) + "\n")
    argv = [
        "sim",
        "--central",
        central.base_url,
        "--codes",
        str(codes),
        "--counters",
        "2",
        "--dossiers",
        "3",
        "--officer",
        "lan",
        "--password",
        "mat-khau-123",
        "--profiles",
        str(tmp_path / "desks"),
        "--threads",
        "--sync",
        "idle",
        "--timeout",
        "60",
    ]
    assert cli.main(argv) == 0, capsys.readouterr().out
    assert len(_export(central, tmp_path)) == 6

    # Run again on the same profiles: the desks are enrolled and full, nothing new is taken.
    assert cli.main(argv) == 0, capsys.readouterr().out
    assert len(_export(central, tmp_path)) == 6


def test_usage_errors(tmp_path, capsys):
    codes = tmp_path / "codes.txt"
    codes.write_text("ONLYONE123\n")
    argv = [
        "sim",
        "--central",
        "http://127.0.0.1:9",
        "--codes",
        str(codes),
        "--counters",
        "2",
        "--officer",
        "lan",
        "--password",
        "x",
        "--profiles",
        str(tmp_path / "p"),
    ]
    assert cli.main(argv) == 2
    assert "1 code(s) for 2 desk(s)" in capsys.readouterr().err
