"""``hcc-desk enrol`` and ``hcc-desk sync [--until-idle]`` against the fake central."""

from __future__ import annotations

import io

import pytest

from hcc_desk import cli
from hcc_desk.core.sync import client as client_module
from hcc_desk.services.cli_session import CliSessions
from tests.sync.conftest import CENTRAL_URL, EXAMPLE


@pytest.fixture
def wired(central, monkeypatch):
    """Every CentralClient the CLI builds talks to the fake central."""
    original = client_module.CentralClient.__init__

    def init(self, base_url, token=None, *, transport=None, **kw):
        original(self, base_url, token, transport=transport or central.transport(), **kw)

    monkeypatch.setattr(client_module.CentralClient, "__init__", init)
    return central


def test_enrol_intake_and_sync_until_idle(tmp_path, wired, capsys):
    profile = str(tmp_path / "desk")
    assert cli.main(["sync", "--profile", profile]) == cli.EXIT_INVALID  # not set up yet
    assert (
        cli.main(
            [
                "enrol",
                "--profile",
                profile,
                "--central",
                CENTRAL_URL,
                "--code",
                "GOODCODE42",
                "--name",
                "Quầy 01",
            ]
        )
        == cli.EXIT_OK
    )
    assert "desk set up from central" in capsys.readouterr().out
    assert cli.main(["demo", "--profile", profile]) == cli.EXIT_OK
    assert "already set up" in capsys.readouterr().out
    # An enrolled desk has no local officer yet: one logs in online first.
    wired.officers["lan"] = ("mat-khau-1", "Trần Thị Lan", "officer")
    from hcc_desk.app import open_context

    ctx = open_context(tmp_path / "desk")
    ctx.auth.login("lan", "mat-khau-1")
    CliSessions(ctx.store, ctx.profile.root).open("lan")  # as 'hcc-desk login' leaves it
    ctx.close()
    codes = []
    for _ in range(3):
        assert (
            cli.main(["intake", "--profile", profile, "--officer", "lan", str(EXAMPLE)])
            == cli.EXIT_OK
        )
        codes.append(capsys.readouterr().out.strip())
    assert cli.main(["sync", "--profile", profile, "--until-idle", "--timeout", "10"]) == 0
    assert sorted(d["code"] for d in wired.dossiers.values()) == sorted(codes)
    assert "pending 0, parked 0" in capsys.readouterr().out


def test_until_idle_times_out_with_a_message(tmp_path, wired, capsys, monkeypatch):
    profile = str(tmp_path / "desk")
    cli.main(["demo", "--profile", profile])
    wired.agencies = []  # accept whatever the demo desk uses
    assert (
        cli.main(["enrol", "--profile", profile, "--central", CENTRAL_URL, "--code", "GOODCODE42"])
        == cli.EXIT_OK
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    assert (
        cli.main(
            ["intake", "--profile", profile, "--officer", "demo", "--password-stdin", str(EXAMPLE)]
        )
        == 0
    )
    wired.down = True
    assert (
        cli.main(["sync", "--profile", profile, "--until-idle", "--timeout", "1"])
        == cli.EXIT_FAILED
    )
    err = capsys.readouterr().err
    assert "did not finish within 1 s" in err and "network" in err
