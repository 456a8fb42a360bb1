"""One rotating log file per profile: what support reads when an officer reports a problem.

Personal data is not logged here (the audit log in the database records who touched what).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

LOG_NAME = "hcc-desk.log"
MAX_BYTES = 2_000_000
KEEP = 5


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    root = logging.getLogger()
    path = log_dir / LOG_NAME
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    try:
        from hcc_core.owner_only import make_private_dir, private_umask

        private_umask()  # the log (and all the profile) owner-only from the first file on
        make_private_dir(log_dir)
        _rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:  # a read-only or full disk must not stop the counter from working
        # …nor may logging's last resort print tracebacks on the officer's terminal.
        if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
            root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path


def _rotate(path: Path) -> None:
    """Rotate once per start when the log has grown past MAX_BYTES (a counter PC restarts
    daily). Cheaper at start-up than logging.handlers, which pulls in socket and pickle."""
    if not path.exists() or path.stat().st_size < MAX_BYTES:
        return
    for i in range(KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{i}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{i + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


CRASH_LOG_NAME = "crash.log"
CRASH_LOG_MAX_BYTES = 256_000  # a few dozen crashes with every thread's stack; support reads one
_crash_file: dict[str, Any] = {}  # keeps the open file alive: faulthandler only holds its fd


def crash_log_path(log_dir: Path) -> Path:
    return log_dir / CRASH_LOG_NAME


def enable_crash_log(log_dir: Path) -> Path | None:
    """Write the Python stack of every thread to ``<logs>/crash.log`` when the process dies of a
    fatal signal (a driver's segfault, an abort in Qt), which the log file never sees.

    A faulthandler already enabled by someone else (``python -X faulthandler``, pytest) is left
    as it is: its output already goes where that developer looks.
    """
    import faulthandler

    path = crash_log_path(log_dir)
    if _crash_file.get("path") == path:
        return path
    if faulthandler.is_enabled() and "file" not in _crash_file:
        return None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > CRASH_LOG_MAX_BYTES:
            path.replace(path.with_name(f"{path.name}.1"))  # one older file is enough
        crash_file = open(path, "a", encoding="utf-8")  # noqa: SIM115  # open while we run
    except OSError:  # like the log: a read-only disk must not stop the counter
        return None
    faulthandler.enable(crash_file, all_threads=True)
    previous = _crash_file.get("file")
    _crash_file.update(file=crash_file, path=path)
    if previous is not None:
        previous.close()
    return path
