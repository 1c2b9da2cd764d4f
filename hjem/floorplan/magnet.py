"""Magnetism: a dragged piece of furniture settles against walls and other furniture.

As in Sweet Home 3D, a piece brought near a wall turns its back to it and stands against it;
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
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from hjem.floorplan.geometry import Point, normalize_angle, rect_corners
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.plan_geometry import layout_of

SQUARE_UP_DEGREES = 10.0  # a side this near parallel to a face is squared up to it
TURN_TO_WALL_DEGREES = 45.0  # a back this near facing a wall turns to stand against it


@dataclass(frozen=True)
class Faces:
    """Straight edges to settle against: start points, unit directions, lengths, normals."""

    starts: np.ndarray  # (m, 2)
    directions: np.ndarray  # (m, 2)
    lengths: np.ndarray  # (m,)
    normals: np.ndarray  # (m, 2), pointing away from the solid the face belongs to
    is_wall: np.ndarray  # (m,) bool

    @staticmethod
    def of(polygons: list[tuple[BaseGeometry, bool]]) -> Faces:
        starts, ends, walls = [], [], []
        for geometry, is_wall in polygons:
            for polygon in shapely.get_parts(geometry):
                ring = np.asarray(orient(polygon, 1.0).exterior.coords)
                starts.append(ring[:-1])
                ends.append(ring[1:])
                walls.append(np.full(len(ring) - 1, is_wall))
        if not starts:
            return Faces(*(np.empty((0, 2)),) * 2, np.empty(0), np.empty((0, 2)), np.empty(0, bool))
        a, b = np.concatenate(starts), np.concatenate(ends)
        lengths = np.hypot(*(b - a).T)
        keep = lengths > 1.0  # mitre slivers and jamb stubs give nothing to stand against
        a, b, lengths = a[keep], b[keep], lengths[keep]
        directions = (b - a) / lengths[:, None]
        # Counter-clockwise rings (in the x/y numbers): the outside is to the right of travel.
        normals = np.stack([directions[:, 1], -directions[:, 0]], axis=1)
        return Faces(a, directions, lengths, normals, np.concatenate(walls)[keep])


@dataclass(frozen=True)
class _Snap:
    gap: float  # how far the piece's side is from the face, along the face's normal
    normal: np.ndarray
    face: int


class Magnet:
    """Settles one piece against the rest of `plan` (the piece itself is left out)."""

    def __init__(self, plan: Plan, moving_id: str | None = None):
        layout = layout_of(plan)
        solids = [(g, True) for g in layout.wall_geoms]
        solids += [(g, False) for g in layout.fixture_shapes.footprints]
        solids += [
            (Polygon(rect_corners(p.center, p.width, p.depth, p.rotation)), False)
            for p in plan.placements
            if p.id != moving_id and not p.floor_flat
        ]
        self.faces = Faces.of(solids)

    def settle(self, item: Placement, center: Point, rotation: float, reach: float) -> Placement:
        """`item` at the pose nearest (`center`, `rotation`) where it stands against something."""
        rotation = self._turned_to_wall(item, center, rotation, reach)
        first = self._nearest(item, center, rotation, reach, across=None)
        if first is None:
            return item.moved_to(center, rotation)
        rotation = _squared(rotation, first.normal)
        center = _shifted(center, first.normal, -first.gap)
        second = self._nearest(item, center, rotation, reach, across=first.normal)
        if second is not None:
            center = _shifted(center, second.normal, -second.gap)
        return item.moved_to(center, rotation)

    def _turned_to_wall(
        self, item: Placement, center: Point, rotation: float, reach: float
    ) -> float:
        """The rotation that puts the piece's back to a wall it nearly faces, within reach."""
        back = _direction(rotation - 90.0)  # the outward normal of the piece's back (local -y)
        f = self.faces
        facing = -(f.normals @ back)  # 1 when the back faces the wall squarely
        near = f.is_wall & (facing >= math.cos(math.radians(TURN_TO_WALL_DEGREES)))
        if not near.any():
            return rotation
        best: tuple[float, float] | None = None
        for face in np.flatnonzero(near):
            normal = f.normals[face]
            turned = _tidy(math.degrees(math.atan2(-normal[0], normal[1])))
            gap = self._gap(face, center, item.depth / 2)
            near = abs(gap) <= reach and self._overlaps(face, center, item.width / 2)
            if near and (best is None or abs(gap) < best[0]):
                best = (abs(gap), turned)
        return rotation if best is None else best[1]

    def _nearest(
        self,
        item: Placement,
        center: Point,
        rotation: float,
        reach: float,
        across: np.ndarray | None,
    ) -> _Snap | None:
        """The face nearest to one of the piece's sides (square to `across`, when given)."""
        f = self.faces
        axes = [_direction(rotation), _direction(rotation + 90.0)]  # local x, local y
        halves = [item.width / 2, item.depth / 2]
        best: _Snap | None = None
        for axis, half, other_half in ((axes[0], halves[0], halves[1]), (axes[1], *halves[::-1])):
            parallel = np.abs(f.normals @ axis) >= math.cos(math.radians(SQUARE_UP_DEGREES))
            if across is not None:
                parallel &= np.abs(f.normals @ across) < 0.5
            for face in np.flatnonzero(parallel):
                gap = self._gap(face, center, half)
                near = abs(gap) <= reach and self._overlaps(face, center, other_half)
                if near and (best is None or abs(gap) < abs(best.gap)):
                    best = _Snap(gap, f.normals[face], int(face))
        return best

    def _gap(self, face: int, center: Point, half: float) -> float:
        """Distance from the face to the piece's near side (negative: the piece is in it)."""
        offset = (np.asarray(center) - self.faces.starts[face]) @ self.faces.normals[face]
        return float(offset - half)

    def _overlaps(self, face: int, center: Point, half_along: float) -> bool:
        """Whether the piece, `half_along` cm either side of its centre, runs along the face."""
        along = (np.asarray(center) - self.faces.starts[face]) @ self.faces.directions[face]
        return bool(-half_along < along < self.faces.lengths[face] + half_along)


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
