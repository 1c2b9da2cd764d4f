"""Shapely geometry derived from the plan: wall outlines with clean corners, door swings,
window zones, furniture footprints and clearance zones.

Footprints and clearance zones are shrunk by `TOLERANCE` on every side, so pieces that touch,
or overlap by less than drawing precision, never count as a conflict.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.categories import FIXTURE_CLEARANCE, NO_CLEARANCE, default_clearance
from hjem.floorplan.geometry import Point, rect_corners, unit_vector
from hjem.floorplan.model import Clearance, Fixture, Opening, Placement, Plan, Room, Wall

TOLERANCE = 0.5  # cm shaved off each side of footprints and zones
JOIN_DISTANCE = 1.0  # wall ends closer than this meet at a corner
WINDOW_ZONE_DEPTH = 40.0  # cm in front of a window where tall furniture blocks it
ARC_STEP_DEGREES = 7.5
MITRE_LIMIT = 4.0  # a mitre reaching further than this many thicknesses is cut square


# --- walls -------------------------------------------------------------------------------


def _left(d: Point) -> Point:
    """The left-hand normal of direction d on a y-down screen."""
    return Point(d.y, -d.x)


def _intersect_lines(p: Point, d: Point, q: Point, e: Point) -> Point | None:
    cross = d.x * e.y - d.y * e.x
    if abs(cross) < 1e-9:
        return None
    t = ((q.x - p.x) * e.y - (q.y - p.y) * e.x) / cross
    return Point(p.x + d.x * t, p.y + d.y * t)


def _outgoing(wall: Wall, at_start: bool) -> tuple[Point, Point]:
    """The joint point and the wall's direction pointing away from it."""
    u = unit_vector(wall.angle)
    return (wall.start, u) if at_start else (wall.end, Point(-u.x, -u.y))


class _WallEnds:
    """Wall ends indexed on a 1 cm grid, to find the walls meeting at a point quickly."""

    def __init__(self, walls: Sequence[Wall]):
        self._cells: dict[tuple[int, int], list[tuple[Wall, bool]]] = {}
        for wall in walls:
            for at_start, end in ((True, wall.start), (False, wall.end)):
                self._cells.setdefault(self._cell(end), []).append((wall, at_start))

    @staticmethod
    def _cell(p: Point) -> tuple[int, int]:
        return (math.floor(p.x / JOIN_DISTANCE), math.floor(p.y / JOIN_DISTANCE))

    def meeting(self, wall: Wall, joint: Point) -> list[tuple[Wall, bool]]:
        cx, cy = self._cell(joint)
        found = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other, at_start in self._cells.get((cx + dx, cy + dy), ()):
                    end = other.start if at_start else other.end
                    if other.id != wall.id and math.dist(end, joint) <= JOIN_DISTANCE:
                        found.append((other, at_start))
        return found


def _end_corners(ends: _WallEnds, wall: Wall, at_start: bool) -> tuple[Point, Point]:
    """This end's two corners, (left of outgoing direction, right of it), mitred if joined."""
    joint, d = _outgoing(wall, at_start)
    n = _left(d)
    h = wall.thickness / 2
    plain = (joint.moved(n.x * h, n.y * h), joint.moved(-n.x * h, -n.y * h))
    partners = ends.meeting(wall, joint)
    if len(partners) != 1:
        return plain
    other, other_at_start = partners[0]
    _, e = _outgoing(other, other_at_start)
    m = _left(e)
    k = other.thickness / 2
    left = _intersect_lines(plain[0], d, joint.moved(-m.x * k, -m.y * k), e)
    right = _intersect_lines(plain[1], d, joint.moved(m.x * k, m.y * k), e)
    limit = MITRE_LIMIT * max(wall.thickness, other.thickness)
    if (
        left is None
        or right is None
        or max(math.dist(left, joint), math.dist(right, joint)) > limit
    ):
        return plain
    return left, right


