"""Magnetism: a dragged piece of furniture settles against walls and other furniture.

As in Sweet Home 3D, a piece brought near a wall turns its back to it and stands against it
(a dresser brought front first turns round: nobody wants its drawers to the wall);
near a corner it slides into the corner; next to another piece it stands beside it without a
gap. A piece standing sideways to a wall (a bed along it) keeps its orientation and only
moves up to the wall. Everything happens within `reach` cm (a few screen pixels), so a piece
placed deliberately away from a wall stays where it is put.

Faces are the outlines of the walls (less their doorways), fixed elements and the other
furniture, each edge with its outward normal. One numpy pass over all faces per step.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from hjem.floorplan.geometry import Point, normalize_angle
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import PlanGeometry, layout_of
from hjem.floorplan.shapes import place_corners

SQUARE_UP_DEGREES = 10.0  # a side this near parallel to a face is squared up to it
TURN_TO_WALL_DEGREES = 45.0  # a back (or front) this near facing a wall: back to the wall


@dataclass(frozen=True)
class Faces:
    """Straight edges to settle against: start points, unit directions, lengths, normals."""

    starts: np.ndarray  # (m, 2)
    directions: np.ndarray  # (m, 2)
    lengths: np.ndarray  # (m,)
    normals: np.ndarray  # (m, 2), pointing away from the solid the face belongs to
    is_wall: np.ndarray  # (m,) bool

    @staticmethod
    def of(rings: list[np.ndarray], walls: list[bool]) -> Faces:
        """Faces of closed rings (k+1, 2), each counter-clockwise in the x/y numbers."""
        if not rings:
            return Faces(*(np.empty((0, 2)),) * 2, np.empty(0), np.empty((0, 2)), np.empty(0, bool))
        a = np.concatenate([ring[:-1] for ring in rings])
        b = np.concatenate([ring[1:] for ring in rings])
        is_wall = np.concatenate(
            [np.full(len(r) - 1, w) for r, w in zip(rings, walls, strict=True)]
        )
        lengths = np.hypot(*(b - a).T)
        keep = lengths > 1.0  # mitre slivers and jamb stubs give nothing to stand against
        a, b, lengths = a[keep], b[keep], lengths[keep]
        directions = (b - a) / lengths[:, None]
        # Counter-clockwise rings: the outside is to the right of the direction of travel.
        normals = np.stack([directions[:, 1], -directions[:, 0]], axis=1)
        return Faces(a, directions, lengths, normals, is_wall[keep])

    def bounds(self) -> np.ndarray:
        """Each face's bounding box as (min x, min y, max x, max y)."""
        ends = self.starts + self.directions * self.lengths[:, None]
        return np.concatenate([np.minimum(self.starts, ends), np.maximum(self.starts, ends)], 1)

    def subset(self, keep: np.ndarray) -> Faces:
        parts = (self.starts, self.directions, self.lengths, self.normals, self.is_wall)
        return Faces(*(part[keep] for part in parts))


def _rings(geometry: BaseGeometry) -> list[np.ndarray]:
    return [np.asarray(orient(p, 1.0).exterior.coords) for p in shapely.get_parts(geometry)]


def _box_rings(items: list[Placement] | list[Fixture]) -> list[np.ndarray]:
    """Outlines of boxes, corners in the order `rect_corners` gives (counter-clockwise)."""
    if not items:
        return []
    local = np.array(
        [
            [
                (-i.width / 2, -i.depth / 2),
                (i.width / 2, -i.depth / 2),
                (i.width / 2, i.depth / 2),
                (-i.width / 2, i.depth / 2),
            ]
            for i in items
        ]
    )
    centers = np.array([i.center for i in items], dtype=float)
    corners = place_corners(local, centers, np.array([i.rotation for i in items], dtype=float))
    return list(np.concatenate([corners, corners[:, :1]], axis=1))


@dataclass(frozen=True)
class _Snap:
    gap: float  # how far the piece's side is from the face, along the face's normal
    normal: np.ndarray


