"""What the plan shows while a piece of furniture is moved: the door swings and the free floor
other pieces need (faint), the moving piece's own free floor, and a bubble saying in plain
words what is wrong where it stands now."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.model import Placement
from hjem.floorplan.shapes import clearance_of, zone_boxes
from hjem.ui.scene import style
from hjem.ui.scene.paths import geometry_path

Z_GUIDES, Z_BUBBLE = 15, 100
SWING = QColor(31, 111, 209, 40)  # door swings: a faint blue
ZONE = QColor(230, 150, 40, 45)  # free floor other pieces need: a faint amber
OWN_ZONE = QColor(230, 150, 40, 90)
BUBBLE_FILL = QColor("#fff4f2")
BUBBLE_PADDING = 6.0
BUBBLE_WIDTH = 280.0  # pixels: long sentences wrap


def guides_item(swings: Iterable[BaseGeometry], zones: Iterable[BaseGeometry]) -> QGraphicsItem:
    """One item drawing every door swing and clearance zone of the pieces standing still."""
    group = QGraphicsPathItem()
    group.setZValue(Z_GUIDES)
    group.setPen(Qt.PenStyle.NoPen)
    for geometries, color in ((swings, SWING), (zones, ZONE)):
        path = QPainterPath()
        for geometry in geometries:
            path.addPath(geometry_path(geometry))
        part = QGraphicsPathItem(path, group)
        part.setPen(style.pen(color.darker(130), 0.6, Qt.PenStyle.DashLine))
        part.setBrush(color)
        # Drawn once into a pixmap: they stay still while the piece moves over them.
        part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return group


def own_zones_item(placement: Placement, parent: QGraphicsItem) -> QGraphicsPathItem:
    """The moving piece's own free floor, drawn in its frame so it follows and turns with it."""
    path = QPainterPath()
    for cx, cy, w, d in zone_boxes(placement.width, placement.depth, clearance_of(placement)):
        path.addRect(QRectF(cx - w / 2, cy - d / 2, w, d))
    item = QGraphicsPathItem(path, parent)
    item.setPen(style.pen(OWN_ZONE.darker(150), 1.0, Qt.PenStyle.DashLine))
    item.setBrush(OWN_ZONE)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, True)
    return item


class ConflictBubble(QGraphicsItem):
    """A note beside the moving piece naming what is wrong; hidden when all is well.

    It keeps its size on screen whatever the zoom (it ignores the view's scaling)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(Z_BUBBLE)
        self.lines: list[str] = []
        self._font = QFont()
        self._font.setPointSizeF(9.5)
        self._rect = QRectF()
        self.setVisible(False)

    def show_lines(self, lines: list[str], at: QPointF) -> None:
        self.setPos(at)
        if lines == self.lines:
            return
        self.prepareGeometryChange()
        self.lines = lines
        self.setVisible(bool(lines))
        metrics = QFontMetricsF(self._font)
        flags = int(Qt.TextFlag.TextWordWrap)
        text = metrics.boundingRect(QRectF(0, 0, BUBBLE_WIDTH, 10_000), flags, self.text())
        self._rect = text.adjusted(0, 0, 2 * BUBBLE_PADDING, 2 * BUBBLE_PADDING)
        self.update()

    def text(self) -> str:
        return "\n".join(self.lines)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(style.pen(style.CONFLICT, 1.0))
        painter.setBrush(BUBBLE_FILL)
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setFont(self._font)
        painter.setPen(QColor("#7a1c1c"))
        inner = self._rect.adjusted(BUBBLE_PADDING, BUBBLE_PADDING, -BUBBLE_PADDING, 0)
        painter.drawText(inner, int(Qt.TextFlag.TextWordWrap), self.text())
