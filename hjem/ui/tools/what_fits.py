"""What fits here: drag along a wall to mark a stretch of it, or drag a frame over free floor;
the inventory panel then lists the donated items that fit there, best fit first."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsRectItem

from hjem.floorplan.fits import Area, Region, WallStretch
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Plan
from hjem.ui.scene import style
from hjem.ui.tools.base import Tool

MIN_SIZE_CM = 20.0  # a smaller mark is a slip of the hand


class WhatFitsTool(Tool):
    cursor = Qt.CursorShape.CrossCursor
    hint_key = "tool.what_fits.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._start: Point | None = None
        self._frame: QGraphicsRectItem | None = None

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = pos
            self._frame = self.add_preview(QGraphicsRectItem())
            self._frame.setPen(style.pen(style.SELECTED, 1.5, Qt.PenStyle.DashLine))

    def move(self, pos: Point, event: QMouseEvent) -> None:
        if self._start is not None and self._frame is not None:
            self._frame.setRect(QRectF(QPointF(*self._start), QPointF(*pos)).normalized())

    def release(self, pos: Point, event: QMouseEvent) -> None:
        if self._start is None:
            return
        region = region_between(self.editor.plan, self._start, pos, self.editor.tolerance_cm)
        self._start = None
        self.clear_previews()
        if region is not None:
            self.editor.region_marked.emit(region)


def region_between(plan: Plan, a: Point, b: Point, reach: float) -> Region | None:
    """A wall stretch when both ends lie along one room edge, else the frame between them."""
    if math.dist(a, b) < MIN_SIZE_CM:
        return None
    edge = _shared_edge(plan, a, b, reach)
    if edge is not None:
        return WallStretch(_onto(edge, a), _onto(edge, b))
    if abs(a.x - b.x) < MIN_SIZE_CM or abs(a.y - b.y) < MIN_SIZE_CM:
        return None
    x0, x1 = sorted((a.x, b.x))
    y0, y1 = sorted((a.y, b.y))
    return Area((Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)))


def _shared_edge(plan: Plan, a: Point, b: Point, reach: float) -> tuple[Point, Point] | None:
    for room in plan.rooms:
        corners = room.polygon
        for start, end in zip(corners, (*corners[1:], corners[0]), strict=True):
            if _distance(start, end, a) <= reach and _distance(start, end, b) <= reach:
                return start, end
    return None


def _along(start: Point, end: Point, p: Point) -> float:
    length = math.dist(start, end) or 1.0
    return ((p.x - start.x) * (end.x - start.x) + (p.y - start.y) * (end.y - start.y)) / length


def _distance(start: Point, end: Point, p: Point) -> float:
    """Distance from `p` to the segment start–end."""
    length = math.dist(start, end) or 1.0
    t = min(max(_along(start, end, p) / length, 0.0), 1.0)
    return math.dist(p, (start.x + (end.x - start.x) * t, start.y + (end.y - start.y) * t))


def _onto(edge: tuple[Point, Point], p: Point) -> Point:
    start, end = edge
    length = math.dist(start, end) or 1.0
    t = min(max(_along(start, end, p) / length, 0.0), 1.0)
    return Point(start.x + (end.x - start.x) * t, start.y + (end.y - start.y) * t)
