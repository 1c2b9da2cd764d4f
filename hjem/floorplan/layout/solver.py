"""Furnishing one room: pieces placed one by one, most important first, each at the trial
pose (`candidates`) the soft rules (`rules`) like best among those the piece checker passes.

The hard rules are the conflict engine's. Each piece is checked against the plan with the
pieces placed before it (`PieceCheck.is_free`: walls, furniture, door swings, windows, fixed
elements, everyone's clearance); the walkway, the costly check, is left to one `full_report`
of the finished layout. Should that find a conflict the plan did not have before (a way cut
off), the layout is made again checking the walkway at every piece (`walkway_clear`); a
piece that still brings a conflict is left out. A piece left out gets one more try with
`spots.SpotFinder` (every wall, walkway included) and, failing that, its reason.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from hjem.floorplan.conflicts import Conflict, ConflictKind, item_noun
from hjem.floorplan.geometry import Point
from hjem.floorplan.layout.candidates import Trial, trials_for
from hjem.floorplan.layout.room_view import RoomView
from hjem.floorplan.layout.rules import piece_value, score
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.piece_check import PieceCheck, check_for
from hjem.floorplan.report import full_report
from hjem.floorplan.room_names import room_noun
from hjem.floorplan.shapes import room_at
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
JITTER = 0.6  # how far a variant's seeded noise may reorder trial poses
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
        self.view = RoomView(base, room)
        self.staying = [p for p in base.placements if _in_room(base, p, room)]
        self.order = importance_order(movable)
        self.before = {conflict_key(c) for c in full_report(base)}
        self._checks: dict[tuple[str, ...], PieceCheck] = {}
        self._reasons: dict[str, Message] = {}

    # --- one layout -------------------------------------------------------------------------

    def layout(self, rng: random.Random | None, avoid: frozenset[int] = frozenset()) -> Layout:
        """A layout; `rng` shuffles near-equal poses, `avoid` keeps the first piece that
        stands against a wall off these walls (so variants differ)."""
        found = self._place_all(rng, avoid, walkway=False)
        if self._new_conflicts(found.plan):
            found = self._place_all(rng, avoid, walkway=True)
        self._drop_conflicting(found)
        self._second_chance(found)
        found.score, found.reasons = score(
            self.view, [*self.staying, *found.placed], [p for p, _ in found.left_out]
        )
        return found

    def _place_all(self, rng: random.Random | None, avoid: frozenset[int], walkway: bool) -> Layout:
        found = Layout(self.base, [])
        anchored = False
        for piece in self.order:
            walls = avoid if not anchored else frozenset()
            pose = self._best_pose(found, piece, rng, walls, walkway)
            if pose is None and walls:
                pose = self._best_pose(found, piece, rng, frozenset(), walkway)
            if pose is None:
                found.left_out.append((piece, self._crowded(piece)))
                continue
            placed, trial = pose
            anchored = anchored or trial.wall is not None
            found.placed.append(placed)
            found.plan = with_piece(found.plan, placed)
        return found

    def _best_pose(
        self,
        found: Layout,
        piece: Placement,
        rng: random.Random | None,
        avoid: frozenset[int],
        walkway: bool,
    ) -> tuple[Placement, Trial] | None:
        others = [*self.staying, *found.placed]
        ranked = []
        for n, trial in enumerate(trials_for(self.view, piece, others)):
            if trial.wall is not None and trial.wall in avoid:
                continue
            moved = piece.moved_to(trial.center, trial.rotation)
            value = piece_value(self.view, moved, others) + trial.hint
            if rng is not None:
                value += rng.uniform(0.0, JITTER)
            ranked.append((-value, n, moved, trial))
        ranked.sort(key=lambda r: (r[0], r[1]))
        check = self._check(found, piece)
        for _, _, moved, trial in ranked:
            center, rotation = (moved.center.x, moved.center.y), moved.rotation
            if not check.is_free(center, rotation):
                continue
            if walkway and not check.walkway_clear(center, rotation):
                continue
            return moved, trial
        return None

    def _check(self, found: Layout, piece: Placement) -> PieceCheck:
        """The piece checker for the plan so far (shared by variants that agree so far)."""
        key = tuple(
            f"{p.id}@{p.center.x:.2f},{p.center.y:.2f},{p.rotation:.1f}" for p in found.placed
        )
        check = self._checks.get(key)
        if check is None:
            check = self._checks[key] = check_for(found.plan, None)
        check.aim(piece, with_piece(found.plan, piece))
        return check

    # --- making sure --------------------------------------------------------------------------

    def _new_conflicts(self, plan: Plan) -> list[Conflict]:
        return [c for c in full_report(plan) if conflict_key(c) not in self.before]

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


def walls_of(view: RoomView, found: Layout) -> frozenset[int]:
    """The wall the layout's first wall-standing piece backs onto (as a one-element set)."""
    for piece in found.placed:
        behind = view.wall_behind(piece)
        if behind is not None:
            return frozenset({behind[0]})
    return frozenset()


def _in_room(plan: Plan, piece: Placement, room: Room) -> bool:
    found = room_at(plan, (piece.center.x, piece.center.y))
    return found is not None and found.id == room.id


def _without(plan: Plan, piece_id: str) -> Plan:
    return replace(plan, placements=tuple(p for p in plan.placements if p.id != piece_id))


def origin_piece(piece: Placement) -> Placement:
    return piece.moved_to(Point(0.0, 0.0), 0.0)
