"""The piece checker's cheapest refusals, for all trial poses of a piece at once: a footprint
off the floor, into a wall or a fixed element, in a door's swing, before a window it stands
taller than the sill of, or onto furniture it has no relation with. One bulk index query per
kind instead of one piece check per pose; the poses that pass still go through
`PieceCheck.is_free` (clearances, relations), which stays the judge.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Fixture, Placement
from hjem.floorplan.plan_geometry import FIXTURE, FURNITURE, PlanGeometry
from hjem.floorplan.relations import UNDER_FIXTURES, related
from hjem.floorplan.shapes import local_corners, place_corners, polygon_array

Pose = tuple[Point, float]  # centre, rotation


class Screen:
    """The cheap refusals against one plan (`unblocked`), each pose of a piece judged once:
    the variants of a layout and the plain greedy one try the same poses again and again.
    Only the pieces placed since (`placed`) are asked anew."""

    def __init__(self, g: PlanGeometry, room: BaseGeometry):
        self.g, self.room = g, room
        self._seen: dict[tuple[str, Pose], tuple[bool, shapely.Polygon]] = {}

    def passing(
        self, piece: Placement, poses: Sequence[Pose], placed: Sequence[BaseGeometry]
    ) -> list[bool]:
        """For each pose: False where `unblocked` refuses it, or where the piece would stand on
        one of `placed` (footprints and zones of pieces placed since, it may not stand on)."""
        seen = self._seen
        new = [pose for pose in dict.fromkeys(poses) if (piece.id, pose) not in seen]
        if new:
            ok, polygons = unblocked(self.g, self.room, piece, new)
            for pose, passed, polygon in zip(new, ok, polygons, strict=True):
                seen[piece.id, pose] = (passed, polygon)
        judged = [seen[piece.id, pose] for pose in poses]
        result = [passed for passed, _ in judged]
        if placed and not piece.floor_flat:
            which = [n for n, passed in enumerate(result) if passed]
            footprints = np.array([judged[n][1] for n in which])
            hits = shapely.intersects(footprints[:, None], np.array(placed)[None, :]).any(axis=1)
            for n, hit in zip(which, hits.tolist(), strict=True):
                result[n] = not hit
        return result


def unblocked(
    g: PlanGeometry, room: BaseGeometry, piece: Placement, poses: Sequence[Pose]
) -> tuple[list[bool], NDArray[np.object_]]:
    """For each pose (centre, rotation) of the piece: False where the piece checker would
    surely refuse it, or where it would leave the `room` (prepared; the apartment's floor is
    larger, so this refuses a little more); and the footprints at the poses."""
    if not poses:
        return [], np.empty(0, dtype=object)
    footprint = local_corners(piece)[:1]
    centers = np.array([c for c, _ in poses], dtype=float)
    rotations = np.array([r for _, r in poses], dtype=float)
    polygons = polygon_array(
        place_corners(np.broadcast_to(footprint, (len(poses), 4, 2)), centers, rotations)
    )
    ok = np.asarray(shapely.covers(room, polygons), dtype=bool)
    which, hit = g.obstacle_tree.query(polygons, predicate="intersects")
    roles = g.obstacle_roles[hit]
    blocked = roles != FURNITURE
    if piece.category in UNDER_FIXTURES:  # a bar stool under a counter: the checker judges
        blocked &= roles != FIXTURE
    if not piece.floor_flat:
        others = [g.plan[g.obstacle_ids[h]] for h in hit[~blocked].tolist()]
        free_to_share = [
            isinstance(o, Placement | Fixture) and related(piece, o) is not None for o in others
        ]
        blocked[~blocked] = ~np.array(free_to_share, dtype=bool)
        doors, _ = g.door_tree.query(polygons, predicate="intersects")
        ok[doors] = False
        panes, window = g.window_tree.query(polygons, predicate="intersects")
        sills = np.array([g.windows[w].sill_height for w in window.tolist()], dtype=float)
        ok[panes[piece.height > sills]] = False
    ok[which[blocked]] = False
    result: list[bool] = ok.tolist()
    return result, polygons
