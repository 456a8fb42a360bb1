"""Durable file writes: the bytes are on disk (fsync) before the name points at them, so a crash
leaves the old file or the new one, never a torn one."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    tmp = target.with_name(target.name + ".part")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; NTFS journals renames)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
