"""Secrets never reach the logs: the citizen look-up carries its PIN in the query string
(``/status?code=…&pin=…``, the receipt's QR), and uvicorn's access log prints whole paths."""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

SECRET_PARAMS = frozenset({"pin", "lookup_pin", "token", "device_token", "password"})
_PARAM = re.compile(r"([?&])([^=&\s]*)=([^&\s\"]*)")
_BEARER = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+")


def _param(m: re.Match[str]) -> str:
    # The name as the server reads it: ``p%69n`` and ``PIN`` are the PIN too.
    secret = unquote_plus(m[2]).strip().lower() in SECRET_PARAMS
    return f"{m[1]}{m[2]}=***" if secret else m[0]


def redact(text: str) -> str:
    return _BEARER.sub(r"\1***", _PARAM.sub(_param, text))


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def redact_access_log() -> None:
    """Installed on uvicorn's loggers once they are configured (idempotent)."""
    for name in ("uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
