"""Clearance zones against the plan: which are taken, and by what.

A zone reaching through a wall is taken by the wall; furniture beyond that wall, in the next
room, is no blocker of it. So when a zone crosses a wall, other blockers only count if they
stand in the part of the zone on the owner's side (`clip_zone`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.clearance import LateZoneState, ZoneState, unmet
from hjem.floorplan.model import Fixture, Placement
from hjem.floorplan.plan_geometry import FURNITURE, WALL, ItemShapes, PlanGeometry

OWNER_TOUCH = 1.0  # cm: a zone part this close to its owner's footprint is on the owner's side


def clip_zone(
    zone: BaseGeometry, walls: Sequence[BaseGeometry], owner: BaseGeometry
) -> BaseGeometry:
    """The part of `zone` on its owner's side of the walls crossing it."""
    rest = zone.difference(shapely.union_all(list(walls)))
    parts = [p for p in shapely.get_parts(rest) if p.dwithin(owner, OWNER_TOUCH)]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def zone_blockers(
    g: PlanGeometry,
    zone: BaseGeometry,
    owner_footprint: BaseGeometry,
    hits: Sequence[int],
    allow: tuple[str, ...],
    owner_id: str,
    furniture_only: bool,
) -> set[str]:
    """The elements among the obstacles `hits` (indices into g.obstacle_*) that take `zone`."""
    roles, ids, categories = g.obstacle_role_list, g.obstacle_ids, g.obstacle_categories
    walls = [h for h in hits if roles[h] == WALL]
    others = [
        h
        for h in hits
        if roles[h] != WALL
        and ids[h] != owner_id
        and categories[h] not in allow
        and (not furniture_only or roles[h] == FURNITURE)
    ]
    if walls and others:
        effective = clip_zone(zone, [g.obstacle_geoms[w] for w in walls], owner_footprint)
        shapely.prepare(effective)
        taken = shapely.intersects(effective, g.obstacle_geoms[others]).tolist()
        others = [h for h, t in zip(others, taken, strict=True) if t]
    found = {g.obstacle_ids[h] for h in others}
    if not furniture_only:
        found |= {g.obstacle_ids[w] for w in walls}
    return found


def zone_states(
    g: PlanGeometry, shapes: ItemShapes, owner_ids: list[str], *, furniture_only: bool
) -> list[ZoneState]:
    """For every zone in `shapes`: is it taken, and by what?

    Furniture's zones are taken by walls, fixed elements, other standing furniture and the
    outside of the apartment. Fixed elements' zones (a kitchen counter's) only by furniture:
    the apartment itself is what it is.
    """
    hits = _hits_per_zone(g, shapes.zones)
    outside = np.zeros(len(shapes.zones), dtype=bool)
    if not furniture_only and len(shapes.zones):
        outside = ~shapely.covers(g.floor, shapes.zones)
    roles = g.obstacle_role_list
    states: list[ZoneState] = []
    for zone in range(len(shapes.zones)):
        owner = int(shapes.zone_owner[zone])
        find = partial(
            _blockers,
            g,
            shapes.zones[zone],
            shapes.footprints[owner],
            hits[zone],
            shapes.clearances[owner].allow,
            owner_ids[owner],
            furniture_only,
        )
        if not furniture_only and any(roles[h] == WALL for h in hits[zone]):
            states.append(LateZoneState(find))  # taken by the wall; the rest when asked
            continue
        blockers = find()
        states.append(ZoneState(bool(blockers) or bool(outside[zone]), blockers))
    return states


def _blockers(*args: Any) -> frozenset[str]:
    return frozenset(zone_blockers(*args))


def _hits_per_zone(g: PlanGeometry, zones: np.ndarray) -> list[list[int]]:
    """The obstacles each zone touches, grouped from one bulk query without a Python loop
    over the pairs (a pile of 500 pieces has 350 000)."""
    zone_of, obstacle = g.obstacle_tree.query(zones, predicate="intersects")
    order = np.argsort(zone_of, kind="stable")
    ends = np.searchsorted(zone_of[order], np.arange(len(zones)), side="right")
    return [part.tolist() for part in np.split(obstacle[order], ends[:-1])] if len(zones) else []


def effective_zones(g: PlanGeometry, shapes: ItemShapes) -> np.ndarray:
    """Every zone clipped at the walls crossing it: where other furniture can take it."""
    wall_tree_hits: dict[int, list[int]] = {}
    for zone, obstacle in g.obstacle_tree.query(shapes.zones, predicate="intersects").T:
        if g.obstacle_roles[obstacle] == WALL:
            wall_tree_hits.setdefault(int(zone), []).append(int(obstacle))
    clipped = shapes.zones.copy()
    for zone, walls in wall_tree_hits.items():
        owner = shapes.footprints[int(shapes.zone_owner[zone])]
        clipped[zone] = clip_zone(shapes.zones[zone], [g.obstacle_geoms[w] for w in walls], owner)
    return clipped


def owners_unmet(
    shapes: ItemShapes, states: list[ZoneState], owners: Sequence[Placement | Fixture]
) -> dict[int, frozenset[str]]:
    """Owner index → blockers, for every owner whose clearance is not met."""
    per_owner: dict[int, list[ZoneState]] = {}
    for zone, state in enumerate(states):
        per_owner.setdefault(int(shapes.zone_owner[zone]), []).append(state)
    result = {}
    for owner, zones in per_owner.items():
        size = (owners[owner].width, owners[owner].depth)
        blockers = unmet(shapes.clearances[owner], zones, size)
        if blockers is not None:
            result[owner] = blockers
    return result
