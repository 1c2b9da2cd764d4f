"""The small padlock a locked piece carries in its back right corner, in screen pixels (the
inventory's marks take the back left one), so it reads the same at every zoom."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from hjem.ui.scene import style

LOCK = QColor("#4a4a4a")  # dark grey: a state, not a warning
BODY_PX = (10.0, 8.0)  # the padlock's body, wide and high
SHACKLE_PX = 3.5  # the shackle's radius above the body
MIN_PIECE_PX = 18.0  # a piece drawn smaller than this on screen carries no padlock


def paint_lock(painter: QPainter, size: tuple[float, float], scale: float) -> None:
    """The padlock inside the back right corner of a piece `size` cm wide and deep, drawn
    with `painter` in the piece's frame at `scale` screen pixels per cm."""
    if min(size) * scale < MIN_PIECE_PX:
        return
    width, height = BODY_PX
    inset = (width / 2 + 3) / scale, (height / 2 + SHACKLE_PX + 3) / scale
    corner = QPointF(size[0] / 2 - inset[0], -size[1] / 2 + inset[1])
    at = painter.worldTransform().map(corner)
    painter.save()
    painter.resetTransform()
    body = QRectF(at.x() - width / 2, at.y() - height / 2 + 1, width, height)
    painter.setPen(QPen(LOCK, 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QRectF(at.x() - SHACKLE_PX, body.top() - SHACKLE_PX, 2 * SHACKLE_PX, 2 * SHACKLE_PX)
    painter.drawArc(shackle, 0, 180 * 16)
    painter.setPen(QPen(style.FURNITURE, 1.0))
    painter.setBrush(LOCK)
    painter.drawRoundedRect(body, 1.5, 1.5)
    painter.restore()
