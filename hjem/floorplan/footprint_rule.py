"""What it means when a piece's footprint touches something: the one rule the piece checker
(`piece_check`: drag, find a spot, what fits) and the full report (`report`) both apply.

Walls and fixed elements stop every piece (but a bar stool may stand under a kitchen
counter's overhang: `relations`); a rug or mat lies under the rest (other furniture,
door swings, windows); a window only stops a piece standing higher than its sill; two pieces
may overlap as a relation between their kinds allows (a chair pushed in under the table:
`relations`).

An obstacle is named by its role and an index: for `WALL`, `FIXTURE` and `FURNITURE` into the
geometry's `obstacle_*` arrays, for `DOOR` into its doors, for `WINDOW` into its windows.
"""

from __future__ import annotations

from collections.abc import Callable

from hjem.floorplan import conflicts as found
from hjem.floorplan.conflicts import Conflict
from hjem.floorplan.model import Fixture, Placement
from hjem.floorplan.plan_geometry import DOOR, FIXTURE, FURNITURE, WALL, WINDOW, PlanGeometry
from hjem.floorplan.relations import UNDER_FIXTURES, overlap_allowed, overstepped, related


def footprint_blocks(
    item: Placement,
    role: int,
    ref: int,
    g: PlanGeometry,
    posed: Callable[[], Placement] | None = None,
) -> bool:
    """Whether `item`'s footprint touching this obstacle is a conflict. `posed` gives the
    item where it stands now, when `item` is the piece before a move (the piece checker's);
    it is asked only for two related kinds of piece."""
    if role == WALL or (role == FIXTURE and item.category not in UNDER_FIXTURES):
        return True
    if role in (FIXTURE, FURNITURE):
        if role == FURNITURE and item.floor_flat:
            return False
        other = g.plan[g.obstacle_ids[ref]]
        assert isinstance(other, (Placement, Fixture))
        if related(item, other) is None:
            return True
        return not overlap_allowed(posed() if posed is not None else item, other)
    if item.floor_flat:
        return False
    if role == WINDOW:
        return bool(item.height > g.windows[ref].sill_height)
    return role == DOOR


def footprint_conflict(item: Placement, role: int, ref: int, g: PlanGeometry) -> Conflict:
    """The conflict `footprint_blocks` found, in words."""
    if role == WALL:
        return found.into_wall(item, g.obstacle_ids[ref])
    if role == FIXTURE:
        fixture = g.plan[g.obstacle_ids[ref]]
        assert isinstance(fixture, Fixture)
        return fixture_touched(item, fixture)
    if role == FURNITURE:
        other = g.plan[g.obstacle_ids[ref]]
        assert isinstance(other, Placement)
        return furniture_overlap(item, other)
    if role == DOOR:
        return found.in_door_swing(item, g.doors[ref], g.door_names[ref])
    return found.before_window(item, g.windows[ref], g.window_rooms[ref])


def furniture_overlap(a: Placement, b: Placement) -> Conflict:
    """Two pieces overlapping as no relation allows; a seat pushed in too far is named after
    the relation ("Stolen står for langt inde under bordet")."""
    relation = overstepped(a, b)
    if relation is None:
        return found.overlap(a, b)
    seat, top = (a, b) if a.category in relation.pieces else (b, a)
    return found.relation_broken(relation.name, seat, top)


def fixture_touched(item: Placement, fixture: Fixture) -> Conflict:
    """A piece in a fixed element; a bar stool too far under a counter says so."""
    relation = overstepped(item, fixture)
    if relation is None:
        return found.into_fixture(item, fixture)
    return found.relation_broken(relation.name, item, fixture)
