"""Where along a room's walls a piece can stand: the search in one dimension.

A piece with its back to a room edge (a wall's inner face) is a few boxes in the edge's frame:
u along the edge, v into the room. Its footprint spans v from 0 to its depth, a front
clearance zone lies beyond that, side zones beside it. As the piece slides along the edge (its
centre at u = s), each box sweeps a band; an obstacle meeting the band casts a shadow [lo, hi]
on the edge (`wall_obstacles`), and the box meets the obstacle exactly when s lies in
[lo - along - half, hi - along + half]. So one bulk index query, one numpy pass and a little
interval arithmetic give, for every edge of a room at once, the offsets where the piece clears
walls, furniture, door swings, windows, fixed elements and clearance zones, by the rules of the
piece checker (`piece_check.py`), which stays the judge of every spot.

Shadows are sorted by why they block (`ROOM`: walls and the apartment's outline; `LAYOUT`:
doors, windows, fixed elements; `FURNISHING`: other furniture and its free floor), so a search
that finds nothing can say what took the wall.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from hjem.floorplan.geometry import Point, normalize_angle
from hjem.floorplan.intervals import Interval, free_within, intersection, merged, union
from hjem.floorplan.model import Placement
from hjem.floorplan.shapes import TOLERANCE, clearance_of, zone_boxes, zone_seats
from hjem.floorplan.wall_obstacles import (
    DOOR,
    FIXED_ZONE,
    FIXTURE,
    FURNITURE,
    OUTSIDE,
    SOFT,
    WALL,
    WINDOW,
    ZONE,
    Bands,
    Obstacles,
    cast_shadows,
    outside_shadows,
)

ROOM, LAYOUT, FURNISHING = 0, 1, 2
LEVEL = {
    WALL: ROOM,
    OUTSIDE: ROOM,
    DOOR: LAYOUT,
    WINDOW: LAYOUT,
    FIXTURE: LAYOUT,
    FIXED_ZONE: LAYOUT,
    FURNITURE: FURNISHING,
    ZONE: FURNISHING,
}
BACKING = (-3.0, -0.25)  # the strip behind a piece where a wall counts as backing it
# The band behind the piece (its boxes are 0, 1, ...), and the roles of bands.
BEHIND = -1
FOOTPRINT_ROLE, ZONE_ROLE, BEHIND_ROLE = 0, 1, -1
MIN_EDGE = 10.0  # cm: shorter edges (jamb stubs, mitre slivers) hold no furniture


@dataclass(frozen=True, eq=False)
class Edge:
    """A straight stretch of a room's outline: u runs from `start` along `direction`."""

    start: np.ndarray
    direction: np.ndarray
    normal: np.ndarray  # into the room
    length: float

    @cached_property
    def rotation(self) -> float:
        """The rotation that turns a piece's back (local -y) to this edge."""
        degrees = math.degrees(math.atan2(-self.normal[0], self.normal[1]))
        return normalize_angle(round(degrees, 6)) % 360.0

    @cached_property
    def sign(self) -> float:
        """+1 when a piece's local x runs along u at `rotation`, else -1."""
        c, s = math.cos(math.radians(self.rotation)), math.sin(math.radians(self.rotation))
        return 1.0 if c * self.direction[0] + s * self.direction[1] > 0 else -1.0

    def point(self, along: float, inward: float) -> Point:
        x, y = self.start + self.direction * along + self.normal * inward
        return Point(float(x), float(y))

    def project(self, point: tuple[float, float]) -> tuple[float, float]:
        """(u, v) of a plan point in this edge's frame."""
        relative = np.asarray(point, dtype=float) - self.start
        return float(relative @ self.direction), float(relative @ self.normal)


def room_edges(outline: BaseGeometry, min_length: float = MIN_EDGE) -> list[Edge]:
    """The edges of a room outline, each with its inward normal (collinear runs merged)."""
    edges = []
    for part in shapely.get_parts(outline.simplify(0.01)):
        ring = np.asarray(orient(part, 1.0).exterior.coords)[:, :2]
        for a, b in pairwise(ring):
            length = float(np.hypot(*(b - a)))
            if length >= min_length and length > 0:
                d = (b - a) / length
                # Counter-clockwise in x/y numbers: the inside is to the left of travel.
                edges.append(Edge(a, d, np.array([-d[1], d[0]]), length))
    return edges


