"""Backups of the desk database, its integrity check, and setting a damaged file aside.

Everything here works on the file with plain DB-API connections (SQLCipher when keyed), without
SQLAlchemy: the start-up check runs before the store is built, and a damaged file must be read
with as little machinery as possible.

- A backup is made with SQLite's online backup API from a live connection (consistent even while
  the desk writes in WAL mode), keyed with the database's own key, so it is encrypted exactly like
  the database. It is written under a temporary name, switched to a rollback journal (one
  self-contained file), fsynced, made owner-only and only then renamed: a crash leaves the old set
  of backups, never a torn file under a backup's name.
- Nothing here deletes a database: a damaged or replaced one is *renamed* into ``set-aside/``
  together with its WAL (which may hold the last commits), so support can still read it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hcc_core.files import fsync_dir
from hcc_core.owner_only import FILE_MODE
from hcc_desk.core import db_cipher as cipher

log = logging.getLogger("hcc_desk.backups")

PREFIX = "hcc-desk"
KINDS = ("daily", "close", "manual")
_NAME = re.compile(rf"^{PREFIX}-(?P<kind>[a-z]+)-(?P<stamp>\d{{8}}-\d{{6}})(-\d+)?\.db$")
_SIDECARS = ("-wal", "-shm")
STALE_PART_SECONDS = 3600


class BackupRejected(Exception):
    """Not a usable backup of this profile. ``reason``: missing, plain, key, damaged, foreign."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # the file's modification time: when the backup finished
    revision: str | None  # schema revision inside (an older one is upgraded on open)
    dossiers: int


@dataclass(frozen=True)
class Unsynced:
    """A dossier whose latest state had not reached central, as read from a damaged file."""

    code: str
    name: str
    procedure: str
    received_at: str


def backup_name(kind: str, when: datetime) -> str:
    return f"{PREFIX}-{kind}-{when:%Y%m%d-%H%M%S}.db"


