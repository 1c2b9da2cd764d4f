"""The engine's slow, obvious twin: every check as a plain loop over every pair, no index.

Never used by the app. The tests compare the fast paths (`report.py`, `drag.py`, `walkway.py`)
with it on random plans, and `bench/collisions.py` uses it as the naive baseline. It shares
only the geometry of single elements (`shapes.py`) and the wording of conflicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TypeAlias

import shapely
from shapely import Polygon
from shapely.geometry.base import BaseGeometry

from hjem.floorplan import conflicts as found
from hjem.floorplan.clearance import ZoneState, clearance_conflict, unmet
from hjem.floorplan.conflicts import Conflict, door_noun, sorted_conflicts
from hjem.floorplan.footprint_rule import fixture_touched, furniture_overlap
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Fixture, Opening, Placement, Plan, Room
from hjem.floorplan.plan_geometry import opening_sides
from hjem.floorplan.relations import overlap_allowed
from hjem.floorplan.shapes import clearance_of, footprint, item_polygons, room_polygon
from hjem.floorplan.walkway import HALF, QUAD_SEGS, BlockerSearch, Reached, Walkway
from hjem.floorplan.walls import door_swing, wall_outlines, wall_solids, window_zone
from hjem.floorplan.zones import clip_zone
from hjem.i18n import Message

Owned: TypeAlias = tuple[Placement | Fixture, Polygon, list[Polygon]]  # footprint, zones


def _room_at(plan: Plan, point: tuple[float, float]) -> Room | None:
    return next((r for r in plan.rooms if room_polygon(r).intersects(shapely.Point(point))), None)


class NaiveLayout:
    """The geometry of walls, fixed elements, doors and windows, in plain lists."""

    def __init__(self, plan: Plan):
        self.walls = list(wall_solids(plan).items())
        self.fixtures = [(f, *item_polygons(f)) for f in plan.fixtures]
        outlines = list(wall_outlines(plan.walls).values())
        rooms = [room_polygon(r) for r in plan.rooms]
        self.floor = shapely.union_all(rooms + outlines).buffer(0.05, join_style="mitre")
        self.doors = [(o, door_swing(plan.wall_of(o), o)) for o in plan.openings if o.is_passable]
        self.windows = [
            (o, window_zone(plan.wall_of(o), o)) for o in plan.openings if not o.is_passable
        ]


class NaivePlan:
    """Every element's geometry in plain lists; `layout` may be one built before."""

    def __init__(self, plan: Plan, layout: NaiveLayout | None = None):
        layout = layout or NaiveLayout(plan)
        self.plan = plan
        self.walls, self.fixtures, self.floor = layout.walls, layout.fixtures, layout.floor
        self.doors, self.windows = layout.doors, layout.windows
        self.items = [(p, *item_polygons(p)) for p in plan.placements]

    def owners(self) -> list[Owned]:
        """The pieces and fixed elements that may need free floor, with their polygons."""
        return [*self.items, *self.fixtures]

    def _sides(self, opening_id: str) -> tuple[Room | None, Room | None]:
        opening = self.plan[opening_id]
        assert isinstance(opening, Opening)
        swing_point, other_point = opening_sides(self.plan, opening)
        return _room_at(self.plan, swing_point), _room_at(self.plan, other_point)

    def door_name(self, door: Opening) -> Message:
        return door_noun(door, *self._sides(door.id))

    def window_room(self, window: Opening) -> Room | None:
        front, back = self._sides(window.id)
        return front or back


def naive_report(
    plan: Plan, *, walkway: bool = True, layout: NaiveLayout | None = None
) -> list[Conflict]:
    """The full report, computed pair by pair."""
    n = NaivePlan(plan, layout)
    conflicts = []
    for item, item_footprint, _ in n.items:
        conflicts += naive_item_conflicts(n, item, item_footprint)
    conflicts += _naive_clearances(n)
    if walkway:
        conflicts += LiteralWalkway(plan).conflicts()
    return sorted_conflicts(list(dict.fromkeys(conflicts)))


def naive_item_conflicts(n: NaivePlan, item: Placement, footprint: BaseGeometry) -> list[Conflict]:
    """Overlap, wall, outside, door swing and window conflicts of one item, by looping."""
    conflicts = []
    for wall_id, solid in n.walls:
        if footprint.intersects(solid):
            conflicts.append(found.into_wall(item, wall_id))
    for fixture, fixture_footprint, _ in n.fixtures:
        if footprint.intersects(fixture_footprint):
            if overlap_allowed(item, fixture):  # a bar stool under the counter's overhang
                continue
            conflicts.append(fixture_touched(item, fixture))
    if not n.floor.covers(footprint):
        conflicts.append(found.outside(item))
    if item.floor_flat:
        return conflicts
    for other, other_footprint, _ in n.items:
        touching = other.id != item.id and not other.floor_flat
        if touching and footprint.intersects(other_footprint):
            if overlap_allowed(item, other):  # a chair pushed in under its table
                continue
            conflicts.append(furniture_overlap(item, other))
    for door, swing in n.doors:
        if footprint.intersects(swing):
            conflicts.append(found.in_door_swing(item, door, n.door_name(door)))
    for window, zone in n.windows:
        if item.height > window.sill_height and footprint.intersects(zone):
            conflicts.append(found.before_window(item, window, n.window_room(window)))
    return conflicts


