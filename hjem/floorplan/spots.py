"""Find a spot: where in a room a piece of furniture can stand, or why it cannot.

Only spots with the piece's back against the room's outline are searched (beds: the head),
as architects furnish: free-standing poses (a dining table in the middle of the kitchen) are
not tried, and a piece that fits only free-standing gets a reason, not a spot.

A spot is valid when the piece checker finds nothing (`PieceCheck.is_free`: walls, furniture,
door swings, windows, fixed elements, clearances) and the piece cuts off no room or bed side the
walkway reached before (`PieceCheck.walkway_clear`): added, it brings no new conflict to
`full_report`.

How: `wall_runs` gives, per room edge, the offsets where the piece clears walls, furniture,
doors, windows, fixed elements and everyone's clearance (its own included), exactly as the
piece checker judges them. Candidates are each free stretch's two ends and middle, the same for
the stretches also clear of floor best kept free; only if none will do, every `SWEEP_STEP` cm
between. In score order, each goes through the piece checker (~20 µs, to be sure); the first
that passes gets the walkway check (~0.2 ms), and the next ones too if it fails, up to
`MAX_WALKWAY_TRIES` in all (a spot the walkway allows only beyond those, or only between two
sweep offsets, is missed; the reason then says the walkway stopped it).

The score is a penalty, lowest first:
- `UNBACKED` × the share of the piece's back with no wall behind it (a doorway, an open side);
- `COURTESY` × each spot best kept free the piece stands in: a doorway's approach, the corner
  behind an opened door, one of the two free sides of a bed;
- `MIDDLE` × how near the middle of its wall it stands (0 at the ends, 1 in the middle): at the
  ends it leaves the longest free stretch of wall and the middle of the room free;
- `SWEEP` for last-resort offsets that are neither an end nor the middle of a free stretch.

`SpotFinder(plan)` indexes lazily and keeps: the walkway's still part (once per layout, shared
with the report's) and, per piece left out of the index (none for a new piece, or the id of the
one being moved), the piece checker and the obstacles along the walls, both from one geometry.
A search reuses them: the UI keeps one finder per plan.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, replace

from hjem.floorplan.conflicts import item_noun
from hjem.floorplan.geometry import Point
from hjem.floorplan.intervals import Interval, covered, free_within, intersection
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.piece_check import PieceCheck, check_for
from hjem.floorplan.room_names import room_noun
from hjem.floorplan.shapes import (
    TOLERANCE,
    clearance_of,
    room_polygon,
    zone_boxes,
    zone_options,
)
from hjem.floorplan.walkway import PATH_WIDTH, Walkway, walkway_for
from hjem.floorplan.wall_obstacles import Obstacles, index_obstacles
from hjem.floorplan.wall_runs import LAYOUT, ROOM, Edge, Run, room_edges, runs
from hjem.i18n import Message, msg

UNBACKED, COURTESY, MIDDLE, SWEEP = 100.0, 40.0, 10.0, 5.0
INSET = TOLERANCE  # cm from a free stretch's end: the piece then stands flush with its neighbour
SWEEP_STEP = 10.0
MAX_WALKWAY_TRIES = 64
CACHED_PIECES = 8  # indexes kept for pieces being moved (one more for new pieces)


@dataclass(frozen=True)
class Spot:
    """The piece at its best pose, or why there is none (`reason`, shown to the architect)."""

    placement: Placement | None
    reason: Message | None = None
    penalty: float = 0.0

    @property
    def found(self) -> bool:
        return self.placement is not None

    def applied_to(self, plan: Plan) -> Plan:
        """`plan` with the piece at its spot: moved if it was in the plan, added if not."""
        assert self.placement is not None, "no spot to apply"
        return with_piece(plan, self.placement)


@dataclass(frozen=True)
class Candidate:
    """A trial pose: the piece's centre `along` cm along its run's edge, against the edge."""

    penalty: float
    run: Run
    along: float
    item: Placement

    @property
    def pose(self) -> tuple[Point, float]:
        return self.run.centre(self.along, self.item), self.run.rotation


@dataclass
class _Index:
    check: PieceCheck
    obstacles: Obstacles


class SpotFinder:
    """Finds spots for pieces in one plan value."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self._walkway: Walkway | None = None
        self._indexes: OrderedDict[str | None, _Index] = OrderedDict()
        self._edges: dict[str, list[Edge]] = {}

    def find(self, item: Placement, room_id: str) -> Spot:
        """The best spot for `item` (new, or a placement of the plan to move) in the room."""
        room = self.room(room_id)
        check, obstacles = self.prepare(item)
        found = runs(obstacles, self.edges(room), item)
        trials = _Trials(check)
        # The ends and middles of the free stretches first; only if none will do, the rest.
        for sweep in (False, True):
            spot = trials.first_valid(sort_candidates(candidates_of(found, item, sweep)))
            if spot is not None:
                return Spot(item.moved_to(*spot.pose), None, spot.penalty)
        return Spot(None, no_spot_reason(item, room, found, trials.walkway_tried > 0))

    def room(self, room_id: str) -> Room:
        room = self.plan.get(room_id)
        if not isinstance(room, Room):
            raise KeyError(f"no room {room_id!r} in the plan")
        return room

    def prepare(self, item: Placement) -> tuple[PieceCheck, Obstacles]:
        """The piece checker aimed at `item` and the obstacles along the walls without it."""
        element = self.plan.get(item.id)
        if element is not None and not isinstance(element, Placement):
            raise ValueError(f"{item.id!r} is not a placement")
        index = self._index(None if element is None else item.id)
        index.check.aim(item, with_piece(self.plan, item))
        return index.check, index.obstacles

    def edges(self, room: Room) -> list[Edge]:
        if room.id not in self._edges:
            self._edges[room.id] = room_edges(room_polygon(room))
        return self._edges[room.id]

    def _index(self, excluded: str | None) -> _Index:
        if excluded in self._indexes:
            self._indexes.move_to_end(excluded)
            return self._indexes[excluded]
        if self._walkway is None:
            self._walkway = walkway_for(self.plan)
        check = check_for(self.plan, excluded, self._walkway)
        index = _Index(check, index_obstacles(check.geometry))
        self._indexes[excluded] = index
        moved = [key for key in self._indexes if key is not None]
        if len(moved) > CACHED_PIECES:
            del self._indexes[moved[0]]
        return index


