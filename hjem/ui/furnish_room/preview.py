"""A small plan of one room with its pieces: walls, doors and windows, each piece's footprint
with its category's symbol (as on the plan), so three layouts can be told apart at a glance."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from hjem.floorplan.model import OpeningKind, Placement, Plan, Room
from hjem.floorplan.shapes import room_at
from hjem.floorplan.symbols import symbol
from hjem.ui.scene import style
from hjem.ui.scene.lock_mark import paint_lock
from hjem.ui.scene.symbols import paint_symbol

MARGIN_CM = 40.0  # the walls around the room show too
PADDING_PX = 6.0
FLOOR = QColor("#f4f1ea")
WALL = QColor("#3c3c3c")
WINDOW = QColor("#5b8fc7")
NEW_PIECE = QColor("#2f6f4f")  # the outline of a piece the layout moved or added


class RoomPreview(QWidget):
    """`plan`'s room `room_id` drawn to fit the widget, north up as on the plan."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan: Plan | None = None
        self.room: Room | None = None
        self.moved: frozenset[str] = frozenset()
        self.setMinimumSize(QSize(200, 170))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_room(
        self, plan: Plan | None, room_id: str, moved: frozenset[str] = frozenset()
    ) -> None:
        self.plan, self.moved = plan, moved
        found = plan.get(room_id) if plan is not None else None
        self.room = found if isinstance(found, Room) else None
        self.update()

    def pieces(self) -> list[Placement]:
        """The pieces standing in the room (by their middle)."""
        if self.plan is None or self.room is None:
            return []
        room_id = self.room.id
        return [p for p in self.plan.placements if _room_id(self.plan, p) == room_id]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self.plan is not None and self.room is not None:
            self._paint_room(painter, self.plan, self.room)
        painter.end()

    def _paint_room(self, painter: QPainter, plan: Plan, room: Room) -> None:
        xs = [p.x for p in room.polygon]
        ys = [p.y for p in room.polygon]
        box = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        box = box.adjusted(-MARGIN_CM, -MARGIN_CM, MARGIN_CM, MARGIN_CM)
        room_space = (
            self.rect().toRectF().adjusted(PADDING_PX, PADDING_PX, -PADDING_PX, -PADDING_PX)
        )
        scale = min(room_space.width() / box.width(), room_space.height() / box.height())
        painter.translate(room_space.center())
        painter.scale(scale, scale)
        painter.translate(-box.center())
        painter.setClipRect(box)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FLOOR)
        painter.drawPolygon(QPolygonF([QPointF(*p) for p in room.polygon]))
        self._paint_walls(painter, plan)
        for piece in sorted(self.pieces(), key=lambda p: not p.floor_flat):
            self._paint_piece(painter, piece, scale)

    def _paint_walls(self, painter: QPainter, plan: Plan) -> None:
        for wall in plan.walls:
            painter.setPen(
                QPen(WALL, wall.thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap)
            )
            painter.drawLine(QPointF(*wall.start), QPointF(*wall.end))
        for opening in plan.openings:
            wall = plan.wall_of(opening)
            start = wall.point_at(opening.offset - opening.width / 2)
            end = wall.point_at(opening.offset + opening.width / 2)
            window = opening.kind is OpeningKind.WINDOW
            painter.setPen(
                QPen(
                    Qt.GlobalColor.white,
                    wall.thickness - 2,
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.FlatCap,
                )
            )
            painter.drawLine(QPointF(*start), QPointF(*end))
            if window:
                painter.setPen(QPen(WINDOW, 3.0))
                painter.drawLine(QPointF(*start), QPointF(*end))

    def _paint_piece(self, painter: QPainter, piece: Placement, scale: float) -> None:
        painter.save()
        painter.translate(QPointF(*piece.center))
        painter.rotate(piece.rotation)
        body = QRectF(-piece.width / 2, -piece.depth / 2, piece.width, piece.depth)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.RUG if piece.floor_flat else style.FURNITURE)
        painter.drawRect(body)
        paint_symbol(painter, symbol(piece.category, piece.width, piece.depth), style.LINE, 0.8)
        moved = piece.id in self.moved
        pen = QPen(NEW_PIECE if moved else style.LINE, 1.8 if moved else 1.0)
        pen.setCosmetic(True)
        if piece.floor_flat:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(body)
        if piece.locked:
            paint_lock(painter, (piece.width, piece.depth), scale)
        painter.restore()


def _room_id(plan: Plan, piece: Placement) -> str | None:
    room = room_at(plan, piece.center)
    return room.id if room is not None else None
