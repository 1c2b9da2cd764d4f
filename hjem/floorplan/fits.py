"""What fits here: the pieces that fit a stretch of wall or a free area the architect marks.

A `WallStretch` is two points on one edge of a room (a wall's inner face): a piece fits when
it stands with its back to that wall (a dining table with a short end), its footprint within
the stretch: flush with its start, its end or centred, else wherever `spots` finds room in it.
An `Area` is any polygon on the floor: a piece fits when its footprint and the free floor it
needs (all its zones, or for a bed one long side) lie within the area, its back to a side of
the area's bounding rectangle, centred along it; all four sides are tried (so both
orientations, each way round), those nearest a wall first.

Either way a fit is a pose the piece checker and the walkway pass, so adding it to the plan
brings no conflict. Best fit first: the largest footprint, then the one that fills the
region best (`Fit.score`, the share of the stretch's length or of the area it takes up).
`suggestions` is what the UI asks: only floor furniture belonging in the kind of room the
region lies in is tried (`room_use`).

Speed (200 candidates in 25–60 ms on the sample apartments): one `SpotFinder` index serves
every candidate; along a stretch, where each piece is free to stand is found for all of them
in one pass (`wall_runs.runs_of_pieces`); and the walkway, the costly check, is mostly checked
once for many pieces (`Envelopes`). Only the poses described above are tried: a piece that
would fit an area only off-centre, or turned at an angle, is left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import shapely

from hjem.floorplan.envelopes import MARGIN, Envelope, Envelopes, Slot, bucket
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.piece_check import PieceCheck
from hjem.floorplan.plan_geometry import layout_of
from hjem.floorplan.room_use import belongs_in
from hjem.floorplan.shapes import clearance_of, room_at, zone_boxes, zone_options
from hjem.floorplan.spots import SpotFinder, candidates_of, sort_candidates
from hjem.floorplan.wall_runs import (
    Edge,
    Run,
    centre_on,
    depth_into,
    length_along,
    room_edges,
    rotation_on,
    runs_of_pieces,
)
from hjem.ids import ElementId, ItemCode

ON_EDGE = 1.0  # cm: a stretch's ends this near a room edge lie on it
INSIDE = 0.01  # cm of slack when asking whether a piece lies within an area


@dataclass(frozen=True)
class Candidate:
    """A piece that might go there: an inventory item or any other piece, by its size."""

    key: str  # an inventory code, or any id the caller knows it by
    category: str
    width: float
    depth: float
    height: float
    label: str = ""
    inventory_item: str | None = None


@dataclass(frozen=True)
class WallStretch:
    """A stretch of a room's wall: two points on the same edge of a room's outline."""

    start: Point
    end: Point


@dataclass(frozen=True)
class Area:
    """A free area of floor, as a polygon's corners."""

    corners: tuple[Point, ...]


Region = WallStretch | Area
Pose = tuple[Placement, float]  # a piece placed, and the share of the region it takes


@dataclass(frozen=True)
class Fit:
    candidate: Candidate
    placement: Placement  # ready to add to the plan
    score: float  # the share of the region the piece (with its free floor, in an area) takes


def what_fits(
    plan: Plan,
    region: Region,
    candidates: Sequence[Candidate],
    finder: SpotFinder | None = None,
) -> list[Fit]:
    """The candidates that fit `region`, each at its pose, best fit first.

    Pass the UI's `finder` for `plan` to reuse its index. Raises ValueError for a wall
    stretch whose ends are not on one edge of a room.
    """
    finder = finder or SpotFinder(plan)
    fitter: _StretchFitter | _AreaFitter = (
        _StretchFitter(finder, region)
        if isinstance(region, WallStretch)
        else _AreaFitter(finder, region)
    )
    new_id = plan.new_id("p")
    found = fitter.fit_all([_piece(c, new_id) for c in candidates], Envelopes())
    fits = [Fit(c, *pose) for c, pose in zip(candidates, found, strict=True) if pose is not None]
    return sorted(fits, key=lambda f: (-f.placement.width * f.placement.depth, -f.score))


def suggestions(
    plan: Plan,
    region: Region,
    candidates: Sequence[Candidate],
    finder: SpotFinder | None = None,
) -> list[Fit]:
    """What *Hvad passer her?* suggests: the candidates that fit `region` (as `what_fits`)
    and are floor furniture belonging in the kind of room the region lies in, so a bedroom
    wall gets beds and wardrobes, not pans, towels or a sofa."""
    finder = finder or SpotFinder(plan)
    room = _room_of(finder, region)
    kind = None if room is None else room.kind
    along_wall = isinstance(region, WallStretch)
    suited = [c for c in candidates if belongs_in(kind, c.category, c.height, along_wall)]
    return what_fits(plan, region, suited, finder)


