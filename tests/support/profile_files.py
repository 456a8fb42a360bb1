"""Reading a desk profile from a test the way the desk does: the database through SQLCipher
with the profile's key, attached files decrypted (both are encrypted at rest)."""

from __future__ import annotations

from pathlib import Path

from hcc_desk.core import db_cipher
from hcc_desk.core.keystore import profile_key
from hcc_desk.core.sealed_files import FileSealer


def key_of(profile: Path) -> bytes:
    key = profile_key(Path(profile), create=False)
    assert key is not None, f"{profile} has no key"
    return key


def connect_db(profile: Path, *, read_only: bool = True):
    """A DB-API connection to the profile's database (same interface as sqlite3)."""
    return db_cipher.connect(Path(profile) / "hcc-desk.db", key_of(profile), read_only=read_only)


def read_attachment(profile: Path, rel: str) -> bytes:
    """The plain bytes of ``<profile>/attachments/<rel>``."""
    blob = (Path(profile) / "attachments" / rel).read_bytes()
    return FileSealer(key_of(profile)).unseal(blob, rel)
