"""Anyone at the counter PC: headless commands act only for an officer who proved it, with a role
that may, and guessing a password locks the account. Real demo profiles on disk."""

from __future__ import annotations

import io
import json
import shutil
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hcc_core.catalogue import default_catalogue_path
from hcc_desk import cli_auth
from hcc_desk.app import open_context
from hcc_desk.cli import EXIT_REFUSED, main
from hcc_desk.core.store.models import AuditLog, Dossier, Officer
from hcc_desk.services.auth import AuthService, OfficerLocked, hash_password
from hcc_desk.services.cli_session import SESSION_FILE
from hcc_desk.services.errors import AuthError

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "intake-individual.json"
PASSWORDS = {"demo": "demo", "giamdoc": "giam-doc-2026", "lan": "lan-quay-01"}


@pytest.fixture
def profile(tmp_path) -> Path:
    """A demo desk (admin 'demo') with a supervisor 'giamdoc' and an officer 'lan'."""
    folder = tmp_path / "desk"
    assert main(["demo", "--profile", str(folder)]) == 0
    ctx = open_context(folder)
    try:
        with ctx.store.write() as s:
            for username, role in (("giamdoc", "supervisor"), ("lan", "officer")):
                s.add(
                    Officer(
                        username=username,
                        full_name=username.title(),
                        role=role,
                        password_hash=hash_password(PASSWORDS[username]),
                    )
                )
    finally:
        ctx.close()
    return folder


def run(profile: Path, *argv: str, stdin: str = "") -> int:
    """``hcc-desk ARGV --profile PROFILE`` with ``stdin`` as its standard input."""
    import sys

    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return main([*argv, "--profile", str(profile)])
    finally:
        sys.stdin = saved


def as_officer(profile: Path, user: str, *argv: str, password: str | None = None) -> int:
    return run(
        profile,
        *argv,
        "--officer",
        user,
        "--password-stdin",
        stdin=(PASSWORDS[user] if password is None else password) + "\n",
    )


def dossiers(profile: Path) -> list[str]:
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            return list(s.scalars(select(Dossier.code)))
    finally:
        ctx.close()


def audit(profile: Path, action: str) -> list[tuple[str, dict]]:
    ctx = open_context(profile)
    try:
        with ctx.store.session() as s:
            return [
                (r.actor, r.detail or {})
                for r in s.scalars(
                    select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)
                )
            ]
    finally:
        ctx.close()


def refused_with(capsys, *words: str) -> str:
    err = capsys.readouterr().err
    assert err.startswith("hcc-desk: ") and "Traceback" not in err
    for word in words:
        assert word in err
    return err


# --- proof --------------------------------------------------------------------------------------
def test_naming_an_officer_without_proof_is_refused_audited_and_writes_nothing(profile, capsys):
    assert run(profile, "intake", "--officer", "giamdoc", str(EXAMPLE)) == EXIT_REFUSED
    refused_with(capsys, "cần xác nhận cán bộ", "--password-stdin", "hcc-desk login")
    assert dossiers(profile) == []
    assert audit(profile, "officer.refused") == [
        ("giamdoc", {"command": "intake", "reason": "session_none"})
    ]
    for argv in (
        ["search", "huong"],
        ["print", "receipt", "X"],
        ["print", "control", "X"],
        ["ledger", "--from", "2026-01-01", "--to", "2026-01-02", "--xlsx", "l.xlsx"],
        ["catalogue", "import", "x.json"],
        ["officer", "unlock", "lan"],
    ):
        assert run(profile, *argv) == EXIT_REFUSED, argv
    assert [d["command"] for _, d in audit(profile, "officer.refused")][1:] == [
        "search",
        "print receipt",
        "print control",
        "ledger",
        "catalogue import",
        "officer unlock",
    ]


def test_wrong_password_is_refused_and_counted(profile, capsys):
    assert (
        as_officer(profile, "giamdoc", "intake", str(EXAMPLE), password="doan-bua") == EXIT_REFUSED
    )
    refused_with(capsys, "Sai tên đăng nhập hoặc mật khẩu")
    assert dossiers(profile) == []
    assert audit(profile, "officer.refused") == [
        ("giamdoc", {"command": "intake", "reason": "password"})
    ]
    assert [d["failures"] for _, d in audit(profile, "officer.login_failed")] == [1]
    assert as_officer(profile, "ghost", "intake", str(EXAMPLE), password="x") == EXIT_REFUSED
    assert dossiers(profile) == []