def backups_of_kind(folder: Path, kind: str) -> list[Path]:
    """This kind's backups in ``folder``, oldest first (the name carries the time)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if (m := _NAME.match(p.name)) and m["kind"] == kind]
    return sorted(found, key=lambda p: p.name)


def make_backup(
    db_path: Path, folder: Path, kind: str, key: bytes | None, when: datetime | None = None
) -> Path:
    """A new ``kind`` backup of ``db_path`` in ``folder`` (created owner-only if absent)."""
    when = when or datetime.now()
    target = folder / backup_name(kind, when)
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{backup_name(kind, when)[:-3]}-{n}.db"
    write_backup(db_path, target, key)
    return target


def write_backup(db_path: Path, target: Path, key: bytes | None) -> None:
    """Copy the live database ``db_path`` to ``target`` (encrypted with ``key``), durably."""
    if not db_path.exists():
        raise FileNotFoundError(f"no database at {db_path}")
    from hcc_core.owner_only import make_private_dir

    make_private_dir(target.parent)
    tmp = target.with_name(target.name + ".part")
    _remove_with_sidecars(tmp)
    try:
        source = _connect(db_path, key)
        try:
            dest = _connect(tmp, key)
            try:
                source.backup(dest)
                # One self-contained file: no -wal beside a backup, whoever opens it later.
                dest.execute("PRAGMA journal_mode=DELETE").fetchone()
            finally:
                dest.close()
        finally:
            source.close()
        _settle(tmp, target)
    finally:
        _remove_with_sidecars(tmp)


def rotate(folder: Path, kind: str, keep: int) -> list[Path]:
    """Remove the oldest ``kind`` backups beyond the newest ``keep``, and temporary files a
    killed process left (older than an hour: never one being written); returns what went."""
    old = backups_of_kind(folder, kind)[:-keep] if keep > 0 else backups_of_kind(folder, kind)
    stale = datetime.now().timestamp() - STALE_PART_SECONDS
    for part in folder.glob(f"{PREFIX}-*.db.part"):
        try:
            if part.stat().st_mtime < stale:
                _remove_with_sidecars(part)
        except OSError:
            pass
    for path in old:
        path.unlink(missing_ok=True)
    if old:
        log.info("removed %d old %s backup(s)", len(old), kind)
    return old


def integrity_problems(path: Path, key: bytes | None, *, limit: int = 20) -> list[str]:
    """``PRAGMA quick_check`` of the file: [] when sound, else what SQLite (or SQLCipher's page
    authentication) found. An unreadable first page reports as a problem too."""
    try:
        con = _connect(path, key, read_only=True)
    except _errors() as exc:
        return [str(exc)]
    try:
        rows = con.execute(f"PRAGMA quick_check({int(limit)})").fetchall()
    except _errors() as exc:
        return [str(exc)]
    except MemoryError:  # a damaged page can claim a huge size: SQLite then says SQLITE_NOMEM
        return ["out of memory while reading the file: a damaged page"]
    finally:
        con.close()
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems


def opens_with_key(path: Path, key: bytes | None) -> bool:
    """The first page decrypts with ``key`` (the schema can be read)."""
    try:
        con = _connect(path, key, read_only=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
        return True
    except _errors():
        return False


def verify_backup(
    path: Path, key: bytes | None, known_revisions: set[str] | None = None
) -> BackupInfo:
    """The backup's facts, or BackupRejected saying why it cannot be restored here."""
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupRejected("missing", f"{path} does not exist or is empty")
    if key is not None and cipher.is_plain_sqlite(path):
        raise BackupRejected("plain", f"{path} is not encrypted: not a backup made by HCC Desk")
    if not opens_with_key(path, key):
        raise BackupRejected("key", f"{path} does not open with this profile's key")
    problems = integrity_problems(path, key)
    if problems:
        raise BackupRejected("damaged", f"{path}: {'; '.join(problems[:3])}")
    try:
        con = _connect(path, key, read_only=True)
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            dossiers = con.execute("SELECT count(*) FROM dossier").fetchone()[0]
        finally:
            con.close()
    except _errors() as exc:
        raise BackupRejected("foreign", f"{path} is not an HCC Desk database: {exc}") from exc
    rev = revision[0] if revision else None
    if known_revisions is not None and rev not in known_revisions:
        raise BackupRejected("foreign", f"{path} has schema {rev}, unknown to this version")
    return BackupInfo(path, datetime.fromtimestamp(path.stat().st_mtime), rev, int(dossiers))


