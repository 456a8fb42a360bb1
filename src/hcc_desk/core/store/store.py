"""open_store(): the one entry point that yields a ready, migrated database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .engine import immediate, make_engine
from .schema_version import StoreError, file_revision, script_head
from .search_keys import install_search_key_hook


class Sessions(Protocol):
    """What the services and sync need of a database: a read session and a write transaction.
    A Store has them, and so does the desk's LazyStore (app.py), which opens one on first use."""

    def session(self) -> AbstractContextManager[Session]: ...

    def write(self) -> AbstractContextManager[Session]: ...


@dataclass
class Store:
    """A migrated desk database. Sessions are per unit of work and per thread."""

    path: Path
    engine: Engine
    revision_found: str | None = None  # revision before open_store upgraded it
    backup_path: Path | None = None  # set when an upgrade made a backup
    _reads: sessionmaker[Session] = field(init=False, repr=False)
    _writes: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # expire_on_commit=False: repositories copy rows into dataclasses anyway, and nothing
        # should lazily hit the database after the unit of work has ended.
        self._reads = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(immediate(self.engine), expire_on_commit=False)
        install_search_key_hook(self._reads)
        install_search_key_hook(self._writes)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Deferred transaction: commit on success, rollback on error."""
        with self._reads.begin() as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """BEGIN IMMEDIATE: takes the write lock up front, so two processes allocating
        sequences serialise on busy_timeout instead of failing on a lock upgrade."""
        with self._writes.begin() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path, backup_dir: Path | None = None, key: bytes | None = None) -> Store:
    """Open (creating if absent) the database at ``path`` and upgrade it to head.

    With ``key`` the file is encrypted with SQLCipher; a plain database found there is
    encrypted in place first (and so are plain backups of it in ``backup_dir``). A wrong key
    raises StoreError. An existing database behind head is first copied to ``backup_dir``
    (default ``<db dir>/backups``) as ``<stem>-rev<old>-<timestamp>.db``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if key is not None:
        _encrypt_plain_files(path, backup_dir or path.parent / "backups", key)
    if file_revision(path, key) == script_head():  # the usual start: nothing to migrate
        return Store(path=path, engine=make_engine(path, key=key), revision_found=script_head())
    if key is not None:
        _check_key(path, key)
    from . import migrate

    migration_engine = make_engine(path, foreign_keys=False, key=key)
    try:
        found, has_tables = migrate.inspect_database(migration_engine)
        backup = _check_and_backup(path, migration_engine, found, has_tables, backup_dir, key)
        if found != migrate.head_revision():
            try:
                migrate.upgrade(migration_engine)
            except SQLAlchemyError as err:  # the upgrade is one transaction: nothing changed
                raise StoreError(
                    f"upgrading {path.name} from schema {found} failed; the database is "
                    f"unchanged (backup: {backup}): {err}"
                ) from err
    finally:
        migration_engine.dispose()
    return Store(
        path=path, engine=make_engine(path, key=key), revision_found=found, backup_path=backup
    )


def _encrypt_plain_files(path: Path, backup_dir: Path, key: bytes) -> None:
    from hcc_desk.core.db_cipher import encrypt_in_place, is_plain_sqlite

    if is_plain_sqlite(path):
        encrypt_in_place(path, key)
    if backup_dir.is_dir():
        for old in sorted(backup_dir.glob("*.db")):
            if is_plain_sqlite(old):
                encrypt_in_place(old, key)


def _check_key(path: Path, key: bytes) -> None:
    """A file that exists but does not open with ``key``: say so, never touch it."""
    from hcc_desk.core import db_cipher as cipher

    if not path.exists() or path.stat().st_size == 0:
        return
    mod = cipher.dbapi()
    try:
        con = cipher.connect(path, key, read_only=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except mod.DatabaseError as err:
        raise cipher.WrongKey(
            f"{path} cannot be decrypted with this computer's key for it "
            f"(copied from another PC, or the key was lost): {err}"
        ) from err


def _check_and_backup(
    path: Path,
    engine: Engine,
    found: str | None,
    has_tables: bool,
    backup_dir: Path | None,
    key: bytes | None = None,
) -> Path | None:
    from . import migrate

    head = migrate.head_revision()
    if found is None:
        if has_tables:
            raise StoreError(f"{path} has tables but no schema revision: not an HCC Desk database")
        return None  # brand-new file: nothing to protect
    if found not in migrate.known_revisions():
        raise StoreError(
            f"{path} is at schema revision {found}, newer than this program ({head}); "
            "install the newer HCC Desk version"
        )
    if found == head:
        return None
    engine.dispose()  # release our connection before copying
    return migrate.backup_database(path, backup_dir or path.parent / "backups", found, key)
