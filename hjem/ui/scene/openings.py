"""How doors and windows are drawn: the hole in the wall, the leaf and its arc, the glass."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from hjem.floorplan.geometry import unit_vector
from hjem.floorplan.model import Opening, OpeningKind, Wall
from hjem.floorplan.walls import door_swing, opening_rect
from hjem.ui.scene.paths import geometry_path, polygon_path


def _leaf_lines(wall: Wall, opening: Opening, path: QPainterPath) -> None:
    """Each leaf drawn open at its swing angle, with the arc its tip sweeps."""
    sign = 1.0 if opening.opens_to == "left" else -1.0
    u = unit_vector(wall.angle)
    normal = (u.y * sign, -u.x * sign)
    a = opening.offset - opening.width / 2
    b = opening.offset + opening.width / 2
    leaf = opening.width / opening.leaves
    hinges = []
    if opening.leaves == 2 or opening.hinge == "start":
        hinges.append((a, 1.0))
    if opening.leaves == 2 or opening.hinge == "end":
        hinges.append((b, -1.0))
    angle = math.radians(opening.swing_angle)
    for along, toward in hinges:
        hinge = wall.point_at(along, sign * wall.thickness / 2)
        closed = (u.x * toward, u.y * toward)

        def tip(theta: float, hinge=hinge, closed=closed) -> QPointF:
            c, s = math.cos(theta), math.sin(theta)
            return QPointF(
                hinge.x + leaf * (closed[0] * c + normal[0] * s),
                hinge.y + leaf * (closed[1] * c + normal[1] * s),
            )

        path.moveTo(QPointF(*hinge))
        path.lineTo(tip(angle))
        path.moveTo(tip(0.0))
        steps = max(2, math.ceil(opening.swing_angle / 5))
        for i in range(1, steps + 1):
            path.lineTo(tip(angle * i / steps))


def _glass(wall: Wall, opening: Opening, path: QPainterPath) -> None:
    a = opening.offset - opening.width / 2
    b = opening.offset + opening.width / 2
    for side in (-wall.thickness / 6, wall.thickness / 6):
        path.moveTo(QPointF(*wall.point_at(a, side)))
        path.lineTo(QPointF(*wall.point_at(b, side)))


def opening_paths(wall: Wall, opening: Opening) -> tuple[QPainterPath, QPainterPath, QPainterPath]:
    """(hole to paint white, lines to stroke, area that selects it)."""
    hole = polygon_path(opening_rect(wall, opening).exterior.coords)
    lines = QPainterPath()
    if opening.kind is OpeningKind.WINDOW:
        lines.addPath(hole)
        _glass(wall, opening, lines)
        return hole, lines, hole
    _leaf_lines(wall, opening, lines)
    if opening.kind is OpeningKind.FRENCH_DOOR:
        _glass(wall, opening, lines)
    return hole, lines, geometry_path(door_swing(wall, opening))
