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
from hjem.floorplan.footprint_rule import footprint_blocks, footprint_conflict, furniture_overlap
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import DOOR, FURNITURE, WINDOW, ItemShapes, PlanGeometry, build
from hjem.floorplan.relations import overlap_allowed
from hjem.floorplan.zones import owners_unmet, zone_states

MAX_OVERLAPS_PER_PIECE = 16  # overlapping pairs reported per piece (see `capped_pairs`)


def full_report(
    plan: Plan,
    *,
    walkway: bool = True,
    walkway_found: Sequence[Conflict] | None = None,
    geometry: PlanGeometry | None = None,
) -> list[Conflict]:
    """Every conflict in the plan, sorted by kind and elements.

    `walkway_found`: the walkway's conflicts of this very plan, when the caller has them
    already (a drag checks the walkway when it ends); they are taken as they are.
    `geometry`: `build(plan)`, when the caller has built it already.
    """
    geometry = geometry or build(plan)
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
    items, obstacles = g.obstacle_tree.query(g.furniture.footprints, predicate="intersects")
    furniture = g.obstacle_roles[obstacles] == FURNITURE
    conflicts = []
    for item_index, obstacle in zip(
        items[~furniture].tolist(), obstacles[~furniture].tolist(), strict=True
    ):
        item, role = g.placements[item_index], int(g.obstacle_roles[obstacle])
        if footprint_blocks(item, role, obstacle, g):
            conflicts.append(footprint_conflict(item, role, obstacle, g))
    for a, b in _overlapping(g, items[furniture], obstacles[furniture]):
        first, second = g.placements[a], g.placements[b]
        if not overlap_allowed(first, second):
            conflicts.append(furniture_overlap(first, second))
    return conflicts


def _overlapping(g: PlanGeometry, items: np.ndarray, obstacles: np.ndarray) -> list[list[int]]:
    """The pairs of standing pieces (placement indices) that overlap, each once, the first
    the one with the smaller id, in the order of their ids; capped as `capped_pairs` says.

    Worked out on arrays: a pile of 500 pieces has 125 000 pairs."""
    standing = g.standing_indices()
    others = standing[obstacles - (len(g.obstacle_ids) - len(standing))]
    rank = np.empty(len(g.placements), dtype=int)
    rank[sorted(range(len(g.placements)), key=lambda i: g.placements[i].id)] = np.arange(
        len(g.placements)
    )
    flat = np.array([p.floor_flat for p in g.placements], dtype=bool)
    once = (rank[items] < rank[others]) & ~flat[items]
    items, others = items[once], others[once]
    order = np.lexsort((rank[others], rank[items]))
    return capped_pairs(np.stack([items[order], others[order]], axis=1))


def capped_pairs(pairs: np.ndarray) -> list[list[int]]:
    """The overlapping pairs (of placement indices) to report: all of them, unless a piece
    overlaps more than MAX_OVERLAPS_PER_PIECE others.

    A pile (a piece pasted 500 times in one spot) would make n²/2 pairs: 125 000 lines nobody
    reads, and seconds to word them. So each piece names the first MAX_OVERLAPS_PER_PIECE
    pieces it overlaps, in the plan's order, and a pair is kept when either piece names the
    other. Every overlapping piece is still reported, at most cap × pieces pairs are, and in a
    furnished home, where no piece overlaps that many others, every pair is.
    """
    kept = pairs
    if len(pairs) and np.bincount(pairs.ravel()).max() > MAX_OVERLAPS_PER_PIECE:
        pieces, partners = np.concatenate([pairs, pairs[:, ::-1]]).T
        order = np.lexsort((partners, pieces))
        ranked = pieces[order]
        starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
        position = np.empty(len(pieces), dtype=int)  # in the piece's own list of partners
        runs = np.diff([*starts, len(ranked)])
        position[order] = np.arange(len(pieces)) - np.repeat(starts, runs)
        named = position < MAX_OVERLAPS_PER_PIECE
        kept = pairs[named[: len(pairs)] | named[len(pairs) :]]
    result: list[list[int]] = kept.tolist()
    return result


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
        for owner, blockers in owners_unmet(shapes, states, owners).items():
            item = owners[owner]
            if isinstance(item, Placement) and item.floor_flat:
                continue
            conflicts.append(clearance_conflict(g.plan, item, blockers))
    return conflicts
