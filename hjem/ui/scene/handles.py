"""The rotation handle a selected piece of furniture shows at its back right corner: drag it
round to turn the piece (in 15° steps; hold Shift for any angle)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from hjem.ui.scene import style

RADIUS = 7.0  # pixels
OFFSET = 14.0  # pixels beyond the corner, so the handle never hides the piece's edge


class RotationHandle(QGraphicsItem):
    def __init__(self, parent: QGraphicsItem):
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def place_at(self, corner: QPointF) -> None:
        self.setPos(corner)

    def boundingRect(self) -> QRectF:
        r = RADIUS + 2
        return QRectF(OFFSET - r, -OFFSET - r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self.boundingRect().adjusted(-3, -3, 3, 3))  # easy to hit
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        centre = QPointF(OFFSET, -OFFSET)
        painter.setPen(style.pen(style.SELECTED, 1.5))
        painter.setBrush(style.brush(style.WINDOW_GLASS))
        painter.drawEllipse(centre, RADIUS, RADIUS)
        arc = QRectF(centre.x() - 4, centre.y() - 4, 8, 8)
        painter.drawArc(arc, 30 * 16, 280 * 16)  # a turning arrow
        tip = QPointF(centre.x() + 3.5, centre.y() - 2)
        painter.drawLine(tip, tip + QPointF(0, -3))
        painter.drawLine(tip, tip + QPointF(-3, 0))
