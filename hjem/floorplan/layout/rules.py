"""The soft rules of a good layout: plain functions an interior architect would agree with,
each with a weight and a name in the catalogs (`layout.rule.<key>`, layout_rules.toml).

Most rules judge one piece among the others in the room (`PieceRule`: a value from 0 to 1, or
None where the rule has nothing to say, as "chairs at the table" in a room with no table);
the rule's share of the score is its weight times the mean over the pieces it judges, a piece
left out counting 0. Two judge the room as a whole (`RoomRule`): balance, and the way from the
door to the window. The weights are in docs/layout.md.

Only arithmetic and a few tiny shapely calls: the solver asks the piece rules for every trial
pose of every piece.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import shapely

from hjem.floorplan.categories import BEDS, CATEGORIES
from hjem.floorplan.geometry import Point, local_to_world, rect_corners, rotate
from hjem.floorplan.layout.room_view import RoomView, half_extent_along
from hjem.floorplan.model import Placement
from hjem.floorplan.relations import SEATS, UNDER_TOP
from hjem.floorplan.shapes import place_corners
from hjem.ids import ElementId

SOFAS = frozenset({"sofa"})
COFFEE_TABLES = frozenset({"sofabord"})
TABLES = UNDER_TOP.hosts
STORAGE = frozenset({"klaedeskab", "kommode", "skaenk"})
# Pieces that stand free in a room rather than with their back to a wall.
FREE_STANDING = SEATS | TABLES | COFFEE_TABLES | frozenset({"taeppe"}) | BEDS
TALL_CM = 120.0  # a piece this tall darkens a window it stands beside
COFFEE_GAP = (40.0, 50.0)  # cm from the sofa's front to the coffee table: within reach
DESK_NEAR_CM = 150.0  # a desk this near a window has its daylight

Term = Callable[[RoomView, Placement, Sequence[Placement]], float | None]
Whole = Callable[[RoomView, Sequence[Placement]], float | None]


@dataclass(frozen=True)
class PieceRule:
    key: str
    weight: float
    categories: frozenset[str] | None  # the pieces it judges (None: every standing piece)
    term: Term

    def judges(self, piece: Placement) -> bool:
        if self.categories is None:
            return not piece.floor_flat
        return piece.category in self.categories


@dataclass(frozen=True)
class RoomRule:
    key: str
    weight: float
    whole: Whole


# --- the rules, one function each --------------------------------------------------------------


def back_to_wall(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """A cupboard, a sofa or a shelf stands with its back against a wall."""
    return 1.0 if view.wall_behind(piece) is not None else 0.0


def bed_head_to_wall(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """A bed's head (its back) stands against a wall."""
    return back_to_wall(view, piece, others)


