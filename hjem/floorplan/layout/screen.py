"""The piece checker's cheapest refusals, for all trial poses of a piece at once: a footprint
off the floor, into a wall or a fixed element, in a door's swing, before a window it stands
taller than the sill of, or onto furniture it has no relation with. One bulk index query per
kind instead of one piece check per pose; the poses that pass still go through
`PieceCheck.is_free` (clearances, relations), which stays the judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.geometry import Point
from hjem.floorplan.layout.candidates import Trial
from hjem.floorplan.model import Fixture, Placement
from hjem.floorplan.plan_geometry import FIXTURE, FURNITURE, PlanGeometry
from hjem.floorplan.relations import UNDER_FIXTURES, related
from hjem.floorplan.shapes import local_corners, place_corners, polygon_array

Pose = tuple[Point, float]  # centre, rotation


@dataclass(frozen=True)
class _Judged:
    trials: Sequence[Trial]  # the list judged (kept, so its id stays its own)
    passing: list[Trial]
    footprints: NDArray[np.object_]  # of the passing trials


class Screen:
    """The cheap refusals against one plan (`unblocked`), for lists of trial poses: a list
    asked again (a piece's trials along the walls, kept on the room's view) is not judged
    again, so the variants of a layout and the plain greedy one pay for it once. Only the
    pieces placed since (`placed`) are asked anew."""

    def __init__(self, g: PlanGeometry, room: BaseGeometry):
        self.g, self.room = g, room
        self._judged: dict[tuple[str, int], _Judged] = {}

    def passing(
        self, piece: Placement, lists: Sequence[Sequence[Trial]], placed: Sequence[BaseGeometry]
    ) -> list[Trial]:
        """The trials of `lists`, in order, that `unblocked` lets through and that would not
        stand on one of `placed` (footprints and zones of pieces placed since, that the piece
        may not stand on)."""
        self._judge(piece, [t for t in lists if not self._known(piece, t)])
        judged = [self._judged[piece.id, id(trials)] for trials in lists]
        if not placed or piece.floor_flat:
            return [t for j in judged for t in j.passing]
        found = []
        for j in judged:
            if j.passing:
                hits = shapely.intersects(j.footprints[:, None], np.array(placed)[None, :])
                on_one = np.any(np.asarray(hits, dtype=bool), axis=1).tolist()
                found += [t for t, hit in zip(j.passing, on_one, strict=True) if not hit]
        return found

    def _known(self, piece: Placement, trials: Sequence[Trial]) -> bool:
        known = self._judged.get((piece.id, id(trials)))
        return known is not None and known.trials is trials

    def _judge(self, piece: Placement, lists: list[Sequence[Trial]]) -> None:
        """Judge these lists in one `unblocked` call (its cost is mostly per call)."""
        poses = [(t.center, t.rotation) for trials in lists for t in trials]
        ok, polygons = unblocked(self.g, self.room, piece, poses)
        start = 0
        for trials in lists:
            end = start + len(trials)
            passed = np.array(ok[start:end], dtype=bool)
            passing = [t for t, p in zip(trials, passed.tolist(), strict=True) if p]
            self._judged[piece.id, id(trials)] = _Judged(
                trials, passing, polygons[start:end][passed]
            )
            start = end


def unblocked(
    g: PlanGeometry, room: BaseGeometry, piece: Placement, poses: Sequence[Pose]
) -> tuple[list[bool], NDArray[np.object_]]:
    """For each pose (centre, rotation) of the piece: False where the piece checker would
    surely refuse it, or where it would leave the `room` (prepared; the apartment's floor is
    larger, so this refuses a little more); and the footprints at the poses."""
    if not poses:
        return [], np.empty(0, dtype=object)
    footprint = local_corners(piece)[:1]
    count = len(poses)
    centers = np.fromiter(chain.from_iterable(c for c, _ in poses), float, 2 * count)
    centers = centers.reshape(count, 2)  # (numpy reads a list of tuples far slower)
    rotations = np.fromiter((r for _, r in poses), float, count)
    polygons = polygon_array(
        place_corners(np.broadcast_to(footprint, (count, 4, 2)), centers, rotations)
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
