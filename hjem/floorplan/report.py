"""The full conflict report for a plan, computed with bulk spatial-index queries.

What a footprint touching something means is the piece checker's rule (`footprint_rule.py`):
the report applies it to every piece at once, the piece checker to one piece at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely

from hjem.floorplan import conflicts as found
from hjem.floorplan.clearance import clearance_conflict
from hjem.floorplan.conflicts import Conflict, sorted_conflicts
from hjem.floorplan.footprint_rule import footprint_blocks, footprint_conflict
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import DOOR, FURNITURE, WINDOW, ItemShapes, PlanGeometry, build
from hjem.floorplan.zones import owners_unmet, zone_states


def full_report(
    plan: Plan, *, walkway: bool = True, walkway_found: Sequence[Conflict] | None = None
) -> list[Conflict]:
    """Every conflict in the plan, sorted by kind and elements.

    `walkway_found`: the walkway's conflicts of this very plan, when the caller has them
    already (a drag checks the walkway when it ends); they are taken as they are.
    """
    geometry = build(plan)
    conflicts = [
        *_against_obstacles(geometry),
        *_outside(geometry),
        *_in_openings(geometry),
        *_clearances(geometry),
    ]
    if walkway and walkway_found is not None:
        conflicts += walkway_found
    elif walkway:
        from hjem.floorplan.walkway import walkway_for

        conflicts += walkway_for(plan).conflicts(geometry)
    return sorted_conflicts(conflicts)


def _against_obstacles(g: PlanGeometry) -> list[Conflict]:
    """Furniture against walls, fixed elements and other standing furniture."""
    hits = g.obstacle_tree.query(g.furniture.footprints, predicate="intersects")
    conflicts = []
    for item_index, obstacle in hits.T:
        item, role = g.placements[item_index], int(g.obstacle_roles[obstacle])
        if role == FURNITURE and not item.id < g.obstacle_ids[obstacle]:
            continue  # each pair once (and a piece does not overlap itself)
        if footprint_blocks(item, role, int(obstacle), g):
            conflicts.append(footprint_conflict(item, role, int(obstacle), g))
    return conflicts


def _outside(g: PlanGeometry) -> list[Conflict]:
    inside = shapely.covers(g.floor, g.furniture.footprints)
    return [found.outside(g.placements[i]) for i in np.flatnonzero(~inside)]


def _in_openings(g: PlanGeometry) -> list[Conflict]:
    standing = g.standing_indices()
    footprints = g.furniture.footprints[standing]
    conflicts = []
    for role, tree in ((DOOR, g.door_tree), (WINDOW, g.window_tree)):
        for item_index, opening in tree.query(footprints, predicate="intersects").T:
            item = g.placements[standing[item_index]]
            if footprint_blocks(item, role, int(opening), g):
                conflicts.append(footprint_conflict(item, role, int(opening), g))
    return conflicts


def _clearances(g: PlanGeometry) -> list[Conflict]:
    conflicts = []
    groups: list[tuple[ItemShapes, list[Placement] | list[Fixture], bool]] = [
        (g.furniture, g.placements, False),
        (g.fixtures, list(g.plan.fixtures), True),
    ]
    for shapes, owners, furniture_only in groups:
        ids: list[str] = [o.id for o in owners]
        states = zone_states(g, shapes, ids, furniture_only=furniture_only)
        for owner, blockers in owners_unmet(shapes, states).items():
            item = owners[owner]
            if isinstance(item, Placement) and item.floor_flat:
                continue
            conflicts.append(clearance_conflict(g.plan, item, blockers))
    return conflicts
