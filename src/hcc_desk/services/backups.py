"""Backups, the start-up integrity check and restore, for one profile (GUI and CLI alike).

- Daily: the first GUI start (warm-up thread) or the first save of a day (a worker thread
  started from the commit), never on the GUI thread. At close: when the desk closes after a
  change. Both into ``<profile>/backups/``, rotated (settings ``backup.keep_daily`` = 7 and
  ``backup.keep_close`` = 3 by default). Manual ones (``hcc-desk backup``) are never rotated.
- At open: ``PRAGMA quick_check`` — at every GUI start (on the thread the store opens on) and
  on the first CLI command of a day (a CLI command should not pay seconds on a big file each
  time). A damaged file is renamed into ``<profile>/set-aside/`` and DatabaseDamaged names the
  newest good backup and the dossiers that had not reached central.
- Restore: the backup is verified and staged, the admin proves it against the staged copy (the
  current file may be unreadable), the current file is set aside (never deleted), the staged
  one takes its place, and sequence numbers already handed out are never handed out again.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcc_core.i18n import Msg, msg
from hcc_desk.core.store import backup as bk
from hcc_desk.profile import Profile
from hcc_desk.services.errors import InvalidInput, UserError
from hcc_desk.services.settings import BACKUP_KEEP_CLOSE, BACKUP_KEEP_DAILY, Setting

if TYPE_CHECKING:  # the store and SQLAlchemy load on first use, not with this module
    from sqlalchemy import Engine

    from hcc_desk.core.store.store import Store

log = logging.getLogger("hcc_desk.backups")

CHECK_MARK = ".last-integrity-check"  # in backups/: the day of the last clean quick_check


def set_aside_dir(profile: Profile) -> Path:
    return profile.root / "set-aside"


class BackupFailed(UserError):
    pass


class DatabaseDamaged(UserError):
    """The database failed its integrity check (or was set aside earlier and not restored)."""

    def __init__(
        self,
        *,
        damaged: Path,
        backup: bk.BackupInfo | None,
        unsynced: list[bk.Unsynced] | None,
        profile_root: Path,
    ):
        super().__init__(
            "backups.damaged",
            damaged=damaged,
            offer=_offer(backup, profile_root),
            unsynced=_unsynced_lines(unsynced),
        )
        self.damaged = damaged
        self.backup = backup
        self.unsynced = unsynced


class RestoreRefused(InvalidInput):
    def __init__(self, msg_id: str, reason: str, /, **params: Any):
        super().__init__(msg_id, **params)
        self.reason = reason


# --- start-up check -------------------------------------------------------------------------


def check_at_open(profile: Profile, key: bytes | None, *, full: bool | None = None) -> None:
    """Raise DatabaseDamaged when the database is damaged (after setting it aside), or when a
    damaged one was set aside and nothing was restored since: a fresh empty database must not
    quietly replace a centre's data. ``full``: run quick_check (None: if not done today)."""
    db = profile.db_path
    if recovery_pending(profile):
        raise damaged_error(profile, key, bk.set_aside_files(set_aside_dir(profile), "damaged")[-1])
    if not db.exists():
        return
    if db.stat().st_size == 0:
        return
    key = None if key is not None and _plain(db) else key
    if not bk.opens_with_key(db, key):
        # A wrong key (copied profile) and a damaged first page look alike; a backup that
        # opens with the key proves the key right. Otherwise open_store reports the key.
        if not _any_backup_opens(profile.backups, key):
            return
        problems = ["the first page does not decrypt with this profile's key"]
    elif full if full is not None else not _checked_today(profile):
        problems = bk.integrity_problems(db, key)
        if not problems:
            _mark_checked(profile)
    else:
        return
    if problems:
        log.error("database %s failed its integrity check: %s", db, "; ".join(problems[:5]))
        moved = bk.set_aside(db, set_aside_dir(profile), "damaged")
        raise damaged_error(profile, key, moved)


def damaged_error(profile: Profile, key: bytes | None, damaged: Path) -> DatabaseDamaged:
    from hcc_desk.core.store.migrate import known_revisions

    backup = bk.newest_good_backup(profile.backups, key, known_revisions())
    unsynced = bk.unsynced_dossiers(damaged, key)
    return DatabaseDamaged(
        damaged=damaged, backup=backup, unsynced=unsynced, profile_root=profile.root
    )


def _offer(backup: bk.BackupInfo | None, profile_root: Path) -> Msg:
    if backup is None:
        return msg("backups.damaged.no_backup")
    return msg(
        "backups.damaged.offer",
        path=backup.path,
        taken_at=backup.taken_at,
        n=backup.dossiers,
        profile=profile_root,
    )


def _unsynced_lines(unsynced: list[bk.Unsynced] | None) -> Msg:
    if unsynced is None:
        return msg("backups.damaged.unsynced_unreadable")
    if not unsynced:
        return msg("backups.damaged.all_synced")
    rows = "".join(f"\n  {u.code}  {u.name}  {u.procedure}" for u in unsynced)
    return msg("backups.damaged.unsynced", rows=rows, n=len(unsynced))


