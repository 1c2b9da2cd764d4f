"""The piece checker: one piece of furniture at successive poses against the rest of the plan.

It is the engine's one public entry for "is this piece fine here?", used by a drag (`drag.py`,
every mouse move), by "find a spot" and "what fits here" (`spots.py`, `fits.py`, thousands of
trial poses of many pieces) and, through the same footprint rule (`footprint_rule.py`), by the
full report.

Everything that stays still (walls, fixed elements, the other furniture, door swings, window
zones and the other items' clearance zones) is indexed once, in one STRtree, from a geometry
built once without the piece (`plan_geometry.build`). Each pose then builds the moving
footprint and its own clearance zones, runs one bulk index query and one vectorised exact test
against prepared geometry, and reads the answers off. The last pose is remembered: a search
asks `is_free` and then `walkway_clear` about the same pose.

- `check` names every conflict but the walkway's; `is_free` answers whether there is one,
  without wording any (most trial poses have some).
- `walkway` names the walkway conflicts with the piece at a pose: what a drag runs when it
  ends. `walkway_clear` only answers whether the piece cuts off a room or bed the plan without
  it reaches: naming blockers tries every piece, which is what makes a blocked walkway slow.
- `aim` swaps the piece without indexing the plan again: the still part is the same for any
  piece put in the excluded one's place (`check_for` with None: any new piece).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import cast

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.categories import BEDS
from hjem.floorplan.clearance import ZoneState, clearance_conflict, unmet
from hjem.floorplan.conflicts import Conflict, outside, sorted_conflicts
from hjem.floorplan.footprint_rule import footprint_blocks, footprint_conflict
from hjem.floorplan.geometry import Point, rect_corners
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import (
    DOOR,
    FIXTURE,
    FURNITURE,
    WALL,
    WINDOW,
    PlanGeometry,
    build,
)
from hjem.floorplan.shapes import clearance_of, local_corners, place_item
from hjem.floorplan.walkway import HALF, QUAD_SEGS, Walkway, free_bed_sides, walkway_for
from hjem.floorplan.zones import effective_zones, zone_blockers, zone_states
from hjem.ids import ElementId

ZONE = 5  # the other items' clearance zones, in the index after the obstacle roles
PLACEHOLDER_ID = ElementId("\x00piece")  # stands for "a piece not in the plan yet" while indexing
POLYGON = 3  # shapely's type id


class PieceCheck:
    """Checks one piece at successive poses against `geometry` (the plan without the piece).

    The walkway's still part (`Walkway`) may be shared by many checks of one plan; left out,
    the plan's cached one is taken when the walkway is first asked about.
    """

    def __init__(self, geometry: PlanGeometry, moving: Placement, walkway: Walkway | None = None):
        g = self.geometry = geometry
        self.plan: Plan = geometry.plan
        self.moving = moving
        self._local, self._clearance = local_corners(moving), clearance_of(moving)
        self._given_walkway = walkway
        self._index_zones()
        self._geoms = np.concatenate(
            [g.obstacle_geoms, g.door_geoms, g.window_geoms, self._zone_geoms]
        )
        roles = np.concatenate(
            [
                g.obstacle_roles,
                np.full(len(g.doors), DOOR),
                np.full(len(g.windows), WINDOW),
                np.full(len(self._zone_geoms), ZONE),
            ]
        ).astype(int)
        refs = np.concatenate(
            [
                np.arange(len(g.obstacle_ids)),
                np.arange(len(g.doors)),
                np.arange(len(g.windows)),
                np.arange(len(self._zone_geoms)),
            ]
        )
        # Plain lists: a pose touches a handful of things, and reading those off Python lists
        # is several times faster than indexing numpy arrays one by one.
        self._roles: list[int] = roles.tolist()
        self._refs: list[int] = refs.tolist()
        shapely.prepare(self._geoms)
        self._tree = STRtree(self._geoms)
        self._turned: np.ndarray = self._local
        self._turned_for: float | None = None
        self._last_pose: _Pose | None = None

    @staticmethod
    def of(plan: Plan, placement_id: str, walkway: Walkway | None = None) -> PieceCheck:
        """A check of the plan's placement `placement_id` against the rest of the plan."""
        moving = plan[placement_id]
        assert isinstance(moving, Placement)
        return PieceCheck(build(plan, exclude=placement_id), moving, walkway)

    def _index_zones(self) -> None:
        """The other items' clearance zones, and how each stands without the moving piece."""
        g = self.geometry
        self._owners: list[Placement | Fixture] = [*g.placements, *g.plan.fixtures]
        shapes = [(g.furniture, False, 0), (g.fixtures, True, len(g.placements))]
        geoms, owner_of, states = [], [], []
        for item_shapes, furniture_only, base in shapes:
            ids: list[str] = [self._owners[base + i].id for i in range(len(item_shapes.footprints))]
            geoms.append(effective_zones(g, item_shapes))
            owner_of.append(item_shapes.zone_owner + base)
            states += zone_states(g, item_shapes, ids, furniture_only=furniture_only)
        self._zone_geoms = np.concatenate(geoms)
        self._raw_zones = np.concatenate([g.furniture.zones, g.fixtures.zones])
        self._zone_owner = np.concatenate(owner_of).astype(int)
        self._zone_static = states
        self._zone_allow = [clearance_of(self._owners[o]).allow for o in self._zone_owner]
        self._zones_of: dict[int, list[int]] = {}
        for zone, owner in enumerate(self._zone_owner):
            self._zones_of.setdefault(int(owner), []).append(zone)

    def aim(self, item: Placement, plan: Plan) -> None:
        """Check `item` from now on; `plan` holds it (added, or in the excluded one's place)."""
        self.plan, self.moving = plan, item
        self._local, self._clearance = local_corners(item), clearance_of(item)
        self._turned_for = None

    # --- the piece at one pose ----------------------------------------------------------------

    def _pose(self, center: tuple[float, float], rotation: float | None) -> _Pose:
        # The last pose, asked for again (a search's `is_free`, then its `walkway_clear`), is
        # kept. No id() key: the pose holds the very piece it was made for.
        asked = (center[0], center[1], rotation)
        last = self._last_pose
        if last is None or last.moving is not self.moving or last.asked != asked:
            last = self._last_pose = self._new_pose(center, rotation)
            last.asked = asked
        return last

    def _new_pose(self, center: tuple[float, float], rotation: float | None) -> _Pose:
        rotation = self.moving.rotation if rotation is None else rotation
        if rotation != self._turned_for:
            # Turned about the origin once per angle; each step only adds the centre (which
            # gives the very floats `place_item` would: adding 0.0 first changes nothing).
            self._turned, self._turned_for = place_item(self._local, (0.0, 0.0), rotation), rotation
        polygons = shapely.polygons(self._turned + np.asarray(center, dtype=float))
        which, hit = self._tree.query(polygons)
        exact = shapely.intersects(self._geoms[hit], polygons[which])
        inside = shapely.covers(self.geometry.floor, polygons)
        touched = (which[exact].tolist(), hit[exact].tolist())
        return _Pose(self.moving, center, rotation, polygons, *touched, inside)

    def check(self, center: tuple[float, float], rotation: float | None = None) -> list[Conflict]:
        """Conflicts of the piece at this pose (every kind except the walkway), sorted."""
        pose = self._pose(center, rotation)
        conflicts: list[Conflict] = [] if pose.inside[0] else [outside(pose.item)]
        conflicts += [
            footprint_conflict(pose.item, role, ref, self.geometry)
            for role, ref in self._footprint_hits(pose)
            if footprint_blocks(pose.moving, role, ref, self.geometry, lambda: pose.item)
        ]
        if taken := self._zones_taken(pose):
            conflicts += self._others_clearance(pose.item, taken)
        unmet_by = unmet(self._clearance, self._own_zone_states(pose), _size(pose.item))
        if unmet_by is not None:
            conflicts.append(clearance_conflict(self.plan, pose.item, unmet_by))
        return sorted_conflicts(conflicts)

    def is_free(self, center: tuple[float, float], rotation: float) -> bool:
        """True when `check` would find no conflict: its tests, without wording conflicts."""
        pose = self._pose(center, rotation)
        if not pose.inside[0] or any(
            footprint_blocks(pose.moving, role, ref, self.geometry, lambda: pose.item)
            for role, ref in self._footprint_hits(pose)
        ):
            return False
        taken = self._zones_taken(pose)
        if taken and self._others_clearance(pose.item, taken):
            return False
        return unmet(self._clearance, self._own_zone_states(pose), _size(pose.item)) is None

    def zones_blocked(self, center: tuple[float, float], rotation: float) -> list[bool]:
        """Whether each of the piece's own clearance zones is taken at this pose (by walls,
        fixed elements, other furniture or the outside), as `is_free` judges them."""
        return [state.blocked for state in self._own_zone_states(self._pose(center, rotation))]

    def shapes_at(self, center: tuple[float, float], rotation: float) -> np.ndarray:
        """The piece's footprint, then its clearance zones, at this pose (as checked)."""
        return self._pose(center, rotation).polygons

    def footprint(self, center: tuple[float, float], rotation: float) -> BaseGeometry:
        """The piece's full-size footprint at this pose, as the walkway grows it."""
        item = self.moving
        return shapely.Polygon(rect_corners(Point(*center), item.width, item.depth, rotation))

    def _footprint_hits(self, pose: _Pose) -> list[tuple[int, int]]:
        """(role, index) of every obstacle, door swing and window the footprint touches."""
        roles, refs = self._roles, self._refs
        return [
            (roles[i], refs[i])
            for z, i in zip(pose.which, pose.hit, strict=True)
            if z == 0 and roles[i] != ZONE
        ]

    # --- clearance zones ----------------------------------------------------------------------

    def _zones_taken(self, pose: _Pose) -> set[int]:
        """The other items' zones the moving piece stands in (rugs take no zone)."""
        if pose.moving.floor_flat:
            return set()
        roles, refs, category = self._roles, self._refs, pose.moving.category
        return {
            refs[i]
            for z, i in zip(pose.which, pose.hit, strict=True)
            if z == 0 and roles[i] == ZONE and category not in self._zone_allow[refs[i]]
        }

    def _others_clearance(self, item: Placement, taken: set[int]) -> list[Conflict]:
        """Other items whose free floor the moving piece now takes."""
        conflicts = []
        for owner in sorted({int(self._zone_owner[z]) for z in taken}):
            other = self._owners[owner]
            if isinstance(other, Placement) and other.floor_flat:
                continue
            states = [self._zone_state(z, taken, item.id) for z in self._zones_of[owner]]
            blockers = unmet(clearance_of(other), states, _size(other))
            if blockers is not None and item.id in blockers:
                conflicts.append(clearance_conflict(self.plan, other, blockers))
        return conflicts

    def _zone_state(self, zone: int, taken: set[int], moving_id: str) -> ZoneState:
        static = self._zone_static[zone]
        return ZoneState(True, static.blockers | {moving_id}) if zone in taken else static

    def _own_zone_states(self, pose: _Pose) -> list[ZoneState]:
        if pose.moving.floor_flat:
            return []
        hits: list[list[int]] = [[] for _ in range(len(pose.inside) - 1)]
        for zone, index in zip(pose.which, pose.hit, strict=True):
            if zone > 0 and self._roles[index] in (WALL, FIXTURE, FURNITURE):
                hits[zone - 1].append(self._refs[index])
        states = []
        for z, zone_hits in enumerate(hits):
            blockers = (
                zone_blockers(
                    self.geometry,
                    pose.polygons[z + 1],
                    pose.polygons[0],
                    zone_hits,
                    self._clearance.allow,
                    pose.moving.id,
                    furniture_only=False,
                )
                if zone_hits
                else set()
            )
            states.append(ZoneState(bool(blockers) or not pose.inside[z + 1], frozenset(blockers)))
        return states

    def _free_bed_sides(self, pose: _Pose) -> list[tuple[Placement, BaseGeometry]]:
        """Every bed's free zones with the moving piece at `pose` (as `walkway.free_bed_sides`)."""
        taken = self._zones_taken(pose)
        free: dict[str, tuple[Placement, list[BaseGeometry]]] = {}
        for zone, owner in enumerate(self._zone_owner):
            bed = self._owners[owner]
            if (
                isinstance(bed, Placement)
                and _is_bed(bed)
                and not self._zone_state(zone, taken, pose.moving.id).blocked
            ):
                free.setdefault(bed.id, (bed, []))[1].append(self._raw_zones[zone])
        if _is_bed(pose.item):
            for z, state in enumerate(self._own_zone_states(pose)):
                if not state.blocked:
                    free.setdefault(pose.item.id, (pose.item, []))[1].append(pose.polygons[z + 1])
        order = {p.id: i for i, p in enumerate(self.plan.placements)}
        return [
            (bed, shapely.union_all(zones))
            for bed, zones in sorted(free.values(), key=lambda f: order[f[0].id])
        ]

    # --- the walkway --------------------------------------------------------------------------

    @cached_property
    def walkway_check(self) -> Walkway:
        """The walkway's still part for this plan's layout."""
        return self._given_walkway or walkway_for(self.plan)

    @cached_property
    def _floor_of_others(self) -> BaseGeometry:
        """Where a walker's centre can be with every piece but this one on the floor."""
        return self.walkway_check.floor_with(self.geometry.placements)

    @property
    def floor_of_others(self) -> BaseGeometry:
        """Where a walker's centre can be with every piece but this one on the floor: the
        floor to take further pieces from (`Walkway.floor_with(pieces, base=...)`)."""
        return self._floor_of_others

    @cached_property
    def _floor_parts(self) -> tuple[np.ndarray, STRtree]:
        parts = shapely.get_parts(self._floor_of_others)
        return parts, STRtree(parts)

    @cached_property
    def _reached_before(self) -> np.ndarray:
        return self.walkway_check.reached(self._floor_of_others)

    @cached_property
    def bed_sides_before(self) -> list[tuple[Placement, BaseGeometry]]:
        """The other beds' free sides, without the piece."""
        return free_bed_sides(self.geometry)

    @cached_property
    def blocked_before(self) -> frozenset[str]:
        """The rooms and beds out of reach without the piece: not the piece's doing."""
        return self.walkway_check.blocked(self._reached_before, self.bed_sides_before)

    def walkway(self, center: tuple[float, float], rotation: float | None = None) -> list[Conflict]:
        """Walkway conflicts with the piece at this pose, named: the check to run when a drag
        ends. The floor the other pieces leave free is worked out once, on the first call."""
        pose = self._pose(center, rotation)
        placements = tuple(pose.item if p.id == pose.item.id else p for p in self.plan.placements)
        after = self.walkway_check.with_plan(replace(self.plan, placements=placements))
        floor = after.floor_with([pose.item], base=self._floor_of_others)
        return sorted_conflicts(after.conflicts(floor=floor, bed_sides=self._free_bed_sides(pose)))

    def walkway_clear(self, center: tuple[float, float], rotation: float) -> bool:
        """True when the piece at this pose cuts off no room or bed that was reached: a walkway
        conflict the plan had before is not the piece's doing."""
        if self.moving.floor_flat:  # a rug takes no floor from the walker
            reached = self._reached_before
        else:
            reached = self.reach_around(self.footprint(center, rotation))
        return not self.cut_off(reached, center, rotation)

    def reach_around(self, taken: BaseGeometry) -> np.ndarray:
        """The floor reached from the entrance with `taken` (a piece, or room for several)
        on the floor besides the others.

        Only the parts of the others' free floor that `taken`, grown by half the walkway,
        touches are cut: the floor of `Walkway.floor_with` without a difference over the
        whole apartment."""
        parts, tree = self._floor_parts
        grown = shapely.buffer(taken, HALF, quad_segs=QUAD_SEGS)
        touched = tree.query(grown, predicate="intersects")
        cut = shapely.get_parts(shapely.difference(parts[touched], grown))
        kept = np.delete(parts, touched)
        parts = np.concatenate([kept, cut[shapely.get_type_id(cut) == POLYGON]])
        # The stubs type `multipolygons` of an array `MultiPolygon | GeoArray`, as they cannot
        # see its shape; a one-dimensional array of polygons always gives one MultiPolygon.
        return self.walkway_check.reached(cast(MultiPolygon, shapely.multipolygons(parts)))

    def cut_off(self, reached: np.ndarray, center: tuple[float, float], rotation: float) -> bool:
        """Whether, with the piece at this pose and `reached` the floor reached, a room or bed
        is out of reach that the plan without the piece reaches."""
        pose = self._pose(center, rotation)
        blocked = self.walkway_check.blocked(reached, self._free_bed_sides(pose))
        return not blocked <= self.blocked_before


