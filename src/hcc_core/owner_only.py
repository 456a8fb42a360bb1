"""Owner-only files: a profile (or central's data folder) that no other OS user can read.

POSIX: folders 0700, files 0600, whatever the umask the program was started with. The process
umask is set to 077 first, so every file created afterwards (SQLite's WAL and SHM files, logs,
PDFs, the scanner worker's pages) is born owner-only; ``tighten`` then fixes what an older
version or a copy left looser.

Windows: file modes mean nothing there, so the folder gets an ACL that grants the current user
(and SYSTEM, which backup and antivirus run as) full control and nothing to anyone else, with
inheritance cut and passed down to everything created inside (``icacls``, shipped with Windows).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
PRIVATE_UMASK = 0o077

Runner = Callable[[Sequence[str]], object]


def private_umask() -> None:
    """From now on, files and folders this process creates are owner-only (POSIX)."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def make_private_dir(
    path: Path, *, platform: str | None = None, runner: Runner | None = None
) -> Path:
    """Create ``path`` (and missing parents) and make ``path`` itself owner-only. On Windows
    only a new folder gets its ACL here (one ``icacls`` run); ``tighten`` fixes existing ones."""
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if (platform or sys.platform) == "win32":
        if not existed:
            restrict_windows_acl(path, runner=runner, recursive=False)
    else:
        _chmod(path, DIR_MODE)
    return path


def private_files(folder: Path) -> None:
    """The files directly in ``folder`` owner-only (a database and its WAL/SHM; POSIX)."""
    if os.name != "posix":
        return
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False):
            _chmod(Path(entry.path), FILE_MODE)


def tighten(root: Path, *, platform: str | None = None, runner: Runner | None = None) -> None:
    """Make ``root`` and everything under it owner-only (an existing profile, a copied one)."""
    platform = platform or sys.platform
    if platform == "win32":
        restrict_windows_acl(root, runner=runner)
        return
    if not root.exists():
        return
    _chmod(root, DIR_MODE)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            _chmod(Path(folder, name), DIR_MODE)
        for name in files:
            _chmod(Path(folder, name), FILE_MODE)


def restrict_windows_acl(
    root: Path, *, runner: Runner | None = None, user: str | None = None, recursive: bool = True
) -> None:
    """Owner-only ACL on ``root``, inherited by all created inside it later; ``recursive``
    also replaces the ACLs of what is already there."""
    user = user or _windows_user()
    command = [
        "icacls",
        str(root),
        "/inheritance:r",
        "/grant:r",
        f"{user}:(OI)(CI)F",
        "/grant:r",
        "*S-1-5-18:(OI)(CI)F",  # SYSTEM, by SID (its name is localised)
        *(["/T"] if recursive else []),
        "/C",
        "/Q",
    ]
    (runner or _run_quietly)(command)


def _windows_user() -> str:
    domain, name = os.environ.get("USERDOMAIN", ""), os.environ.get("USERNAME", "")
    return f"{domain}\\{name}" if domain and name else name


def _run_quietly(command: Sequence[str]) -> object:
    import subprocess  # only on Windows, off the start-up path

    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    return subprocess.run(list(command), check=True, capture_output=True, creationflags=flags)


def _chmod(path: Path, mode: int) -> None:
    try:
        if not path.is_symlink() and (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except FileNotFoundError:  # removed while we walked (a WAL checkpoint, a spool clean-up)
        pass
