"""Plain 2-D geometry in plan units: centimetres, y pointing down, angles in degrees.

Only arithmetic lives here; shapely geometry is derived from these values in `shapes.py`.
"""

from __future__ import annotations

import math
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float

    def moved(self, dx: float, dy: float) -> Point:
        return Point(self.x + dx, self.y + dy)


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def unit_vector(degrees: float) -> Point:
    radians = math.radians(degrees)
    return Point(math.cos(radians), math.sin(radians))


def rotate(p: tuple[float, float], degrees: float) -> Point:
    c, s = unit_vector(degrees)
    return Point(p[0] * c - p[1] * s, p[0] * s + p[1] * c)


def local_to_world(center: Point, rotation: float, local: tuple[float, float]) -> Point:
    """A point given in an element's own frame (origin at its centre) in plan coordinates."""
    dx, dy = rotate(local, rotation)
    return center.moved(dx, dy)


def rect_corners(
    center: Point, width: float, depth: float, rotation: float
) -> tuple[Point, Point, Point, Point]:
    """Corners of a width × depth rectangle turned `rotation` degrees about its centre.

    Width runs along the element's local x axis, depth along local y; the element's front is
    its local +y side (facing down the screen at rotation 0, as in Sweet Home 3D).
    """
    hw, hd = width / 2, depth / 2
    c, s = unit_vector(rotation)
    cx, cy = center
    return (
        Point(cx - hw * c + hd * s, cy - hw * s - hd * c),
        Point(cx + hw * c + hd * s, cy + hw * s - hd * c),
        Point(cx + hw * c - hd * s, cy + hw * s + hd * c),
        Point(cx - hw * c - hd * s, cy - hw * s + hd * c),
    )


def polygon_area(points: tuple[Point, ...] | list[Point]) -> float:
    """Unsigned area by the shoelace formula."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def normalize_angle(degrees: float) -> float:
    """An angle folded into [0, 360)."""
    folded = math.fmod(degrees, 360.0)
    return folded + 360.0 if folded < 0 else folded
