"""The key that encrypts a profile at rest, held by the operating system, never in the profile.

One 32-byte random key per profile. The profile names it by a random id (``profile-id``, not a
secret), so a profile moved to another folder on the same PC still opens, while a copied profile
— or a stolen disk without the user's login — carries nothing that decrypts it.

- Linux: ``<user config dir>/hcc-desk/keys/<id>.key``, folder 0700, file 0600 (root can read it:
  full-disk encryption is the baseline against a stolen disk; see docs/security.md).
- Windows: the same file, but its bytes sealed with DPAPI (CryptProtectData, current user): only
  this Windows account on this PC can unseal them.

``HCC_DESK_KEY_DIR`` puts the key folder elsewhere (tests, a support technician's USB recovery).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Protocol

from hcc_core.files import fsync_dir
from hcc_core.owner_only import FILE_MODE, make_private_dir

KEY_BYTES = 32
PROFILE_ID_FILE = "profile-id"
KEY_DIR_ENV = "HCC_DESK_KEY_DIR"


class KeyUnavailable(Exception):
    """The profile's key is missing or cannot be unsealed (another PC or Windows account)."""


class Sealer(Protocol):
    name: str

    def seal(self, data: bytes) -> bytes: ...

    def unseal(self, data: bytes) -> bytes: ...


class KeyStore(Protocol):
    def load(self, key_id: str) -> bytes | None:
        """The key, or None when there is none yet; KeyUnavailable when it cannot be read."""

    def create(self, key_id: str) -> bytes:
        """A new random key, stored durably before it is returned."""


class FileKeyStore:
    """Keys as owner-only files in a folder outside the profile, optionally sealed (DPAPI)."""

    def __init__(self, folder: Path, sealer: Sealer | None = None):
        self.folder = Path(folder)
        self._sealer = sealer

    def path(self, key_id: str) -> Path:
        return self.folder / f"{key_id}.key"

    def load(self, key_id: str) -> bytes | None:
        try:
            blob = self.path(key_id).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise KeyUnavailable(f"cannot read {self.path(key_id)}: {exc}") from exc
        try:
            key = self._sealer.unseal(blob) if self._sealer else blob
        except OSError as exc:  # DPAPI: another Windows account or PC
            raise KeyUnavailable(f"cannot unseal {self.path(key_id)}: {exc}") from exc
        if len(key) != KEY_BYTES:
            raise KeyUnavailable(f"{self.path(key_id)} is not a {KEY_BYTES}-byte key")
        return key

    def create(self, key_id: str) -> bytes:
        make_private_dir(self.folder)
        key = os.urandom(KEY_BYTES)  # the OS's CSPRNG (what secrets.token_bytes uses)
        blob = self._sealer.seal(key) if self._sealer else key
        target = self.path(key_id)
        # O_EXCL: two processes opening a new profile at once must not write two keys.
        fd = os.open(
            target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE
        )
        try:
            os.write(fd, blob)
            os.fsync(fd)
        finally:
            os.close(fd)
        fsync_dir(self.folder)
        return key


def default_key_folder() -> Path:
    override = os.environ.get(KEY_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("hcc-desk", "HCC Desk", roaming=False) / "keys"


def default_keystore() -> KeyStore:
    sealer: Sealer | None = None
    if sys.platform == "win32":
        from hcc_desk.core.sync.credentials import DpapiSealer

        sealer = DpapiSealer()
    return FileKeyStore(default_key_folder(), sealer)


def profile_key_id(profile_root: Path, *, create: bool) -> str | None:
    """The profile's random id (names its key); created with the profile's first key."""
    path = profile_root / PROFILE_ID_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        text = None
    except (OSError, ValueError) as exc:
        raise KeyUnavailable(f"{path} is damaged: {exc}") from exc
    if text is not None:
        if len(text) != 36 or text.strip("0123456789abcdef-"):  # a UUID: names a file safely
            raise KeyUnavailable(f"{path} is damaged: {text[:40]!r}")
        return text
    if not create:
        return None
    import uuid

    new_id = str(uuid.uuid4())
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(new_id + "\n", encoding="ascii")
    os.replace(tmp, path)
    return new_id


def profile_key(
    profile_root: Path, keystore: KeyStore | None = None, *, create: bool = True
) -> bytes | None:
    """The key of the profile at ``profile_root``; a new one for a profile without one.

    KeyUnavailable when the profile has an id but its key is gone (copied from another PC)."""
    keystore = keystore or default_keystore()
    key_id = profile_key_id(profile_root, create=create)
    if key_id is None:
        return None
    key = keystore.load(key_id)
    if key is not None:
        return key
    if _profile_has_encrypted_data(profile_root):
        raise KeyUnavailable(f"no key {key_id} on this computer for {profile_root}")
    if not create:
        return None
    try:
        return keystore.create(key_id)
    except FileExistsError:  # another process created it a moment ago
        key = keystore.load(key_id)
        if key is None:
            raise KeyUnavailable(f"key {key_id} vanished while being created") from None
        return key


def _profile_has_encrypted_data(profile_root: Path) -> bool:
    from hcc_desk.core.db_cipher import is_plain_sqlite

    db = profile_root / "hcc-desk.db"
    return db.exists() and db.stat().st_size > 0 and not is_plain_sqlite(db)
