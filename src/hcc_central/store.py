"""Content-addressed file store: ``<root>/sha256/ab/<hash>``, partial uploads in ``<root>/tmp``.

Every process behind the balancer must see the same directory (a local disk for one host, a
shared mount otherwise). Files appear only by rename from a fully written, fsynced temp file, so
a reader never sees a partial blob.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

READ_BLOCK = 1024 * 1024


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.tmp = self.root / "tmp"

    def ensure(self) -> None:
        """Create the store owner-only: its folder 0700 (nobody else can reach any blob below,
        however many), files created from now on 0600."""
        from hcc_core.owner_only import make_private_dir, private_umask

        private_umask()
        for folder in (self.root, self.root / "sha256", self.tmp):
            make_private_dir(folder)

    def blob_path(self, sha256: str) -> Path:
        return self.root / "sha256" / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.blob_path(sha256).is_file()

    def temp_path(self, upload_id: str) -> Path:
        return self.tmp / f"{upload_id}.part"

    def write_at(self, path: Path, offset: int, data: bytes) -> int:
        """Write ``data`` at ``offset``, dropping anything past it (a crashed earlier PUT may
        have left bytes the database never acknowledged). Returns the new size."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.ftruncate(fd, offset)
            os.lseek(fd, offset, os.SEEK_SET)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        return offset + len(data)

    def put(self, data: bytes, sha256: str) -> None:
        """Store ``data`` (already verified against ``sha256`` by the caller) at its address."""
        temp = self.temp_path(f"single-{uuid.uuid4()}")
        self.write_at(temp, 0, data)
        self._move(temp, sha256)

    def commit(self, temp: Path, sha256: str) -> bool:
        """Hash ``temp``; on a match move it to its content address. False: mismatch (deleted)."""
        digest = hashlib.sha256()
        with temp.open("rb") as f:
            while block := f.read(READ_BLOCK):
                digest.update(block)
        if digest.hexdigest() != sha256:
            self.discard(temp)
            return False
        self._move(temp, sha256)
        return True

    def _move(self, temp: Path, sha256: str) -> None:
        target = self.blob_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp, target)  # atomic; identical content may replace identical content
        _fsync_dir(target.parent)

    @staticmethod
    def discard(temp: Path) -> None:
        temp.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