def recovery_pending(profile: Profile) -> bool:
    """No database, and a damaged one set aside: restore, never start afresh by accident."""
    return not profile.db_path.exists() and bool(
        bk.set_aside_files(set_aside_dir(profile), "damaged")
    )


def _checked_today(profile: Profile) -> bool:
    try:
        return (profile.backups / CHECK_MARK).read_text("ascii").strip() == date.today().isoformat()
    except (OSError, UnicodeDecodeError):
        return False


def _mark_checked(profile: Profile) -> None:
    try:
        profile.backups.mkdir(parents=True, exist_ok=True)
        (profile.backups / CHECK_MARK).write_text(date.today().isoformat(), "ascii")
    except OSError as exc:  # a read-only profile still opens; it is checked again next time
        log.warning("could not record the integrity check: %s", exc)


def forget_check(profile: Profile) -> None:
    """Make the next open run the full check (a damage error was seen in use)."""
    (profile.backups / CHECK_MARK).unlink(missing_ok=True)


def _any_backup_opens(folder: Path, key: bytes | None) -> bool:
    return folder.is_dir() and any(bk.opens_with_key(p, key) for p in folder.glob("*.db"))


def _plain(path: Path) -> bool:
    from hcc_desk.core.db_cipher import is_plain_sqlite

    return is_plain_sqlite(path)


# --- backups --------------------------------------------------------------------------------


class BackupService:
    def __init__(
        self,
        profile: Profile,
        key_source: Callable[[], bytes | None],
        setting: Callable[[Setting[int]], int] | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ):
        self.profile = profile
        self._key = key_source
        self._setting = setting or (lambda declared: declared.default)
        self._clock = clock
        self._lock = threading.Lock()  # one backup at a time per profile in this process
        self._daily_day: date | None = None
        self._daily_thread: threading.Thread | None = None
        self.last_error: str | None = None

    def daily_if_due(self) -> Path | None:
        """Today's daily backup, unless one exists already; rotated. Errors are logged (and
        kept in last_error): a failed backup must never stop the counter."""
        today = self._clock().date()
        if self._daily_day == today:
            return None
        with self._lock:
            prefix = f"{bk.PREFIX}-daily-{today:%Y%m%d}-"
            if any(
                p.name.startswith(prefix) for p in bk.backups_of_kind(self.profile.backups, "daily")
            ):
                self._daily_day = today
                return None
            # Tried once a day: a failing backup (disk full) is logged, not retried per commit.
            self._daily_day = today
            return self._quietly(lambda: self._make("daily"))

    def daily_in_background(self) -> threading.Thread | None:
        """Start daily_if_due on a thread of its own (from a commit hook or the warm-up)."""
        if self._daily_day == self._clock().date():
            return None
        if self._daily_thread is not None and self._daily_thread.is_alive():
            return None  # a burst of commits starts one backup, not one each
        t = threading.Thread(target=self.daily_if_due, name="daily-backup", daemon=True)
        self._daily_thread = t
        t.start()
        return t

    def watch_daily(self, engine: Engine) -> None:
        """Daily backup now if due, and after the first commit of each later day (a desk left
        running overnight). The hook costs one date comparison per commit."""
        from sqlalchemy import event

        self.daily_in_background()
        event.listen(engine, "commit", lambda _conn: self.daily_in_background())

    def at_close(self) -> Path | None:
        """A backup when the desk closes after a working session. Made even if nothing changed:
        the newest backups then hold the same data as the ones rotated out, so nothing is lost,
        and a file's times do not tell reliably whether its content changed."""
        if not self.profile.db_path.exists():
            return None
        with self._lock:
            return self._quietly(lambda: self._make("close"))

    def backup_to(self, out: Path | None = None) -> Path:
        """A manual backup (``hcc-desk backup``): into ``out`` or backups/; errors raised."""
        if not self.profile.db_path.exists():
            raise BackupFailed("backups.there_database", root=self.profile.root)
        with self._lock:
            try:
                if out is None:
                    return bk.make_backup(
                        self.profile.db_path,
                        self.profile.backups,
                        "manual",
                        self._key(),
                        self._clock(),
                    )
                out = out.resolve()
                if out.exists():
                    raise InvalidInput("backups.exists_choose_another_name", out=out)
                if not out.parent.is_dir():
                    raise InvalidInput("backups.folder_does_exist", parent=out.parent)
                bk.write_backup(self.profile.db_path, out, self._key())
                return out
            except OSError as exc:
                raise _write_failed(out or self.profile.backups, exc) from exc
            except _db_errors() as exc:
                forget_check(self.profile)
                raise BackupFailed("backups.backup_failed_database_may", exc=exc) from exc

    def _make(self, kind: str) -> Path:
        path = bk.make_backup(
            self.profile.db_path, self.profile.backups, kind, self._key(), self._clock()
        )
        keep = self._setting(BACKUP_KEEP_DAILY if kind == "daily" else BACKUP_KEEP_CLOSE)
        bk.rotate(self.profile.backups, kind, max(1, int(keep)))
        log.info("%s backup %s", kind, path)
        return path

    def _quietly(self, make: Callable[[], Path]) -> Path | None:
        expected: tuple[type[BaseException], ...] = (OSError, UserError, *_db_errors())
        try:
            path = make()
            self.last_error = None
            return path
        except expected as exc:
            self.last_error = str(exc)
            log.error("backup failed: %s", exc)
            if isinstance(exc, _db_errors()):  # a page that does not read: check at next open
                forget_check(self.profile)
            return None