def bed_not_under_window(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """No window above a bed's head: draughts, cold glass and the light in one's eyes."""
    behind = view.wall_behind(piece)
    if behind is None:
        return 1.0
    edge, lo, hi = behind
    under = any(w.edge == edge and w.lo < hi and lo < w.hi for w in view.windows)
    return 0.0 if under else 1.0


def bed_out_of_door_line(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """A bed is not in line with the door: nobody lies facing a door that opens at their feet."""
    for door in view.doors:
        edge = view.edges[door.edge]
        u, _ = edge.project(piece.center)
        half = half_extent_along(piece, edge)
        if abs(u - door.middle) < half + (door.hi - door.lo) / 2:
            return 0.0
    return 1.0


def bedside_by_bed(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float | None:
    """A bedside table stands beside a bed's head."""
    beds = [p for p in others if p.category in BEDS]
    if not beds:
        return None
    nearest = min(
        _distance(piece.center, slot) for bed in beds for slot in bedside_slots(bed, piece)
    )
    return max(0.0, 1.0 - nearest / 60.0)


def bedside_slots(bed: Placement, table: Placement) -> list[Point]:
    """Where a bedside table's centre goes: either side of the bed's head, flush with it."""
    y = -bed.depth / 2 + table.depth / 2
    x = bed.width / 2 + table.width / 2 + 1.0
    return [local_to_world(bed.center, bed.rotation, (side * x, y)) for side in (-1, 1)]


def coffee_table_before_sofa(
    view: RoomView, piece: Placement, others: Sequence[Placement]
) -> float | None:
    """The coffee table stands in front of a sofa, 40–50 cm from it: within reach, with room
    for the knees."""
    sofas = [p for p in others if p.category in SOFAS]
    if not sofas:
        return None
    return max(_before(sofa, piece) for sofa in sofas)


def _before(sofa: Placement, table: Placement) -> float:
    x, y = _in_frame_of(sofa, table.center)
    facing = rotate((0.0, 1.0), sofa.rotation)
    reach = _half_extent(table, facing)
    gap = y - sofa.depth / 2 - reach
    low, high = COFFEE_GAP
    off = max(low - gap, gap - high, 0.0)
    lateral = max(0.0, abs(x) - sofa.width / 2)
    return max(0.0, 1.0 - off / 40.0) * max(0.0, 1.0 - lateral / 50.0)


def chairs_at_table(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float | None:
    """Dining chairs stand at the table, facing it (pushed in as relations.py allows)."""
    tables = [p for p in others if p.category in TABLES]
    if not tables:
        return None
    front = local_to_world(piece.center, piece.rotation, (0.0, piece.depth / 2))
    back = local_to_world(piece.center, piece.rotation, (0.0, -piece.depth / 2))
    for table in tables:
        fx, fy = _in_frame_of(table, front)
        bx, by = _in_frame_of(table, back)
        near = abs(fx) <= table.width / 2 + 10.0 and abs(fy) <= table.depth / 2 + 10.0
        if near and _box_distance(table, fx, fy) < _box_distance(table, bx, by):
            return 1.0
    return 0.0


def desk_light_from_side(
    view: RoomView, piece: Placement, others: Sequence[Placement]
) -> float | None:
    """A desk stands near a window with the daylight from the side (no glare, no shadow of
    one's own hand)."""
    if not view.windows:
        return None
    facing = rotate((0.0, 1.0), piece.rotation)
    best = 0.0
    for window in view.windows:
        edge = view.edges[window.edge]
        u, _ = edge.project(piece.center)
        nearest = edge.point(min(max(u, window.lo), window.hi), 0.0)
        away = _distance(piece.center, nearest)
        near = max(0.0, 1.0 - max(0.0, away - DESK_NEAR_CM) / 200.0)
        towards = -(facing[0] * edge.normal[0] + facing[1] * edge.normal[1])
        side = 1.0 if abs(towards) < 0.3 else (0.6 if towards > 0 else 0.3)
        best = max(best, near * side)
    return best


def doors_can_open(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """A wardrobe, a dresser or a sideboard has a metre of floor in front to open its doors
    and drawers wide and stand there (the hard rule asks only for its clearance)."""
    free = _free_ahead(view, piece, others)
    return min(1.0, free / 100.0)


def tall_clear_of_windows(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """A tall piece stands away from the windows, so it takes no daylight."""
    behind = view.wall_behind(piece)
    if behind is None:
        return 1.0
    edge, lo, hi = behind
    gaps = [max(w.lo - hi, lo - w.hi, 0.0) for w in view.windows if w.edge == edge]
    return min(1.0, min(gaps, default=50.0) / 50.0)


def keeps_door_to_window(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """Nothing stands in the way from a door to a window."""
    paths = view.door_window_paths
    if paths is None:
        return 1.0
    outline = shapely.Polygon(rect_corners(piece.center, piece.width, piece.depth, piece.rotation))
    return 0.0 if paths.intersects(outline) else 1.0


def square_to_walls(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """A piece stands square to the walls (and so to the others)."""
    return 1.0 if view.square(piece.rotation) else 0.0


def balance(view: RoomView, pieces: Sequence[Placement]) -> float | None:
    """The furniture's weight (its floor area) is spread over the room: its centre of mass
    lies near the room's middle, not all in one half."""
    standing = [p for p in pieces if not p.floor_flat]
    area = sum(p.width * p.depth for p in standing)
    if area <= 0:
        return None
    x = sum(p.center.x * p.width * p.depth for p in standing) / area
    y = sum(p.center.y * p.width * p.depth for p in standing) / area
    return max(0.0, 1.0 - _distance((x, y), view.centre) / view.radius)


# --- the list of rules, with their weights -----------------------------------------------------

WALL_PIECES = frozenset(
    {"sofa", "klaedeskab", "kommode", "reol", "skaenk", "tvbord", "skrivebord", "koeleskab"}
) | frozenset({"vaskemaskine", "boernemoebel", "laenestol", "andet"})

# Chairs are pushed in and pulled out: they are not "in the way" to the window.
NOT_SEATS = frozenset(CATEGORIES) - SEATS - {"taeppe"}

PIECE_RULES: tuple[PieceRule, ...] = (
    PieceRule("back_to_wall", 3.0, WALL_PIECES, back_to_wall),
    PieceRule("bed_head_to_wall", 4.0, BEDS, bed_head_to_wall),
    PieceRule("bed_not_under_window", 2.0, BEDS, bed_not_under_window),
    PieceRule("bed_out_of_door_line", 1.5, BEDS, bed_out_of_door_line),
    PieceRule("bedside_by_bed", 2.0, frozenset({"natbord"}), bedside_by_bed),
    PieceRule("coffee_table_before_sofa", 3.0, COFFEE_TABLES, coffee_table_before_sofa),
    PieceRule("chairs_at_table", 3.0, SEATS, chairs_at_table),
    PieceRule("desk_light_from_side", 2.0, frozenset({"skrivebord"}), desk_light_from_side),
    PieceRule("doors_can_open", 1.5, STORAGE, doors_can_open),
    PieceRule("tall_clear_of_windows", 1.5, None, tall_clear_of_windows),
    PieceRule("keeps_door_to_window", 1.5, NOT_SEATS, keeps_door_to_window),
    PieceRule("square_to_walls", 1.0, None, square_to_walls),
)
ROOM_RULES: tuple[RoomRule, ...] = (RoomRule("balance", 1.0, balance),)
RULE_KEYS: tuple[str, ...] = (*(r.key for r in PIECE_RULES), *(r.key for r in ROOM_RULES))


def piece_rules_for(piece: Placement) -> tuple[PieceRule, ...]:
    """The piece rules that judge this piece (the window rule only a tall one)."""
    return _rules_for(piece.category, piece.height >= TALL_CM, piece.floor_flat)


@cache
def _rules_for(category: str, tall: bool, flat: bool) -> tuple[PieceRule, ...]:
    probe = Placement(ElementId(""), "", category, 1.0, 1.0, 1.0, Point(0.0, 0.0), floor_flat=flat)
    return tuple(
        r for r in PIECE_RULES if r.judges(probe) and (r.key != "tall_clear_of_windows" or tall)
    )


def piece_value(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """The weighted sum of the piece rules for one piece: how the solver ranks its poses."""
    return piece_values(view, [piece], others)[0]


def piece_values(
    view: RoomView,
    poses: Sequence[Placement],
    others: Sequence[Placement],
    judged: Mapping[str, int] | None = None,
) -> list[float]:
    """`piece_value` of one piece at many poses; the way from door to window is tested for
    all of them in one shapely call. `judged`: how many pieces of the layout each rule
    judges, so a pose is worth what it adds to `score` (a rule's weight is shared)."""
    if not poses:
        return []
    rules = piece_rules_for(poses[0])
    totals = [0.0] * len(poses)
    for rule in rules:
        weight = rule.weight / max(1, (judged or {}).get(rule.key, 1))
        if rule.term is keeps_door_to_window:
            for i, value in enumerate(_keeps_way(view, poses)):
                totals[i] += weight * value
            continue
        for i, pose in enumerate(poses):
            found = rule.term(view, pose, others)
            if found is not None:
                totals[i] += weight * found
    return totals


def judged_counts(pieces: Sequence[Placement]) -> dict[str, int]:
    """How many of the pieces each piece rule judges."""
    return {key: len(judged) for key, judged in _judged_by_rule(pieces).items()}


def _keeps_way(view: RoomView, poses: Sequence[Placement]) -> list[float]:
    """`keeps_door_to_window` of a piece's poses, kept on the view (it asks the layout only)."""
    if view.door_window_paths is None:
        return [1.0] * len(poses)
    kept = view.way_kept
    keys = [(p.width, p.depth, p.center.x, p.center.y, p.rotation) for p in poses]
    new = {key: p for p, key in zip(poses, keys, strict=True) if key not in kept}
    if new:
        kept.update(zip(new, _ways_kept(view, list(new.values())), strict=True))
    return [kept[key] for key in keys]


def _ways_kept(view: RoomView, poses: Sequence[Placement]) -> list[float]:
    paths = view.door_window_paths
    first = poses[0]
    half = np.array([first.width / 2, first.depth / 2])
    local = half * np.array([(-1, -1), (1, -1), (1, 1), (-1, 1)], dtype=float)
    centers = np.array([p.center for p in poses], dtype=float)
    rotations = np.array([p.rotation for p in poses], dtype=float)
    corners = place_corners(np.broadcast_to(local, (len(poses), 4, 2)), centers, rotations)
    crossing = shapely.intersects(paths, shapely.polygons(corners))
    return [0.0 if c else 1.0 for c in np.atleast_1d(crossing).tolist()]


def score(
    view: RoomView, pieces: Sequence[Placement], left_out: Sequence[Placement] = ()
) -> tuple[float, tuple[tuple[str, float], ...]]:
    """The layout's score and each rule's weighted share, best first; a piece left out counts
    0 in every rule that would have judged it, and costs `left_out_cost()` besides: a layout
    that places a piece more always scores higher, however its pieces stand."""
    shares: dict[str, float] = {}
    judged, missing_by_rule = _judged_by_rule(pieces), judged_counts(left_out)
    for rule in PIECE_RULES:
        values = []
        for piece in judged.get(rule.key, ()):
            others = [p for p in pieces if p is not piece]
            value = rule.term(view, piece, others)
            if value is not None:
                values.append(value)
        missing = missing_by_rule.get(rule.key, 0)
        if values or missing:
            shares[rule.key] = rule.weight * sum(values) / (len(values) + missing)
    for room_rule in ROOM_RULES:
        value = room_rule.whole(view, pieces)
        if value is not None:
            shares[room_rule.key] = room_rule.weight * value
    reasons = tuple(sorted(shares.items(), key=lambda kv: (-kv[1], kv[0])))
    return sum(shares.values()) - left_out_cost() * len(left_out), reasons


def _judged_by_rule(pieces: Sequence[Placement]) -> dict[str, list[Placement]]:
    """The pieces each piece rule judges, in their order."""
    found: dict[str, list[Placement]] = {}
    for piece in pieces:
        for rule in piece_rules_for(piece):
            found.setdefault(rule.key, []).append(piece)
    return found


def left_out_cost() -> float:
    """More than every rule's weight together: the most any arrangement can gain."""
    return 1.0 + sum(r.weight for r in PIECE_RULES) + sum(r.weight for r in ROOM_RULES)


# --- geometry helpers -------------------------------------------------------------------------


def _free_ahead(view: RoomView, piece: Placement, others: Sequence[Placement]) -> float:
    """How far the floor in front of the piece is free: to the next wall or piece."""
    front = local_to_world(piece.center, piece.rotation, (0.0, piece.depth / 2))
    facing = rotate((0.0, 1.0), piece.rotation)
    free = _ray_to_outline(view, front, facing)
    for other in others:
        if other.floor_flat:
            continue
        x, y = _in_frame_of(piece, other.center)
        reach_x = _half_extent(other, rotate((1.0, 0.0), piece.rotation))
        reach_y = _half_extent(other, facing)
        if abs(x) < piece.width / 2 + reach_x and y > 0:
            free = min(free, max(0.0, y - piece.depth / 2 - reach_y))
    return free


def _ray_to_outline(view: RoomView, start: Point, direction: Point) -> float:
    nearest = math.inf
    for edge in view.edges:
        ex, ey = float(edge.direction[0]), float(edge.direction[1])
        denominator = direction[0] * ey - direction[1] * ex
        if abs(denominator) < 1e-9:
            continue
        sx, sy = float(edge.start[0]) - start[0], float(edge.start[1]) - start[1]
        t = (sx * ey - sy * ex) / denominator
        u = (sx * direction[1] - sy * direction[0]) / denominator
        if t > -1e-6 and -1e-6 <= u <= edge.length + 1e-6:
            nearest = min(nearest, t)
    return nearest if nearest < math.inf else 0.0


def _in_frame_of(piece: Placement, point: tuple[float, float]) -> tuple[float, float]:
    dx, dy = point[0] - piece.center.x, point[1] - piece.center.y
    c, s = math.cos(math.radians(piece.rotation)), math.sin(math.radians(piece.rotation))
    return dx * c + dy * s, -dx * s + dy * c


def _half_extent(piece: Placement, direction: tuple[float, float]) -> float:
    r = math.radians(piece.rotation)
    along_x = abs(math.cos(r) * direction[0] + math.sin(r) * direction[1])
    along_y = abs(-math.sin(r) * direction[0] + math.cos(r) * direction[1])
    return (piece.width * along_x + piece.depth * along_y) / 2


def _box_distance(piece: Placement, x: float, y: float) -> float:
    dx = max(abs(x) - piece.width / 2, 0.0)
    dy = max(abs(y) - piece.depth / 2, 0.0)
    return math.hypot(dx, dy)


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
