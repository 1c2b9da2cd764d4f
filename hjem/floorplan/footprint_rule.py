"""What it means when a piece's footprint touches something: the one rule the piece checker
(`piece_check`: drag, find a spot, what fits) and the full report (`report`) both apply.

Walls and fixed elements stop every piece; a rug or mat lies under the rest (other furniture,
door swings, windows); a window only stops a piece standing higher than its sill.

An obstacle is named by its role and an index: for `WALL`, `FIXTURE` and `FURNITURE` into the
geometry's `obstacle_*` arrays, for `DOOR` into its doors, for `WINDOW` into its windows.
"""

from __future__ import annotations

from hjem.floorplan import conflicts as found
from hjem.floorplan.conflicts import Conflict
from hjem.floorplan.model import Fixture, Placement
from hjem.floorplan.plan_geometry import DOOR, FIXTURE, FURNITURE, WALL, WINDOW, PlanGeometry


def footprint_blocks(item: Placement, role: int, ref: int, g: PlanGeometry) -> bool:
    """Whether `item`'s footprint touching this obstacle is a conflict."""
    if role in (WALL, FIXTURE):
        return True
    if item.floor_flat:
        return False
    if role == WINDOW:
        return bool(item.height > g.windows[ref].sill_height)
    return role in (FURNITURE, DOOR)


def footprint_conflict(item: Placement, role: int, ref: int, g: PlanGeometry) -> Conflict:
    """The conflict `footprint_blocks` found, in words."""
    if role == WALL:
        return found.into_wall(item, g.obstacle_ids[ref])
    if role == FIXTURE:
        fixture = g.plan[g.obstacle_ids[ref]]
        assert isinstance(fixture, Fixture)
        return found.into_fixture(item, fixture)
    if role == FURNITURE:
        other = g.plan[g.obstacle_ids[ref]]
        assert isinstance(other, Placement)
        return found.overlap(item, other)
    if role == DOOR:
        return found.in_door_swing(item, g.doors[ref], g.door_names[ref])
    return found.before_window(item, g.windows[ref], g.window_rooms[ref])
