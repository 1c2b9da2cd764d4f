"""Shared by the layout tests: rooms emptied of their furniture, the conflicts a suggestion
brings, and the plain greedy placement every suggestion must score at least as well as."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.layout.candidates import along_walls
from hjem.floorplan.layout.room_view import RoomView
from hjem.floorplan.layout.rules import score
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.report import full_report
from hjem.floorplan.shapes import room_at
from hjem.floorplan.spots import with_piece
from tests.conftest import ROOT

SAMPLES = ROOT / "assets" / "samples"


def sample(name: str) -> Plan:
    return load_plan(SAMPLES / f"{name}.hjem")


def pieces_in(plan: Plan, room: Room) -> list[Placement]:
    found = []
    for p in plan.placements:
        at = room_at(plan, (p.center.x, p.center.y))
        if at is not None and at.id == room.id:
            found.append(p)
    return found


def without(plan: Plan, pieces: Sequence[Placement]) -> Plan:
    ids = {p.id for p in pieces}
    return replace(plan, placements=tuple(p for p in plan.placements if p.id not in ids))


def conflict_keys(plan: Plan) -> set[tuple[str, tuple[str, ...]]]:
    return {(c.kind.value, c.elements) for c in full_report(plan)}


def new_conflicts(before: Plan, after: Plan) -> set[tuple[str, tuple[str, ...]]]:
    """The conflicts `after` has that `before` (the plan without the pieces) had not."""
    return conflict_keys(after) - conflict_keys(before)


def greedy(plan: Plan, room: Room, pieces: Sequence[Placement]) -> tuple[Plan, list[Placement]]:
    """The obvious slow twin: the pieces one by one, in the order given, each at the first
    pose along the walls (wall by wall, from one end) with which the whole plan has no
    conflict it did not have without the pieces; (plan, pieces placed)."""
    before = without(plan, pieces)
    current, placed = before, []
    view = RoomView(before, room)
    for piece in pieces:
        for trial in along_walls(view, piece):
            moved = piece.moved_to(trial.center, trial.rotation)
            trying = with_piece(current, moved)
            if not new_conflicts(before, trying):
                current = trying
                placed.append(moved)
                break
    return current, placed


def greedy_score(plan: Plan, room: Room, pieces: Sequence[Placement]) -> float:
    result, placed = greedy(plan, room, pieces)
    ids = {p.id for p in placed}
    staying = [p for p in pieces_in(result, room) if p.id not in ids]
    left_out = [p for p in pieces if p.id not in ids]
    return score(RoomView(result, room), [*staying, *placed], left_out)[0]
