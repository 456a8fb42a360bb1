"""`hcc-desk backup` and `hcc-desk restore` (admin): the real CLI entry point on real profiles;
exit codes as docs/cli.md says; clear messages, never a traceback; a refused restore changes
nothing; as a non-root user, a backups folder it cannot write gives a clear message."""

from __future__ import annotations

import contextlib
import io
import os
import pwd
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from hcc_desk.app import open_context
from hcc_desk.cli import main
from hcc_desk.core.store import backup as bk
from hcc_desk.services.cli_session import CliSessions
from tests.store.backup_helpers import NAME, damage_middle_page, take

ADMIN = ["--officer", "demo", "--password-stdin"]


@pytest.fixture
def profile(tmp_path):
    assert main(["demo", "--profile", str(tmp_path / "desk")]) == 0
    return tmp_path / "desk"


def run(argv, password: str | None = "demo", monkeypatch=None):
    """The CLI as a user runs it: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO((password + "\n") if password is not None else "")
    old = sys.stdin
    sys.stdin = stdin
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = old
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def _search(profile) -> str:
    code, out, err = run(["search", "Hương", "--profile", str(profile), *ADMIN])
    assert code == 0, err
    return out


def test_backup_and_restore_round_trip(profile):
    ctx = open_context(profile)
    first = take(ctx, 2)
    ctx.close()
    code, out, err = run(["backup", "--profile", str(profile), *ADMIN])
    assert code == 0, err
    backup = Path(out.strip())
    assert backup.parent == profile / "backups" and backup.name.startswith("hcc-desk-manual-")
    ctx = open_context(profile)
    later = take(ctx, 2)
    ctx.close()
    code, out, err = run(["restore", str(backup), "--profile", str(profile), *ADMIN])
    assert code == 0, err
    assert "Restored" in out and "set-aside" in out and "sync" in err
    found = _search(profile)
    assert all(c in found for c in first) and not any(c in found for c in later)


def test_backup_out_file(profile, tmp_path):
    target = tmp_path / "usb" / "desk.db"
    target.parent.mkdir()
    code, out, _ = run(["backup", "--profile", str(profile), "--out", str(target), *ADMIN])
    assert code == 0 and Path(out.strip()) == target
    assert bk.verify_backup(target, open_context(profile).key).path == target
    code, _, err = run(["backup", "--profile", str(profile), "--out", str(target), *ADMIN])
    assert code == 2 and "never overwritten" in err
    code, _, err = run(
        ["backup", "--profile", str(profile), "--out", str(tmp_path / "nowhere" / "x.db"), *ADMIN]
    )
    assert code == 2 and "does not exist" in err and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_both_need_an_admin(profile, command):
    backup = open_context(profile).backups.backup_to()
    before = sorted(p.name for p in (profile / "backups").glob("*.db"))
    args = [command, *([str(backup)] if command == "restore" else []), "--profile", str(profile)]
    code, _, err = run(args, password=None)  # no proof at all
    assert code == 3 and "login" in err
    code, _, err = run([*args, *ADMIN], password="wrong")
    assert code == 3 and "Wrong user name or password" in err
    assert sorted(p.name for p in (profile / "backups").glob("*.db")) == before
    assert not (profile / "set-aside").exists() or not list((profile / "set-aside").glob("*.db"))


def test_restore_by_the_session_of_an_admin(profile):
    ctx = open_context(profile)
    CliSessions(ctx.store, ctx.profile.root).open("demo")
    backup = ctx.backups.backup_to()
    ctx.close()
    code, _, err = run(["restore", str(backup), "--profile", str(profile)], password=None)
    assert code == 0, err


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("random", "not a backup of this profile"),
        ("other", "not a backup of this profile"),
        ("damaged", "is damaged"),
        ("missing", "does not exist"),
    ],
)
def test_restore_refuses_a_wrong_file_and_changes_nothing(profile, tmp_path, kind, says):
    ctx = open_context(profile)
    take(ctx)
    key = ctx.key
    good = ctx.backups.backup_to()
    ctx.close()
    file = tmp_path / "file.db"
    if kind == "random":
        file.write_bytes(os.urandom(16384))
    elif kind == "other":
        assert main(["demo", "--profile", str(tmp_path / "other")]) == 0
        file = open_context(tmp_path / "other").backups.backup_to()
    elif kind == "damaged":
        shutil.copyfile(good, file)
        damage_middle_page(file, key, tmp_path)
    db_before = (profile / "hcc-desk.db").read_bytes()
    code, _, err = run(["restore", str(file), "--profile", str(profile), *ADMIN])
    assert code == 2
    assert says in err and "Nothing was changed" in err
    assert (profile / "hcc-desk.db").read_bytes() == db_before


def test_restore_into_a_folder_that_is_no_profile(tmp_path):
    code, _, err = run(
        ["restore", str(tmp_path / "x.db"), "--profile", str(tmp_path / "typo"), *ADMIN]
    )
    assert code == 2 and "check --profile" in err and not (tmp_path / "typo").exists()


@pytest.mark.expect_log_warnings  # the damaged database is logged as an ERROR
def test_a_damaged_database_names_the_backup_the_command_and_what_to_retake(profile, tmp_path):
    ctx = open_context(profile)
    take(ctx, 2)
    key = ctx.key
    backup = ctx.backups.backup_to()
    unsynced = take(ctx, 30)
    ctx.close()
    damage_middle_page(profile / "hcc-desk.db", key, tmp_path)
    (profile / "backups" / ".last-integrity-check").write_text("2000-01-01")  # a new day
    code, out, err = run(["search", "Hương", "--profile", str(profile), *ADMIN])
    assert code == 1 and out == ""
    assert f"hcc-desk restore {backup} --profile {profile}" in err
    assert "damaged" in err and "set-aside" in err
    assert all(c in err for c in unsynced) and NAME in err
    # Every command says the same until it is restored; none creates a fresh database.
    code, _, err2 = run(["demo", "--profile", str(profile)])
    assert code == 1 and "hcc-desk restore" in err2
    assert not (profile / "hcc-desk.db").exists()
    code, _, err = run(["restore", str(backup), "--profile", str(profile), *ADMIN])
    assert code == 0, err
    assert "Warning" not in err  # the damaged file's sequence numbers were readable
    assert "Nguyễn" in _search(profile)


# --- as a non-root user -----------------------------------------------------------------------


def _as_nobody(argv: list[str], stdin: str, env: dict[str, str], folder: Path) -> tuple[int, str]:
    """Run ``main(argv)`` in a forked child that has become user nobody. The interpreter lives
    where nobody cannot read, so the modules must already be imported (see _warm)."""
    nobody = pwd.getpwnam("nobody")
    out = folder / f"out-{os.getpid()}-{len(os.listdir(folder))}.txt"
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            os.environ.update(env)
            with open(out, "w", encoding="utf-8") as sink:
                sys.stdout = sys.stderr = sink
                sys.stdin = io.StringIO(stdin)
                try:
                    code = main(argv)
                except BaseException as exc:
                    print(f"Traceback: {exc!r}", file=sink)
                sink.flush()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.read_text("utf-8")


def _warm(tmp_path, monkeypatch) -> None:
    """The same commands once as root, so every module they import is loaded before fork."""
    monkeypatch.setenv("HCC_DESK_KEY_DIR", str(tmp_path / "warm-keys"))
    warm = tmp_path / "warm"
    assert main(["demo", "--profile", str(warm)]) == 0
    backup = open_context(warm).backups.backup_to()
    run(["backup", "--profile", str(warm), *ADMIN])
    run(["backup", "--profile", str(warm), "--out", str(tmp_path / "no" / "x.db"), *ADMIN])
    run(["restore", str(backup), "--profile", str(warm), *ADMIN])
    (warm / "backups").rename(warm / "gone")
    (warm / "backups").write_text("not a folder")
    run(["backup", "--profile", str(warm), *ADMIN])


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to act as user nobody")
@pytest.mark.expect_log_warnings  # the refused write is logged as an ERROR
def test_as_a_non_root_user_an_unwritable_backups_folder_gives_a_clear_message(
    tmp_path, monkeypatch
):
    _warm(tmp_path, monkeypatch)
    nobody = pwd.getpwnam("nobody")
    home = Path(tempfile.mkdtemp(prefix="hcc-nobody-"))  # pytest's tmp_path is root's only
    try:
        os.chown(home, nobody.pw_uid, nobody.pw_gid)
        env = {"HOME": str(home), "HCC_DESK_KEY_DIR": str(home / "keys")}
        desk = home / "desk"
        code, text = _as_nobody(["demo", "--profile", str(desk)], "", env, home)
        assert code == 0, text
        code, text = _as_nobody(["backup", "--profile", str(desk), *ADMIN], "demo\n", env, home)
        assert code == 0, text
        made = Path(text.strip().splitlines()[-1])
        assert made.stat().st_uid == nobody.pw_uid and oct(made.stat().st_mode & 0o777) == "0o600"
        # Another user's folder (root's, 0700): nobody cannot write there, nor make it its own.
        backups = desk / "backups"
        for p in backups.iterdir():
            p.unlink()
        os.chown(backups, 0, 0)
        code, text = _as_nobody(["backup", "--profile", str(desk), *ADMIN], "demo\n", env, home)
        assert code == 1, text
        assert f"Cannot write the backup to {backups}" in text
        assert "Permission denied" in text and "Traceback" not in text
        # Restore works as that user, into its own profile, once the folder is its own again.
        os.chown(backups, nobody.pw_uid, nobody.pw_gid)
        code, text = _as_nobody(["backup", "--profile", str(desk), *ADMIN], "demo\n", env, home)
        assert code == 0, text
        made = Path(text.strip().splitlines()[-1])
        code, text = _as_nobody(
            ["restore", str(made), "--profile", str(desk), *ADMIN], "demo\n", env, home
        )
        assert code == 0, text
        assert all(p.stat().st_uid == nobody.pw_uid for p in (desk / "set-aside").iterdir())
    finally:
        shutil.rmtree(home, ignore_errors=True)
