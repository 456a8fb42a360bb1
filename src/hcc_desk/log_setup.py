"""One rotating log file per profile: what support reads when an officer reports a problem.

Personal data is not logged here (the audit log in the database records who touched what).
"""

from __future__ import annotations

import logging
from pathlib import Path

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
