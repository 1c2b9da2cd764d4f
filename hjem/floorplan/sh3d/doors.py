"""Setting a Sweet Home 3D door or window into its host wall.

Sweet Home 3D does not say which wall a door stands in: the door's box holds the wall
(`wallThickness` and `wallDistance` are shares of its depth, from its back), so the wall is
the one whose centre line runs through that part of the box, parallel to it. Walls are
looked up in a grid of 1 m cells, so a home with 200 doors does not try every wall for each.

A leaf (`sash`) turns about an axis given as shares of the door's width and depth from its
back left corner, from `startAngle` (closed) to `endAngle` (open), counter-clockwise on screen
as Java2D counts; a mirrored model is the same door seen in a mirror (x negated).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from hjem.floorplan.model import Hinge, Side, Wall
from hjem.floorplan.sh3d.home import HomePiece

CELL_CM = 100.0
MAX_ANGLE_DEG = 10.0  # how far from parallel a door may stand to its wall
SLACK_CM = 5.0  # how far beside the wall's centre line the door's wall part may lie


@dataclass(frozen=True)
class Placed:
    wall: Wall
    offset: float
    width: float
    hinge: Hinge
    opens_to: Side
    swing_angle: float
    leaves: int


def local_to_world(piece: HomePiece, x: float, y: float) -> tuple[float, float]:
    cos, sin = math.cos(piece.angle), math.sin(piece.angle)
    return (piece.center[0] + x * cos - y * sin, piece.center[1] + x * sin + y * cos)


def wall_point(piece: HomePiece) -> tuple[float, float]:
    """Where the middle of the wall lies within the door's box."""
    middle = -piece.depth / 2 + piece.depth * (piece.wall_distance + piece.wall_thickness / 2)
    return local_to_world(piece, 0.0, middle)


class WallGrid:
    """Walls by the 1 m cells their centre line's box covers (with slack for thickness)."""

    def __init__(self, walls: tuple[Wall, ...]):
        self.cells: dict[tuple[int, int], list[Wall]] = defaultdict(list)
        for wall in walls:
            reach = wall.thickness / 2 + SLACK_CM
            xs, ys = (wall.start.x, wall.end.x), (wall.start.y, wall.end.y)
            for i in range(_cell(min(xs) - reach), _cell(max(xs) + reach) + 1):
                for j in range(_cell(min(ys) - reach), _cell(max(ys) + reach) + 1):
                    self.cells[(i, j)].append(wall)

    def near(self, point: tuple[float, float]) -> list[Wall]:
        return self.cells.get((_cell(point[0]), _cell(point[1])), [])


def _cell(value: float) -> int:
    return math.floor(value / CELL_CM)


def host_wall(piece: HomePiece, candidates: list[Wall]) -> tuple[Wall, float] | None:
    """The wall the door stands in, and the door's centre's offset along it; None if none."""
    point = wall_point(piece)
    best: tuple[float, Wall, float] | None = None
    for wall in candidates:
        length = wall.length
        ux, uy = (wall.end.x - wall.start.x) / length, (wall.end.y - wall.start.y) / length
        dx, dy = point[0] - wall.start.x, point[1] - wall.start.y
        along, across = dx * ux + dy * uy, abs(dx * uy - dy * ux)
        if not (0 <= along <= length and across <= wall.thickness / 2 + SLACK_CM):
            continue
        if not _parallel(piece.angle, math.atan2(uy, ux)):
            continue
        if best is None or across < best[0]:
            best = (across, wall, along)
    return None if best is None else (best[1], best[2])


def _parallel(a: float, b: float) -> bool:
    difference = math.degrees(a - b) % 180.0
    return min(difference, 180.0 - difference) <= MAX_ANGLE_DEG


def place(piece: HomePiece, wall: Wall, along: float) -> Placed:
    width = min(piece.width, wall.length)
    offset = min(max(along, width / 2), wall.length - width / 2)
    hinge, opens_to, swing = _swing(piece, wall, offset)
    leaves = 2 if len(piece.sashes) >= 2 else 1
    return Placed(wall, offset, width, hinge, opens_to, swing, leaves)


def _swing(piece: HomePiece, wall: Wall, offset: float) -> tuple[Hinge, Side, float]:
    """The jamb the first leaf hangs on, the side it opens to, and how far it turns."""
    if not piece.sashes:
        return "start", "left", 0.0
    sash = piece.sashes[0]
    mirror = -1.0 if piece.mirrored else 1.0
    axis_x = mirror * (sash.x_axis * piece.width - piece.width / 2)
    axis_y = sash.y_axis * piece.depth - piece.depth / 2
    reach = sash.width * piece.width
    tip_x = axis_x + mirror * reach * math.cos(sash.end_angle)
    tip_y = axis_y - reach * math.sin(sash.end_angle)
    hinge_at = local_to_world(piece, axis_x, axis_y)
    tip_at = local_to_world(piece, tip_x, tip_y)
    ux, uy = (wall.end.x - wall.start.x) / wall.length, (wall.end.y - wall.start.y) / wall.length
    hinge_along = (hinge_at[0] - wall.start.x) * ux + (hinge_at[1] - wall.start.y) * uy
    # Left of start → end on a y-down screen is (uy, −ux), as Wall.point_at has it.
    tip_left = (tip_at[0] - wall.start.x) * uy - (tip_at[1] - wall.start.y) * ux
    swing = min(180.0, abs(math.degrees(sash.end_angle - sash.start_angle)))
    hinge: Hinge = "start" if hinge_along <= offset else "end"
    side: Side = "left" if tip_left > 0 else "right"
    return hinge, side, swing
