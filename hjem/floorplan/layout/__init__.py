"""Furnish a room in one go (issue 19): layouts of a room from a set of pieces, scored by
soft rules an interior architect would sign, every one free of conflicts.

    suggest(plan, room_id, pieces, fixed=..., count=3, seed=0) -> list[Suggestion]

`pieces` are the pieces to lay out, as placements (category and size; their pose is ignored
unless their id is in `fixed`: those stay exactly where they are given). A piece whose id is
in the plan is moved, a new id is added. Pieces of the room not among `pieces` stay where
they are. A piece that cannot be placed is left out (`LeftOut`, with the reason) and is not
in the suggestion's plan, even if it was in the plan before. Pieces are placed most important
first (beds, sofa, table, wardrobe ... rugs last); when not all fit, the plain way (each piece
where find-a-spot puts it) is tried too, in that order and in the order `pieces` are given.

The plain greedy layout (each piece at the first pose along the walls the hard rules allow)
is always among the candidates, so no suggestion scores worse than it. Up to `count`
suggestions come back, best first; they differ visibly (the first piece that
stands against a wall, the bed or the sofa, is on another wall in each, or some piece stands
more than 50 cm elsewhere or turned). The same seed gives the same suggestions.

Hard rules: the conflict engine's (`report.full_report`); a suggestion brings no conflict the
plan (without the pieces) did not have. Soft rules: `rules.py`; `soft_rule_name(key)` names
one for the UI. How it works: docs/layout.md.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from hjem.floorplan.layout.rules import RULE_KEYS
from hjem.floorplan.layout.solver import Avoid, Layout, RoomSolver, differs
from hjem.floorplan.model import Placement, Plan, Room
from hjem.i18n import Message, msg

__all__ = ["RULE_KEYS", "LeftOut", "Suggestion", "soft_rule_name", "suggest"]

EXTRA_TRIES = 3  # variants tried beyond `count` to find visibly different ones


@dataclass(frozen=True)
class LeftOut:
    piece_id: str
    reason: Message


@dataclass(frozen=True)
class Suggestion:
    plan: Plan  # the whole plan with the room furnished
    placed: tuple[str, ...]  # ids of the pieces placed, in the order placed (not the fixed)
    left_out: tuple[LeftOut, ...]
    score: float  # higher is better
    reasons: tuple[tuple[str, float], ...]  # (soft rule key, weighted share), best first


def suggest(
    plan: Plan,
    room_id: str,
    pieces: Sequence[Placement],
    *,
    fixed: frozenset[str] = frozenset(),
    count: int = 3,
    seed: int = 0,
) -> list[Suggestion]:
    """Up to `count` visibly different layouts of the room, best first (see the module)."""
    room = plan.get(room_id)
    if not isinstance(room, Room):
        raise KeyError(f"no room {room_id!r} in the plan")
    solver = RoomSolver(plan, room, pieces, fixed)
    kept: list[Layout] = []
    avoid = Avoid()
    for k in range(max(count, 1) + EXTRA_TRIES):
        rng = None if k == 0 and seed == 0 else random.Random(seed * 7919 + k)
        found = solver.layout(rng, avoid)
        avoid = avoid.after(solver.view, found)
        if all(differs(found, other) for other in kept):
            kept = _fullest([*kept, found])
        if len(kept) == count and not kept[0].left_out:
            break
    scores = sorted((f.score for f in kept), reverse=True)
    to_beat = scores[count - 1] if len(scores) >= count > 0 else -math.inf  # the last shown
    plain = solver.first_fit(to_beat)
    if plain is not None:
        kept = _pooled(kept, plain)
    if any(f.left_out for f in kept):
        # Too full for the soft rules' choices: the plain way along the walls may fit more.
        # In the order of importance, and in the caller's (who may know better what matters).
        for order in (solver.order, solver.given):
            kept = _pooled(kept, solver.along_walls(order))
    kept = _fullest(kept)
    kept.sort(key=lambda f: -f.score)
    return [_suggestion(f) for f in kept[:count]]


def _fullest(layouts: list[Layout]) -> list[Layout]:
    """The layouts that leave out the fewest pieces: a variant that drops a piece another
    layout places is no suggestion (every piece that can fit is placed)."""
    fewest = min(len(f.left_out) for f in layouts)
    return [f for f in layouts if len(f.left_out) == fewest]


def _pooled(kept: list[Layout], new: Layout) -> list[Layout]:
    """`kept` with `new` among them: a layout too like another gives way to the better one."""
    alike = [f for f in kept if not differs(f, new)]
    if any(f.score >= new.score for f in alike):
        return kept
    return [f for f in kept if f not in alike] + [new]


def _suggestion(found: Layout) -> Suggestion:
    return Suggestion(
        found.plan,
        tuple(p.id for p in found.placed),
        tuple(LeftOut(p.id, reason) for p, reason in found.left_out),
        found.score,
        found.reasons,
    )


_NAMES = {
    "back_to_wall": "layout.rule.back_to_wall",
    "bed_head_to_wall": "layout.rule.bed_head_to_wall",
    "bed_not_under_window": "layout.rule.bed_not_under_window",
    "bed_out_of_door_line": "layout.rule.bed_out_of_door_line",
    "bedside_by_bed": "layout.rule.bedside_by_bed",
    "coffee_table_before_sofa": "layout.rule.coffee_table_before_sofa",
    "chairs_at_table": "layout.rule.chairs_at_table",
    "desk_light_from_side": "layout.rule.desk_light_from_side",
    "doors_can_open": "layout.rule.doors_can_open",
    "tall_clear_of_windows": "layout.rule.tall_clear_of_windows",
    "keeps_door_to_window": "layout.rule.keeps_door_to_window",
    "square_to_walls": "layout.rule.square_to_walls",
    "balance": "layout.rule.balance",
}


def soft_rule_name(key: str) -> Message:
    """The soft rule's name for the UI ("Ryggen mod væggen"); KeyError for an unknown key."""
    return msg(_NAMES[key])
