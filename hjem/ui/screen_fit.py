"""Windows open within the screen they appear on: on a laptop's 1366 × 768 (less its task bar)
the whole window shows, title bar included, and a larger screen gets the preferred size."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# A window manager's borders and title bar, allowed for before Qt can measure them.
FRAME_ALLOWANCE = QSize(16, 40)


def open_within_screen(window: QWidget, preferred: QSize) -> None:
    """Size `window` to `preferred`, or smaller to fit its screen, and centre it there."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    window.setGeometry(fitted(preferred, screen.availableGeometry(), _frame(window)))


def fitted(preferred: QSize, available: QRect, frame: QSize = FRAME_ALLOWANCE) -> QRect:
    """The inner rectangle of a window of `preferred` size whose frame fits `available`."""
    size = preferred.boundedTo(available.size() - frame)
    left = available.left() + (available.width() - size.width() - frame.width()) // 2
    top = available.top() + (available.height() - size.height() - frame.height()) // 2
    return QRect(
        left + frame.width() // 2, top + frame.height() - frame.width() // 2, *size.toTuple()
    )


def _frame(window: QWidget) -> QSize:
    """The frame around the window's contents: measured once it is shown, else allowed for."""
    if not window.isVisible():
        return FRAME_ALLOWANCE
    return window.frameGeometry().size() - window.geometry().size()
