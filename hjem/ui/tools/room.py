"""Rooms: drag a rectangle (or click a corner and type "420 x 350"), or click a polygon's
corners; double-click inside walls that close around a space to make the room from them.
A new room comes with walls along its edges, except where a wall already stands (unless
*Tegn → Nye rum får vægge* is off: a balcony has a railing, not walls)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from hjem.floorplan.commands import AddElement
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Room
from hjem.floorplan.room_walls import room_with_walls
from hjem.floorplan.shapes import enclosure_at
from hjem.ui.scene import style
from hjem.ui.scene.paths import polygon_path
from hjem.ui.tools.base import Tool

MIN_SIDE_CM = 10.0


def _add_room(tool: Tool, corners: tuple[Point, ...]) -> bool:
    """Add the room with walls along its edges where none stands yet (one undo step), and
    select it, so its name and kind can be set at once."""
    editor = tool.editor
    room = Room(editor.plan.new_id("r"), "", editor.room_kind, corners)
    command = (
        room_with_walls(editor.plan, room, editor.wall_thickness)
        if editor.walls_with_rooms
        else AddElement(room)
    )
    if not editor.apply(command, "undo.add_room"):
        return False
    tool.editor.scene.select_ids([room.id])
    return True


class RectRoomTool(Tool):
    hint_key = "tool.rect_room.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._corner: Point | None = None
        self._frame: QGraphicsRectItem | None = None

    def accepts_numbers(self) -> bool:
        return self._corner is not None

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._corner is None:
            self._corner = self.editor.snap(pos)
            self._frame = self.add_preview(QGraphicsRectItem())
            self._frame.setPen(style.pen(style.PREVIEW, 2.0, Qt.PenStyle.DashLine))

    def move(self, pos: Point, event: QMouseEvent) -> None:
        if self._corner is not None and self._frame is not None:
            end = self.editor.snap(pos)
            self._frame.setRect(QRectF(QPointF(*self._corner), QPointF(*end)).normalized())
            w, h = abs(end.x - self._corner.x), abs(end.y - self._corner.y)
            self.editor.show_hint("tool.rect_room.size", width=round(w), depth=round(h))

    def release(self, pos: Point, event: QMouseEvent) -> None:
        if self._corner is None or event.button() != Qt.MouseButton.LeftButton:
            return
        end = self.editor.snap(pos)
        if (
            abs(end.x - self._corner.x) >= MIN_SIDE_CM
            and abs(end.y - self._corner.y) >= MIN_SIDE_CM
        ):
            self._make(self._corner, end)
        # A click without a drag keeps the corner: the size can be typed ("420 x 350").

    def use_numbers(self, numbers: list[float]) -> None:
        if self._corner is not None and len(numbers) >= 2:
            c = self._corner
            self._make(c, Point(c.x + numbers[0], c.y + numbers[1]))

    def _make(self, a: Point, b: Point) -> None:
        x1, x2 = sorted((a.x, b.x))
        y1, y2 = sorted((a.y, b.y))
        _add_room(self, (Point(x1, y1), Point(x2, y1), Point(x2, y2), Point(x1, y2)))
        self.cancel()

    def cancel(self) -> bool:
        had = self._corner is not None
        self._corner, self._frame = None, None
        return super().cancel() or had


class PolygonRoomTool(Tool):
    hint_key = "tool.polygon_room.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._corners: list[Point] = []
        self._outline: QGraphicsPathItem | None = None

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.editor.snap(pos)
        if len(self._corners) >= 3 and point == self._corners[0]:
            self._close()
            return
        if not self._corners or point != self._corners[-1]:
            self._corners.append(point)

    def move(self, pos: Point, event: QMouseEvent) -> None:
        if not self._corners:
            return
        if self._outline is None:
            self._outline = self.add_preview(QGraphicsPathItem())
            self._outline.setPen(style.pen(style.PREVIEW, 2.0, Qt.PenStyle.DashLine))
        self._outline.setPath(polygon_path([*self._corners, self.editor.snap(pos)]))

    def double_click(self, pos: Point, event: QMouseEvent) -> None:
        # The press before a double-click added a corner at the same spot: drop it again.
        if self._corners and self._corners[-1] == self.editor.snap(pos):
            self._corners.pop()
        if len(self._corners) >= 3:
            self._close()
            return
        self.cancel()
        enclosure = enclosure_at(self.editor.plan, pos)
        if enclosure is None:
            self.editor.show_hint("tool.polygon_room.no_walls")
            return
        _add_room(self, tuple(Point(*p) for p in enclosure))

    def key(self, event) -> bool:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(self._corners) >= 3:
            self._close()
            return True
        return super().key(event)

    def _close(self) -> None:
        _add_room(self, tuple(self._corners))
        self.cancel()

    def cancel(self) -> bool:
        had = bool(self._corners)
        self._corners, self._outline = [], None
        return super().cancel() or had
