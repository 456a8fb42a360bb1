"""Attached files encrypted at rest: AES-256-GCM, in 1 MiB chunks, bound to the file's identity.

Layout of a sealed file::

    b"HCCF" | version (1 byte) | chunk size (4 bytes, big-endian) | nonce prefix (8 random bytes)
    then each chunk: AES-GCM(chunk) with its 16-byte tag

Chunk ``i`` uses the nonce ``prefix || i`` (4 bytes) and the associated data
``identity || i || last?``: a chunk moved, dropped, swapped with another file's or cut off at
the end fails to decrypt instead of yielding wrong bytes. The identity is the file's name
relative to its folder (``ab/ab12….pdf``, the attachment's uuid), so renaming a file onto
another one's name is detected too. The key is derived from the profile key (HKDF), so the
database and the files never share a key.

Folders are registered once per process (``register``) by the code that knows the profile's
key; the attachment code reads and writes through ``read``/``write`` with the folder it was
given, and an unregistered folder (unit tests, tools) stays plain.
"""

from __future__ import annotations

import os
import struct
import threading
from pathlib import Path

from hcc_core.files import write_atomic

MAGIC = b"HCCF"
VERSION = 1
CHUNK = 1 << 20
TAG = 16
_HEADER = struct.Struct(">4sBI8s")


class SealedFileError(ValueError):
    """A sealed file that does not decrypt: damaged, truncated, swapped or another key."""


class FileSealer:
    def __init__(self, profile_key: bytes, *, chunk: int = CHUNK):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        file_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"hcc-desk attached files v1"
        ).derive(profile_key)
        self._aead = AESGCM(file_key)
        self._chunk = chunk

    def seal(self, data: bytes, identity: str) -> bytes:
        prefix = os.urandom(8)
        out = [_HEADER.pack(MAGIC, VERSION, self._chunk, prefix)]
        count = max(1, -(-len(data) // self._chunk))
        for i in range(count):
            piece = data[i * self._chunk : (i + 1) * self._chunk]
            out.append(
                self._aead.encrypt(_nonce(prefix, i), piece, _aad(identity, i, i == count - 1))
            )
        return b"".join(out)

    def unseal(self, blob: bytes, identity: str) -> bytes:
        from cryptography.exceptions import InvalidTag

        if not is_sealed(blob):
            raise SealedFileError(f"{identity}: not a sealed file")
        _magic, version, chunk, prefix = _HEADER.unpack_from(blob)
        if version != VERSION or chunk <= 0:
            raise SealedFileError(f"{identity}: unknown sealed-file version {version}")
        body = memoryview(blob)[_HEADER.size :]
        step = chunk + TAG
        count = max(1, -(-len(body) // step))
        out = []
        try:
            for i in range(count):
                out.append(
                    self._aead.decrypt(
                        _nonce(prefix, i),
                        body[i * step : (i + 1) * step],
                        _aad(identity, i, i == count - 1),
                    )
                )
        except InvalidTag:
            raise SealedFileError(f"{identity}: damaged, truncated or not ours") from None
        return b"".join(out)


def is_sealed(blob: bytes) -> bool:
    return blob[: len(MAGIC)] == MAGIC and len(blob) >= _HEADER.size


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _aad(identity: str, index: int, last: bool) -> bytes:
    return identity.encode("utf-8") + struct.pack(">IB", index, 1 if last else 0)


# Folder → sealer, for the folders of opened profiles.
_sealers: dict[Path, FileSealer] = {}
_lock = threading.Lock()


def register(folder: Path, profile_key: bytes) -> FileSealer:
    sealer = FileSealer(profile_key)
    with _lock:
        _sealers[_norm(folder)] = sealer
    return sealer


def sealer_for(folder: Path) -> FileSealer | None:
    with _lock:
        return _sealers.get(_norm(folder))


def write(folder: Path, rel: str, data: bytes) -> None:
    """Store ``data`` durably as ``folder/rel``: sealed when the folder is registered."""
    sealer = sealer_for(folder)
    target = folder / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, sealer.seal(data, rel) if sealer else data)


def read(folder: Path, rel: str) -> bytes:
    """The plain bytes of ``folder/rel`` (decrypted when sealed)."""
    blob = (folder / rel).read_bytes()
    sealer = sealer_for(folder)
    if sealer is None:
        return blob
    if not is_sealed(blob):  # plain bytes put there behind our back: never trusted as ours
        raise SealedFileError(f"{rel}: not sealed in an encrypted folder")
    return sealer.unseal(blob, rel)


def seal_plain_files(folder: Path) -> int:
    """Encrypt, in place, every plain file of a registered folder (a profile from before
    encryption). Each file is rewritten atomically; returns how many were sealed."""
    sealer = sealer_for(folder)
    if sealer is None or not folder.is_dir():
        return 0
    done = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.endswith(".part"):
            continue
        with path.open("rb") as f:
            if is_sealed(f.read(_HEADER.size)):
                continue
        write_atomic(path, sealer.seal(path.read_bytes(), path.relative_to(folder).as_posix()))
        done += 1
    return done


def _norm(folder: Path) -> Path:
    return Path(os.path.abspath(folder))
