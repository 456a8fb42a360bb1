"""Durable file writes: the bytes are on disk (fsync) before the name points at them, so a crash
leaves the old file or the new one, never a torn one."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
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


def write_through_temp(out: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill ``<out>.part``, then rename it: never a half-written file under the
    real name (full disk, crash), and no temp file left behind when ``write`` fails."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        write(tmp)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)


def safe_filename(text: str) -> str:
    """A dossier code (or such) as a file name on any file system."""
    return re.sub(r"[^0-9A-Za-z.-]", "_", text)
