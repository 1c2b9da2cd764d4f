"""Trial poses for a piece, made as an architect would try them rather than at random:
with its back to each wall (flush in either corner, centred, and every `STEP` cm between);
chairs around the table they belong to, pushed in; a bedside table beside a bed's head; the
coffee table in front of the sofa; the rug under the coffee table or the dining table; an
armchair beside the coffee table, facing it; a table also free in the middle of the room.

Each trial carries a small `hint` (a corner for a wardrobe, the middle of a wall for a bed)
that breaks ties between poses the soft rules score alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import shapely

from hjem.floorplan.categories import BEDS
from hjem.floorplan.geometry import Point, local_to_world, normalize_angle, rect_corners
from hjem.floorplan.layout.room_view import RoomView
from hjem.floorplan.layout.rules import COFFEE_GAP, COFFEE_TABLES, SOFAS, TABLES, bedside_slots
from hjem.floorplan.model import Placement
from hjem.floorplan.relations import SEATS, back_depth
from hjem.floorplan.wall_runs import depth_into, length_along, rotation_on

STEP = 30.0  # cm between trial offsets along a wall
INSET = 0.5  # cm from a wall's end: flush with the corner, as `spots` stands pieces
SEAT_SPACING = 55.0  # cm of table edge per chair
HINT = 0.1  # a trial's hint weighs less than any soft rule's share of a piece
CENTRED = frozenset({"seng", "barneseng", "sofa", "tvbord", "skaenk"})
CORNERED = frozenset({"klaedeskab", "reol", "kommode", "koeleskab", "vaskemaskine", "lampe"})


class Trial(NamedTuple):  # a tuple: a room has hundreds, made once per room and piece size
    center: Point
    rotation: float
    wall: int | None = None  # the edge of the room it backs onto
    hint: float = 0.0


def trials_for(
    view: RoomView, piece: Placement, placed: Sequence[Placement]
) -> list[list[list[Trial]]]:
    """The trial poses for the piece, given the pieces placed in the room so far, in tiers,
    each a few lists: for a chair, the seats at the tables first, and only if none will do,
    the rest (along the walls); for any other piece, all of them at once. The list along
    the walls is the one `along_walls` keeps."""
    related = _related(piece, placed)
    rest = [_free(view, piece), along_walls(view, piece)]
    if related and piece.category in SEATS:
        return [[related], rest]
    return [[related, *rest]]


def along_walls(view: RoomView, piece: Placement) -> list[Trial]:
    """The piece with its back to each edge of the room in turn, from the edge's start
    (kept on the view per kind and size of piece: variants ask again and again)."""
    key = (piece.category, piece.width, piece.depth)
    if key not in view.trials:
        view.trials[key] = _along_walls(view, piece)
    return view.trials[key]


def _along_walls(view: RoomView, piece: Placement) -> list[Trial]:
    turns = (0.0, 90.0) if piece.category in TABLES and piece.category != "skrivebord" else (0.0,)
    trials = []
    for i, (edge, (sx, sy, dx, dy, _, _)) in enumerate(zip(view.edges, view.frames, strict=True)):
        for turn in turns:
            length = length_along(turn, piece)
            inward = depth_into(turn, piece) / 2
            low, high = length / 2 + INSET, edge.length - length / 2 - INSET
            if high < low:
                continue
            rotation = rotation_on(edge, turn)
            for along in _offsets(low, high):
                hint = _wall_hint(piece.category, along, edge.length) if turn == 0.0 else 0.0
                # The edge's frame in plain floats (`Edge.point`, without numpy's cost).
                centre = Point(sx + dx * along - dy * inward, sy + dy * along + dx * inward)
                trials.append(Trial(centre, rotation, i, hint))
    return trials


def _offsets(low: float, high: float) -> list[float]:
    offsets = [low, high, (low + high) / 2]
    steps = int((high - low) // STEP)
    offsets += [low + k * (high - low) / (steps + 1) for k in range(1, steps + 1)]
    return sorted({round(o, 3) for o in offsets})


def _wall_hint(category: str, along: float, length: float) -> float:
    """Beds and sofas centred on their wall; wardrobes and shelves in a corner."""
    half = length / 2
    middle = 1.0 - abs(along - half) / half if half > 0 else 0.0
    if category in CENTRED:
        return HINT * middle
    if category in CORNERED:
        return HINT * (1.0 - middle)
    return 0.0


def _free(view: RoomView, piece: Placement) -> list[Trial]:
    """A dining table, a coffee table or a rug free in the room: in its middle, and halfway
    to each wall, square to the longest wall."""
    if (
        piece.category not in (TABLES | COFFEE_TABLES | {"taeppe"})
        or piece.category == "skrivebord"
    ):
        return []
    longest = max(view.edges, key=lambda e: e.length)
    c = view.centre
    shift = view.radius / 2
    spots = [c] + [
        Point(c.x + dx * shift, c.y + dy * shift)
        for dx, dy in (
            (float(longest.direction[0]), float(longest.direction[1])),
            (-float(longest.direction[0]), -float(longest.direction[1])),
            (float(longest.normal[0]), float(longest.normal[1])),
            (-float(longest.normal[0]), -float(longest.normal[1])),
        )
    ]
    return [
        Trial(p, normalize_angle(longest.rotation + turn) % 360.0)
        for p in spots
        if view.covers(p)
        for turn in (0.0, 90.0)
    ]


def _related(piece: Placement, placed: Sequence[Placement]) -> list[Trial]:
    category = piece.category
    if category in SEATS:
        return [t for table in placed if table.category in TABLES for t in seats(table, piece)]
    if category == "natbord":
        return [
            Trial(slot, bed.rotation, hint=HINT)
            for bed in placed
            if bed.category in BEDS
            for slot in bedside_slots(bed, piece)
        ]
    if category in COFFEE_TABLES:
        return [t for sofa in placed if sofa.category in SOFAS for t in _before_sofa(sofa, piece)]
    if category == "taeppe":
        return [
            Trial(p.center, p.rotation, hint=HINT)
            for p in placed
            if p.category in COFFEE_TABLES or p.category == "spisebord"
        ]
    if category == "laenestol":
        return [t for p in placed if p.category in COFFEE_TABLES for t in _beside(p, piece)]
    return []


def seats(table: Placement, chair: Placement) -> list[Trial]:
    """A chair's poses around a table, facing it and pushed in as far as its back allows
    (less a little): along the long sides, spread evenly, then at the ends; at a desk, only
    at its front."""
    push = max(0.0, min(0.4 * chair.depth, chair.depth - back_depth(chair) - 4.0))
    out = chair.depth / 2 - push  # the chair's centre beyond the table's edge
    if table.category == "skrivebord":
        where = local_to_world(table.center, table.rotation, (0.0, table.depth / 2 + out))
        return [Trial(where, normalize_angle(table.rotation + 180.0) % 360.0, hint=HINT)]
    per_side = max(1, int(table.width // SEAT_SPACING))
    trials = []
    for k in range(per_side):
        x = -table.width / 2 + table.width * (k + 0.5) / per_side
        for side, turn in ((1.0, 180.0), (-1.0, 0.0)):
            where = local_to_world(
                table.center, table.rotation, (x, side * (table.depth / 2 + out))
            )
            rotation = normalize_angle(table.rotation + turn) % 360.0
            trials.append(Trial(where, rotation, hint=HINT))
    for side, turn in ((1.0, 90.0), (-1.0, -90.0)):
        where = local_to_world(table.center, table.rotation, (side * (table.width / 2 + out), 0.0))
        trials.append(Trial(where, normalize_angle(table.rotation + turn) % 360.0, hint=HINT / 2))
    return trials


def seat_room(
    view: RoomView, tables: Sequence[Placement], chair: Placement, chairs: int
) -> list[float]:
    """For each pose of a table, the share of `chairs` chairs that would have a seat at it
    inside the room (a look ahead: the table is placed before its chairs)."""
    if not tables or chairs <= 0:
        return [0.0] * len(tables)
    outlines, owners = [], []
    for n, table in enumerate(tables):
        for trial in seats(table, chair):
            outlines.append(rect_corners(trial.center, chair.width, chair.depth, trial.rotation))
            owners.append(n)
    inside = shapely.covers(view.polygon, shapely.polygons(np.array(outlines, dtype=float)))
    free = [0] * len(tables)
    for n, ok in zip(owners, np.atleast_1d(inside).tolist(), strict=True):
        free[n] += int(ok)
    return [min(f, chairs) / chairs for f in free]


def _before_sofa(sofa: Placement, table: Placement) -> list[Trial]:
    middle = sum(COFFEE_GAP) / 2
    trials = []
    for gap in (middle, COFFEE_GAP[0], COFFEE_GAP[1]):
        for turn, reach in ((0.0, table.depth), (90.0, table.width)):
            y = sofa.depth / 2 + gap + reach / 2
            where = local_to_world(sofa.center, sofa.rotation, (0.0, y))
            rotation = normalize_angle(sofa.rotation + turn) % 360.0
            trials.append(Trial(where, rotation, hint=HINT if turn == 0.0 else 0.0))
    return trials


def _beside(table: Placement, chair: Placement) -> list[Trial]:
    """An armchair at either end of the coffee table, facing it, 30 cm from it."""
    x = table.width / 2 + 30.0 + chair.depth / 2
    return [
        Trial(
            local_to_world(table.center, table.rotation, (side * x, 0.0)),
            normalize_angle(table.rotation + side * 90.0) % 360.0,
        )
        for side in (1.0, -1.0)
    ]


def distance(a: Point, b: Point) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)