def _room_of(finder: SpotFinder, region: Region) -> Room | None:
    if isinstance(region, WallStretch):
        return _edge_of(finder, region)[0]
    centre = shapely.Polygon(region.corners).representative_point()
    return room_at(finder.plan, (centre.x, centre.y))


def _piece(candidate: Candidate, new_id: ElementId) -> Placement:
    return Placement(
        new_id,
        candidate.label or candidate.key,
        candidate.category,
        candidate.width,
        candidate.depth,
        candidate.height,
        Point(0.0, 0.0),
        inventory_item=(
            None if candidate.inventory_item is None else ItemCode(candidate.inventory_item)
        ),
    )


class _StretchFitter:
    """Fits pieces with their back to one stretch of wall."""

    def __init__(self, finder: SpotFinder, stretch: WallStretch):
        self.finder = finder
        _, self.edge, self.span = _edge_of(finder, stretch)
        (u0, u1), edge = self.span, self.edge
        self.slots = [
            Slot(edge, "start", u0),
            Slot(edge, "end", u1),
            Slot(edge, "centre", (u0 + u1) / 2),
        ]

    def fit_all(self, pieces: list[Placement], ways: Envelopes) -> list[Pose | None]:
        """Each piece flush with the stretch's start, its end or centred on it; failing those,
        wherever along it there is room. Where each piece is free to stand is found for all
        of them in one pass (`runs_of_pieces`); the piece checker only confirms it."""
        if not pieces:
            return []
        obstacles = self.finder.prepare(pieces[0])[1]
        all_runs = runs_of_pieces(obstacles, [self.edge], pieces, [self.span])
        return [self._fit(p, r, ways) for p, r in zip(pieces, all_runs, strict=True)]

    def _fit(self, piece: Placement, piece_runs: list[Run], ways: Envelopes) -> Pose | None:
        check, _ = self.finder.prepare(piece)
        for run in piece_runs:  # one per way the piece may turn to the wall
            length = run.length_of(piece)
            reach = depth_into(run.turn, piece)
            for slot in self.slots:
                along = slot.along(length)
                if not run.is_free(along):
                    continue
                envelope = slot.envelope(length, reach)
                if found := self._try(check, piece, run.turn, along, ways, envelope):
                    return found
        return self._along_runs(piece, piece_runs, ways)

    def _along_runs(self, piece: Placement, piece_runs: list[Run], ways: Envelopes) -> Pose | None:
        check = self.finder.prepare(piece)[0]
        trials = [*candidates_of(piece_runs, piece), *candidates_of(piece_runs, piece, sweep=True)]
        for candidate in sort_candidates(trials):
            run, along = candidate.run, candidate.along
            a, b = next((a, b) for a, b in run.free() if a <= along <= b)
            # The whole free gap, for every piece that fits it (its ends are where the same
            # obstacles stop each piece, so pieces share it).
            half = length_along(run.turn, piece) / 2
            gap = (math.floor(a - half - MARGIN), math.ceil(b + half + MARGIN))
            reach = depth_into(run.turn, piece)
            envelope = Envelope(self.edge, *gap, bucket(reach + MARGIN))
            if found := self._try(check, piece, run.turn, along, ways, envelope):
                return found
        return None

    def _try(
        self,
        check: PieceCheck,
        piece: Placement,
        turn: float,
        along: float,
        ways: Envelopes,
        envelope: Envelope | None,
    ) -> Pose | None:
        center, rotation = centre_on(self.edge, turn, along, piece), rotation_on(self.edge, turn)
        if not check.is_free(center, rotation) or not ways.clear(check, center, rotation, envelope):
            return None
        used = length_along(turn, piece) / (self.span[1] - self.span[0])
        return piece.moved_to(center, rotation), used


