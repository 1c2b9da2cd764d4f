"""Qt's own messages: a known harmless platform note is kept off the terminal, a real warning
is not."""

import logging
import os
import subprocess
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType

from hjem.ui.qt_log import qt_message
from tests.conftest import ROOT

SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"


def test_screenshot_mode_prints_nothing_but_saves_the_picture(tmp_path):
    target = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "-m", "hjem", str(SAMPLE), "--screenshot", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HJEM_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0 and target.exists()
    assert result.stderr == "" and result.stdout == ""


def test_a_harmless_note_is_logged_for_developers_and_a_real_warning_still_shows(caplog):
    caplog.set_level(logging.DEBUG, logger="hjem.qt")
    context = QMessageLogContext()
    qt_message(QtMsgType.QtWarningMsg, context, "This plugin does not support propagateSizeHints()")
    qt_message(
        QtMsgType.QtWarningMsg, context, "QPainter::begin: Paint device returned engine == 0"
    )
    qt_message(QtMsgType.QtCriticalMsg, context, "Cannot load the font")
    levels = [(record.levelno, record.getMessage()[:8]) for record in caplog.records]
    assert levels == [
        (logging.DEBUG, "This plu"),
        (logging.WARNING, "QPainter"),
        (logging.ERROR, "Cannot l"),
    ]
