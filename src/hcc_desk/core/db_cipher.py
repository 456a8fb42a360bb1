"""The desk database encrypted at rest with SQLCipher (AES-256, one page at a time).

The key is 32 random bytes from the OS key store (hcc_desk.core.keystore), given to SQLCipher as
a raw key (``x'…'``), so opening costs no password stretching. ``key=None`` everywhere means a
plain SQLite file (unit tests, benchmarks' baselines, tools).

An existing plain database is encrypted in place on open: exported into a new encrypted file
next to it, fsynced, then renamed over the old one — a crash leaves the plain file or the
encrypted one, never half of each.

Outside hcc_desk.core.store on purpose: the GUI's first window peeks the database through this
module before SQLAlchemy is imported.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hcc_core.files import fsync_dir

SQLITE_MAGIC = b"SQLite format 3\x00"


class WrongKey(Exception):
    """The database exists but does not decrypt with the key this computer holds for it."""


def dbapi() -> Any:
    """The SQLCipher DB-API module (same interface as the standard sqlite3)."""
    from sqlcipher3 import dbapi2

    return dbapi2


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(con: Any, key: bytes) -> None:
    """Key a fresh connection. SQLCipher's own log would print a wrong key's page errors on
    stderr in front of the officer; the caller reports it in words instead."""
    con.execute("PRAGMA cipher_log_level = NONE")
    con.execute(key_pragma(key))


def connect(
    path: Path | str,
    key: bytes | None,
    *,
    read_only: bool = False,
    timeout: float = 10,
    **kwargs: Any,
) -> Any:
    """A SQLCipher connection, keyed (and checked) before anything else touches the file."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    con = dbapi().connect(target, uri=read_only, timeout=timeout, **kwargs)
    if key is not None:
        apply_key(con, key)
    return con


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (an encrypted one starts with random salt)."""
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def peek(path: Path, key: bytes | None, sql: str, params: tuple = ()) -> Any:
    """One row read-only, or None (no file, no schema yet, wrong key): the store says why."""
    if not path.exists():
        return None
    if key is not None and is_plain_sqlite(path):  # not encrypted yet: open_store will
        key = None
    mod = dbapi() if key is not None else __import__("sqlite3")
    try:
        con = (
            connect(path, key, read_only=True, timeout=5)
            if key is not None
            else mod.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        )
        try:
            return con.execute(sql, params).fetchone()
        finally:
            con.close()
    except mod.Error:
        return None


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Turn the plain SQLite database at ``path`` into an encrypted one with the same content."""
    tmp = path.with_name(path.name + ".encrypting")
    for leftover in (tmp, _wal(tmp), _shm(tmp)):
        leftover.unlink(missing_ok=True)
    con = dbapi().connect(str(path), isolation_level=None, timeout=10)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        user_version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(tmp),))
        con.execute("SELECT sqlcipher_export('encrypted')")
        con.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
        con.execute("DETACH DATABASE encrypted")
    finally:
        con.close()
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    for stale in (_wal(path), _shm(path)):  # belonged to the plain file
        stale.unlink(missing_ok=True)
    fsync_dir(path.parent)


def copy_encrypted(src: Path, dst: Path, key: bytes) -> None:
    """A consistent copy of the encrypted database ``src`` (online backup API), same key."""
    source = connect(src, key)
    target = connect(dst, key)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _shm(path: Path) -> Path:
    return path.with_name(path.name + "-shm")
