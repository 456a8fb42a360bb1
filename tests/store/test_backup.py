"""Backups (issue 11, item 3): encrypted like the database, daily and at close, rotated, restorable;
a damaged database is found at open, set aside (never deleted), the newest good backup offered
and the dossiers that had not reached central listed. Real desk profiles, real SQLCipher files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hcc_desk.app import open_context
from hcc_desk.core.store import backup as bk
from hcc_desk.services import backups
from hcc_desk.services.backups import BackupService, DatabaseDamaged, RestoreRefused
from hcc_desk.services.errors import UserError
from tests.store.backup_helpers import ID_NUMBER, NAME, damage_middle_page, take
from tests.support.waits import wait_until


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _codes(ctx) -> set[str]:
    with ctx.store.session() as s:
        from sqlalchemy import text

        return set(s.execute(text("SELECT code FROM dossier")).scalars())


def test_a_backup_is_encrypted_with_the_profile_key_and_owner_only(demo_ctx, tmp_path):
    take(demo_ctx, 2)
    path = demo_ctx.backups.backup_to()
    data = path.read_bytes()
    assert path.parent == demo_ctx.profile.backups
    assert not data.startswith(b"SQLite format 3")
    for needle in (ID_NUMBER.encode(), NAME.encode("utf-8"), ID_NUMBER.encode("utf-16-le")):
        assert needle not in data
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert not list(path.parent.glob("*.part"))  # written under a temporary name, renamed
    assert not path.with_name(path.name + "-wal").exists()  # one self-contained file
    # Opens with the key (and holds the dossiers), with no other key, and not as plain SQLite.
    assert bk.verify_backup(path, demo_ctx.key).dossiers == 2
    with pytest.raises(bk.BackupRejected) as wrong:
        bk.verify_backup(path, os.urandom(32))
    assert wrong.value.reason == "key"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()


def test_daily_backup_once_a_day_rotated_to_the_setting(demo_ctx):
    clock = Clock(datetime(2026, 12, 1, 7, 30))
    keep = {"backup.keep_daily": 3}
    svc = BackupService(
        demo_ctx.profile,
        lambda: demo_ctx.key,
        lambda declared: keep.get(declared.key, declared.default),
        clock,
    )
    made = []
    for day in range(5):
        clock.now = datetime(2026, 12, 1 + day, 7, 30)
        made.append(svc.daily_if_due())
        clock.now += timedelta(hours=3)
        assert svc.daily_if_due() is None  # once a day
        assert (
            BackupService(demo_ctx.profile, lambda: demo_ctx.key, clock=clock).daily_if_due()
            is None
        )  # a restarted desk sees today's file
    assert all(made)
    left = bk.backups_of_kind(demo_ctx.profile.backups, "daily")
    assert [p.name for p in left] == [p.name for p in made[-3:]]


def test_default_rotation_keeps_seven_daily_and_three_at_close(demo_ctx):
    clock = Clock(datetime(2026, 12, 1, 8, 0))
    svc = BackupService(demo_ctx.profile, lambda: demo_ctx.key, clock=clock)
    for day in range(9):
        clock.now = datetime(2026, 12, 1 + day, 8, 0)
        svc.daily_if_due()
        for hour in (12, 17):
            clock.now = datetime(2026, 12, 1 + day, hour, 0)
            assert svc.at_close() is not None
    folder = demo_ctx.profile.backups
    assert len(bk.backups_of_kind(folder, "daily")) == 7
    assert [p.name for p in bk.backups_of_kind(folder, "close")] == [
        "hcc-desk-close-20261208-170000.db",
        "hcc-desk-close-20261209-120000.db",
        "hcc-desk-close-20261209-170000.db",
    ]


def test_closing_the_desk_after_a_working_session_backs_it_up(tmp_path):
    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    take(ctx)
    ctx.close(backup=True)  # what the GUI does when it closes
    first = bk.backups_of_kind(ctx.profile.backups, "close")
    assert len(first) == 1 and bk.verify_backup(first[0], ctx.key).dossiers == 1
    ctx = open_context(tmp_path / "desk")
    ctx.close(backup=True)  # closed before the database was even opened (at the login)
    ctx = open_context(tmp_path / "desk")
    take(ctx)
    ctx.close()  # a CLI command closes without a backup
    assert bk.backups_of_kind(ctx.profile.backups, "close") == first


def test_gui_start_makes_the_daily_backup_on_a_thread_of_its_own(demo_ctx, monkeypatch):
    threads = []
    real = bk.make_backup
    monkeypatch.setattr(
        bk,
        "make_backup",
        lambda *a, **k: threads.append(threading.current_thread().name) or real(*a, **k),
    )
    demo_ctx.warm_up()  # what the GUI runs on its warm-up thread
    _wait_for(lambda: bk.backups_of_kind(demo_ctx.profile.backups, "daily"))
    assert threads == ["daily-backup"]


def test_the_dossier_save_commits_durably(demo_ctx):
    """synchronous=FULL on the desk's own write connections: the WAL is on disk when the save
    returns, so the receipt printed next survives a power cut."""
    from sqlalchemy import text

    take(demo_ctx)
    with demo_ctx.store.write() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_first_save_of_a_new_day_starts_the_daily_backup(demo_ctx):
    clock = Clock(datetime(2026, 12, 1, 8, 0))
    svc = BackupService(demo_ctx.profile, lambda: demo_ctx.key, clock=clock)
    svc.watch_daily(demo_ctx.store.get().engine)
    _wait_for(lambda: len(bk.backups_of_kind(demo_ctx.profile.backups, "daily")) == 1)
    clock.now = datetime(2026, 12, 2, 8, 0)  # the desk stayed open overnight
    take(demo_ctx)
    _wait_for(lambda: len(bk.backups_of_kind(demo_ctx.profile.backups, "daily")) == 2)
    newest = bk.backups_of_kind(demo_ctx.profile.backups, "daily")[-1]
    assert newest.name.startswith("hcc-desk-daily-20261202-")


def _wait_for(condition, seconds: float = 20) -> None:
    wait_until(condition, seconds, "the backup thread", interval=0.05)


@pytest.mark.expect_log_warnings  # the failed backup is logged as an ERROR
def test_a_failed_daily_backup_never_stops_the_counter(demo_ctx):
    shutil.rmtree(demo_ctx.profile.backups)
    demo_ctx.profile.backups.write_text("not a folder")  # mkdir/backup must fail
    svc = BackupService(demo_ctx.profile, lambda: demo_ctx.key)
    assert svc.daily_if_due() is None
    assert svc.last_error
    assert take(demo_ctx)  # saving still works


def test_restore_brings_the_backup_back_and_sets_the_current_file_aside(demo_ctx):
    before = take(demo_ctx, 2)
    backup = demo_ctx.backups.backup_to()
    after = take(demo_ctx, 3)
    demo_ctx.close()
    staged = backups.stage(demo_ctx.profile, demo_ctx.key, backup)
    done = backups.commit(demo_ctx.profile, demo_ctx.key, staged, "demo")
    assert done.sequences_read
    ctx = open_context(demo_ctx.profile.root)
    try:
        assert _codes(ctx) == set(before)
        # The codes printed after the backup are never handed out again.
        new = take(ctx)[0]
        assert new not in after and new > max(after)
        with ctx.store.session() as s:
            from sqlalchemy import text

            action = s.execute(
                text("SELECT action, actor FROM audit_log ORDER BY id DESC LIMIT 3")
            ).all()
        assert ("backup.restored", "demo") in [tuple(r) for r in action]
    finally:
        ctx.close()
    # The database in use was renamed, not deleted: it still holds every dossier.
    assert done.previous is not None and done.previous.parent.name == "set-aside"
    assert bk.verify_backup(done.previous, demo_ctx.key).dossiers == 5
    assert not backups.staging_dir(demo_ctx.profile).exists()


@pytest.mark.parametrize("kind", ["other_profile", "random_bytes", "plain", "damaged", "missing"])
def test_restore_refuses_what_is_not_a_good_backup_of_this_profile(demo_ctx, tmp_path, kind):
    take(demo_ctx)
    demo_ctx.close()
    db_before = demo_ctx.profile.db_path.read_bytes()
    file = tmp_path / f"{kind}.db"
    if kind == "other_profile":
        other = open_context(tmp_path / "other")
        other.setup.create_demo()
        file = other.backups.backup_to()
        other.close()
    elif kind == "random_bytes":
        file.write_bytes(os.urandom(8192))
    elif kind == "plain":
        sqlite3.connect(file).execute("CREATE TABLE t(x)").connection.commit()
    elif kind == "damaged":
        ctx = open_context(demo_ctx.profile.root)
        file = ctx.backups.backup_to()
        ctx.close()
        damage_middle_page(file, demo_ctx.key, tmp_path)
    with pytest.raises(RestoreRefused) as refused:
        backups.stage(demo_ctx.profile, demo_ctx.key, file)
    expected = {
        "other_profile": "key",
        "random_bytes": "key",
        "plain": "plain",
        "damaged": "damaged",
        "missing": "missing",
    }[kind]
    assert refused.value.reason == expected
    assert "Nothing was changed" in refused.value.text("en")
    assert demo_ctx.profile.db_path.read_bytes() == db_before
    assert not (demo_ctx.profile.root / "set-aside").exists() or not list(
        (demo_ctx.profile.root / "set-aside").glob("*.db")
    )


@pytest.mark.expect_log_warnings  # the damage is logged as an ERROR
def test_a_damaged_database_is_set_aside_and_the_backup_offered_with_the_unsynced(
    demo_ctx, tmp_path
):
    take(demo_ctx, 2)
    backup = demo_ctx.backups.backup_to()
    unsynced = take(demo_ctx, 30)  # enough pages that the middle one is not the outbox's
    demo_ctx.close()
    db = demo_ctx.profile.db_path
    damage_middle_page(db, demo_ctx.key, tmp_path)
    damaged_bytes = db.read_bytes()

    ctx = open_context(demo_ctx.profile.root)
    ctx.store.full_check = True  # the GUI start
    with pytest.raises(DatabaseDamaged) as found:
        ctx.store.get()
    err = found.value
    assert err.backup is not None and err.backup.path == backup
    assert {u.code for u in err.unsynced} >= set(unsynced)
    assert {u.name for u in err.unsynced} == {NAME}
    assert f"hcc-desk restore {backup}" in err.text("en") and unsynced[-1] in err.message
    # Set aside, byte for byte; never deleted.
    assert not db.exists()
    assert err.damaged.read_bytes() == damaged_bytes
    # No fresh empty database in its place, whatever opens the profile next (CLI, GUI, setup).
    with pytest.raises(DatabaseDamaged):
        ctx.store.get()
    assert ctx.recovery_pending()
    assert not db.exists()
    ctx.close()
    staged = backups.stage(ctx.profile, ctx.key, backup)
    backups.commit(ctx.profile, ctx.key, staged, "demo")
    ctx = open_context(demo_ctx.profile.root)
    assert not ctx.recovery_pending()
    # The codes given out by the damaged file are not given again.
    assert take(ctx)[0] > max(unsynced)
    ctx.close()


def test_cli_opens_check_once_a_day_and_gui_starts_every_time(demo_ctx, tmp_path, monkeypatch):
    calls = []
    real = bk.integrity_problems
    monkeypatch.setattr(bk, "integrity_problems", lambda *a, **k: calls.append(1) or real(*a, **k))
    demo_ctx.close()
    mark = demo_ctx.profile.backups / backups.CHECK_MARK
    mark.write_text("2000-01-01")  # checked on another day
    for _ in range(3):
        open_context(demo_ctx.profile.root).store.get().close()
    assert len(calls) == 1
    for _ in range(2):
        ctx = open_context(demo_ctx.profile.root)
        ctx.store.full_check = True
        ctx.store.get().close()
    assert len(calls) == 3


@pytest.mark.expect_log_warnings  # the key error is logged as an ERROR
def test_a_wrong_key_is_not_mistaken_for_damage(tmp_path, monkeypatch):
    ctx = open_context(tmp_path / "desk")
    ctx.setup.create_demo()
    ctx.close()
    for old in ctx.profile.backups.glob("*.db"):
        old.unlink()  # no backup proves the key right
    other = open_context(tmp_path / "desk", key=os.urandom(32))  # another PC's key
    with pytest.raises(UserError) as refused:
        other.store.get()
    assert not isinstance(refused.value, DatabaseDamaged)
    assert "does not hold its key" in refused.value.text("en")
    assert ctx.profile.db_path.exists()


@pytest.mark.expect_log_warnings  # the damage is logged as an ERROR
def test_a_damaged_first_page_is_damage_when_a_backup_opens_with_the_key(demo_ctx, tmp_path):
    demo_ctx.backups.backup_to()
    demo_ctx.close()
    with demo_ctx.profile.db_path.open("r+b") as f:
        f.seek(100)
        f.write(b"\x00" * 200)
    ctx = open_context(demo_ctx.profile.root)
    with pytest.raises(DatabaseDamaged) as found:
        ctx.store.get()
    assert found.value.unsynced is None  # unreadable: said so in the message
    assert "could not be read" in found.value.text("en")
    assert found.value.damaged.exists() and not ctx.profile.db_path.exists()


def test_backup_to_refuses_to_overwrite_and_a_missing_folder(demo_ctx, tmp_path):
    from hcc_desk.services.errors import InvalidInput

    existing = tmp_path / "there.db"
    existing.write_bytes(b"keep me")
    with pytest.raises(InvalidInput):
        demo_ctx.backups.backup_to(existing)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(InvalidInput):
        demo_ctx.backups.backup_to(tmp_path / "missing" / "x.db")
    assert not (tmp_path / "missing").exists()


def test_set_aside_moves_the_wal_with_the_database(tmp_path):
    db = tmp_path / "d.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t(x)")
    con.execute("INSERT INTO t VALUES (42)")
    con.commit()
    wal = Path(str(db) + "-wal").read_bytes()
    moved = bk.set_aside(db, tmp_path / "aside", "damaged")
    con.close()
    assert not db.exists() and Path(str(moved) + "-wal").exists()
    assert wal
    assert sqlite3.connect(moved).execute("SELECT x FROM t").fetchall() == [(42,)]


def test_rotation_clears_what_a_killed_backup_left_but_not_one_being_written(demo_ctx):
    folder = demo_ctx.profile.backups
    old_part = folder / "hcc-desk-daily-20261201-080000.db.part"
    new_part = folder / "hcc-desk-daily-20261204-080000.db.part"
    for part in (old_part, new_part):
        part.write_bytes(b"half a backup")
    an_hour_ago = time.time() - bk.STALE_PART_SECONDS - 5
    os.utime(old_part, (an_hour_ago, an_hour_ago))
    assert demo_ctx.backups.daily_if_due() is not None
    assert not old_part.exists() and new_part.exists()
