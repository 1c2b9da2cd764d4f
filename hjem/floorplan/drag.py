"""The engine's side of dragging one piece of furniture: one call per mouse move.

A `Drag` builds the plan's geometry without the piece once, when the drag starts, and shares
it: the piece checker (`piece_check.py`) indexes it, the magnet (`magnet.py`) settles against
its walls and furniture, and the guides the view draws meanwhile (door swings, the free floor
the other pieces need) are read off it. Each step (`step`) settles the piece, when magnetism is
on, and checks it there: one call, a few tens of microseconds. The walkway is not checked per
step: it runs once, when the drag ends (`walkway`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.conflicts import Conflict
from hjem.floorplan.geometry import Point
from hjem.floorplan.magnet import Magnet
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.piece_check import PieceCheck

Bounds = tuple[float, float, float, float]  # min x, min y, max x, max y (cm)


@dataclass(frozen=True)
class Step:
    """The piece where one step of the drag put it, and what is wrong there (no walkway)."""

    pose: Placement
    conflicts: list[Conflict]


@dataclass(frozen=True)
class WalkwayAtRelease:
    """The walkway's conflicts once a dragged piece stands at `pose` in `base`: those of the
    plan that storing the move makes, so the report after the move need not work them out."""

    base: Plan
    pose: Placement
    conflicts: list[Conflict]

    def holds_for(self, plan: Plan) -> bool:
        """Whether `plan` is `base` with the piece at `pose` (same layout, the other pieces the
        very same values): then its walkway conflicts are these."""
        base = self.base
        same_layout = all(
            a is b
            for a, b in (
                (plan.walls, base.walls),
                (plan.rooms, base.rooms),
                (plan.openings, base.openings),
                (plan.fixtures, base.fixtures),
            )
        )
        if not same_layout or len(plan.placements) != len(base.placements):
            return False
        return all(
            p is (self.pose if q.id == self.pose.id else q)
            for p, q in zip(plan.placements, base.placements, strict=True)
        )


@dataclass(frozen=True)
class Guides:
    """What to draw while the piece moves: plain polygons in plan cm."""

    swings: list[BaseGeometry]  # the doors' swings
    free_floor: list[BaseGeometry]  # the clearance zones of the pieces and fixed elements


class Drag:
    """One placement of `plan` being dragged (a new piece: add it to the plan first)."""

    def __init__(self, plan: Plan, placement_id: str):
        self.check = PieceCheck.of(plan, placement_id)
        self.start = self.check.moving

    @cached_property
    def magnet(self) -> Magnet:
        return Magnet.around(self.check.geometry)

    def step(self, center: Point, rotation: float, reach: float | None = None) -> Step:
        """The piece moved to (`center`, `rotation`), settled against a wall or piece within
        `reach` cm when given (None: magnetism off), and its conflicts there."""
        if reach is None:
            pose = self.start.moved_to(center, rotation)
        else:
            pose = self.magnet.settle(self.start, center, rotation, reach)
        return Step(pose, self.check.check(pose.center, pose.rotation))

    def guides(self, within: Bounds | None = None) -> Guides:
        """The door swings and the other items' free floor (those touching `within`, if given)."""
        g = self.check.geometry
        zones = np.concatenate([g.furniture.zones, g.fixtures.zones])
        return Guides(_touching(g.door_geoms, within), _touching(zones, within))

    def walkway(self, pose: Placement) -> WalkwayAtRelease:
        """The walkway's conflicts with the piece at `pose`: checked once, when the drag ends."""
        conflicts = self.check.walkway(pose.center, pose.rotation)
        return WalkwayAtRelease(self.check.plan, pose, conflicts)


def _touching(geometries: np.ndarray, within: Bounds | None) -> list[BaseGeometry]:
    if within is None or not len(geometries):
        return list(geometries)
    return list(geometries[shapely.intersects(geometries, shapely.box(*within))])