Extra = tuple[tuple[Placement, BaseGeometry], ...]


def _naive_zone(
    n: NaivePlan,
    owner: Placement | Fixture,
    owner_footprint: BaseGeometry,
    zone: BaseGeometry,
    extra: Extra = (),
) -> ZoneState:
    """Is `zone` taken, and by what? `extra` adds pieces not in `n` (the one being dragged)."""
    is_fixture = isinstance(owner, Fixture)
    allow = clearance_of(owner).allow
    walls = [(wid, g) for wid, g in n.walls if zone.intersects(g)]
    pieces = [(p, g) for p, g, _ in n.items] + list(extra)
    others = [
        (f.id, g)
        for f, g, _ in n.fixtures
        if not is_fixture and f.id != owner.id and zone.intersects(g)
    ] + [
        (p.id, g)
        for p, g in pieces
        if p.id != owner.id and not p.floor_flat and p.category not in allow and zone.intersects(g)
    ]
    if walls and others:
        effective = clip_zone(zone, [g for _, g in walls], owner_footprint)
        others = [(i, g) for i, g in others if effective.intersects(g)]
    blockers = {i for i, _ in others} | (set() if is_fixture else {i for i, _ in walls})
    outside = not is_fixture and not n.floor.covers(zone)
    return ZoneState(bool(blockers) or outside, frozenset(blockers))


def naive_clearance(
    n: NaivePlan,
    owner: Placement | Fixture,
    footprint: BaseGeometry,
    zones: Sequence[BaseGeometry],
    extra: Extra = (),
) -> Conflict | None:
    if not zones or (isinstance(owner, Placement) and owner.floor_flat):
        return None
    states = [_naive_zone(n, owner, footprint, z, extra) for z in zones]
    blockers = unmet(clearance_of(owner), states, (owner.width, owner.depth))
    return None if blockers is None else clearance_conflict(n.plan, owner, blockers)


def _naive_clearances(n: NaivePlan) -> list[Conflict]:
    found_ = [naive_clearance(n, owner, fp, zones) for owner, fp, zones in n.owners()]
    return [c for c in found_ if c is not None]


class NaiveDrag:
    """A drag step the naive way: the still geometry built once, then a loop over every pair."""

    def __init__(self, plan: Plan, placement_id: str):
        moving = plan[placement_id]
        assert isinstance(moving, Placement)
        self.moving = moving
        others = tuple(p for p in plan.placements if p.id != placement_id)
        self.n = NaivePlan(replace(plan, placements=others))
        self.n.plan = plan  # to name the moving piece when it blocks another's clearance

    def check(self, center: tuple[float, float], rotation: float) -> list[Conflict]:
        item = self.moving.moved_to(Point(*center), rotation)
        footprint_, zones = item_polygons(item)
        conflicts = naive_item_conflicts(self.n, item, footprint_)
        own = naive_clearance(self.n, item, footprint_, zones)
        conflicts += [] if own is None else [own]
        if not item.floor_flat:
            for owner, owner_footprint, owner_zones in self.n.owners():
                if any(z.intersects(footprint_) for z in owner_zones):
                    c = naive_clearance(
                        self.n, owner, owner_footprint, owner_zones, ((item, footprint_),)
                    )
                    conflicts += [c] if c is not None and item.id in c.elements else []
        return sorted_conflicts(list(dict.fromkeys(conflicts)))


class LiteralWalkway(Walkway):
    """The walkway check as the issue states it: free floor = rooms − walls − fixed elements −
    furniture, then shrunk by half the path width."""

    def __init__(self, plan: Plan, path_width: float = 2 * HALF):
        self._half = path_width / 2
        super().__init__(plan)

    def _free(self, placements: list[Placement]) -> BaseGeometry:
        free = shapely.union_all([room_polygon(r) for r in self.plan.rooms])
        for solid in wall_solids(self.plan).values():
            free = free.difference(solid)
        for fixture in self.plan.fixtures:
            free = free.difference(footprint(fixture, 0.0))
        for item in placements:
            if not item.floor_flat:
                free = free.difference(footprint(item, 0.0))
        return free.buffer(-self._half, quad_segs=QUAD_SEGS)

    def _floor_without_furniture(self) -> BaseGeometry:
        return self._free([])

    def floor_with(
        self, placements: list[Placement], base: BaseGeometry | None = None
    ) -> BaseGeometry:
        if base is None:
            return self._free(placements)
        # A floor already shrunk: each piece is taken away grown by half the path instead.
        for item in placements:
            if not item.floor_flat:
                grown = footprint(item, 0.0).buffer(self._half, quad_segs=QUAD_SEGS)
                base = base.difference(grown)
        return base

    def blocker_search(self, placements: list[Placement]) -> BlockerSearch:
        return LiteralBlockers(self, placements)


class LiteralBlockers(BlockerSearch):
    """Blockers the obvious way: for every target, try removing each piece of the plan."""

    def of(self, target: Room | Placement, reached: Reached) -> list[str]:
        candidates = [p for p in self.standing if p.id != target.id]
        w = self.walkway
        singles = [
            p.id
            for p in candidates
            if reached(w.furnished_reach([q for q in self.standing if q is not p]))
        ]
        if singles:
            return sorted(singles)
        lost = w.lost_floor(self.standing)
        near = [p.id for p in candidates if shapely.dwithin(footprint(p, 0.0), lost, HALF)]
        return sorted(near)
