"""The CLI's edge: every expected error, and every failure of the PC itself, becomes one clear
message in Vietnamese and English (never a traceback; the details go to the profile's log when it
can be written) and an exit status.

The officer or the IT officer reads these, so each names the file or folder and what to do.
The words are in the catalogue (``hcc_core/i18n``, ids ``cli.*``).
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from hcc_core.errors import ExpectedError
from hcc_core.i18n import Msg, Renderable, msg

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_REFUSED = 0, 1, 2, 3


def line(message: Renderable) -> str:
    """What the CLI prints: Vietnamese first, English below it (officers and IT read both)."""
    return f"hcc-desk: {message.text('vi')}\n  ({message.text('en')})"


def exit_status(exc: BaseException) -> int:
    """Refused (3) for who may not act, invalid input (2) for what to fix, else failed (1)."""
    from hcc_desk.services.errors import AuthError, InvalidInput, NotFound

    if isinstance(exc, AuthError):
        return EXIT_REFUSED
    return EXIT_INVALID if isinstance(exc, (InvalidInput, NotFound)) else EXIT_FAILED


def describe(exc: BaseException, log: Path | None) -> tuple[Renderable, int]:
    """The message and exit status for any exception that reached the CLI."""
    if isinstance(exc, ExpectedError):
        return exc, exit_status(exc)
    if isinstance(exc, OSError):
        return os_error(exc), EXIT_FAILED
    if isinstance(exc, Exception) and is_database_error(exc):
        return database_error(exc), EXIT_FAILED
    if type(exc).__name__ == "ValidationError":  # pydantic: a value the models refuse
        return invalid_value(exc), EXIT_INVALID
    return unexpected(exc, log), EXIT_FAILED


def os_error(exc: OSError) -> Msg:
    where = exc.filename or ""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return msg("cli.os.permission", where=where)
    if exc.errno == errno.EROFS:
        return msg("cli.os.read_only", where=where)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return msg("cli.os.disk_full", where=where)
    if exc.errno == errno.ENOENT:
        return msg("cli.os.not_found", where=where)
    return msg("cli.os.other", where=where, detail=exc.strerror or exc)


# SQLite's own words for failures the PC causes (sqlite3 / SQLCipher OperationalError text).
_DATABASE = [
    ("readonly", "cli.db.readonly"),
    ("disk is full", "cli.db.disk_full"),
    ("locked", "cli.db.locked"),
    ("unable to open", "cli.db.unable_to_open"),
    ("not a database", "cli.db.not_a_database"),
    ("malformed", "cli.db.malformed"),
]


def database_error(exc: Exception) -> Msg:
    text = str(getattr(exc, "orig", None) or exc).lower()
    for needle, msg_id in _DATABASE:
        if needle in text:
            return msg(msg_id)
    return msg("cli.db.other", detail=text[:200])


def is_database_error(exc: Exception) -> bool:
    """sqlite3's, SQLCipher's or SQLAlchemy's error for the database (without importing them)."""
    return any(
        cls.__name__ in ("DatabaseError", "OperationalError", "DBAPIError")
        and cls.__module__.split(".")[0] in ("sqlite3", "sqlcipher3", "sqlalchemy")
        for cls in type(exc).__mro__
    )


def invalid_value(exc: Any) -> Msg:
    """A pydantic ValidationError: its first complaint, field and message."""
    errors = exc.errors() if callable(getattr(exc, "errors", None)) else []
    if errors:
        first = errors[0]
        field = ".".join(str(x) for x in first.get("loc", ())) or "?"
        return msg("cli.invalid_value", field=field, detail=first.get("msg", ""))
    return msg("cli.invalid_value.bare", detail=exc)


def unexpected(exc: BaseException, log: Path | None) -> Msg:
    where = msg("cli.unexpected.log", log=log) if log else msg("cli.unexpected.no_log")
    return msg("cli.unexpected", kind=type(exc).__name__, detail=str(exc)[:200], where=where)


def no_profile(root: Path) -> Msg:
    return msg("cli.no_profile", root=root)
