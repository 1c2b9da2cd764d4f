"""The drag check, reused across many trial poses of many pieces: what "find a spot" and
"what fits here" ask thousands of times.

`PieceCheck` is a `DragCheck` whose moving piece can be swapped (`aim`) without indexing the
plan again: the still part of the plan (everything but the piece) is the same for every new
piece, so one index serves them all. `is_free` answers what `check` answers, without wording
the conflicts (most trial poses have some). `walkway_clear` answers yes or no where
`DragCheck.walkway` names the blockers: naming them tries every piece, which is what makes a
blocked walkway slow, and a search only needs to know.

Both would sit well in `drag.py` and `walkway.py` as public methods; until then they live here
as subclasses, and the tests compare them with a fresh `DragCheck` and with `full_report`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.clearance import unmet
from hjem.floorplan.drag import DOOR, WINDOW, DragCheck, _Pose
from hjem.floorplan.geometry import Point, rect_corners
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.plan_geometry import FIXTURE, FURNITURE, WALL
from hjem.floorplan.shapes import clearance_of, local_corners
from hjem.floorplan.walkway import BED_REACH, HALF, QUAD_SEGS, Walkway, free_bed_sides, touches

PLACEHOLDER_ID = "\x00piece"  # stands for "a piece not in the plan yet" while indexing
POLYGON = 3  # shapely's type id


class QuickWalkway(Walkway):
    """The walkway check, answering only which targets a furnishing cuts off."""

    def reached(self, floor: BaseGeometry) -> np.ndarray:
        """The parts of `floor` (where a walker's centre can be) reached from the entrance."""
        return self._reach(floor)

    @cached_property
    def _rooms_to_reach(self) -> tuple[list[str], np.ndarray]:
        rooms = [(room.id, polygon) for room, polygon, reachable in self._room_targets if reachable]
        return [r for r, _ in rooms], np.array([p for _, p in rooms], dtype=object)

    def blocked(
        self, reached: np.ndarray, bed_sides: list[tuple[Placement, BaseGeometry]]
    ) -> frozenset[str]:
        """The targets of `Walkway.conflicts` for this reached floor: the rooms and beds
        reachable in the empty apartment that it does not reach (a bed in a room cut off is
        left out, as the room says it)."""
        if self.entrance is None:
            return frozenset()
        ids, polygons = self._rooms_to_reach
        touched = np.zeros(len(ids), dtype=bool)
        if len(reached) and len(ids):
            touched = shapely.intersects(reached[:, None], polygons[None, :]).any(axis=0)
        cut_off = polygons[~touched]
        beds = [
            bed.id
            for bed, sides in bed_sides
            if not self.bed_side_clear(reached, sides)
            and not shapely.covers(cut_off, shapely.Point(bed.center)).any()
        ]
        return frozenset([i for i, t in zip(ids, touched, strict=True) if not t] + beds)

    def bed_side_clear(self, reached: np.ndarray, sides: BaseGeometry) -> bool:
        """A bed's free sides are reached, or were out of reach even in the empty apartment."""
        return touches(reached, sides, BED_REACH) or not touches(
            self._empty_reach, sides, BED_REACH
        )


class PieceCheck(DragCheck):
    """A `DragCheck` against everything in `plan` but `placement_id`, for any piece put there.

    Built with `placement_id` = `PLACEHOLDER_ID` (and the placeholder in the plan) it checks new
    pieces; built with a placement's id it checks that placement moved, resized or not.
    The walkway counts as clear when the piece cuts off no room or bed that the plan without
    it reaches: a walkway conflict the plan had before is not the piece's doing.
    """

    def __init__(self, plan: Plan, placement_id: str, walkway: QuickWalkway):
        super().__init__(plan, placement_id)
        self._walkway = walkway.with_plan(plan)
        self._floor_of_others = walkway.floor_with(self._g.placements)
        self._floor_parts = shapely.get_parts(self._floor_of_others)
        self._parts_tree = STRtree(self._floor_parts)
        self._reached_before = walkway.reached(self._floor_of_others)
        self.bed_sides_before = free_bed_sides(self._g)  # the other beds' free sides
        self.blocked_before = walkway.blocked(self._reached_before, self.bed_sides_before)
        self.excluded = placement_id
        self._last_pose: tuple[tuple[object, ...], _Pose] | None = None

    def aim(self, item: Placement, plan: Plan) -> None:
        """Check `item` from now on; `plan` holds it (added, or in the excluded one's place)."""
        self.plan, self.moving = plan, item
        self._local, self._clearance = local_corners(item), clearance_of(item)
        self._turned_for = None
        assert self._walkway is not None
        self._walkway = self._walkway.with_plan(plan)

    def is_free(self, center: tuple[float, float], rotation: float) -> bool:
        """True when `check` would find no conflict: its tests, without wording conflicts."""
        pose = self._pose(center, rotation)
        if not pose.inside[0] or self._footprint_blocked(pose.moving, pose.hit[pose.which == 0]):
            return False
        taken = self._zones_taken(pose)
        if taken and self._others_clearance(pose.item, taken):
            return False
        return unmet(self._clearance, self._own_zone_states(pose)) is None

    def _footprint_blocked(self, moving: Placement, hits: np.ndarray) -> bool:
        """Whether any of the footprint's hits is a conflict (as `_footprint_conflicts`)."""
        for index in hits:
            role = self._roles[index]
            if role in (WALL, FIXTURE):
                return True
            if moving.floor_flat:
                continue
            if role in (FURNITURE, DOOR):
                return True
            if role == WINDOW and moving.height > self._g.windows[self._refs[index]].sill_height:
                return True
        return False

    @property
    def quick_walkway(self) -> QuickWalkway:
        assert isinstance(self._walkway, QuickWalkway)
        return self._walkway

    def reach_around(self, taken: BaseGeometry) -> np.ndarray:
        """The floor reached from the entrance with `taken` (a piece, or room for several)
        on the floor besides the others.

        Only the parts of the others' free floor that `taken`, grown by half the walkway,
        touches are cut: the floor of `Walkway.floor_with` without a difference over the
        whole apartment."""
        grown = shapely.buffer(taken, HALF, quad_segs=QUAD_SEGS)
        touched = self._parts_tree.query(grown, predicate="intersects")
        cut = shapely.get_parts(shapely.difference(self._floor_parts[touched], grown))
        kept = np.delete(self._floor_parts, touched)
        parts = np.concatenate([kept, cut[shapely.get_type_id(cut) == POLYGON]])
        return self.quick_walkway.reached(shapely.multipolygons(parts))

    def cut_off(self, reached: np.ndarray, center: tuple[float, float], rotation: float) -> bool:
        """Whether, with the piece at this pose and `reached` the floor reached, a room or bed
        is out of reach that the plan without the piece reaches."""
        blocked = self.quick_walkway.blocked(
            reached, self._free_bed_sides(self._pose(center, rotation))
        )
        return not blocked <= self.blocked_before

    def walkway_clear(self, center: tuple[float, float], rotation: float) -> bool:
        """True when the piece at this pose cuts off no room or bed that was reached."""
        if self.moving.floor_flat:  # a rug takes no floor from the walker
            reached = self._reached_before
        else:
            reached = self.reach_around(self.footprint(center, rotation))
        return not self.cut_off(reached, center, rotation)

    def footprint(self, center: tuple[float, float], rotation: float) -> BaseGeometry:
        """The piece's full-size footprint at this pose, as the walkway grows it."""
        item = self.moving
        return shapely.Polygon(rect_corners(Point(*center), item.width, item.depth, rotation))

    def _pose(self, center: tuple[float, float], rotation: float | None) -> _Pose:
        # The drag check, then the walkway, ask about the same pose: build it once.
        key = (center[0], center[1], rotation, id(self.moving))
        if self._last_pose is None or self._last_pose[0] != key:
            self._last_pose = (key, super()._pose(center, rotation))
        return self._last_pose[1]


def check_for(plan: Plan, excluded: str | None, walkway: QuickWalkway) -> PieceCheck:
    """A check against `plan` without `excluded` (None: against all of it, for new pieces)."""
    if excluded is not None:
        return PieceCheck(plan, excluded, walkway)
    placeholder = Placement(PLACEHOLDER_ID, "", "andet", 1.0, 1.0, 1.0, Point(0.0, 0.0))
    with_placeholder = replace(plan, placements=(*plan.placements, placeholder))
    return PieceCheck(with_placeholder, PLACEHOLDER_ID, walkway)