def test_the_right_password_acts_as_that_officer(profile, capsys):
    capsys.readouterr()
    # intake from stdin: the password line first, then the JSON.
    assert (
        run(
            profile,
            "intake",
            "--officer",
            "lan",
            "--password-stdin",
            "-",
            stdin=PASSWORDS["lan"] + "\n" + EXAMPLE.read_text(encoding="utf-8"),
        )
        == 0
    )
    code = capsys.readouterr().out.strip()
    assert dossiers(profile) == [code]
    intake_actor = [a for a, _ in audit(profile, "dossier.create")]
    assert intake_actor == ["lan"]


def test_catalogue_import_needs_an_admin(profile, tmp_path, capsys):
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
    published = tmp_path / "published.json"
    published.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def fees() -> str:
        ctx = open_context(profile)
        try:
            return ctx.catalogue.get("1.001456").fees_text
        finally:
            ctx.close()

    before = fees()
    for user in ("lan", "giamdoc"):
        assert as_officer(profile, user, "catalogue", "import", str(published)) == EXIT_REFUSED
        refused_with(capsys, "catalogue import", "quản trị")
    assert fees() == before
    assert [(a, d["reason"]) for a, d in audit(profile, "officer.refused")] == [
        ("lan", "role"),
        ("giamdoc", "role"),
    ]
    assert as_officer(profile, "demo", "catalogue", "import", str(published)) == 0
    assert fees() == "Lệ phí mới: 200.000 đồng"


def test_the_ledger_needs_a_supervisor(profile, tmp_path, capsys):
    out = tmp_path / "so.xlsx"
    argv = ("ledger", "--from", "2026-01-01", "--to", "2026-12-31", "--xlsx", str(out))
    assert as_officer(profile, "lan", *argv) == EXIT_REFUSED
    refused_with(capsys, "giám sát")
    assert not out.exists()
    assert as_officer(profile, "giamdoc", *argv) == 0
    assert out.read_bytes().startswith(b"PK")


# --- sessions -----------------------------------------------------------------------------------
def test_login_leaves_an_owner_only_session_that_commands_use(profile, capsys):
    assert as_officer(profile, "lan", "login") == 0
    token_file = profile / SESSION_FILE
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    token = json.loads(token_file.read_text())["token"].encode()
    for other in profile.rglob("*"):  # the database keeps only its hash
        assert other == token_file or other.is_dir() or token not in other.read_bytes()
    capsys.readouterr()
    assert run(profile, "intake", str(EXAMPLE)) == 0  # --officer: the session's
    assert [a for a, _ in audit(profile, "dossier.create")] == ["lan"]
    # The session is lan's: naming someone else needs that officer's password.
    assert run(profile, "intake", "--officer", "giamdoc", str(EXAMPLE)) == EXIT_REFUSED
    refused_with(capsys, "'lan'", "'giamdoc'")
    # and lan's role still applies.
    assert run(profile, "catalogue", "import", "x.json") == EXIT_REFUSED
    assert run(profile, "logout") == 0
    assert not token_file.exists()
    assert run(profile, "search", "huong") == EXIT_REFUSED
    assert len(dossiers(profile)) == 1


def test_an_expired_session_is_refused(profile, monkeypatch, capsys):
    start = datetime(2026, 12, 1, 7, 30)
    monkeypatch.setattr(cli_auth, "now", lambda: start)
    assert as_officer(profile, "lan", "login") == 0
    monkeypatch.setattr(cli_auth, "now", lambda: start + timedelta(hours=7, minutes=59))
    assert run(profile, "search", "huong") == 0
    capsys.readouterr()
    monkeypatch.setattr(cli_auth, "now", lambda: start + timedelta(hours=8))
    assert run(profile, "search", "huong") == EXIT_REFUSED
    refused_with(capsys, "hết hạn", "expired")
    assert audit(profile, "officer.refused")[-1] == (
        "?",
        {"command": "search", "reason": "session_expired"},
    )


def test_a_session_file_is_worthless_in_another_profile_or_for_another_officer(
    profile, tmp_path, capsys
):
    other = tmp_path / "other-desk"
    assert main(["demo", "--profile", str(other)]) == 0
    assert as_officer(profile, "demo", "login") == 0
    shutil.copy2(profile / SESSION_FILE, other / SESSION_FILE)
    capsys.readouterr()
    assert run(other, "search", "huong") == EXIT_REFUSED
    refused_with(capsys, "không hợp lệ")
    assert audit(other, "officer.refused")[-1][1]["reason"] == "session_unknown"
    # lan's own session file, edited to claim the admin: refused too.
    assert as_officer(profile, "lan", "login") == 0
    forged = json.loads((profile / SESSION_FILE).read_text())
    (profile / SESSION_FILE).write_text(json.dumps({**forged, "officer": "demo"}))
    assert run(profile, "catalogue", "import", "x.json") == EXIT_REFUSED
    assert audit(profile, "officer.refused")[-1] == (
        "?",
        {"command": "catalogue import", "reason": "session_unknown"},
    )


