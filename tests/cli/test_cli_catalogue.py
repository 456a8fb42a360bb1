"""`hcc-desk catalogue import`: a centre loads its published list; a broken file changes nothing."""

import json

import pytest

from hcc_core.catalogue import default_catalogue_path
from hcc_desk.app import open_context
from hcc_desk.cli import main
from hcc_desk.services.cli_session import CliSessions


@pytest.fixture
def profile(tmp_path):
    """A demo desk where its admin, 'demo', has logged in (catalogue import needs an admin)."""
    assert main(["demo", "--profile", str(tmp_path / "desk")]) == 0
    ctx = open_context(tmp_path / "desk")
    try:
        CliSessions(ctx.store, ctx.profile.root).open("demo")
    finally:
        ctx.close()
    return tmp_path / "desk"


def _fees(profile, code):
    ctx = open_context(profile)
    try:
        return ctx.catalogue.get(code).fees_text
    finally:
        ctx.close()


def test_import_updates_a_procedure(profile, tmp_path, capsys):
    data = json.loads(default_catalogue_path().read_text(encoding="utf-8"))
    proc = next(p for p in data["procedures"] if p.get("code") == "1.001456")
    # What the picker shows is the structured fee in force (never the raw published text).
    proc["fees"] = [
        {
            "case": None,
            "amount_vnd": 200000,
            "text": "Lệ phí mới: 200.000 đồng",
            "basis": "Thông tư thử nghiệm",
        }
    ]
    path = tmp_path / "published.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["catalogue", "import", str(path), "--profile", str(profile)]) == 0
    assert "updated 1" in capsys.readouterr().out
    assert _fees(profile, "1.001456") == "Lệ phí mới: 200.000 đồng"


def test_broken_file_exits_2_and_changes_nothing(profile, tmp_path, capsys):
    before = _fees(profile, "1.001456")
    path = tmp_path / "broken.json"
    path.write_text('{"format": "hcc-desk-catalogue", "procedures": [{"name": ', encoding="utf-8")
    assert main(["catalogue", "import", str(path), "--profile", str(profile)]) == 2
    err = capsys.readouterr().err
    assert "nothing written" in err and "Traceback" not in err
    assert _fees(profile, "1.001456") == before
