"""The picture under the mouse while an item is dragged from the inventory panel: the piece's
top view at true size, at the plan's zoom, so it matches the piece the plan shows under it.

It is drawn faint: over the plan the live piece (turning red, settling against walls) lies
right beneath it and must stay readable through it."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from hjem.floorplan.model import Placement
from hjem.floorplan.symbols import symbol
from hjem.ui.scene import style
from hjem.ui.scene.symbols import paint_symbol

OPACITY = 0.55
LARGEST_PX = 1600  # a wardrobe zoomed far in is not worth a picture bigger than a screen


def drag_size(piece: Placement, pixels_per_cm: float) -> tuple[int, int]:
    """The picture's size in (logical) pixels: the piece's width × depth at the zoom."""
    scale = min(pixels_per_cm, LARGEST_PX / max(piece.width, piece.depth))
    return max(1, round(piece.width * scale)), max(1, round(piece.depth * scale))


def drag_pixmap(piece: Placement, pixels_per_cm: float, device_ratio: float = 1.0) -> QPixmap:
    """The piece as seen from above (its symbol on its fill, outlined), `pixels_per_cm`."""
    width, height = drag_size(piece, pixels_per_cm)
    pixmap = QPixmap(math.ceil(width * device_ratio), math.ceil(height * device_ratio))
    pixmap.setDevicePixelRatio(device_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setOpacity(OPACITY)
    painter.scale(width / piece.width, height / piece.depth)
    painter.translate(piece.width / 2, piece.depth / 2)  # the symbol's frame: origin in the middle
    box = QRectF(-piece.width / 2, -piece.depth / 2, piece.width, piece.depth)
    painter.fillRect(box, style.RUG if piece.floor_flat else style.FURNITURE)
    paint_symbol(painter, symbol(piece.category, piece.width, piece.depth), style.LINE, 0.8)
    painter.setPen(style.pen(style.PREVIEW, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    painter.end()
    return pixmap


def drag_hot_spot(piece: Placement, pixels_per_cm: float) -> QPoint:
    """The piece's middle: where the mouse holds it, as the plan's live piece is held."""
    width, height = drag_size(piece, pixels_per_cm)
    return QPoint(width // 2, height // 2)