def _write_failed(where: Path, exc: OSError) -> BackupFailed:
    return BackupFailed("backups.write_backup", where=where, value=exc.strerror or exc)


def _db_errors() -> tuple[type[BaseException], ...]:
    return bk._errors()


# --- restore --------------------------------------------------------------------------------


@dataclass
class Staged:
    """A verified backup copied next to the database and opened (migrated to head)."""

    source: bk.BackupInfo
    path: Path
    store: Store


def staging_dir(profile: Profile) -> Path:
    return set_aside_dir(profile) / "restoring"


def stage(profile: Profile, key: bytes | None, file: Path) -> Staged:
    """Verify ``file`` and open a copy of it; RestoreRefused says plainly why not."""
    from hcc_desk.core.store import open_store
    from hcc_desk.core.store.migrate import known_revisions

    try:
        info = bk.verify_backup(Path(file), key, known_revisions())
    except bk.BackupRejected as exc:
        raise _refusal(Path(file), exc) from exc
    folder = staging_dir(profile)
    shutil.rmtree(folder, ignore_errors=True)  # a copy left by an interrupted restore
    from hcc_core.owner_only import make_private_dir

    make_private_dir(folder)
    staged = folder / profile.db_path.name
    shutil.copyfile(info.path, staged)
    store = open_store(staged, backup_dir=folder / "backups", key=key)
    return Staged(info, staged, store)


def discard(staged: Staged) -> None:
    staged.store.close()
    shutil.rmtree(staged.path.parent, ignore_errors=True)  # only the staged copy


@dataclass(frozen=True)
class Restored:
    previous: Path | None  # where the database in use went (None: it was set aside before)
    sequences_read: bool  # the set-aside file's sequence numbers were carried over


def commit(profile: Profile, key: bytes | None, staged: Staged, actor: str) -> Restored:
    """Put the staged backup in place; the current database (if any) is set aside."""
    from hcc_desk.core.store.repositories import add_audit

    aside = set_aside_dir(profile)
    previous = None
    previous_name: str | None
    if profile.db_path.exists():
        previous_name = f"{bk.PREFIX}-replaced-{datetime.now():%Y%m%d-%H%M%S}.db"
    else:
        damaged = bk.set_aside_files(aside, "damaged")
        previous_name = damaged[-1].name if damaged else None
    with staged.store.write() as s:
        add_audit(
            s,
            actor,
            "backup.restored",
            "database",
            None,
            {
                "file": str(staged.source.path),
                "taken_at": staged.source.taken_at.isoformat(),
                "previous": previous_name,
            },
        )
    staged.store.close()
    bk.self_contained(staged.path, key)
    if profile.db_path.exists():
        previous = bk.set_aside(profile.db_path, aside, "replaced")
    bk.put_in_place(staged.path, profile.db_path)
    shutil.rmtree(staged.path.parent, ignore_errors=True)
    # Codes printed after the backup was taken must never be printed again.
    source = previous or (aside / previous_name if previous_name else None)
    rows: list[tuple[str, str, int]] | None = []
    if source is not None and source.exists():
        rows = bk.highest_day_sequences(source, key)
    if rows:
        bk.raise_day_sequences(profile.db_path, key, rows)
    forget_check(profile)
    return Restored(previous, rows is not None)


def _refusal(path: Path, exc: bk.BackupRejected) -> RestoreRefused:
    return RestoreRefused(f"backups.restore_refused.{exc.reason}", exc.reason, path=path)


def restore_as(
    profile: Profile, key: bytes | None, file: Path, username: str, password: str
) -> Restored:
    """The GUI's restore: an admin's password, checked against the backup being restored."""
    from hcc_desk.services.auth import AuthService
    from hcc_desk.services.errors import AuthError

    staged = stage(profile, key, file)
    try:
        officer = AuthService(staged.store).check(username, password, detail={"command": "restore"})
        if officer.role != "admin":
            raise AuthError("backups.only_admin_may_restore", username=officer.username)
    except BaseException:
        discard(staged)
        raise
    return commit(profile, key, staged, officer.username)