@dataclass(frozen=True)
class Box:
    """One box of a piece standing against an edge: its footprint or a clearance zone."""

    zone: bool
    along: float  # the box's centre along u, from the piece's centre
    half: float  # half its length along u (shrunk, as the engine's polygons are)
    v0: float  # from the edge into the room
    v1: float


def turns_for(item: Placement) -> tuple[float, ...]:
    """How the piece may meet a wall: its back (0); or a side (±90) when it needs free floor
    behind it: all round, or (a dining table for six) to seat more than its other sides do,
    so a short end goes to the wall. A bed, needing any one side, has its head to the wall."""
    clearance = clearance_of(item)
    boxes = zone_boxes(item.width, item.depth, clearance)
    is_back = [x == 0.0 and y < 0.0 for x, y, _, _ in boxes]
    if not any(is_back) or clearance.need == "any":
        return (0.0,)
    if clearance.need == "seats":
        seats = zone_seats(item.width, item.depth, clearance)
        elsewhere = sum(s for s, back in zip(seats, is_back, strict=True) if not back)
        if elsewhere >= clearance.seats:
            return (0.0,)
    return (0.0, 90.0, -90.0)


def piece_boxes(item: Placement, turn: float) -> list[Box]:
    """The piece's footprint and zones in an edge's frame (its local x along u), turned
    `turn` degrees from its back to the edge; the side at the edge on v = 0. Shrunk as
    `shapes.local_corners` shrinks them."""
    boxes = [(0.0, 0.0, item.width, item.depth)]
    boxes += zone_boxes(item.width, item.depth, clearance_of(item))
    reach = (item.depth if turn == 0.0 else item.width) / 2
    out = []
    for k, (x, y, w, d) in enumerate(boxes):
        hw, hd = max(w / 2 - TOLERANCE, w / 4), max(d / 2 - TOLERANCE, d / 4)
        if turn == 0.0:
            out.append(Box(k > 0, x, hw, reach + y - hd, reach + y + hd))
        else:  # turned ±90: local y runs along ∓u, local x into the room (±v)
            side = 1.0 if turn == 90.0 else -1.0
            out.append(Box(k > 0, -side * y, hd, reach + side * x - hw, reach + side * x + hw))
    return out


class Run:
    """Where the piece's centre may go along one edge, in one turn (offsets s from the start).

    `free(level)`: the open intervals clear of everything blocking up to that level (worked
    out when asked: a search needs `FURNISHING`, only an explanation the others)."""

    def __init__(
        self,
        layout: Layout,
        blocked: list[list[list[Interval]]],
        soft: list[Interval],
        backed: list[Interval],
        need: str,
    ):
        self.edge, self.turn, self.boxes, self.span = layout
        self.soft = soft  # offsets where the footprint stands on floor best kept free
        self.backed = merged(backed)  # stretches of the edge with a wall behind them
        self._blocked, self._need = blocked, need
        self._free: dict[int, list[Interval]] = {}

    def free(self, level: int = FURNISHING) -> list[Interval]:
        if level not in self._free:
            self._free[level] = _allowed(self.span, self._blocked[level], self._need)
        return self._free[level]

    def is_free(self, along: float) -> bool:
        """Whether the piece's centre may stand `along` cm along the edge."""
        return any(a < along < b for a, b in self.free())

    @property
    def rotation(self) -> float:
        return rotation_on(self.edge, self.turn)

    def centre(self, along: float, item: Placement) -> Point:
        return centre_on(self.edge, self.turn, along, item)

    def length_of(self, item: Placement) -> float:
        return length_along(self.turn, item)


def rotation_on(edge: Edge, turn: float) -> float:
    """A piece's rotation against `edge`, turned `turn` degrees from its back to the edge."""
    return normalize_angle(edge.rotation + turn) % 360.0


def centre_on(edge: Edge, turn: float, along: float, item: Placement) -> Point:
    """The piece's centre when it stands against `edge` with its centre `along` cm along it."""
    return edge.point(along, depth_into(turn, item) / 2)


def length_along(turn: float, item: Placement) -> float:
    """The piece's length along the edge it stands against."""
    return item.width if turn == 0.0 else item.depth


def depth_into(turn: float, item: Placement) -> float:
    """How far the piece reaches into the room from the edge it stands against."""
    return item.depth if turn == 0.0 else item.width


Layout = tuple[Edge, float, list[Box], Interval]


