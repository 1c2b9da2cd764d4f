"""Draw walls click to click, continuing from the last end until Esc or a double-click.

Shift keeps the angle to steps of 15°; typing a number and Enter makes the next wall exactly
that long in the direction of the mouse. Ends snap to existing wall ends, so walls join.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsLineItem

from hjem.floorplan.commands import AddElement
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Wall
from hjem.ui.scene import style
from hjem.ui.tools.base import Tool, snap_angle

MIN_WALL_CM = 1.0


class WallTool(Tool):
    hint_key = "tool.wall.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._last: Point | None = None
        self._first: Point | None = None
        self._cursor: Point | None = None
        self._line: QGraphicsLineItem | None = None

    def accepts_numbers(self) -> bool:
        return self._last is not None

    def _target(self, pos: Point, event: QMouseEvent) -> Point:
        snapped = self.editor.snap(pos)
        if self._last is not None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            turned = snap_angle(self._last, pos)
            return Point(round(turned.x, 1), round(turned.y, 1))
        return snapped

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self._target(pos, event)
        if self._last is None:
            self._last = self._first = self._cursor = point
            return
        self._add_wall(point)

    def move(self, pos: Point, event: QMouseEvent) -> None:
        if self._last is None:
            return
        end = self._target(pos, event)
        self._cursor = end
        if self._line is None:
            self._line = self.add_preview(QGraphicsLineItem())
            self._line.setPen(style.pen(style.PREVIEW, 2.0, Qt.PenStyle.DashLine))
        self._line.setLine(QLineF(QPointF(*self._last), QPointF(*end)))
        self.editor.show_hint("tool.wall.length", length=round(math.dist(self._last, end)))

    def double_click(self, pos: Point, event: QMouseEvent) -> None:
        self.finish()

    def use_numbers(self, numbers: list[float]) -> None:
        if self._last is None or self._cursor is None:
            return
        # The direction the preview shows: to the snapped point under the mouse.
        dx, dy = self._cursor.x - self._last.x, self._cursor.y - self._last.y
        distance = math.hypot(dx, dy)
        if distance == 0:
            dx, dy, distance = 1.0, 0.0, 1.0  # no direction yet: draw to the right
        length = numbers[0]
        end = Point(
            round(self._last.x + dx / distance * length, 1),
            round(self._last.y + dy / distance * length, 1),
        )
        self._add_wall(end)

    def _add_wall(self, end: Point) -> None:
        assert self._last is not None
        if math.dist(self._last, end) < MIN_WALL_CM:
            return
        wall = Wall(self.editor.plan.new_id("w"), self._last, end, self.editor.wall_thickness)
        if self.editor.apply(AddElement(wall), "undo.add_wall"):
            closed = self._first is not None and math.dist(end, self._first) < 0.01
            self._last = None if closed else end
            if closed:
                self.finish()

    def finish(self) -> None:
        self._last = self._first = None
        self.clear_previews()
        self._line = None
        self.editor.show_hint(self.hint_key)

    def cancel(self) -> bool:
        had = self._last is not None or super().cancel()
        self.finish()
        return had