class _Trials:
    """Candidates put to the piece checker, and the walkway for those that pass it, within a
    budget of walkway checks (the costly part) for the whole search."""

    def __init__(self, check: PieceCheck):
        self.check = check
        self.walkway_tried = 0

    def first_valid(self, candidates: list[Candidate]) -> Candidate | None:
        for candidate in candidates:
            center, rotation = candidate.pose
            if not self.check.is_free(center, rotation):
                continue
            if self.walkway_tried == MAX_WALKWAY_TRIES:
                return None
            self.walkway_tried += 1
            if self.check.walkway_clear(center, rotation):
                return candidate
        return None


def find_spot(plan: Plan, item: Placement, room_id: str) -> Spot:
    """The best spot for `item` in the room (indexes the plan for this one search)."""
    return SpotFinder(plan).find(item, room_id)


def with_piece(plan: Plan, item: Placement) -> Plan:
    """`plan` with `item` in place of the placement of the same id, or added."""
    if item.id in plan:
        placements = tuple(item if p.id == item.id else p for p in plan.placements)
    else:
        placements = (*plan.placements, item)
    return replace(plan, placements=placements)


# --- candidates and their score --------------------------------------------------------------


def candidates_of(found: list[Run], item: Placement, sweep: bool = False) -> list[Candidate]:
    """Trial poses along every edge, each with its penalty: the ends and middles of the free
    stretches (and of those also clear of floor best kept free); with `sweep`, instead, every
    `SWEEP_STEP` cm between them."""
    out = []
    for run in found:
        free = run.free()
        preferred = intersection(free, free_within((-math.inf, math.inf), run.soft))
        main = {round(s): s for s in _ends_and_middles(preferred + free)}
        if sweep:
            offsets = {k: s for k, s in ((round(s), s) for s in _sweep(free)) if k not in main}
        else:
            offsets = main
        length = run.length_of(item)
        extra = SWEEP if sweep else 0.0
        out += [Candidate(extra + penalty(run, s, length), run, s, item) for s in offsets.values()]
    return out


