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
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Fixture, Placement
from hjem.floorplan.plan_geometry import FIXTURE, FURNITURE, PlanGeometry
from hjem.floorplan.relations import UNDER_FIXTURES, related
from hjem.floorplan.shapes import local_corners, place_corners, polygon_array


def unblocked(
    g: PlanGeometry,
    room: BaseGeometry,
    piece: Placement,
    poses: Sequence[tuple[Point, float]],
    placed: Sequence[BaseGeometry] = (),
) -> list[bool]:
    """For each pose (centre, rotation) of the piece: False where the piece checker would
    surely refuse it, where it would leave the `room` (prepared; the apartment's floor is
    larger, so this refuses a little more), or where it would stand on one of `placed`
    (footprints of pieces placed since `g` was built, that it may not share floor with)."""
    if not poses:
        return []
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
    if len(placed) and not piece.floor_flat:
        ok &= ~shapely.intersects(polygons[:, None], np.array(placed)[None, :]).any(axis=1)
    result: list[bool] = ok.tolist()
    return result