def _size(item: Placement | Fixture) -> tuple[float, float]:
    return item.width, item.depth


def check_for(plan: Plan, excluded: str | None, walkway: Walkway | None = None) -> PieceCheck:
    """A check against `plan` without `excluded` (None: against all of it, for new pieces)."""
    if excluded is not None:
        return PieceCheck.of(plan, excluded, walkway)
    placeholder = Placement(PLACEHOLDER_ID, "", "andet", 1.0, 1.0, 1.0, Point(0.0, 0.0))
    with_placeholder = replace(plan, placements=(*plan.placements, placeholder))
    return PieceCheck.of(with_placeholder, PLACEHOLDER_ID, walkway)


def _is_bed(item: Placement) -> bool:
    return item.category in BEDS and not item.floor_flat


@dataclass
class _Pose:
    """The moving piece at one pose, and what its footprint and zones touch there."""

    moving: Placement
    center: tuple[float, float]
    rotation: float
    polygons: np.ndarray  # footprint, then the clearance zones
    which: list[int]  # for each hit: 0 the footprint, k the k-th zone
    hit: list[int]  # for each hit: index into the index
    inside: np.ndarray  # per polygon: within the apartment
    asked: tuple[float, float, float | None] = (0.0, 0.0, None)  # the centre and angle asked for

    @cached_property
    def item(self) -> Placement:
        """The piece at this pose (made only when a conflict needs to name or place it)."""
        return self.moving.moved_to(Point(*self.center), self.rotation)
