"""The fast path for dragging one piece of furniture.

Everything that stays still (walls, fixed elements, the other furniture, door swings, window
zones and the other items' clearance zones) is indexed once in one STRtree when the drag
starts. Each step then builds the moving footprint and its own clearance zones, runs one bulk
index query and one vectorised exact test against prepared geometry, and reads the answer off.
The walkway is not checked per step: it runs when the drag ends (`walkway.py`).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree

from hjem.floorplan import conflicts as found
from hjem.floorplan.clearance import ZoneState, clearance_conflict, unmet
from hjem.floorplan.conflicts import Conflict, sorted_conflicts
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import FIXTURE, FURNITURE, WALL, build
from hjem.floorplan.shapes import clearance_of, local_corners, place_item
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
        self._zone_owner = np.concatenate(owner_of).astype(int)
        self._zone_static = states
        self._zone_allow = [clearance_of(self._owners[o]).allow for o in self._zone_owner]
        self._zones_of: dict[int, list[int]] = {}
        for zone, owner in enumerate(self._zone_owner):
            self._zones_of.setdefault(int(owner), []).append(zone)

    def check(self, center: tuple[float, float], rotation: float | None = None) -> list[Conflict]:
        """Conflicts of the moving piece at this pose (every kind except the walkway)."""
        rotation = self.moving.rotation if rotation is None else rotation
        item = self.moving.moved_to(Point(*center), rotation)
        polygons = shapely.polygons(place_item(self._local, center, rotation))
        which, hit = self._tree.query(polygons)
        exact = shapely.intersects(self._geoms[hit], polygons[which])
        which, hit = which[exact], hit[exact]
        inside = shapely.covers(self._g.floor, polygons)
        conflicts: list[Conflict] = [] if inside[0] else [found.outside(item)]
        conflicts += self._footprint_conflicts(item, hit[which == 0])
        conflicts += self._own_clearance(item, which, hit, inside)
        return sorted_conflicts(conflicts)

    def _footprint_conflicts(self, item: Placement, hits: np.ndarray) -> list[Conflict]:
        g = self._g
        conflicts = []
        blocked_zones: set[int] = set()
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
            elif role == ZONE and item.category not in self._zone_allow[ref]:
                blocked_zones.add(int(ref))
        return conflicts + self._others_clearance(item, blocked_zones)

    def _others_clearance(self, item: Placement, blocked_zones: set[int]) -> list[Conflict]:
        """Other items whose free floor the moving piece now takes."""
        conflicts = []
        for owner in sorted({int(self._zone_owner[z]) for z in blocked_zones}):
            other = self._owners[owner]
            if isinstance(other, Placement) and other.floor_flat:
                continue
            states = [
                ZoneState(True, self._zone_static[z].blockers | {item.id})
                if z in blocked_zones
                else self._zone_static[z]
                for z in self._zones_of[owner]
            ]
            blockers = unmet(clearance_of(other), states)
            if blockers is not None and item.id in blockers:
                conflicts.append(clearance_conflict(self.plan, other, blockers))
        return conflicts

    def _own_clearance(
        self, item: Placement, which: np.ndarray, hit: np.ndarray, inside: np.ndarray
    ) -> list[Conflict]:
        if item.floor_flat or len(inside) == 1:
            return []
        hits: list[list[int]] = [[] for _ in range(len(inside) - 1)]
        for zone, index in zip(which, hit, strict=True):
            if zone > 0 and self._roles[index] in (WALL, FIXTURE, FURNITURE):
                hits[zone - 1].append(int(self._refs[index]))
        polygons = None
        states = []
        for z, zone_hits in enumerate(hits):
            blockers: set[str] = set()
            if zone_hits:
                if polygons is None:
                    polygons = shapely.polygons(place_item(self._local, item.center, item.rotation))
                blockers = zone_blockers(
                    self._g,
                    polygons[z + 1],
                    polygons[0],
                    zone_hits,
                    self._clearance.allow,
                    item.id,
                    furniture_only=False,
                )
            states.append(ZoneState(bool(blockers) or not inside[z + 1], frozenset(blockers)))
        unmet_by = unmet(self._clearance, states)
        return [] if unmet_by is None else [clearance_conflict(self.plan, item, unmet_by)]
