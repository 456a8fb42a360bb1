"""Failures a counter PC has, through the real CLI: one clear message, the documented exit
code, nothing changed, never a traceback (issue 11, point 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hcc_core.i18n import msg
from hcc_desk import cli
from tests.support.unprivileged import as_plain_user, give_away

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "intake-individual.json"


def run(
    args: list[str], env: dict[str, str], stdin: str = "demo\n", plain_user: bool = False
) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "hcc_desk", *args]
    return subprocess.run(
        as_plain_user(cmd) if plain_user else cmd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return {**os.environ, "HCC_DESK_KEY_DIR": str(tmp_path / "keys")}


def no_traceback(r: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in r.stderr and 'File "' not in r.stderr, r.stderr


def test_a_mistyped_profile_is_refused_and_nothing_is_created(tmp_path, env):
    typo = tmp_path / "dsek"
    r = run(
        ["search", "Hương", "--profile", str(typo), "--officer", "demo", "--password-stdin"], env
    )
    assert r.returncode == 2
    assert "check --profile" in r.stderr and str(typo) in r.stderr
    no_traceback(r)
    assert not typo.exists()


def test_a_profile_of_another_user_gives_one_clear_message_and_changes_nothing(tmp_path, env):
    os.chmod(tmp_path, 0o755)
    profile = tmp_path / "desk"
    assert run(["demo", "--profile", str(profile)], env).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in profile.rglob("*") if p.is_file()}
    give_away(profile)
    r = run(
        [
            "intake",
            "--profile",
            str(profile),
            "--officer",
            "demo",
            "--password-stdin",
            str(EXAMPLE),
        ],
        env,
        plain_user=True,
    )
    assert r.returncode == 1, r.stderr
    assert "No permission" in r.stderr and "Không có quyền" in r.stderr
    no_traceback(r)
    assert {p: p.stat().st_mtime_ns for p in profile.rglob("*") if p.is_file()} == before


def test_a_too_short_enrolment_code_is_invalid_input(tmp_path, env):
    r = run(
        [
            "enrol",
            "--profile",
            str(tmp_path / "new"),
            "--central",
            "http://127.0.0.1:9",
            "--code",
            "AB",
        ],
        env,
    )
    assert r.returncode == 2
    assert "4 đến 32 ký tự" in r.stderr and "4 to 32 characters" in r.stderr
    no_traceback(r)


@pytest.mark.expect_log_warnings  # the bug is logged as an ERROR, with its traceback
def test_an_unexpected_error_is_a_message_with_the_log_not_a_traceback(
    tmp_path, env, capsys, monkeypatch
):
    profile = tmp_path / "desk"
    assert run(["demo", "--profile", str(profile)], env).returncode == 0
    monkeypatch.setenv("HCC_DESK_KEY_DIR", env["HCC_DESK_KEY_DIR"])

    def broken(*_a, **_k):
        raise KeyError("surprise")

    monkeypatch.setattr(cli, "_search", broken)
    code = cli.main(["search", "x", "--profile", str(profile), "--officer", "demo"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Unexpected error (KeyError" in err and str(profile / "logs") in err
    assert "Traceback" not in err
    assert "KeyError: 'surprise'" in (profile / "logs" / "hcc-desk.log").read_text("utf-8")


@pytest.mark.parametrize(
    "command",
    [
        ["print", "receipt", "000.00.61.H57-261204-0001", "--pdf", "{out}/x.pdf"],
        ["print", "supplement", "000.00.61.H57-261204-0001", "--pdf", "{out}/x.pdf"],
        ["ledger", "--from", "2026-12-01", "--to", "2026-12-04", "--xlsx", "{out}/l.xlsx"],
    ],
)
def test_an_output_into_a_missing_folder_is_refused_not_created(tmp_path, env, command):
    profile = tmp_path / "desk"
    assert run(["demo", "--profile", str(profile)], env).returncode == 0
    out = tmp_path / "no" / "such"
    args = [a.format(out=out) for a in command]
    r = run([*args, "--profile", str(profile), "--officer", "demo", "--password-stdin"], env)
    assert r.returncode == 2, r.stderr
    assert str(out) in r.stderr and "does not exist" in r.stderr
    no_traceback(r)
    assert not (tmp_path / "no").exists()


def test_a_search_without_a_match_says_so(tmp_path, env):
    profile = tmp_path / "desk"
    assert run(["demo", "--profile", str(profile)], env).returncode == 0
    r = run(
        [
            "search",
            "Không Ai Cả",
            "--profile",
            str(profile),
            "--officer",
            "demo",
            "--password-stdin",
        ],
        env,
    )
    assert r.returncode == 0 and r.stdout == ""
    assert "No dossier matches 'Không Ai Cả'" in r.stderr


def test_every_doctor_line_is_tagged(tmp_path, env):
    profile = tmp_path / "desk"
    assert run(["demo", "--profile", str(profile)], env).returncode == 0
    r = run(["doctor", "--profile", str(profile)], env)
    lines = [line for line in r.stdout.splitlines() if line.strip()]
    body = lines[1:-1]  # between the profile line and the summary
    assert body, r.stdout
    untagged = [
        line
        for line in body
        if not line.startswith(("[OK]", "[LỖI]", "[CHÚ Ý]", "[--]", "       →"))
    ]
    assert untagged == [], r.stdout


def test_without_a_display_the_gui_says_so(tmp_path, env):
    bare = {
        k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    r = run(["--profile", str(tmp_path / "desk")], bare)
    assert r.returncode == 1
    assert "There is no display" in r.stderr
    no_traceback(r)


def test_demo_script_without_a_display_says_so_before_installing_anything(tmp_path, env):
    bare = {
        k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    r = subprocess.run(
        ["bash", str(ROOT / "scripts" / "demo.sh")],
        env=bare,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 1
    assert "no display" in r.stderr and "xvfb-run" in r.stderr


def test_a_gui_start_failure_is_shown_in_a_window(qapp, monkeypatch, capsys):
    from argparse import Namespace

    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    refused = msg("cli.os.permission", where="/srv/desk")
    cli._fail(Namespace(command=None, exit_when_ready=True), refused)
    assert shown == [f"{refused.text('vi')}\n\n{refused.text('en')}"]
    assert "Không có quyền" in shown[0] and "No permission" in shown[0]
    assert "No permission for /srv/desk" in capsys.readouterr().err
    cli._fail(Namespace(command="search"), refused)  # a headless command: stderr only
    assert len(shown) == 1


def test_the_gui_on_a_profile_of_another_user_says_why_without_a_traceback(tmp_path, env):
    os.chmod(tmp_path, 0o755)
    profile = tmp_path / "desk"
    assert run(["demo", "--profile", str(profile)], env).returncode == 0
    give_away(profile)
    gui = {**env, "QT_QPA_PLATFORM": "offscreen"}
    r = run(["--profile", str(profile), "--exit-when-ready"], gui, plain_user=True)
    assert r.returncode == 1
    assert "No permission" in r.stderr
    no_traceback(r)