def wall_outlines(walls: Sequence[Wall]) -> dict[str, Polygon]:
    """Each wall's outline, its ends mitred where it meets exactly one other wall."""
    ends = _WallEnds(walls)
    outlines = {}
    for wall in walls:
        start_left, start_right = _end_corners(ends, wall, at_start=True)
        end_left, end_right = _end_corners(ends, wall, at_start=False)
        # Outgoing at the start is the wall's direction, at the end its reverse: so the
        # start's left corner and the end's right corner lie on the same face.
        polygon = Polygon([start_left, end_right, end_left, start_right])
        outlines[wall.id] = polygon if polygon.is_valid else polygon.buffer(0)
    return outlines


def opening_rect(wall: Wall, opening: Opening, extra: float = 0.0) -> Polygon:
    """The hole an opening makes through its wall, `extra` cm wider on each face."""
    a = opening.offset - opening.width / 2
    b = opening.offset + opening.width / 2
    h = wall.thickness / 2 + extra
    return Polygon(
        [wall.point_at(a, h), wall.point_at(b, h), wall.point_at(b, -h), wall.point_at(a, -h)]
    )


def wall_solids(plan: Plan) -> dict[str, BaseGeometry]:
    """Each wall's outline less its doorways: the part nobody can walk or stand in."""
    solids: dict[str, BaseGeometry] = {}
    outlines = wall_outlines(plan.walls)
    for wall in plan.walls:
        outline: BaseGeometry = outlines[wall.id]
        holes = [opening_rect(wall, o, 1.0) for o in plan.openings_in(wall.id) if o.is_passable]
        if holes:
            outline = outline.difference(shapely.union_all(holes))
        solids[wall.id] = outline
    return solids


# --- doors and windows ---------------------------------------------------------------------


def _arc(center: Point, start: Point, toward: Point, radius: float, angle: float) -> list[Point]:
    steps = max(2, math.ceil(angle / ARC_STEP_DEGREES))
    points = []
    for i in range(steps + 1):
        theta = math.radians(angle * i / steps)
        c, s = math.cos(theta), math.sin(theta)
        points.append(
            Point(
                center.x + radius * (start.x * c + toward.x * s),
                center.y + radius * (start.y * c + toward.y * s),
            )
        )
    return points


def door_swing(wall: Wall, opening: Opening) -> BaseGeometry:
    """The floor a door's leaves sweep, plus the doorway itself."""
    side = 1.0 if opening.opens_to == "left" else -1.0
    face = side * wall.thickness / 2
    u = unit_vector(wall.angle)
    normal = Point(u.y * side, -u.x * side)
    a = opening.offset - opening.width / 2
    b = opening.offset + opening.width / 2
    leaf = opening.width / opening.leaves
    hinges: list[tuple[float, Point]] = []
    if opening.leaves == 2 or opening.hinge == "start":
        hinges.append((a, u))
    if opening.leaves == 2 or opening.hinge == "end":
        hinges.append((b, Point(-u.x, -u.y)))
    parts: list[BaseGeometry] = [opening_rect(wall, opening)]
    for along, closed_direction in hinges:
        hinge = wall.point_at(along, face)
        arc = _arc(hinge, closed_direction, normal, leaf, opening.swing_angle)
        if opening.swing_angle > 0:
            parts.append(Polygon([hinge, *arc]))
    return shapely.union_all(parts)


def window_zone(wall: Wall, opening: Opening) -> Polygon:
    """The floor in front of a window (both faces) where furniture above the sill blocks it."""
    return opening_rect(wall, opening, WINDOW_ZONE_DEPTH)


# --- furniture and fixed elements ------------------------------------------------------------


def footprint(item: Placement | Fixture, shrink: float = TOLERANCE) -> Polygon:
    w = max(item.width - 2 * shrink, item.width / 2)
    d = max(item.depth - 2 * shrink, item.depth / 2)
    return Polygon(rect_corners(item.center, w, d, item.rotation))


