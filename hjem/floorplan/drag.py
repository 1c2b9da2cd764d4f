"""The fast path for dragging one piece of furniture.

Everything that stays still (walls, fixed elements, the other furniture, door swings, window
zones and the other items' clearance zones) is indexed once in one STRtree when the drag
starts. Each step then builds the moving footprint and its own clearance zones, runs one bulk
index query and one vectorised exact test against prepared geometry, and reads the answer off.
The walkway is not checked per step: it runs when the drag ends (`walkway.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from hjem.floorplan import conflicts as found
from hjem.floorplan.categories import BEDS
from hjem.floorplan.clearance import ZoneState, clearance_conflict, unmet
from hjem.floorplan.conflicts import Conflict, sorted_conflicts
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import FIXTURE, FURNITURE, WALL, build
from hjem.floorplan.shapes import clearance_of, local_corners, place_item
from hjem.floorplan.walkway import Walkway, walkway_for
from hjem.floorplan.zones import effective_zones, zone_blockers, zone_states

# Roles in the drag tree beyond the obstacle roles WALL, FIXTURE, FURNITURE.
DOOR, WINDOW, ZONE = 3, 4, 5


class DragCheck:
    """Checks one placement at successive poses against the rest of the plan."""

    def __init__(self, plan: Plan, placement_id: str):
        moving = plan[placement_id]
        assert isinstance(moving, Placement)
        self.plan = plan
        self.moving = moving
        self._local = local_corners(moving)
        self._clearance = clearance_of(moving)
        g = build(plan, exclude=placement_id)
        self._g = g
        self._index_zones()
        self._geoms = np.concatenate(
            [g.obstacle_geoms, g.door_geoms, g.window_geoms, self._zone_geoms]
        )
        self._roles = np.concatenate(
            [
                g.obstacle_roles,
                np.full(len(g.doors), DOOR),
                np.full(len(g.windows), WINDOW),
                np.full(len(self._zone_geoms), ZONE),
            ]
        ).astype(int)
        self._refs = np.concatenate(
            [
                np.arange(len(g.obstacle_ids)),
                np.arange(len(g.doors)),
                np.arange(len(g.windows)),
                np.arange(len(self._zone_geoms)),
            ]
        )
        shapely.prepare(self._geoms)
        self._tree = STRtree(self._geoms)
        self._fixtures = {f.id: f for f in plan.fixtures}
        self._turned: np.ndarray = self._local
        self._turned_for: float | None = None
        self._walkway: Walkway | None = None
        self._floor_of_others: BaseGeometry | None = None

    def _index_zones(self) -> None:
        """The other items' clearance zones, and how each stands without the moving piece."""
        g = self._g
        self._owners: list[Placement | Fixture] = [*g.placements, *g.plan.fixtures]
        shapes = [(g.furniture, False, 0), (g.fixtures, True, len(g.placements))]
        geoms, owner_of, states = [], [], []
        for item_shapes, furniture_only, base in shapes:
            ids = [self._owners[base + i].id for i in range(len(item_shapes.footprints))]
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

    def _pose(self, center: tuple[float, float], rotation: float | None) -> _Pose:
        rotation = self.moving.rotation if rotation is None else rotation
        if rotation != self._turned_for:
            # Turned about the origin once per angle; each step only adds the centre (which
            # gives the very floats `place_item` would: adding 0.0 first changes nothing).
            self._turned, self._turned_for = place_item(self._local, (0.0, 0.0), rotation), rotation
        polygons = shapely.polygons(self._turned + np.asarray(center, dtype=float))
        which, hit = self._tree.query(polygons)
        exact = shapely.intersects(self._geoms[hit], polygons[which])
        inside = shapely.covers(self._g.floor, polygons)
        return _Pose(self.moving, center, rotation, polygons, which[exact], hit[exact], inside)

    def check(self, center: tuple[float, float], rotation: float | None = None) -> list[Conflict]:
        """Conflicts of the moving piece at this pose (every kind except the walkway)."""
        pose = self._pose(center, rotation)
        conflicts: list[Conflict] = [] if pose.inside[0] else [found.outside(pose.item)]
        footprint_hits = pose.hit[pose.which == 0]
        if len(footprint_hits):
            conflicts += self._footprint_conflicts(pose.item, footprint_hits)
        if taken := self._zones_taken(pose):
            conflicts += self._others_clearance(pose.item, taken)
        unmet_by = unmet(self._clearance, self._own_zone_states(pose))
        if unmet_by is not None:
            conflicts.append(clearance_conflict(self.plan, pose.item, unmet_by))
        return sorted_conflicts(conflicts)

    def walkway(self, center: tuple[float, float], rotation: float | None = None) -> list[Conflict]:
        """Walkway conflicts with the piece at this pose: the check to run when a drag ends.

        The floor the other pieces leave free is worked out once, on the first call.
        """
        pose = self._pose(center, rotation)
        if self._walkway is None:
            self._walkway = walkway_for(self.plan)
            self._floor_of_others = self._walkway.floor_with(self._g.placements)
        placements = tuple(pose.item if p.id == pose.item.id else p for p in self.plan.placements)
        after = self._walkway.with_plan(replace(self.plan, placements=placements))
        floor = after.floor_with([pose.item], base=self._floor_of_others)
        return sorted_conflicts(after.conflicts(floor=floor, bed_sides=self._free_bed_sides(pose)))

    def _footprint_conflicts(self, item: Placement, hits: np.ndarray) -> list[Conflict]:
        g = self._g
        conflicts = []
        for index in hits:
            role, ref = self._roles[index], self._refs[index]
            if role == WALL:
                conflicts.append(found.into_wall(item, g.obstacle_ids[ref]))
            elif role == FIXTURE:
                conflicts.append(found.into_fixture(item, self._fixtures[g.obstacle_ids[ref]]))
            elif item.floor_flat:
                continue
            elif role == FURNITURE:
                other = self.plan[g.obstacle_ids[ref]]
                assert isinstance(other, Placement)
                conflicts.append(found.overlap(item, other))
            elif role == DOOR:
                conflicts.append(found.in_door_swing(item, g.doors[ref], g.door_names[ref]))
            elif role == WINDOW and item.height > g.windows[ref].sill_height:
                conflicts.append(found.before_window(item, g.windows[ref], g.window_rooms[ref]))
        return conflicts

    def _zones_taken(self, pose: _Pose) -> set[int]:
        """The other items' zones the moving piece stands in (rugs take no zone)."""
        if pose.moving.floor_flat:
            return set()
        hits = pose.hit[pose.which == 0]
        return {
            int(self._refs[i])
            for i in hits
            if self._roles[i] == ZONE
            and pose.moving.category not in self._zone_allow[self._refs[i]]
        }

    def _others_clearance(self, item: Placement, taken: set[int]) -> list[Conflict]:
        """Other items whose free floor the moving piece now takes."""
        conflicts = []
        for owner in sorted({int(self._zone_owner[z]) for z in taken}):
            other = self._owners[owner]
            if isinstance(other, Placement) and other.floor_flat:
                continue
            states = [self._zone_state(z, taken, item.id) for z in self._zones_of[owner]]
            blockers = unmet(clearance_of(other), states)
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
                hits[zone - 1].append(int(self._refs[index]))
        states = []
        for z, zone_hits in enumerate(hits):
            blockers = (
                zone_blockers(
                    self._g,
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
            is_bed = isinstance(bed, Placement) and _is_bed(bed)
            if is_bed and not self._zone_state(zone, taken, pose.moving.id).blocked:
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


def _is_bed(item: Placement) -> bool:
    return item.category in BEDS and not item.floor_flat


@dataclass
class _Pose:
    """The moving piece at one pose, and what its footprint and zones touch there."""

    moving: Placement
    center: tuple[float, float]
    rotation: float
    polygons: np.ndarray  # footprint, then the clearance zones
    which: np.ndarray  # for each hit: 0 the footprint, k the k-th zone
    hit: np.ndarray  # for each hit: index into the drag tree
    inside: np.ndarray  # per polygon: within the apartment

    @cached_property
    def item(self) -> Placement:
        """The piece at this pose (made only when a conflict needs to name or place it)."""
        return self.moving.moved_to(Point(*self.center), self.rotation)