class Magnet:
    """Settles one piece against `faces` (those of everything but the piece)."""

    def __init__(self, faces: Faces):
        self.faces = faces
        self._bounds = faces.bounds()

    @staticmethod
    def of(plan: Plan, moving_id: str | None = None) -> Magnet:
        """Against the rest of `plan` (the piece `moving_id`, if given, is left out)."""
        others = [p for p in plan.placements if p.id != moving_id]
        return Magnet(_faces(layout_of(plan).wall_geoms, list(plan.fixtures), others))

    @staticmethod
    def around(geometry: PlanGeometry) -> Magnet:
        """Against a plan's geometry built without the moving piece (a drag's)."""
        layout = geometry.layout
        return Magnet(_faces(layout.wall_geoms, layout.fixtures, geometry.placements))

    def _near(self, center: Point, radius: float) -> Faces:
        """The faces whose bounding box comes within `radius` of `center`: a cheap cut, so
        each step works on a handful of faces however big the plan."""
        x, y = center
        b = self._bounds
        keep = (b[:, 0] <= x + radius) & (b[:, 2] >= x - radius)
        keep &= (b[:, 1] <= y + radius) & (b[:, 3] >= y - radius)
        return self.faces.subset(keep)

    def settle(self, item: Placement, center: Point, rotation: float, reach: float) -> Placement:
        """`item` at the pose nearest (`center`, `rotation`) where it stands against something."""
        f = self._near(center, math.hypot(item.width, item.depth) / 2 + 2 * reach)
        rotation = _turned_to_wall(f, item, center, rotation, reach)
        first = _nearest(f, item, center, rotation, reach, across=None)
        if first is None:
            return item.moved_to(center, rotation)
        rotation = _squared(rotation, first.normal)
        center = _shifted(center, first.normal, -first.gap)
        second = _nearest(f, item, center, rotation, reach, across=first.normal)
        if second is not None:
            center = _shifted(center, second.normal, -second.gap)
        return item.moved_to(center, rotation)


def _faces(walls: np.ndarray, fixtures: list[Fixture], placements: list[Placement]) -> Faces:
    """The faces of the walls, fixed elements and standing pieces (rugs give no edge)."""
    wall_rings = [ring for g in walls for ring in _rings(g)]
    others = _box_rings(fixtures) + _box_rings([p for p in placements if not p.floor_flat])
    return Faces.of(wall_rings + others, [True] * len(wall_rings) + [False] * len(others))


def _turned_to_wall(
    f: Faces, item: Placement, center: Point, rotation: float, reach: float
) -> float:
    """The rotation that puts the piece's back to a wall it nearly faces, within reach."""
    back = _direction(rotation - 90.0)  # the outward normal of the piece's back (local -y)
    # 1 when the back faces the wall squarely, -1 when the front does (and must turn round)
    facing = -(f.normals @ back)
    candidates = f.is_wall & (np.abs(facing) >= math.cos(math.radians(TURN_TO_WALL_DEGREES)))
    found = _closest(f, candidates, center, item.depth / 2, item.width / 2, reach)
    if found is None:
        return rotation
    normal = f.normals[found[0]]
    return _tidy(math.degrees(math.atan2(-normal[0], normal[1])))


def _nearest(
    f: Faces,
    item: Placement,
    center: Point,
    rotation: float,
    reach: float,
    across: np.ndarray | None,
) -> _Snap | None:
    """The face nearest to one of the piece's sides (square to `across`, when given)."""
    square = math.cos(math.radians(SQUARE_UP_DEGREES))
    best: _Snap | None = None
    for axis, half, half_along in (
        (_direction(rotation), item.width / 2, item.depth / 2),
        (_direction(rotation + 90.0), item.depth / 2, item.width / 2),
    ):
        candidates = np.abs(f.normals @ axis) >= square
        if across is not None:
            candidates &= np.abs(f.normals @ across) < 0.5
        found = _closest(f, candidates, center, half, half_along, reach)
        if found is not None and (best is None or abs(found[1]) < abs(best.gap)):
            best = _Snap(found[1], f.normals[found[0]])
    return best


def _closest(
    f: Faces, candidates: np.ndarray, center: Point, half: float, half_along: float, reach: float
) -> tuple[int, float] | None:
    """Among `candidates`, the face nearest the piece's side `half` cm from its centre,
    within `reach`, that the piece (`half_along` cm either side) runs along; with the gap
    between them (negative: the piece stands in it)."""
    relative = np.asarray(center) - f.starts
    gaps = np.einsum("ij,ij->i", relative, f.normals) - half
    along = np.einsum("ij,ij->i", relative, f.directions)
    near = candidates & (np.abs(gaps) <= reach)
    near &= (along > -half_along) & (along < f.lengths + half_along)
    if not near.any():
        return None
    faces = np.flatnonzero(near)
    face = int(faces[np.argmin(np.abs(gaps[faces]))])
    return face, float(gaps[face])


def _direction(degrees: float) -> np.ndarray:
    radians = math.radians(degrees)
    return np.array([math.cos(radians), math.sin(radians)])


def _shifted(center: Point, normal: np.ndarray, by: float) -> Point:
    return Point(center.x + float(normal[0]) * by, center.y + float(normal[1]) * by)


def _squared(rotation: float, normal: np.ndarray) -> float:
    """`rotation` turned by the small angle that makes the piece's sides parallel to the face."""
    face_angle = math.degrees(math.atan2(normal[1], normal[0]))
    return _tidy(face_angle + round((rotation - face_angle) / 90.0) * 90.0)


def _tidy(degrees: float) -> float:
    """An angle in [0, 360) without float dust (179.99999999 is 180)."""
    return normalize_angle(round(degrees, 6)) % 360.0
