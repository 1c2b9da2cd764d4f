"""Where a room's name and area go: in the free floor nearest the room's middle, clear of the
furniture and fixed elements if there is room, else where they cover least.

All in plan centimetres; the editor and the printed plan both place room names with it."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

Spot = tuple[float, float]
LEAST_COVERED_TRIES = 80  # boxes nearest the middle compared when none is clear


def label_spot(
    area: BaseGeometry,
    obstacles: BaseGeometry | None,
    size: tuple[float, float],
    step: float,
    measure: bool = True,
) -> tuple[Spot, float]:
    """The centre of a `size` (w, h cm) box inside `area`, clear of `obstacles` if possible,
    nearest the area's middle, and the share of the box that covers obstacles (0: clear; 1
    when it does not fit). When none is clear: with `measure`, the box covering least (of
    those nearest the middle); without, the middle and 1 (cheap: a first try)."""
    middle = area.centroid if area.contains(area.centroid) else area.representative_point()
    inner = area.buffer(-step / 2)
    if inner.is_empty:
        return (middle.x, middle.y), 1.0
    w, h = size
    x0, y0, x1, y1 = inner.bounds
    xs = np.arange(x0 + w / 2, x1 - w / 2 + 1e-6, step)
    ys = np.arange(y0 + h / 2, y1 - h / 2 + 1e-6, step)
    if not len(xs) or not len(ys):
        return (middle.x, middle.y), 1.0
    gx, gy = (a.ravel() for a in np.meshgrid(xs, ys))
    boxes = shapely.box(gx - w / 2, gy - h / 2, gx + w / 2, gy + h / 2)
    shapely.prepare(inner)
    inside = shapely.contains(inner, boxes)
    if not inside.any():
        return (middle.x, middle.y), 1.0
    gx, gy, boxes = gx[inside], gy[inside], boxes[inside]
    order = np.argsort(np.hypot(gx - middle.x, gy - middle.y), kind="stable")
    if obstacles is None or obstacles.is_empty:
        return (float(gx[order[0]]), float(gy[order[0]])), 0.0
    shapely.prepare(obstacles)
    hit = shapely.intersects(obstacles, boxes[order])
    if not hit.all():
        best = int(order[int(np.argmin(hit))])  # the first clear one, nearest the middle
        return (float(gx[best]), float(gy[best])), 0.0
    if not measure:
        return (float(gx[order[0]]), float(gy[order[0]])), 1.0
    nearest = order[:LEAST_COVERED_TRIES]
    covered = shapely.area(shapely.intersection(boxes[nearest], obstacles)) / (w * h)
    pick = int(np.argmin(np.round(covered, 2)))
    best = int(nearest[pick])
    return (float(gx[best]), float(gy[best])), float(covered[pick])