def newest_good_backup(
    folder: Path, key: bytes | None, known_revisions: set[str] | None = None
) -> BackupInfo | None:
    """The most recent backup in ``folder`` that verifies (any kind, migration ones too)."""
    if not folder.is_dir():
        return None
    candidates = sorted(
        (p for p in folder.glob("*.db") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for path in candidates:
        try:
            return verify_backup(path, key, known_revisions)
        except (BackupRejected, OSError) as exc:  # why the newest one was not offered
            log.info("backup %s not usable: %s", path.name, exc)
            continue
    return None


def set_aside(db_path: Path, folder: Path, label: str, when: datetime | None = None) -> Path:
    """Rename the database (with its WAL and SHM) into ``folder`` as
    ``hcc-desk-<label>-<time>.db``; never deletes anything. Returns the new path."""
    from hcc_core.owner_only import make_private_dir

    make_private_dir(folder)
    when = when or datetime.now()
    target = folder / f"{PREFIX}-{label}-{when:%Y%m%d-%H%M%S}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{PREFIX}-{label}-{when:%Y%m%d-%H%M%S}-{n}.db"
    # The WAL first: a database renamed without its WAL would lose the commits still in it.
    for suffix in _SIDECARS:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(db_path, target)
    fsync_dir(folder)
    fsync_dir(db_path.parent)
    log.info("database set aside (kept, never deleted) as %s", target)
    return target


def set_aside_files(folder: Path, label: str) -> list[Path]:
    """Databases set aside with ``label``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}-{label}-*.db"), key=lambda p: p.name)


def self_contained(path: Path, key: bytes | None) -> None:
    """Fold the WAL into the file and leave rollback-journal mode: one file to copy or move."""
    con = _connect(path, key)
    try:
        con.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        con.close()


def _settle(tmp: Path, target: Path) -> None:
    """``tmp`` becomes ``target`` durably: owner-only, on disk, renamed, the rename on disk."""
    if os.name == "posix":
        os.chmod(tmp, FILE_MODE)
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, target)
    fsync_dir(target.parent)


def put_in_place(backup: Path, db_path: Path) -> None:
    """Copy ``backup`` to ``db_path`` (absent) durably: temp name, fsync, rename."""
    tmp = db_path.with_name(db_path.name + ".restoring")
    _remove_with_sidecars(tmp)
    try:
        shutil.copyfile(backup, tmp)
        _settle(tmp, db_path)
    finally:
        _remove_with_sidecars(tmp)
    log.info("backup %s restored as %s", backup, db_path)


def unsynced_dossiers(path: Path, key: bytes | None, limit: int = 500) -> list[Unsynced] | None:
    """Dossiers with outbox ops not yet acknowledged by central, read from a possibly damaged
    file row by row (a bad page loses its rows, not the list). None: the outbox is unreadable."""
    try:
        con = _connect(path, key, read_only=True)
    except _errors():
        return None
    found: dict[str, Unsynced] = {}
    try:
        cur = con.execute("SELECT payload FROM outbox WHERE state != 'done' ORDER BY id")
        while len(found) < limit:
            try:
                row = cur.fetchone()
            except _errors():
                break  # a damaged page: keep what was read
            if row is None:
                break
            item = _unsynced_from_payload(row[0])
            if item is not None:
                found[item.code] = item
    except _errors():
        return None if not found else list(found.values())
    finally:
        con.close()
    return list(found.values())


def highest_day_sequences(path: Path, key: bytes | None) -> list[tuple[str, str, int]] | None:
    """(unit, day, last_k) rows of a (set-aside) database; None when unreadable."""
    try:
        con = _connect(path, key, read_only=True)
        try:
            return [
                (r[0], r[1], int(r[2]))
                for r in con.execute("SELECT unit_code, day, last_k FROM day_sequence")
            ]
        finally:
            con.close()
    except _errors():
        return None


def raise_day_sequences(db_path: Path, key: bytes | None, rows: list[tuple[str, str, int]]) -> int:
    """Never hand out again a sequence number the set-aside database already gave (a restored
    backup is older than the codes printed since). Returns how many rows moved up."""
    if not rows:
        return 0
    con = _connect(db_path, key)
    try:
        con.execute("BEGIN IMMEDIATE")
        moved = 0
        for unit, day, last_k in rows:
            cur = con.execute(
                "INSERT INTO day_sequence(unit_code, day, last_k) VALUES (?, ?, ?) "
                "ON CONFLICT(unit_code, day) DO UPDATE SET last_k = excluded.last_k "
                "WHERE excluded.last_k > day_sequence.last_k",
                (unit, day, last_k),
            )
            moved += cur.rowcount
        con.execute("COMMIT")
        return moved
    finally:
        con.close()


def _unsynced_from_payload(raw: Any) -> Unsynced | None:
    try:
        doc = json.loads(raw) if isinstance(raw, (str, bytes)) else raw
        submitter = doc.get("submitter") or {}
        return Unsynced(
            code=str(doc["code"]),
            name=str(submitter.get("full_name", "")),
            procedure=str(doc.get("procedure_name", "")),
            received_at=str(doc.get("received_at", "")),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _connect(path: Path, key: bytes | None, *, read_only: bool = False) -> Any:
    if key is not None:
        return cipher.connect(path, key, read_only=read_only, isolation_level=None)
    target = f"file:{path}?mode=ro" if read_only else str(path)
    return sqlite3.connect(target, uri=read_only, timeout=10, isolation_level=None)


def _errors() -> tuple[type[BaseException], ...]:
    return (sqlite3.DatabaseError, cipher.dbapi().DatabaseError)


def _remove_with_sidecars(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in _SIDECARS)):
        p.unlink(missing_ok=True)