def runs(
    obstacles: Obstacles,
    edges: Sequence[Edge],
    item: Placement,
    spans: Sequence[Interval | None] | None = None,
) -> list[Run]:
    """Every (edge, turn)'s run for `item`; `spans` may keep the footprint within [u0, u1]."""
    return runs_of_pieces(obstacles, edges, [item], spans)[0]


def runs_of_pieces(
    obstacles: Obstacles,
    edges: Sequence[Edge],
    items: Sequence[Placement],
    spans: Sequence[Interval | None] | None = None,
    turns: tuple[float, ...] | None = None,
) -> list[list[Run]]:
    """`runs` for many pieces at once: one index query and one numpy pass for them all.

    Each piece's runs come turn by turn (`turns`, or `turns_for` the piece), edge by edge."""
    layouts: list[Layout] = []
    owner_of: list[int] = []
    for n, item in enumerate(items):
        for turn in turns or turns_for(item):
            boxes = piece_boxes(item, turn)[: 1 if item.floor_flat else None]
            mirrored = [replace(box, along=-box.along) for box in boxes]
            for i, edge in enumerate(edges):
                edge_boxes = boxes if edge.sign > 0 else mirrored
                span = _centre_range(edge, edge_boxes[0], None if spans is None else spans[i])
                layouts.append((edge, turn, edge_boxes, span))
                owner_of.append(n)
    bands, owners = _bands(layouts, owner_of)
    shadows = _shadows(obstacles, bands, owners, items)
    found: list[list[Run]] = [[] for _ in items]
    for i, (layout, n) in enumerate(zip(layouts, owner_of, strict=True)):
        found[n].append(_run(layout, shadows.get(i, []), clearance_of(items[n]).need))
    return found


def _centre_range(edge: Edge, footprint: Box, span: Interval | None) -> Interval:
    lo, hi = (0.0, edge.length) if span is None else span
    return (max(lo, 0.0) + footprint.half, min(hi, edge.length) - footprint.half)


@dataclass(frozen=True)
class _Owners:
    """What each band is: its layout and piece, its box (or BEHIND), its role (the `_ROLE`s)
    and where the box sits along u from the piece's centre."""

    layout: np.ndarray
    item: np.ndarray  # which of the pieces searched for
    box: np.ndarray
    role: np.ndarray
    along: np.ndarray
    half: np.ndarray


def _bands(layouts: list[Layout], owner_of: list[int]) -> tuple[Bands, _Owners]:
    """A band per (layout, box) swept over the layout's range, then one behind the piece.

    Plain floats: for a dozen bands, numpy's per-call overhead would cost more than it saves.
    """
    corners: list[float] = []
    frames: list[tuple[float, ...]] = []
    owners: list[tuple[float, ...]] = []
    for i, (edge, _, boxes, (lo, hi)) in enumerate(layouts):
        if hi <= lo:
            continue
        x, y = float(edge.start[0]), float(edge.start[1])
        dx, dy = float(edge.direction[0]), float(edge.direction[1])
        rows = [
            (lo + b.along - b.half - 1.0, hi + b.along + b.half + 1.0, b.v0, b.v1, k, int(b.zone))
            for k, b in enumerate(boxes)
        ]
        rows.append((lo - boxes[0].half, hi + boxes[0].half, *BACKING, BEHIND, BEHIND_ROLE))
        for u0, u1, v0, v1, k, role in rows:
            for u, v in ((u0, v0), (u1, v0), (u1, v1), (u0, v1)):
                corners += (x + dx * u - dy * v, y + dy * u + dx * v)
            frames.append((x, y, dx, dy, v0, v1))
            box = boxes[k] if k >= 0 else None
            along, half = (box.along, box.half) if box else (0.0, 0.0)
            owners.append((i, owner_of[i], k, role, along, half))
    f = np.array(frames, dtype=float).reshape(-1, 6).T
    o = np.array(owners, dtype=float).reshape(-1, 6).T
    polygons = shapely.polygons(np.array(corners, dtype=float).reshape(-1, 4, 2))
    assert isinstance(polygons, np.ndarray)  # one polygon per band, even for one band
    ints = o[:4].astype(int)
    owner = _Owners(ints[0], ints[1], ints[2], ints[3], o[4], o[5])
    return Bands(polygons, f[0], f[1], f[2], f[3], f[4], f[5]), owner


