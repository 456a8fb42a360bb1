"""Qt's own messages (a missing plugin, a bad stylesheet, a widget misuse) into our log file.

Without this they go to stderr, which a desk started from a desktop icon has none of; with it a
Qt warning is a WARNING of logger ``qt`` in the profile's log, next to what the desk was doing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]


def install() -> Callable[[], None]:
    """Route Qt's messages into logging; returns the function that puts the previous handler
    back. The previous handler (pytest-qt's capture, for one) still sees every message."""
    previous: Handler | None = None

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category if context is not None else None
        if category and category != "default":
            log.log(_LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)
        else:
            log.log(_LEVELS.get(kind, logging.WARNING), "%s", message)
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handle)

    def uninstall() -> None:
        qInstallMessageHandler(previous)

    return uninstall