def clearance_of(item: Placement | Fixture) -> Clearance:
    if isinstance(item, Fixture):
        return FIXTURE_CLEARANCE.get(item.kind, NO_CLEARANCE)
    return item.clearance if item.clearance is not None else default_clearance(item.category)


def _sides(width: float, depth: float, sides: Iterable[str]) -> list[str]:
    resolved: list[str] = []
    for side in sides:
        if side == "long":
            resolved += ["front", "back"] if width >= depth else ["left", "right"]
        else:
            resolved.append(side)
    return list(dict.fromkeys(resolved))


def zone_boxes(
    width: float, depth: float, clearance: Clearance
) -> list[tuple[float, float, float, float]]:
    """Each clearance zone as (centre x, centre y, width, depth) in the item's own frame."""
    c = clearance.depth
    boxes = {
        "front": (0.0, (depth + c) / 2, width, c),
        "back": (0.0, -(depth + c) / 2, width, c),
        "left": (-(width + c) / 2, 0.0, c, depth),
        "right": ((width + c) / 2, 0.0, c, depth),
    }
    if c <= 0:
        return []
    return [boxes[side] for side in _sides(width, depth, clearance.sides)]


def local_corners(item: Placement | Fixture) -> np.ndarray:
    """Corners of the footprint and each clearance zone in the item's frame, shape (k, 4, 2)."""
    shapes = [(0.0, 0.0, item.width, item.depth)]
    shapes += zone_boxes(item.width, item.depth, clearance_of(item))
    corners = []
    for cx, cy, w, d in shapes:
        hw = max(w / 2 - TOLERANCE, w / 4)
        hd = max(d / 2 - TOLERANCE, d / 4)
        corners.append(
            [(cx - hw, cy - hd), (cx + hw, cy - hd), (cx + hw, cy + hd), (cx - hw, cy + hd)]
        )
    return np.asarray(corners, dtype=float)


def place_corners(local: np.ndarray, centers: np.ndarray, rotations: np.ndarray) -> np.ndarray:
    """Rectangles (m, 4, 2) in their items' frames, each turned and moved, in one numpy step.

    The one way corners are placed, so the report, the drag check and the reference build
    bit-identical polygons for the same pose.
    """
    radians = np.radians(rotations)
    c, s = np.cos(radians)[:, None], np.sin(radians)[:, None]
    x, y = local[..., 0], local[..., 1]
    return np.stack([x * c - y * s + centers[:, 0:1], x * s + y * c + centers[:, 1:2]], axis=-1)


def place_item(local: np.ndarray, center: tuple[float, float], rotation: float) -> np.ndarray:
    """`local` (k, 4, 2) placed for one item at `center`, turned `rotation` degrees."""
    k = len(local)
    return place_corners(
        local, np.tile(np.asarray(center, dtype=float), (k, 1)), np.full(k, rotation)
    )


def item_polygons(item: Placement | Fixture) -> tuple[Polygon, list[Polygon]]:
    """The footprint and the clearance zones of an item, in plan coordinates."""
    polygons = list(shapely.polygons(place_item(local_corners(item), item.center, item.rotation)))
    return polygons[0], polygons[1:]


# --- rooms -----------------------------------------------------------------------------------


def room_polygon(room: Room) -> BaseGeometry:
    polygon = Polygon(room.polygon)
    return polygon if polygon.is_valid else polygon.buffer(0)


def rooms_union(plan: Plan) -> BaseGeometry:
    return shapely.union_all([room_polygon(r) for r in plan.rooms])


def net_area_m2(plan: Plan, room: Room) -> float:
    """Floor area of the room less the walls standing in it, in square metres."""
    walls = shapely.union_all(list(wall_outlines(plan.walls).values()))
    return room_polygon(room).difference(walls).area / 10_000


def room_at(plan: Plan, point: tuple[float, float]) -> Room | None:
    p = shapely.Point(point)
    return next((r for r in plan.rooms if room_polygon(r).covers(p)), None)