# --- lockout ------------------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 8, 0)

    def __call__(self) -> datetime:
        return self.now


def _fail(auth: AuthService, user: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(AuthError):
            auth.login(user, "doan-bua")


def test_lockout_grows_holds_across_restarts_and_ends(profile):
    clock = Clock()
    ctx = open_context(profile)
    auth = AuthService(ctx.store, clock=clock)
    _fail(auth, "lan", 4)
    assert auth.login("lan", PASSWORDS["lan"]).username == "lan"  # success resets the count
    _fail(auth, "lan", 4)
    with pytest.raises(OfficerLocked) as locked:
        auth.login("lan", "doan-bua")
    assert locked.value.minutes_left == 1 and "1 phút" in locked.value.message
    ctx.close()

    ctx = open_context(profile)  # a restart: the lock is in the database
    auth = AuthService(ctx.store, clock=clock)
    clock.now += timedelta(seconds=30)
    with pytest.raises(OfficerLocked):  # even the right password waits
        auth.login("lan", PASSWORDS["lan"])
    with pytest.raises(OfficerLocked):  # the idle lock screen too
        auth.verify("lan", PASSWORDS["lan"])
    assert auth.login("giamdoc", PASSWORDS["giamdoc"])  # per officer
    clock.now += timedelta(seconds=31)
    _fail(auth, "lan", 4)
    with pytest.raises(OfficerLocked) as locked:  # the second lockout in a row lasts longer
        auth.login("lan", "doan-bua")
    assert locked.value.minutes_left == 2
    for _ in range(6):  # ... doubling up to the cap
        clock.now += timedelta(minutes=31)
        _fail(auth, "lan", 4)
        with pytest.raises(OfficerLocked) as locked:
            auth.login("lan", "doan-bua")
    assert locked.value.minutes_left == 30
    clock.now += timedelta(minutes=30)
    assert auth.login("lan", PASSWORDS["lan"]).username == "lan"
    ctx.close()
    assert [d["minutes"] for _, d in audit(profile, "officer.locked")] == [
        1,
        2,
        4,
        8,
        16,
        30,
        30,
        30,
    ]


def test_a_locked_officer_is_told_the_time_left_and_an_admin_unlocks(profile, capsys):
    for _ in range(5):
        assert as_officer(profile, "lan", "login", password="doan-bua") == EXIT_REFUSED
    capsys.readouterr()
    assert as_officer(profile, "lan", "login") == EXIT_REFUSED
    refused_with(capsys, "tạm khoá", "1 phút", "locked")
    assert as_officer(profile, "lan", "search", "huong") == EXIT_REFUSED
    assert audit(profile, "officer.refused")[-1][1] == {"command": "search", "reason": "locked"}
    # Only an admin may unlock, with proof.
    assert as_officer(profile, "giamdoc", "officer", "unlock", "lan") == EXIT_REFUSED
    assert as_officer(profile, "demo", "officer", "unlock", "lan", password="x") == EXIT_REFUSED
    assert as_officer(profile, "demo", "officer", "unlock", "lan") == 0
    assert audit(profile, "officer.unlocked") == [("demo", {"officer": "lan"})]
    assert as_officer(profile, "lan", "login") == 0


def test_user_names_are_normalised_before_lookup(profile):
    ctx = open_context(profile)
    try:
        assert ctx.auth.login(" ｌａｎ ", PASSWORDS["lan"]).username == "lan"  # full-width
    finally:
        ctx.close()


def test_failed_attempts_are_committed(profile):
    """A refusal raised inside the write transaction would roll its own record back."""
    ctx = open_context(profile)
    try:
        _fail(AuthService(ctx.store), "lan", 2)
        with ctx.store.session() as s:
            assert s.scalar(select(Officer.failed_logins).where(Officer.username == "lan")) == 2
            assert (
                s.scalar(
                    select(func.count())
                    .select_from(AuditLog)
                    .where(AuditLog.action == "officer.login_failed")
                )
                == 2
            )
    finally:
        ctx.close()
