"""The piece checker's cheapest refusals, for all trial poses of a piece at once: a footprint
off the floor, into a wall or a fixed element, in a door's swing, before a window it stands
taller than the sill of, or onto furniture it has no relation with. One bulk index query per
kind instead of one piece check per pose; the poses that pass still go through
`PieceCheck.is_free` (clearances, relations), which stays the judge.

What the layout alone refuses (the room's outline, door swings, windows) is worked out once
per room for a piece's trials along the walls and kept on the room's view (`RoomView.screens`);
what the furniture refuses, once per plan (`Screen`).
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
from hjem.floorplan.layout.candidates import Trial, along_walls
from hjem.floorplan.layout.room_view import RoomView
from hjem.floorplan.model import Fixture, Placement
from hjem.floorplan.plan_geometry import FIXTURE, FURNITURE, PlanGeometry
from hjem.floorplan.relations import UNDER_FIXTURES, related
from hjem.floorplan.shapes import local_corners, place_corners, polygon_array

Pose = tuple[Point, float]  # centre, rotation


@dataclass(frozen=True)
class LaidOut:
    """A piece's footprints at a list of poses, and which of them the layout lets stand."""

    polygons: NDArray[np.object_]
    fits: NDArray[np.bool_]


@dataclass(frozen=True)
class _Judged:
    trials: Sequence[Trial]  # the list judged (kept, so its id stays its own)
    passing: list[Trial]
    footprints: NDArray[np.object_]  # of the passing trials


class Screen:
    """The cheap refusals against one plan, for lists of trial poses: a list asked again (a
    piece's trials along the walls, kept on the room's view) is not judged again, so the
    variants of a layout and the plain greedy one pay for it once. Only the pieces placed
    since (`placed`) are asked anew."""

    def __init__(self, g: PlanGeometry, view: RoomView):
        self.g, self.view = g, view
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
        """Judge these lists with one query of the furniture (its cost is mostly per call)."""
        laid = _joined([self._laid_out(piece, trials) for trials in lists])
        ok = unblocked(self.g, piece, laid)
        start = 0
        for trials in lists:
            end = start + len(trials)
            passed = ok[start:end]
            passing = [t for t, p in zip(trials, passed.tolist(), strict=True) if p]
            footprints = laid.polygons[start:end][passed]
            self._judged[piece.id, id(trials)] = _Judged(trials, passing, footprints)
            start = end

    def _laid_out(self, piece: Placement, trials: Sequence[Trial]) -> LaidOut:
        """`laid_out` of the trials, kept on the view for the piece's trials along the walls."""
        key = (piece.category, piece.width, piece.depth, piece.height, piece.floor_flat)
        kept = trials is along_walls(self.view, piece)
        if kept and key in self.view.screens:
            found: LaidOut = self.view.screens[key]
            return found
        found = laid_out(
            self.g, self.view.prepared, piece, [(t.center, t.rotation) for t in trials]
        )
        if kept:
            self.view.screens[key] = found
        return found


def _joined(parts: list[LaidOut]) -> LaidOut:
    if len(parts) == 1:
        return parts[0]
    polygons = np.concatenate([p.polygons for p in parts]) if parts else np.empty(0, object)
    fits = np.concatenate([p.fits for p in parts]) if parts else np.empty(0, bool)
    return LaidOut(polygons, fits)


def laid_out(
    g: PlanGeometry, room: BaseGeometry, piece: Placement, poses: Sequence[Pose]
) -> LaidOut:
    """The piece's footprints at the poses (centre, rotation), and for each whether the
    layout lets it stand there: inside the `room` (prepared; the apartment's floor is larger,
    so this refuses a little more), out of every door's swing, and not before a window whose
    sill it stands taller than. The layout's part only: the same for any furnishing."""
    count = len(poses)
    if not count:
        return LaidOut(np.empty(0, dtype=object), np.empty(0, dtype=bool))
    footprint = local_corners(piece)[:1]
    centers = np.fromiter(chain.from_iterable(c for c, _ in poses), float, 2 * count)
    centers = centers.reshape(count, 2)  # (numpy reads a list of tuples far slower)
    rotations = np.fromiter((r for _, r in poses), float, count)
    polygons = polygon_array(
        place_corners(np.broadcast_to(footprint, (count, 4, 2)), centers, rotations)
    )
    fits = np.asarray(shapely.covers(room, polygons), dtype=bool)
    if not piece.floor_flat:
        doors, _ = g.door_tree.query(polygons, predicate="intersects")
        fits[doors] = False
        panes, window = g.window_tree.query(polygons, predicate="intersects")
        sills = np.array([g.windows[w].sill_height for w in window.tolist()], dtype=float)
        fits[panes[piece.height > sills]] = False
    return LaidOut(polygons, fits)


def unblocked(g: PlanGeometry, piece: Placement, laid: LaidOut) -> NDArray[np.bool_]:
    """For each of the footprints the layout lets stand: False where the piece checker
    would surely refuse it for the plan's walls, fixed elements and furniture (those it has
    no relation with)."""
    ok = laid.fits.copy()
    if not len(ok):
        return ok
    which, hit = g.obstacle_tree.query(laid.polygons, predicate="intersects")
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
    ok[which[blocked]] = False
    return ok