def _ends_and_middles(stretches: list[Interval]) -> list[float]:
    offsets = []
    for a, b in stretches:
        if b - a > 2 * INSET:
            offsets += [a + INSET, b - INSET]
        offsets.append((a + b) / 2)
    return offsets


def _sweep(stretches: list[Interval]) -> list[float]:
    offsets = []
    for a, b in stretches:
        s = a + INSET + SWEEP_STEP
        while s < b - INSET:
            offsets.append(s)
            s += SWEEP_STEP
    return offsets


def penalty(run: Run, along: float, width: float) -> float:
    """The score of the piece's centre at `along` on this run (lower is better)."""
    unbacked = 1.0 - covered(run.backed, along - width / 2, along + width / 2) / width
    courtesy = sum(1 for a, b in run.soft if a <= along <= b)
    half = run.edge.length / 2
    middle = 1.0 - abs(along - half) / half
    return UNBACKED * max(unbacked, 0.0) + COURTESY * courtesy + MIDDLE * middle


def sort_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Best first; ties broken by place, so a search is deterministic."""
    return sorted(candidates, key=_order)


def _order(candidate: Candidate) -> tuple[float, ...]:
    x, y = candidate.run.edge.start.round(6).tolist()
    return (round(candidate.penalty, 6), x, y, candidate.run.turn, candidate.along)


# --- why there is no spot --------------------------------------------------------------------


def no_spot_reason(item: Placement, room: Room, found: list[Run], walkway: bool) -> Message:
    """The sentence for the architect: what stops every spot along the walls."""
    if walkway:
        reason = msg("spot.reason.walkway", item=item_noun(item), cm=round(PATH_WIDTH))
    elif not any(run.free(ROOM) for run in found):
        reason = _too_small(item)
    elif not any(run.free(LAYOUT) for run in found):
        reason = msg("spot.reason.openings")
    elif not any(run.free() for run in found):
        reason = msg("spot.reason.furniture")
    else:
        reason = msg("spot.reason.conflicts")
    return msg("spot.none", item=item_noun(item), room=room_noun(room), reason=reason)


def _too_small(item: Placement) -> Message:
    width, depth = needed_size(item)
    plain = (width, depth) == (item.width, item.depth)  # it needs no free floor around it
    key = "spot.reason.too_small_plain" if plain else "spot.reason.too_small"
    return msg(key, item=item_noun(item), width=round(width), depth=round(depth))


def needed_size(item: Placement) -> tuple[float, float]:
    """Width and depth of the piece with the free floor it needs (one zone will do for "any")."""
    boxes = zone_boxes(item.width, item.depth, clearance_of(item))
    if item.floor_flat or not boxes:
        return item.width, item.depth
    footprint = (0.0, 0.0, item.width, item.depth)
    options = zone_options(item.width, item.depth, clearance_of(item))
    sizes = [_extent([footprint, *option]) for option in options]
    return min(sizes, key=lambda size: size[0] * size[1])


def _extent(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float]:
    xs = [x + sign * w / 2 for x, _, w, _ in boxes for sign in (-1, 1)]
    ys = [y + sign * d / 2 for _, y, _, d in boxes for sign in (-1, 1)]
    return max(xs) - min(xs), max(ys) - min(ys)
