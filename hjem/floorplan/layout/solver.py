"""Furnishing one room: pieces placed one by one, most important first, each at the trial
pose (`candidates`) the soft rules (`rules`) like best among those the piece checker passes.

The hard rules are the conflict engine's. Each piece is checked against the plan with the
pieces placed before it (`PieceCheck.is_free`: walls, furniture, door swings, windows, fixed
elements, everyone's clearance); the walkway, the costly check, is left to the finished
layout (`_way_clear`, as a drag that ends is checked), and `full_report` to a layout whose
way is not clear. Should that find a conflict the plan did not have before (a way cut off),
the layout is made again checking the walkway at every piece (`walkway_clear`); a piece that
still brings a conflict is left out. A piece left out gets one more try with
`spots.SpotFinder` (every wall, walkway included) and, failing that, its reason.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import shapely

from hjem.floorplan.categories import BEDS
from hjem.floorplan.conflicts import Conflict, ConflictKind, item_noun
from hjem.floorplan.geometry import Point, distance
from hjem.floorplan.layout.candidates import Trial, along_walls, seat_room, trials_for
from hjem.floorplan.layout.pairs import PairCheck
from hjem.floorplan.layout.room_view import RoomView, room_view
from hjem.floorplan.layout.rules import TABLES, judged_counts, piece_values, score
from hjem.floorplan.layout.screen import Screen
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.piece_check import PieceCheck, check_for
from hjem.floorplan.plan_geometry import PlanGeometry, build
from hjem.floorplan.relations import SEATS
from hjem.floorplan.report import full_report
from hjem.floorplan.room_names import room_noun
from hjem.floorplan.shapes import footprints, pieces_in
from hjem.floorplan.spots import SpotFinder, with_piece
from hjem.i18n import Message, msg

# Most important first: who is left out when not all fit.
IMPORTANCE: tuple[str, ...] = (
    *("seng", "barneseng", "sofa", "spisebord", "klaedeskab", "skrivebord", "kommode"),
    *("reol", "skaenk", "tvbord", "koeleskab", "vaskemaskine", "laenestol", "sofabord"),
    *("natbord", "stol", "barstol", "boernemoebel", "lampe", "andet", "madras", "legetoej"),
    *("koekkenudstyr", "tekstiler", "taeppe"),
)
_RANK = {category: i for i, category in enumerate(IMPORTANCE)}
JITTER = 0.15  # how far a variant's seeded noise may reorder trial poses
SEAT_LOOKAHEAD = 3.0  # as much as the chairs-at-the-table rule weighs
MOVED_CM = 50.0  # a piece moved this far, or turned, makes a layout visibly different


@dataclass
class Layout:
    """One layout of the room: the plan, the pieces placed and those left out."""

    plan: Plan
    placed: list[Placement]
    left_out: list[tuple[Placement, Message]] = field(default_factory=list)
    score: float = 0.0
    reasons: tuple[tuple[str, float], ...] = ()


def importance_order(pieces: Sequence[Placement]) -> list[Placement]:
    return sorted(
        pieces, key=lambda p: (_RANK.get(p.category, len(_RANK)), -p.width * p.depth, p.id)
    )


def conflict_key(conflict: Conflict) -> tuple[str, tuple[str, ...]]:
    return conflict.kind.value, conflict.elements


class RoomSolver:
    """Lays out the given pieces in one room of a plan; `layout` makes one variant."""

    def __init__(self, plan: Plan, room: Room, pieces: Sequence[Placement], fixed: frozenset[str]):
        self.room = room
        movable = [p for p in pieces if p.id not in fixed]
        moving_ids = {p.id for p in movable}
        kept = tuple(p for p in plan.placements if p.id not in moving_ids)
        base = replace(plan, placements=kept)
        for piece in pieces:
            if piece.id in fixed:
                base = with_piece(base, piece)
        self.base = base
        self.view = room_view(base, room)
        self.staying = pieces_in(base, room.id)
        self.given = movable  # in the caller's order
        self.order = importance_order(movable)
        self.judged = judged_counts([*self.staying, *movable])
        self._base_check: PieceCheck | None = None
        self._last_report: tuple[Plan, list[Conflict]] | None = None
        self._last_walkway: tuple[Plan, list[Conflict], PlanGeometry] | None = None

    # --- one layout -------------------------------------------------------------------------

    def layout(self, rng: random.Random | None, avoid: Avoid | None = None) -> Layout:
        """A layout; `rng` shuffles near-equal poses, `avoid` keeps the first piece off the
        walls and spots it had in earlier variants (so variants differ)."""
        avoid = avoid or Avoid()
        found = self._place_all(rng, avoid, walkway=False)
        # The piece checker and the pair check keep every hard rule but the walkway: with the
        # way clear the layout is sound (the tests make sure of it with the full report).
        if not self._way_clear(found):
            if self._new_conflicts(found.plan):
                found = self._place_all(rng, avoid, walkway=True)
            self._drop_conflicting(found)
        self._second_chance(found)
        self._score(found)
        return found

    def first_fit(self, to_beat: float) -> Layout | None:
        """The plain greedy way: each piece in the caller's order at the first pose along the
        walls (edge by edge, from one end: `candidates.along_walls`) the hard rules allow, the
        soft rules unasked. `suggest` keeps it among its candidates, so no suggestion scores
        worse than it. None when it scores no better than `to_beat` (a suggestion beats it)."""
        found = self._place_plain(walkway=False)
        self._score(found)
        if self._way_clear(found):
            # The piece checker and the pair check keep every other hard rule, so with the
            # way clear this is the greedy layout itself (fewer pieces only free more floor).
            return found if found.score > to_beat else None
        if self._new_conflicts(found.plan) and found.placed:
            found = self._place_plain(walkway=True)
        self._drop_conflicting(found)
        self._score(found)
        return found if found.score > to_beat else None

    def _place_plain(self, walkway: bool) -> Layout:
        found = Layout(self.base, [])
        pairs = None if walkway else PairCheck()
        for piece in self.given:
            check = self._check(found, piece, pairs is None)
            trials = self._screened(check, piece, [along_walls(self.view, piece)], pairs)
            poses = (piece.moved_to(t.center, t.rotation) for t in trials)
            pose = next((p for p in poses if self._admits(check, p, pairs)), None)
            if pose is None:
                found.left_out.append((piece, self._crowded(piece)))
                continue
            found.placed.append(pose)
            if walkway:  # the careful way checks each piece against the plan so far
                found.plan = with_piece(found.plan, pose)
        return self._planned(found)

    def along_walls(self, order: Sequence[Placement]) -> Layout:
        """The plain way, for a room too full for the soft rules' choices: each piece in
        `order` where find-a-spot puts it (every wall, the walkway checked)."""
        found = Layout(self.base, [])
        for piece in order:
            spot = SpotFinder(found.plan).find(piece, self.room.id)
            if spot.placement is None:
                found.left_out.append((piece, spot.reason or self._crowded(piece)))
                continue
            found.placed.append(spot.placement)
            found.plan = spot.applied_to(found.plan)
        self._drop_conflicting(found)
        self._score(found)
        return found

    def _score(self, found: Layout) -> None:
        found.score, found.reasons = score(
            self.view, [*self.staying, *found.placed], [p for p, _ in found.left_out]
        )

    def _place_all(self, rng: random.Random | None, avoid: Avoid, walkway: bool) -> Layout:
        """Every piece at its best pose; `walkway`: the careful way (a piece checker rebuilt
        for each piece, the walkway checked), else the fast way (`pairs`)."""
        found = Layout(self.base, [])
        pairs = None if walkway else PairCheck()
        for n, piece in enumerate(self.order):
            pose = None
            # The first piece: off its earlier walls and spots, else off its spots, else anywhere.
            for keep_off in avoid.steps() if n == 0 else [Avoid()]:
                pose = self._best_pose(found, piece, rng, keep_off, pairs)
                if pose is not None:
                    break
            if pose is None:
                found.left_out.append((piece, self._crowded(piece)))
                continue
            found.placed.append(pose)
            if walkway:
                found.plan = with_piece(found.plan, pose)
        return self._planned(found)

    def _planned(self, found: Layout) -> Layout:
        """The layout with its plan: the plan without the pieces and the pieces placed (the
        fast way checks each piece against the plan without them, so makes it only now)."""
        found.plan = replace(self.base, placements=(*self.base.placements, *found.placed))
        return found

    def _best_pose(
        self,
        found: Layout,
        piece: Placement,
        rng: random.Random | None,
        avoid: Avoid,
        pairs: PairCheck | None,
    ) -> Placement | None:
        others = [*self.staying, *found.placed]
        check = self._check(found, piece, pairs is None)
        for tier in trials_for(self.view, piece, others):
            trials = self._screened(check, piece, tier, pairs)
            if avoid.walls or avoid.spots:
                trials = [t for t in trials if avoid.allows(t)]
            poses = [piece.moved_to(t.center, t.rotation) for t in trials]
            values = piece_values(self.view, poses, others, self.judged)
            if piece.category in TABLES:
                values = self._with_seats(piece, poses, values)
            ranked = []
            for n, (trial, moved, value) in enumerate(zip(trials, poses, values, strict=True)):
                noise = 0.0 if rng is None else rng.uniform(0.0, JITTER)
                ranked.append((-(value + trial.hint + noise), n, moved, trial))
            ranked.sort(key=lambda r: (r[0], r[1]))
            for _, _, moved, _ in ranked:
                if self._admits(check, moved, pairs):
                    return moved
        return None

    def _with_seats(
        self, table: Placement, poses: list[Placement], values: list[float]
    ) -> list[float]:
        """A table's poses valued with the seats its chairs (still to place) would find."""
        chairs = [p for p in self.order if p.category in SEATS]
        if table.category == "skrivebord":
            chairs = chairs[:1]
        if not chairs:
            return values
        room = seat_room(self.view, poses, chairs[0], len(chairs))
        return [v + SEAT_LOOKAHEAD * r for v, r in zip(values, room, strict=True)]

    def _screened(
        self,
        check: PieceCheck,
        piece: Placement,
        trials: Sequence[Sequence[Trial]],
        pairs: PairCheck | None,
    ) -> list[Trial]:
        """The trials of these lists that pass the cheap refusals (`screen`), all at once."""
        if pairs is None:  # the careful way: a piece checker of the plan so far
            return Screen(check.geometry, self.view).passing(piece, trials, [])
        return self._screen.passing(piece, trials, pairs.standing_in_way(piece))

    def _admits(self, check: PieceCheck, moved: Placement, pairs: PairCheck | None) -> bool:
        center, rotation = (moved.center.x, moved.center.y), moved.rotation
        if not check.is_free(center, rotation):
            return False
        if pairs is None:
            return check.walkway_clear(center, rotation)
        blocked = check.zones_blocked(center, rotation)
        return pairs.join(moved, blocked, check.shapes_at(center, rotation))

    def _check(self, found: Layout, piece: Placement, rebuilt: bool) -> PieceCheck:
        """The piece checker aimed at `piece`: of the plan without the pieces (the fast way),
        or of the plan so far (the careful way)."""
        if not rebuilt:
            check = self._base()
            check.aim(piece, with_piece(self.base, piece))
            return check
        check = check_for(found.plan, None)
        check.aim(piece, with_piece(found.plan, piece))
        return check

    # --- making sure --------------------------------------------------------------------------

    def _way_clear(self, found: Layout) -> bool:
        """Whether the layout cuts off no room and no bed side: the pieces placed taken from the
        floor the plan without them leaves, at once, as a drag takes one piece
        (`PieceCheck.reach_around`). Only the full walkway can tell when the plan without them
        already had a way cut off, or a piece is a bed or stands on a bed's free side."""
        if not found.placed:
            return True
        check = self._base()
        taken = footprints(found.placed, 0.0)
        sides = check.bed_sides_before
        if (
            check.blocked_before
            or any(p.category in BEDS for p in found.placed)
            or any(shapely.intersects(taken, side).any() for _, side in sides)
        ):
            return not self._walkway(found.plan)[0]
        standing = [t for t, p in zip(taken, found.placed, strict=True) if not p.floor_flat]
        if not standing:
            return True
        reached = check.reach_around(shapely.multipolygons(standing))
        return not check.walkway_check.blocked(reached, sides)

    def _new_conflicts(self, plan: Plan) -> list[Conflict]:
        """Conflicts the plan without the pieces did not have (the last plan's kept)."""
        if self._last_report is None or self._last_report[0] is not plan:
            self._last_report = (plan, self._report(plan))
        found = self._last_report[1]
        return [c for c in found if conflict_key(c) not in self.before] if found else []

    @cached_property
    def before(self) -> set[tuple[str, tuple[str, ...]]]:
        """The conflicts of the plan without the pieces: not the layout's doing (worked out
        only when a layout has any conflict at all)."""
        return {conflict_key(c) for c in full_report(self.base)}

    def _report(self, plan: Plan) -> list[Conflict]:
        """`full_report` of a layout, its walkway as `_walkway` finds it."""
        found, geometry = self._walkway(plan)
        return full_report(plan, walkway_found=found, geometry=geometry)

    def _walkway(self, plan: Plan) -> tuple[list[Conflict], PlanGeometry]:
        """The walkway's conflicts in a layout, worked out from the floor the plan without the
        pieces leaves (as a drag does), growing only the pieces placed; and its geometry. The
        last plan's are kept: a layout whose way is not clear gets its full report next."""
        if self._last_walkway is not None and self._last_walkway[0] is plan:
            return self._last_walkway[1], self._last_walkway[2]
        check = self._base()
        placed = [p for p in plan.placements if self.base.get(p.id) != p]
        walkway = check.walkway_check.with_plan(plan)
        floor = walkway.floor_with(placed, base=check.floor_of_others)
        geometry = build(plan)
        self._last_walkway = (plan, walkway.conflicts(geometry, floor=floor), geometry)
        return self._last_walkway[1], geometry

    @cached_property
    def _screen(self) -> Screen:
        """The cheap refusals against the plan without the pieces, kept for every variant."""
        return Screen(self._base().geometry, self.view)

    def _base(self) -> PieceCheck:
        if self._base_check is None:
            self._base_check = check_for(self.base, None)
        return self._base_check

    def _drop_conflicting(self, found: Layout) -> None:
        """Leave out, least important first, pieces named in a conflict the plan did not have."""
        while conflicts := self._new_conflicts(found.plan):
            named = {e for c in conflicts for e in c.elements}
            if any(c.kind is ConflictKind.WALKWAY for c in conflicts):
                named |= {p.id for p in found.placed}  # a way cut off: anyone may have done it
            culprit = next((p for p in reversed(found.placed) if p.id in named), None)
            if culprit is None:
                return  # not ours to fix
            found.placed.remove(culprit)
            found.plan = _without(found.plan, culprit.id)
            found.left_out.append((culprit, self._crowded(culprit)))

    def _second_chance(self, found: Layout) -> None:
        """Each piece left out tried once more by find-a-spot, which knows every wall and the
        walkway; what it cannot place gets its reason."""
        still: list[tuple[Placement, Message]] = []
        for piece, reason in importance_order_pairs(found.left_out):
            spot = SpotFinder(found.plan).find(piece, self.room.id)
            if spot.placement is not None and not self._new_conflicts(spot.applied_to(found.plan)):
                found.placed.append(spot.placement)
                found.plan = spot.applied_to(found.plan)
            else:
                still.append((piece, spot.reason or reason))
        found.left_out = still

    def _crowded(self, piece: Placement) -> Message:
        return msg("layout.left_out.crowded", item=item_noun(piece), room=room_noun(self.room))


