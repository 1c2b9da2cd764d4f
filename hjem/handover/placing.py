"""Where text goes on a drawing: room names clear of the furniture, numbers clear of each other.

All in plan centimetres. A room's name and area go in the free floor nearest the room's
middle; a piece's number goes on the piece, moved inside it (a rug under a table) or just
beside it (a small piece between others) when another number is already there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.geometry import local_to_world
from hjem.floorplan.model import Placement

Spot = tuple[float, float]
GAP = 0.15  # share of a radius kept free between two numbers
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


def badge_spots(
    pieces: Sequence[tuple[int, Placement]], radius: float, floor: BaseGeometry | None = None
) -> dict[int, tuple[Spot, bool]]:
    """Each numbered piece's badge centre and whether it stands beside the piece (then a
    short line joins them). Standing pieces are served first, rugs last; a badge that cannot
    sit on its piece without covering another goes next to it, on `floor` if given."""
    order = sorted(pieces, key=lambda np_: (np_[1].floor_flat, np_[1].width * np_[1].depth))
    solid = [p for _, p in pieces if not p.floor_flat]
    placed: list[Spot] = []
    spots: dict[int, tuple[Spot, bool]] = {}
    least = 2 * radius * (1 + GAP)
    for number, piece in order:
        chosen: tuple[Spot, bool] | None = None
        others = [o for o in solid if o is not piece] if piece.floor_flat else []
        for spot in _inside(piece, radius):
            if _clear(spot, placed, least) and not any(_covers(o, spot, radius) for o in others):
                chosen = (spot, False)
                break
        if chosen is None:
            for spot in _beside(piece, radius):
                on_floor = floor is None or floor.contains(shapely.Point(spot))
                if on_floor and _clear(spot, placed, least):
                    chosen = (spot, True)
                    break
        if chosen is None:
            chosen = ((piece.center.x, piece.center.y), False)
        spots[number] = chosen
        placed.append(chosen[0])
    return spots


def _clear(spot: Spot, placed: list[Spot], least: float) -> bool:
    return all(math.dist(spot, other) >= least for other in placed)


def _covers(piece: Placement, spot: Spot, radius: float) -> bool:
    """Whether the badge at `spot` would lie on `piece` (its footprint, approximately)."""
    dx, dy = spot[0] - piece.center.x, spot[1] - piece.center.y
    c, s = math.cos(math.radians(piece.rotation)), math.sin(math.radians(piece.rotation))
    lx, ly = dx * c + dy * s, -dx * s + dy * c
    return abs(lx) < piece.width / 2 + radius * 0.5 and abs(ly) < piece.depth / 2 + radius * 0.5


def _inside(piece: Placement, radius: float) -> list[Spot]:
    """The centre first, then points on the piece nearest the centre first."""
    hw, hd = piece.width / 2 - radius * 0.8, piece.depth / 2 - radius * 0.8
    spots = [(0.0, 0.0)]
    if hw > 0 and hd > 0:
        xs = np.linspace(-hw, hw, max(2, int(2 * hw / radius) + 1))
        ys = np.linspace(-hd, hd, max(2, int(2 * hd / radius) + 1))
        grid = sorted(((x, y) for x in xs for y in ys), key=lambda p: math.hypot(*p))
        spots += [(float(x), float(y)) for x, y in grid]
    return [_world(piece, p) for p in spots]


def _beside(piece: Placement, radius: float) -> list[Spot]:
    """Points just outside the piece all round, starting in front of it."""
    reach = math.hypot(piece.width, piece.depth) / 2 + radius * 1.1
    return [
        _world(piece, (reach * math.sin(a), reach * math.cos(a)))
        for a in (math.radians(d) for d in range(0, 360, 30))
    ]


def _world(piece: Placement, local: Spot) -> Spot:
    point = local_to_world(piece.center, piece.rotation, local)
    return point.x, point.y
