"""A round Sweet Home 3D wall as straight walls: chords whose sagitta is at most 1 cm."""

from __future__ import annotations

import math

Point2 = tuple[float, float]
MAX_SAGITTA_CM = 1.0
# A wall of 6 km radius would need more; no home has one, and a plan holds 500 walls.
MAX_SEGMENTS = 180


def arc_center(start: Point2, end: Point2, extent: float) -> Point2:
    """The centre of the circle a wall from `start` to `end` turning by `extent` (radians)
    lies on: on the perpendicular through the chord's middle, as Sweet Home 3D places it."""
    chord = math.dist(start, end)
    half_angle = -(math.pi + extent) / 2 if abs(extent) > math.pi else (math.pi - extent) / 2
    to_wall = -math.tan(half_angle) * chord / 2
    direction = math.atan2(start[0] - end[0], end[1] - start[1])
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    return (middle[0] + to_wall * math.cos(direction), middle[1] + to_wall * math.sin(direction))


def segments_needed(radius: float, extent: float) -> int:
    """How many equal chords keep the sagitta r·(1 − cos(θ/2)) within MAX_SAGITTA_CM."""
    step = math.pi if radius <= MAX_SAGITTA_CM else 2 * math.acos(1 - MAX_SAGITTA_CM / radius)
    return max(1, min(MAX_SEGMENTS, math.ceil(abs(extent) / step)))


def arc_points(start: Point2, end: Point2, extent: float) -> list[Point2]:
    """The corners of the chords from `start` to `end`, both included."""
    if abs(extent) < 1e-6 or math.dist(start, end) < 1e-6:
        return [start, end]
    center = arc_center(start, end, extent)
    radius = math.dist(center, start)
    first = math.atan2(start[1] - center[1], start[0] - center[0])
    # The turn that lands on `end`: the sign of `extent` in Sweet Home 3D's frame.
    turn = extent if _lands(center, radius, first + extent, end) else -extent
    count = segments_needed(radius, extent)
    points = [
        (
            center[0] + radius * math.cos(first + turn * i / count),
            center[1] + radius * math.sin(first + turn * i / count),
        )
        for i in range(1, count)
    ]
    return [start, *points, end]


def _lands(center: Point2, radius: float, angle: float, end: Point2) -> bool:
    x = center[0] + radius * math.cos(angle)
    y = center[1] + radius * math.sin(angle)
    return math.dist((x, y), end) < max(0.01, radius * 1e-4)
