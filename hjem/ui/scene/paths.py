"""Shapely geometry and point lists as Qt painter paths (scene units are centimetres)."""

from __future__ import annotations

from collections.abc import Iterable

import shapely
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry


def polygon(points: Iterable[tuple[float, float]]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def polygon_path(points: Iterable[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(polygon(points))
    path.closeSubpath()
    return path


def geometry_path(geometry: BaseGeometry) -> QPainterPath:
    """A path of every polygon in `geometry`, holes included (odd-even fill)."""
    path = QPainterPath()
    for part in shapely.get_parts(geometry):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        for ring in (part.exterior, *part.interiors):
            path.addPolygon(polygon(ring.coords))
            path.closeSubpath()
    return path
