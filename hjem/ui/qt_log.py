"""Qt's own messages, routed to hjem's log: a person running `hjem --screenshot` sees no
harmless platform notes, while real warnings still reach stderr through logging."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LOG = logging.getLogger("hjem.qt")
# Notes Qt's platform plugins print that say nothing about hjem: the offscreen plugin cannot
# pass a window's size hints on, which is the very point of running offscreen.
HARMLESS = ("This plugin does not support propagateSizeHints()",)
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message(kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
    """One message from Qt: a known harmless note at debug level, anything else at its own."""
    level = logging.DEBUG if text.strip() in HARMLESS else _LEVELS.get(kind, logging.WARNING)
    LOG.log(level, "%s", text)


def route_qt_messages() -> None:
    """From now on Qt speaks through logging; warnings and errors still show (logging's
    last resort prints them to stderr when nothing else is configured)."""
    qInstallMessageHandler(qt_message)