def importance_order_pairs(
    pairs: list[tuple[Placement, Message]],
) -> list[tuple[Placement, Message]]:
    order = {p.id: i for i, p in enumerate(importance_order([p for p, _ in pairs]))}
    return sorted(pairs, key=lambda pair: order[pair[0].id])


def differs(a: Layout, b: Layout) -> bool:
    """Whether two layouts differ visibly: another set of pieces, or one moved or turned."""
    where = {p.id: p for p in b.placed}
    if set(where) != {p.id for p in a.placed}:
        return True
    for p in a.placed:
        q = where[p.id]
        moved = ((p.center.x - q.center.x) ** 2 + (p.center.y - q.center.y) ** 2) ** 0.5
        turned = abs((p.rotation - q.rotation + 180.0) % 360.0 - 180.0) > 1.0
        if moved > MOVED_CM or (turned and p.width != p.depth):
            return True
    return False


@dataclass(frozen=True)
class Avoid:
    """Where a variant keeps its first piece off: the walls and spots of earlier variants."""

    walls: frozenset[int] = frozenset()
    spots: tuple[Point, ...] = ()

    def allows(self, trial: Trial) -> bool:
        if trial.wall is not None and trial.wall in self.walls:
            return False
        return all(distance(trial.center, spot) > MOVED_CM for spot in self.spots)

    def steps(self) -> list[Avoid]:
        """This, then only the spots, then nothing: the first that leaves a pose wins."""
        return [self, Avoid(spots=self.spots), Avoid()]

    def after(self, view: RoomView, found: Layout) -> Avoid:
        """This, and the first piece's wall and spot in `found` as well."""
        if not found.placed:
            return self
        first = found.placed[0]
        behind = view.wall_behind(first)
        walls = self.walls | ({behind[0]} if behind is not None else set())
        return Avoid(frozenset(walls), (*self.spots, first.center))


def _without(plan: Plan, piece_id: str) -> Plan:
    return replace(plan, placements=tuple(p for p in plan.placements if p.id != piece_id))
