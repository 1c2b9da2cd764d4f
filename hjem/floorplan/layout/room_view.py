"""The room being furnished, as the soft rules and the candidate poses see it: its outline,
its wall edges (`wall_runs.Edge`), and the doors and windows on them as stretches of an edge.

Plain arithmetic on a few numbers per edge, so a rule can ask "is this piece's back against a
wall, under a window?" for hundreds of trial poses in well under a millisecond.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.geometry import Point, local_to_world
from hjem.floorplan.model import Opening, Placement, Plan, Room
from hjem.floorplan.shapes import room_polygon
from hjem.floorplan.wall_runs import Edge, room_edges
from hjem.memo import IdentityMemo

ON_WALL_CM = 4.0  # a piece's back this near an edge stands against it
SLACK_CM = 2.0  # an opening's centre line may lie this far outside its wall's thickness
PATH_HALF_CM = 30.0  # half the width of the way from a door to a window
INTO_ROOM_CM = 40.0  # the way starts and ends this far inside the door and the window


@dataclass(frozen=True)
class Gap:
    """A door or window seen from the room: on edge `edge`, from `lo` to `hi` along it."""

    opening: Opening
    edge: int
    lo: float
    hi: float

    @property
    def middle(self) -> float:
        return (self.lo + self.hi) / 2

    @property
    def is_window(self) -> bool:
        return not self.opening.is_passable


class RoomView:
    """One room of a plan, with its edges and openings."""

    def __init__(self, plan: Plan, room: Room):
        self.room = room
        self.polygon: BaseGeometry = room_polygon(room)
        self.bounds: tuple[float, float, float, float] = self.polygon.bounds
        self.edges: list[Edge] = room_edges(self.polygon)
        # Each edge as plain floats (start, direction, length, rotation): numpy's per-call cost
        # would dominate the arithmetic of a single point.
        self.frames = [
            (*map(float, e.start), *map(float, e.direction), e.length, e.rotation)
            for e in self.edges
        ]
        self.gaps: list[Gap] = [g for o in plan.openings if (g := self._gap(plan, o)) is not None]
        self._behind: dict[
            tuple[float, float, float, float, float], tuple[int, float, float] | None
        ]
        self._behind = {}
        self._square: dict[float, bool] = {}
        self.prepared = room_polygon(room)  # a copy of its own to prepare, for many queries
        shapely.prepare(self.prepared)
        self.trials: dict[tuple[str, float, float], list[Any]] = {}  # `candidates.along_walls`
        self.screens: dict[tuple[str, float, float, float, bool], Any] = {}  # `screen.Screen`
        self.way_kept: dict[tuple[float, float, float, float, float], float] = {}  # `rules`
        centre = self.polygon.centroid
        self.centre = Point(centre.x, centre.y)
        self.area = float(self.polygon.area)
        self.radius = math.sqrt(max(self.area, 1.0) / math.pi)

    def _gap(self, plan: Plan, opening: Opening) -> Gap | None:
        wall = plan.wall_of(opening)
        middle = wall.point_at(opening.offset)
        half_wall = wall.thickness / 2
        x0, y0, x1, y1 = self.bounds
        near = wall.thickness + SLACK_CM  # the farthest an opening of the room's lies from it
        if not (x0 - near <= middle[0] <= x1 + near and y0 - near <= middle[1] <= y1 + near):
            return None
        for i, edge in enumerate(self.edges):
            u, v = edge.project(middle)
            if abs(v + half_wall) <= half_wall + SLACK_CM and 0.0 <= u <= edge.length:
                half = opening.width / 2
                return Gap(opening, i, max(0.0, u - half), min(edge.length, u + half))
        return None

    @cached_property
    def windows(self) -> list[Gap]:
        return [g for g in self.gaps if g.is_window]

    @cached_property
    def doors(self) -> list[Gap]:
        return [g for g in self.gaps if not g.is_window]

    @cached_property
    def door_window_paths(self) -> BaseGeometry | None:
        """The ways from each door to each window, `PATH_HALF_CM` × 2 wide, from a little
        inside the door to a little before the window (None: no door or no window)."""
        lines = [
            shapely.LineString(
                [
                    self.edges[door.edge].point(door.middle, INTO_ROOM_CM),
                    self.edges[window.edge].point(window.middle, INTO_ROOM_CM),
                ]
            )
            for door in self.doors
            for window in self.windows
        ]
        if not lines:
            return None
        paths = shapely.union_all(lines).buffer(PATH_HALF_CM)
        shapely.prepare(paths)
        return paths

    def square(self, rotation: float) -> bool:
        """Whether a piece turned so stands square to the walls (`aligned`, kept per angle)."""
        if rotation not in self._square:
            self._square[rotation] = aligned(rotation, self.edges)
        return self._square[rotation]

    def covers(self, point: tuple[float, float]) -> bool:
        return bool(self.polygon.covers(shapely.Point(point)))

    # --- a piece seen against the walls -----------------------------------------------------

    def wall_behind(self, piece: Placement) -> tuple[int, float, float] | None:
        """(edge, lo, hi) when the piece's back stands against an edge and parallel to it:
        the stretch of the edge its back covers; else None."""
        key = (piece.center.x, piece.center.y, piece.rotation, piece.width, piece.depth)
        if key not in self._behind:
            self._behind[key] = self._wall_behind(piece)
        return self._behind[key]

    def _wall_behind(self, piece: Placement) -> tuple[int, float, float] | None:
        back = local_to_world(piece.center, piece.rotation, (0.0, -piece.depth / 2))
        for i, (sx, sy, dx, dy, length, rotation) in enumerate(self.frames):
            if abs(_turn_between(rotation, piece.rotation)) > 1.0:
                continue
            rx, ry = back.x - sx, back.y - sy
            u, v = rx * dx + ry * dy, ry * dx - rx * dy  # the normal into the room is (-dy, dx)
            if abs(v) <= ON_WALL_CM and -1.0 <= u <= length + 1.0:
                half = piece.width / 2
                return i, u - half, u + half
        return None

    def in_frame(self, edge: int, point: tuple[float, float]) -> tuple[float, float]:
        return self.edges[edge].project(point)


VIEW_CACHE_SIZE = 8
_views: IdentityMemo[RoomView] = IdentityMemo(VIEW_CACHE_SIZE)


def room_view(plan: Plan, room: Room) -> RoomView:
    """The room's view, kept per layout (the walls, the openings and the room itself), as
    `walkway.walkway_for` keeps the walkway's still part: the trial poses along its walls and
    how pieces stand against them are worked out once, not for every suggestion."""
    return _views.get((plan.walls, plan.openings, room), lambda: RoomView(plan, room))


def forget_views() -> None:
    """Drop every kept view (a benchmark's cold start)."""
    _views.clear()


def _turn_between(a: float, b: float) -> float:
    """The smallest signed turn from angle a to angle b, in degrees."""
    return (b - a + 180.0) % 360.0 - 180.0


def aligned(rotation: float, edges: list[Edge]) -> bool:
    """Whether a rotation is square to some edge of the room (0, 90, 180 or 270 from it)."""
    return any(abs(((rotation - e.rotation + 45.0) % 90.0) - 45.0) < 1.0 for e in edges)


def half_extent_along(piece: Placement, edge: Edge) -> float:
    """Half the piece's extent along the edge's direction (its rectangle projected)."""
    r = math.radians(piece.rotation)
    ux, uy = float(edge.direction[0]), float(edge.direction[1])
    along_x = abs(math.cos(r) * ux + math.sin(r) * uy)  # the piece's local x on the edge
    along_y = abs(-math.sin(r) * ux + math.cos(r) * uy)
    return (piece.width * along_x + piece.depth * along_y) / 2
