"""Edits the select tool and the Edit menu make, as functions from a plan to a command (or to
a point, for snapping). The UI finds out what the person pointed at and calls these; the
geometry of each edit lives here, where it can be tested without a window.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from hjem.floorplan.commands import (
    Command,
    MoveElements,
    ReplaceElement,
    ReplaceElements,
)
from hjem.floorplan.geometry import Point, normalize_angle, unit_vector
from hjem.floorplan.model import Fixture, Opening, Placement, Plan, Wall
from hjem.ids import ElementId

SAME_POINT = 0.01  # cm: wall ends this close are one corner


def element_ids(plan: Plan) -> list[str]:
    """Every element's id (Select all)."""
    return [e.id for e in plan.elements()]


# --- snapping --------------------------------------------------------------------------------


def corner_near(plan: Plan, pos: Point, tolerance: float) -> Point | None:
    """The wall end or room corner nearest `pos` within `tolerance` cm, if any."""
    corners = [end for wall in plan.walls for end in (wall.start, wall.end)]
    corners += [corner for room in plan.rooms for corner in room.polygon]
    best, best_distance = None, tolerance
    for corner in corners:
        d = math.dist(corner, pos)
        if d <= best_distance:
            best, best_distance = corner, d
    return best


def on_grid(pos: Point, step: float) -> Point:
    return Point(round(pos.x / step) * step, round(pos.y / step) * step)


def snapped(
    plan: Plan, pos: Point, tolerance: float, step: float, to_corners: bool = True
) -> Point:
    """Where a click lands: on a wall end or room corner within `tolerance`, else on the grid
    of `step` cm."""
    if to_corners and (corner := corner_near(plan, pos, tolerance)) is not None:
        return corner
    return on_grid(pos, step)


# --- wall corners ----------------------------------------------------------------------------


def wall_end_near(plan: Plan, pos: Point, tolerance: float, among: Iterable[str]) -> Point | None:
    """An end of one of the walls `among` (ids) within `tolerance` cm of `pos`."""
    wanted = set(among)
    for wall in plan.walls:
        if wall.id in wanted:
            for end in (wall.start, wall.end):
                if math.dist(end, pos) <= tolerance:
                    return end
    return None


def move_corner(plan: Plan, corner: Point, to: Point) -> Command | None:
    """Move a wall corner: every wall ending there follows, so joins stay joined. None when
    nothing would change."""
    if to == corner:
        return None
    moved = []
    for wall in plan.walls:
        start = to if math.dist(wall.start, corner) < SAME_POINT else wall.start
        end = to if math.dist(wall.end, corner) < SAME_POINT else wall.end
        if (start, end) != (wall.start, wall.end):
            moved.append(Wall(wall.id, start, end, wall.thickness))
    return ReplaceElements(tuple(moved)) if moved else None


# --- moving and turning ----------------------------------------------------------------------


def slide_opening(plan: Plan, opening: Opening, dx: float, dy: float) -> Command:
    """The opening slid along its wall by the part of (dx, dy) that runs along it."""
    u = unit_vector(plan.wall_of(opening).angle)
    return ReplaceElement(replace(opening, offset=round(opening.offset + dx * u.x + dy * u.y)))


def move_selection(plan: Plan, ids: Sequence[str], dx: float, dy: float) -> Command | None:
    """A drag of the selection by (dx, dy): an opening dragged alone slides along its wall;
    otherwise everything but the openings moves (they ride on their walls)."""
    if (dx, dy) == (0.0, 0.0):
        return None
    if len(ids) == 1 and isinstance(opening := plan.get(ids[0]), Opening):
        return slide_opening(plan, opening, dx, dy)
    return nudge(plan, ids, dx, dy)


def nudge(plan: Plan, ids: Sequence[str], dx: float, dy: float) -> MoveElements | None:
    """Move everything but the openings by (dx, dy)."""
    movable = tuple(ElementId(i) for i in ids if not isinstance(plan.get(i), Opening))
    return MoveElements(movable, dx, dy) if movable else None


def turn(plan: Plan, ids: Iterable[str], degrees: float) -> Command | None:
    """Turn the pieces and fixtures among `ids` about their centres."""
    turned = tuple(
        replace(e, rotation=normalize_angle(e.rotation + degrees))
        for e in (plan.get(i) for i in ids)
        if isinstance(e, Placement | Fixture)
    )
    return ReplaceElements(turned) if turned else None
