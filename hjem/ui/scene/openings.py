"""How doors and windows are drawn on screen: the paths of `floorplan.openings`' one geometry
(the handover PDF draws the same values), so the screen and the printout agree."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, Wall
from hjem.floorplan.openings import OpeningGeometry, opening_geometry
from hjem.floorplan.walls import door_swing
from hjem.ui.scene.paths import geometry_path, polygon_path


def _polyline(path: QPainterPath, points: Iterable[Point]) -> None:
    first, *rest = points
    path.moveTo(QPointF(*first))
    for point in rest:
        path.lineTo(QPointF(*point))


def lines_path(geometry: OpeningGeometry) -> QPainterPath:
    """The strokes: a window's frame, the glass, each leaf open and the arc its tip sweeps."""
    path = QPainterPath()
    for segment in geometry.lines():
        _polyline(path, segment)
    for leaf in geometry.leaves:
        _polyline(path, leaf.arc())
    return path


def opening_paths(wall: Wall, opening: Opening) -> tuple[QPainterPath, QPainterPath, QPainterPath]:
    """(hole to paint, lines to stroke, area that selects it)."""
    geometry = opening_geometry(wall, opening)
    hole = polygon_path(geometry.gap)
    area = hole if not opening.is_passable else geometry_path(door_swing(wall, opening))
    return hole, lines_path(geometry), area
