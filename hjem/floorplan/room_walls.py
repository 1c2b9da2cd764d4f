"""Walls around a room: drawn with a new room, by *Rediger → Vægge rundt om det valgte rum*, or
when a door is put on the edge of a room without walls.

A wall goes half a thickness outside each edge of the room, the walls meeting at the corners,
except where a wall already stands along the edge: one running along it, in it, or so close
outside it that a new wall would overlap it. So a room drawn against another room's wall
shares that wall, and a room drawn inside the walls of a traced plan gets no new ones. Where
an existing wall covers only part of an edge, the new wall fills the rest.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import replace

from hjem.floorplan.commands import AddElement, Batch, Command
from hjem.floorplan.geometry import Point, polygon_area
from hjem.floorplan.intervals import Interval, free_within
from hjem.floorplan.model import Plan, Room, Wall
from hjem.ids import ElementId

PARALLEL = 0.02  # the sine of the largest angle between an edge and a wall running along it
SHORTEST = 1.0  # cm: a wall shorter than this is a rounding remnant, not a wall
SLACK = 0.5  # cm: a wall this far off still counts as meeting the edge


class _Edge:
    """A room edge from `a` to `b`, with its outward normal and the corners of the new wall's
    centre line (half a thickness outside, mitred with the neighbouring edges)."""

    def __init__(self, a: Point, b: Point, outward: float, thickness: float):
        self.a, self.length = a, math.dist(a, b) or 1.0
        self.u = ((b.x - a.x) / self.length, (b.y - a.y) / self.length)
        # y points down: with a positive (clockwise on screen) outline, outward is to the left.
        self.n = (self.u[1] * outward, -self.u[0] * outward)
        self.thickness = thickness

    def along(self, p: Point) -> float:
        return (p.x - self.a.x) * self.u[0] + (p.y - self.a.y) * self.u[1]

    def out(self, p: Point) -> float:
        return (p.x - self.a.x) * self.n[0] + (p.y - self.a.y) * self.n[1]

    def wall_point(self, s: float) -> Point:
        h = self.thickness / 2
        return Point(
            round(self.a.x + self.u[0] * s + self.n[0] * h, 2),
            round(self.a.y + self.u[1] * s + self.n[1] * h, 2),
        )

    def covered_by(self, wall: Wall) -> Interval | None:
        """The stretch (as offsets along the edge) that `wall` already covers, if it runs
        along the edge within reach."""
        length = wall.length
        if length == 0:
            return None
        wu = ((wall.end.x - wall.start.x) / length, (wall.end.y - wall.start.y) / length)
        if abs(self.u[0] * wu[1] - self.u[1] * wu[0]) > PARALLEL:
            return None
        o, half = self.out(wall.start), wall.thickness / 2
        if o - half >= self.thickness - SLACK or o + half <= -self.thickness / 2 + SLACK:
            return None
        a, b = sorted((self.along(wall.start), self.along(wall.end)))
        return (a, b)


def _edges(room: Room, thickness: float) -> list[_Edge]:
    corners = room.polygon
    outward = 1.0 if _signed_area(corners) > 0 else -1.0
    return [
        _Edge(a, b, outward, thickness)
        for a, b in zip(corners, (*corners[1:], corners[0]), strict=True)
        if a != b
    ]


def _signed_area(corners: tuple[Point, ...]) -> float:
    """Positive for an outline running clockwise on screen (y down)."""
    pairs = zip(corners, (*corners[1:], corners[0]), strict=True)
    return sum(a.x * b.y - b.x * a.y for a, b in pairs) / 2


def _span(edges: list[_Edge], i: int) -> Interval:
    """Where edge i's wall starts and ends along it: where its centre line meets those of the
    edges before and after (a mitred corner), or at the edge's ends where they run straight on."""
    edge = edges[i]
    before, after = edges[i - 1], edges[(i + 1) % len(edges)]
    return _meet(edge, before, 0.0), _meet(edge, after, edge.length)


def _meet(edge: _Edge, other: _Edge, default: float) -> float:
    cross = edge.u[0] * other.u[1] - edge.u[1] * other.u[0]
    if abs(cross) < PARALLEL:
        return default
    # Solve edge.wall_point(s) on other's centre line: other.out(p) == thickness / 2.
    h = edge.thickness / 2
    base = other.out(edge.wall_point(0.0))
    rate = edge.u[0] * other.n[0] + edge.u[1] * other.n[1]
    return (h - base) / rate


def bare_stretches(
    room: Room, walls: Iterable[Wall], thickness: float
) -> Iterator[tuple[Point, Point]]:
    """The centre lines of the walls the room still lacks: along each edge, where no wall
    covers it."""
    walls = list(walls)
    edges = _edges(room, thickness)
    for i, edge in enumerate(edges):
        blocked = [c for w in walls if (c := edge.covered_by(w)) is not None]
        for a, b in free_within(_span(edges, i), blocked):
            # A stretch only past the edge's end lies in a corner another wall already fills.
            if min(b, edge.length) - max(a, 0.0) >= SHORTEST:
                yield edge.wall_point(a), edge.wall_point(b)


def walls_around_rooms(plan: Plan, ids: Iterable[str], thickness: float) -> Command | None:
    """Walls along the edges of the rooms among `ids`, outside them, where no wall stands yet;
    None when every edge has one."""
    rooms = [e for e in (plan.get(i) for i in ids) if isinstance(e, Room)]
    walls: list[Wall] = list(plan.walls)
    for room in rooms:  # each room's new walls count as standing for the next room
        walls += [
            Wall(ElementId(""), s, e, thickness) for s, e in bare_stretches(room, walls, thickness)
        ]
    new = walls[len(plan.walls) :]
    named = [replace(w, id=i) for w, i in zip(new, plan.new_ids("w", len(new)), strict=True)]
    return Batch(tuple(AddElement(w) for w in named)) if named else None


def room_with_walls(plan: Plan, room: Room, thickness: float) -> Command:
    """The room added with its walls, where none stands yet: one edit, one undo step."""
    add = AddElement(room)
    walls = walls_around_rooms(add.apply(plan)[0], [room.id], thickness)
    return add if walls is None else Batch((add, walls))


def bare_room_edge_near(plan: Plan, pos: Point, reach: float, thickness: float) -> Room | None:
    """The room with an edge within `reach` cm of `pos` where no wall stands, if any: a door
    clicked there needs walls first."""
    for room in plan.rooms:
        if polygon_area(room.polygon) <= 0:
            continue
        for edge in _edges(room, thickness):
            s = edge.along(pos)
            if not (0 <= s <= edge.length and abs(edge.out(pos)) <= reach):
                continue
            covers = (edge.covered_by(w) for w in plan.walls)
            if not any(c is not None and c[0] <= s <= c[1] for c in covers):
                return room
    return None