def _applies(
    obstacles: Obstacles,
    owners: _Owners,
    band: np.ndarray,
    hit: np.ndarray,
    items: Sequence[Placement],
) -> np.ndarray:
    """Which (band, obstacle) hits count: the piece checker's rules (`footprint_rule`) for
    all bands at once."""
    kinds, role, piece = obstacles.kinds[hit], owners.role[band], owners.item[band]
    heights = np.array([item.height for item in items])[piece]
    flat = np.array([item.floor_flat for item in items], dtype=bool)[piece]
    hard = (kinds == WALL) | (kinds == FIXTURE)
    allowed_here = np.zeros(len(hit), dtype=bool)
    for i in np.flatnonzero(obstacles.has_allow[hit]):
        allowed_here[i] = items[piece[i]].category in obstacles.allows[hit[i]]
    standing = (
        (kinds == FURNITURE)
        | (kinds == DOOR)
        | ((kinds == WINDOW) & (heights > obstacles.sills[hit]))
        | (((kinds == ZONE) | (kinds == FIXED_ZONE) | (kinds == SOFT)) & ~allowed_here)
    )
    footprint = hard | (standing & ~flat)
    zone = hard | (kinds == FURNITURE)
    # Furniture its own clearance allows (chairs at a dining table) leaves a zone free.
    allows = [clearance_of(item).allow for item in items]
    for i in np.flatnonzero(zone & (role == ZONE_ROLE) & (kinds == FURNITURE)):
        zone[i] = obstacles.categories[hit[i]] not in allows[piece[i]]
    applies: np.ndarray = np.where(
        role == BEHIND_ROLE, kinds == WALL, np.where(role == ZONE_ROLE, zone, footprint)
    )
    return applies


def _shadows(
    obstacles: Obstacles, bands: Bands, owners: _Owners, items: Sequence[Placement]
) -> dict[int, list[tuple[int, float, float, int]]]:
    """Per layout: (box, lowest, highest centre offset blocked, obstacle kind); behind the
    piece the wall's own extent instead."""
    if not len(owners.layout):
        return {}
    band, hit = obstacles.tree.query(bands.polygons, predicate="intersects")
    keep = _applies(obstacles, owners, band, hit, items)
    band, hit = band[keep], hit[keep]
    pair, lo, hi = cast_shadows(obstacles, bands, band, hit)
    own = (owners.role == FOOTPRINT_ROLE) | (owners.role == ZONE_ROLE)
    out_band, out_lo, out_hi = outside_shadows(obstacles, bands, np.flatnonzero(own))
    rows = np.concatenate([band[pair], out_band]).astype(int)
    kinds = np.concatenate([obstacles.kinds[hit[pair]], np.full(len(out_band), OUTSIDE)])
    along, half = owners.along[rows], owners.half[rows]
    # Behind the piece, keep the wall's own extent; elsewhere, the centre offsets it blocks.
    behind = owners.box[rows] == BEHIND
    lows = np.where(behind, 0.0, -along - half) + np.concatenate([lo, out_lo])
    highs = np.where(behind, 0.0, half - along) + np.concatenate([hi, out_hi])
    grouped: dict[int, list[tuple[int, float, float, int]]] = {}
    columns = (owners.layout[rows], owners.box[rows], lows, highs, kinds)
    for layout, *shadow in zip(*(c.tolist() for c in columns), strict=True):
        grouped.setdefault(layout, []).append(tuple(shadow))
    return grouped


def _run(layout: Layout, shadows: list[tuple[int, float, float, int]], need: str) -> Run:
    blocked: list[list[list[Interval]]] = [[[] for _ in layout[2]] for _ in range(3)]
    soft, backed = [], []
    for k, lo, hi, kind in shadows:
        if k == BEHIND:
            backed.append((lo, hi))
        elif kind == SOFT:
            soft.append((lo, hi))
        else:
            for level in range(LEVEL[kind], 3):
                blocked[level][k].append((lo, hi))
    return Run(layout, blocked, soft, backed, need)


def _allowed(span: Interval, blocked: list[list[Interval]], need: str) -> list[Interval]:
    """Offsets where the footprint is clear and its clearance met (all zones, or any one)."""
    footprint = free_within(span, blocked[0])
    if len(blocked) == 1:
        return footprint
    zones = [free_within(span, b) for b in blocked[1:]]
    met = zones[0]
    for other in zones[1:]:
        # "seats" as "any": a prefilter; the piece checker counts the seats
        met = intersection(met, other) if need == "all" else union(met, other)
    return intersection(footprint, met)
