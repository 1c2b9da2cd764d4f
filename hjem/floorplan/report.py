"""The full conflict report for a plan, computed with bulk spatial-index queries."""

from __future__ import annotations

import numpy as np
import shapely

from hjem.floorplan import conflicts as found
from hjem.floorplan.clearance import clearance_conflict
from hjem.floorplan.conflicts import Conflict, sorted_conflicts
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import FIXTURE, WALL, ItemShapes, PlanGeometry, build
from hjem.floorplan.zones import owners_unmet, zone_states


def full_report(plan: Plan, *, walkway: bool = True) -> list[Conflict]:
    """Every conflict in the plan, sorted by kind and elements."""
    geometry = build(plan)
    conflicts = [
        *_against_obstacles(geometry),
        *_outside(geometry),
        *_in_openings(geometry),
        *_clearances(geometry),
    ]
    if walkway:
        from hjem.floorplan.walkway import walkway_for

        conflicts += walkway_for(plan).conflicts(geometry)
    return sorted_conflicts(conflicts)


def _against_obstacles(g: PlanGeometry) -> list[Conflict]:
    """Furniture against walls, fixed elements and other standing furniture."""
    hits = g.obstacle_tree.query(g.furniture.footprints, predicate="intersects")
    conflicts = []
    fixtures = {f.id: f for f in g.plan.fixtures}
    for item_index, obstacle in hits.T:
        item = g.placements[item_index]
        role, obstacle_id = g.obstacle_roles[obstacle], g.obstacle_ids[obstacle]
        if role == WALL:
            conflicts.append(found.into_wall(item, obstacle_id))
        elif role == FIXTURE:
            conflicts.append(found.into_fixture(item, fixtures[obstacle_id]))
        elif not item.floor_flat and item.id < obstacle_id:
            other = g.plan[obstacle_id]
            assert isinstance(other, Placement)
            conflicts.append(found.overlap(item, other))
    return conflicts


def _outside(g: PlanGeometry) -> list[Conflict]:
    inside = shapely.covers(g.floor, g.furniture.footprints)
    return [found.outside(g.placements[i]) for i in np.flatnonzero(~inside)]


def _in_openings(g: PlanGeometry) -> list[Conflict]:
    standing = g.standing_indices()
    footprints = g.furniture.footprints[standing]
    conflicts = []
    for item_index, door in g.door_tree.query(footprints, predicate="intersects").T:
        item = g.placements[standing[item_index]]
        conflicts.append(found.in_door_swing(item, g.doors[door], g.door_names[door]))
    for item_index, window in g.window_tree.query(footprints, predicate="intersects").T:
        item = g.placements[standing[item_index]]
        if item.height > g.windows[window].sill_height:
            conflicts.append(found.before_window(item, g.windows[window], g.window_rooms[window]))
    return conflicts


def _clearances(g: PlanGeometry) -> list[Conflict]:
    conflicts = []
    groups: list[tuple[ItemShapes, list[Placement] | list[Fixture], bool]] = [
        (g.furniture, g.placements, False),
        (g.fixtures, list(g.plan.fixtures), True),
    ]
    for shapes, owners, furniture_only in groups:
        ids = [o.id for o in owners]
        states = zone_states(g, shapes, ids, furniture_only=furniture_only)
        for owner, blockers in owners_unmet(shapes, states).items():
            item = owners[owner]
            if isinstance(item, Placement) and item.floor_flat:
                continue
            conflicts.append(clearance_conflict(g.plan, item, blockers))
    return conflicts
