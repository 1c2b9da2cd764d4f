"""Shapely geometry of the building: wall outlines with clean corners, walls cut by their
doorways, door swings and the floor in front of windows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import cast

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.geometry import Point, unit_vector
from hjem.floorplan.model import Opening, Plan, Wall
from hjem.floorplan.openings import DoorLeaf, door_leaves, gap_corners
from hjem.ids import ElementId

JOIN_DISTANCE = 1.0  # wall ends closer than this meet at a corner
WINDOW_ZONE_DEPTH = 40.0  # cm in front of a window where tall furniture blocks it
ARC_STEP_DEGREES = 7.5  # coarser than a drawn arc: the engine tests against this polygon
MITRE_LIMIT = 4.0  # a mitre reaching further than this many thicknesses is cut square

# A wall's corners: (start, left face), (end, left face), (end, right face), (start, right face).
Corners = tuple[Point, Point, Point, Point]


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


def wall_corners(walls: Sequence[Wall]) -> dict[ElementId, Corners]:
    """Each wall's corners, its ends mitred where it meets exactly one other wall."""
    ends = _WallEnds(walls)
    corners: dict[ElementId, Corners] = {}
    for wall in walls:
        start_left, start_right = _end_corners(ends, wall, at_start=True)
        end_left, end_right = _end_corners(ends, wall, at_start=False)
        # Outgoing at the start is the wall's direction, at the end its reverse: so the
        # start's left corner and the end's right corner lie on the same face.
        corners[wall.id] = (start_left, end_right, end_left, start_right)
    return corners


def _polygon(points: Sequence[Point]) -> BaseGeometry:
    polygon = Polygon(points)
    return polygon if polygon.is_valid else polygon.buffer(0)


def wall_outlines(
    walls: Sequence[Wall], corners: Mapping[ElementId, Corners] | None = None
) -> dict[ElementId, BaseGeometry]:
    corners = wall_corners(walls) if corners is None else corners
    return {wall_id: _polygon(c) for wall_id, c in corners.items()}


def opening_rect(wall: Wall, opening: Opening, extra: float = 0.0) -> Polygon:
    """The hole an opening makes through its wall, `extra` cm wider on each face."""
    return Polygon(gap_corners(wall, opening, extra))


def _gaps(wall: Wall, plan: Plan) -> list[tuple[float, float]]:
    """The doorways along a wall, as merged (from, to) distances from its start."""
    cuts = sorted(
        (o.offset - o.width / 2, o.offset + o.width / 2)
        for o in plan.openings_in(wall.id)
        if o.is_passable
    )
    merged: list[tuple[float, float]] = []
    for a, b in cuts:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _solid(wall: Wall, corners: Corners, gaps: list[tuple[float, float]]) -> BaseGeometry:
    """The wall's outline with its doorways left out, built piece by piece (no polygon algebra:
    a wall with doors is the pieces between them, the end pieces keeping the mitred corners)."""
    start_left, end_left_face, end_right_face, start_right = corners
    h = wall.thickness / 2
    edges = [None, *(x for gap in gaps for x in gap), None]
    pieces = []
    for s0, s1 in zip(edges[::2], edges[1::2], strict=True):
        if s0 is not None and s1 is not None and s1 - s0 < 0.01:
            continue
        left0 = start_left if s0 is None else wall.point_at(s0, h)
        right0 = start_right if s0 is None else wall.point_at(s0, -h)
        left1 = end_left_face if s1 is None else wall.point_at(s1, h)
        right1 = end_right_face if s1 is None else wall.point_at(s1, -h)
        piece = _polygon([left0, left1, right1, right0])
        if piece.area > 0.01:
            pieces.append(piece)
    if len(pieces) > 1:
        # The pieces are apart by construction: no union needed.
        return MultiPolygon(cast(list[Polygon], pieces))
    return pieces[0] if pieces else Polygon()


def wall_solids(
    plan: Plan, corners: Mapping[ElementId, Corners] | None = None
) -> dict[ElementId, BaseGeometry]:
    """Each wall's outline less its doorways: the part nobody can walk or stand in."""
    corners = corners or wall_corners(plan.walls)
    solids: dict[ElementId, BaseGeometry] = {}
    for wall in plan.walls:
        gaps = _gaps(wall, plan)
        solids[wall.id] = (
            _solid(wall, corners[wall.id], gaps) if gaps else _polygon(corners[wall.id])
        )
    return solids


# --- doors and windows ---------------------------------------------------------------------


def _sweep(leaf: DoorLeaf, thickness: float) -> BaseGeometry:
    """The doorway with one leaf's sweep, one polygon ring: the far face from the hinge's
    side along the closed leaf, then the arc its tip sweeps, then the hinge."""
    far_hinge = leaf.hinge.moved(-leaf.normal.x * thickness, -leaf.normal.y * thickness)
    far_tip = far_hinge.moved(leaf.closed.x * leaf.length, leaf.closed.y * leaf.length)
    return _polygon([far_hinge, far_tip, *leaf.arc(ARC_STEP_DEGREES), leaf.hinge])


def door_swing(wall: Wall, opening: Opening) -> BaseGeometry:
    """The floor a door's leaves sweep, plus the doorway itself (the leaves of
    `openings.door_leaves`, the same the drawings show)."""
    leaves = door_leaves(wall, opening)
    if not leaves:
        return opening_rect(wall, opening)
    if len(leaves) == 1:
        return _sweep(leaves[0], wall.thickness)
    return shapely.union_all([_sweep(leaf, wall.thickness) for leaf in leaves])


def window_zone(wall: Wall, opening: Opening) -> Polygon:
    """The floor in front of a window (both faces) where furniture above the sill blocks it."""
    return opening_rect(wall, opening, WINDOW_ZONE_DEPTH)
