"""Where numbers go on a drawing: clear of each other (room names: `floorplan.label_spot`).

All in plan centimetres. A piece's number goes on the piece, moved inside it (a rug under a
table) or just beside it (a small piece between others) when another number is already there.
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