def _edge_of(finder: SpotFinder, stretch: WallStretch) -> tuple[Room, Edge, tuple[float, float]]:
    """The room and its edge both ends lie on, and the stretch as offsets along it."""
    best = None
    for room in finder.plan.rooms:
        for edge in finder.edges(room):
            (u0, v0), (u1, v1) = edge.project(stretch.start), edge.project(stretch.end)
            on = max(abs(v0), abs(v1)) <= ON_EDGE
            within = min(u0, u1) >= -ON_EDGE and max(u0, u1) <= edge.length + ON_EDGE
            if on and within and (best is None or abs(v0) + abs(v1) < best[0]):
                best = (abs(v0) + abs(v1), room, edge, (min(u0, u1), max(u0, u1)))
    if best is None or best[3][1] - best[3][0] <= 0:
        raise ValueError("the stretch's ends are not on one edge of a room")
    return best[1], best[2], best[3]


class _AreaFitter:
    """Fits pieces with their free floor inside an area, back to one of its sides (those
    nearest a wall first: a piece in a marked area still stands best against a wall)."""

    def __init__(self, finder: SpotFinder, area: Area):
        self.finder = finder
        polygon = shapely.Polygon(area.corners)
        self.polygon = polygon if polygon.is_valid else polygon.buffer(0)
        self.within = self.polygon.buffer(INSIDE)
        shapely.prepare(self.within)
        clip = self.polygon.buffer(MARGIN, join_style="mitre")
        rectangle = self.polygon.minimum_rotated_rectangle
        self.rectangular = abs(rectangle.area - self.polygon.area) < INSIDE * rectangle.length
        sides = room_edges(rectangle, min_length=0.0) if self.polygon.area > 0 else []
        # Each side's slot, and how deep the area is behind it (the next side's length).
        self.deep = {id(e): sides[(i + 1) % len(sides)].length for i, e in enumerate(sides)}
        self.slots = [Slot(e, "centre", e.length / 2, clip) for e in self._by_wall(sides)]

    def _by_wall(self, sides: list[Edge]) -> list[Edge]:
        walls = shapely.union_all(list(layout_of(self.finder.plan).wall_geoms))
        if walls.is_empty:
            return sides
        middles = [shapely.Point(e.point(e.length / 2, 0.0)) for e in sides]
        return [
            e
            for _, _, e in sorted(
                (round(walls.distance(m), 3), i, e)
                for i, (m, e) in enumerate(zip(middles, sides, strict=True))
            )
        ]

    def fit_all(self, pieces: list[Placement], ways: Envelopes) -> list[Pose | None]:
        return [self._fit(piece, ways) for piece in pieces]

    def _fit(self, piece: Placement, ways: Envelopes) -> Pose | None:
        check = self.finder.prepare(piece)[0]
        for x0, y0, x1, y1 in _needed_boxes(piece):
            for slot in self.slots:
                e = slot.edge
                # The box's extent along the side, from the piece's centre (x runs along ±u).
                a, b = sorted((e.sign * x0, e.sign * x1))
                along = slot.at - (a + b) / 2
                if not self._holds(e, along + a, along + b, y1 - y0):
                    continue
                center, rotation = e.point(along, -y0), e.rotation
                if not check.is_free(center, rotation):
                    continue
                if ways.clear(check, center, rotation, slot.envelope(b - a, y1 - y0)):
                    return piece.moved_to(center, rotation), (b - a) * (y1 - y0) / self.polygon.area
        return None

    def _holds(self, e: Edge, u0: float, u1: float, depth: float) -> bool:
        """Whether the box from u0 to u1 along side `e`, `depth` deep, lies within the area."""
        if u1 - u0 > e.length + INSIDE or depth > self.deep[id(e)] + INSIDE:
            return False
        if self.rectangular:
            return True
        ends = ((u0, 0.0), (u1, 0.0), (u1, depth), (u0, depth))
        return bool(self.within.covers(shapely.Polygon([e.point(u, v) for u, v in ends])))


def _needed_boxes(piece: Placement) -> list[tuple[float, float, float, float]]:
    """The piece's bounding box with the free floor it needs, in its own frame: one option per
    set of zones that will do (all of them; a bed's either side; a table's sides that seat
    enough people)."""
    footprint = (0.0, 0.0, piece.width, piece.depth)
    zones = zone_boxes(piece.width, piece.depth, clearance_of(piece))
    if piece.floor_flat or not zones:
        options = [[footprint]]
    else:
        choices = zone_options(piece.width, piece.depth, clearance_of(piece))
        options = [[footprint, *chosen] for chosen in choices]
    return [_bounds(option) for option in options]


def _bounds(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (
        min(x - w / 2 for x, _, w, _ in boxes),
        min(y - d / 2 for _, y, _, d in boxes),
        max(x + w / 2 for x, _, w, _ in boxes),
        max(y + d / 2 for _, y, _, d in boxes),
    )
