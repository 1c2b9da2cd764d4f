"""Where the names on the plan go at a given zoom: each piece's name inside it when it fits
(on one line, wrapped on two or three, or a little smaller), else beside it on free floor in
its room; room names on the free floor of their room; no two names over each other. A name
is cut ("Sof…") only when there is no room for it anywhere near its piece.

Names keep their size on screen whatever the zoom, so the layout is made for one scale
(screen pixels per cm) and a way to measure a line of text (`Measure`: in pixels, at a share
of the normal size): the caller knows the font, this module knows no Qt. Everything else is
in plan centimetres, y down.

The order is what matters most: names inside standing pieces first (a small piece has the
fewest places), then names inside rugs around what stands on them, then the room names,
then the pieces whose names must go beside them, in what floor is still free (a room's name
makes way when it took the only place beside a piece and has other free floor).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.label_spot import label_spot
from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.rect_index import Rect, RectIndex, overlap, rect_around
from hjem.floorplan.shapes import footprint, footprints, room_polygon
from hjem.floorplan.text_fit import Measure, Wording, elide, wordings
from hjem.floorplan.walls import door_swing, wall_outlines
from hjem.ids import ElementId

Spot = tuple[float, float]  # a point on the plan (cm)
Size = tuple[float, float]  # a box's width and height (cm)

PAD_PX = 3.0  # around a name beside its piece (its light background)
INSIDE_PAD_PX = 1.0  # around a name inside its piece (the piece's own cream is around it)
GAP_PX = 3.0  # between a piece and its name beside it
EDGE_PX = 1.0  # a name inside a piece keeps this far from its edges
MIN_NAMED_PX = 10.0  # a piece smaller than this on screen is a speck: no name
MIN_ELIDED_PX = 30.0  # the last resort, a cut name inside, needs this much
SPOT_STEP_PX = 6.0  # between the places tried inside a piece
ROOM_STEPS_PX = (12.0, 4.0)  # between the places tried in a room: coarse, then fine
# Names searched for on the floor around their piece (`name_nearby`, a millisecond or more
# each, longer the more stands around): past this many, a name that fits neither inside nor
# right beside its piece is cut inside it. Only a pile no home has (300 pieces stacked in one
# spot took 90 s to lay out) gets this far.
MAX_NEARBY_SEARCHES = 12


@dataclass(frozen=True, slots=True)
class Label:
    """A name's lines, where its box's middle is (cm), its box (w, h in cm at the scale) and
    its size as a share of the normal font size."""

    lines: tuple[str, ...]
    center: tuple[float, float]
    size: Size
    factor: float = 1.0
    inside: bool = True

    @property
    def rect(self) -> Rect:
        return rect_around(self.center, self.size)


@dataclass(frozen=True)
class Layout:
    pieces: dict[ElementId, Label]  # by placement id; a piece without a name has none
    rooms: dict[ElementId, Spot]  # the middle of each room name's box, by room id
    room_rects: dict[ElementId, Rect]


@dataclass(frozen=True)
class Fonts:
    """The two measures: the pieces' names (a line's width, its height at the normal size)
    and the room names' boxes (in pixels, as the view draws them)."""

    measure: Measure
    line_px: float
    room_sizes: Mapping[ElementId, tuple[float, float]]


def lay_out_labels(
    plan: Plan, names: Mapping[ElementId, str], fonts: Fonts, scale: float
) -> Layout:
    """Every name on `plan` at `scale` pixels per cm (see the module's note for the order)."""
    work = _Work(plan, fonts, scale)
    standing = [p for p in plan.placements if not p.floor_flat]
    rugs = [p for p in plan.placements if p.floor_flat]
    beside: list[Placement] = []
    for piece in [*_smallest_first(standing), *_smallest_first(rugs)]:
        if names.get(piece.id) and not work.name_inside(piece, names[piece.id]):
            beside.append(piece)
    for room_id, area in work.room_areas.items():
        work.room_name(room_id, area)
    moved = set(work.displaced_by_room_names())
    beside += [p for p in plan.placements if p.id in moved]
    searches = 0
    for piece in beside:
        text = names[piece.id]
        placed = work.name_beside(piece, text)
        if not placed and searches < MAX_NEARBY_SEARCHES:
            searches += 1
            placed = work.name_nearby(piece, text) or work.name_beside_room_name(piece, text)
        if not placed:
            work.cut_inside(piece, text)
    return Layout(work.labels, work.room_spots, work.room_rects)


def _smallest_first(pieces: Iterable[Placement]) -> list[Placement]:
    return sorted(pieces, key=lambda p: p.width * p.depth)


class _Work:
    """The layout under way: the names placed so far and what they must stay clear of."""

    def __init__(self, plan: Plan, fonts: Fonts, scale: float):
        self.fonts, self.scale = fonts, scale
        self.labels: dict[ElementId, Label] = {}
        self.room_spots: dict[ElementId, Spot] = {}
        self.room_rects: dict[ElementId, Rect] = {}
        self.room_areas: dict[ElementId, BaseGeometry] = {
            room.id: room_polygon(room) for room in plan.rooms
        }
        self.rooms_of: dict[ElementId, BaseGeometry | None] = {}
        self.room_bounds: dict[ElementId, tuple[float, float, float, float]] = {}
        self.taken = RectIndex(cell=120.0 / scale)  # names placed: about one per cell
        pieces: list[Placement | Fixture] = [*plan.placements, *plan.fixtures]
        self.piece_tree = shapely.STRtree(footprints(pieces))
        self.outline = {p.id: footprint(p) for p in plan.placements}
        self.standing = [self.outline[p.id] for p in plan.placements if not p.floor_flat]
        fixtures = [footprint(f) for f in plan.fixtures]
        walls = list(wall_outlines(plan.walls).values())  # doorways too: no name across one
        self.solid = shapely.STRtree([*self.standing, *fixtures, *walls])  # rugs are floor
        swings = [door_swing(plan.wall_of(o), o) for o in plan.openings]
        self.swings = shapely.STRtree(swings)

    # --- inside -------------------------------------------------------------------------

    def name_inside(self, piece: Placement, text: str) -> bool:
        """The name inside the piece, the most readable way that fits; whether it is done
        (a speck of a piece is done without a name)."""
        if min(piece.width, piece.depth) * self.scale < MIN_NAMED_PX:
            return True  # no name, and none beside it either
        for wording in wordings(text, self.fonts.measure):
            size = self._box(wording, INSIDE_PAD_PX)
            if not _fits_in(piece, size, EDGE_PX / self.scale):
                continue
            spot = self._spot_inside(piece, size)
            if spot is not None:
                self._place(piece.id, Label(wording.lines, spot, size, wording.factor))
                return True
        return False

    def _spot_inside(self, piece: Placement, size: Size) -> Spot | None:
        """The piece's middle if the name is clear there, else the clear spot in it nearest
        the middle (a rug around the table on it), else none."""
        middle = (piece.center.x, piece.center.y)
        covering = self._covering(piece)
        rect = rect_around(middle, size)
        if not self.taken.hits(rect) and not any(g.intersects(_box(rect)) for g in covering):
            return middle
        obstacles = [_box(r) for r in self.taken.near(self.outline[piece.id].bounds)] + covering
        area = self.outline[piece.id].buffer(-EDGE_PX / self.scale, join_style="mitre")
        if area.is_empty:
            return None
        step = SPOT_STEP_PX / self.scale
        spot, covered = label_spot(area, _together(obstacles), size, step, measure=False)
        return spot if covered == 0.0 and _fits_in(piece, size, 0.0, spot) else None

    def _covering(self, piece: Placement) -> list[BaseGeometry]:
        """What stands on a rug (its name goes around it); nothing for a standing piece."""
        if not piece.floor_flat:
            return []
        mine = self.outline[piece.id]
        return [g for g in self.standing if g.intersects(mine)]

    # --- rooms ----------------------------------------------------------------------------

    def room_name(self, room_id: ElementId, area: BaseGeometry) -> bool:
        """The room's name on its free floor nearest the middle (or where it covers least);
        whether it is clear of furniture and names."""
        size_px = self.fonts.room_sizes.get(room_id)
        if size_px is None:
            return True
        size = ((size_px[0] + PAD_PX) / self.scale, (size_px[1] + PAD_PX) / self.scale)
        names = [_box(r) for r in self.taken.near(area.bounds)]
        near = names + list(self.piece_tree.geometries.take(self.piece_tree.query(area)))
        for step in ROOM_STEPS_PX:
            fine = step == ROOM_STEPS_PX[-1]  # only the last search measures what it covers
            obstacles = _union(near) if fine else _together(near)
            spot, covered = label_spot(area, obstacles, size, step / self.scale, fine)
            if covered == 0.0:
                break
        if covered > 0.0 and names:  # no free floor: on furniture, but clear of the names
            clear_of_names, over_names = label_spot(
                area, _together(names), size, ROOM_STEPS_PX[-1] / self.scale, measure=False
            )
            if over_names == 0.0:
                spot = clear_of_names
        self.room_spots[room_id] = spot
        self.room_rects[room_id] = rect_around(spot, size)
        self.taken.add(self.room_rects[room_id])
        return covered == 0.0

    def displaced_by_room_names(self) -> list[ElementId]:
        """The pieces whose names a room's name had to cover (a room too small for both):
        their names go elsewhere."""
        displaced = [
            piece_id
            for piece_id, label in self.labels.items()
            if any(overlap(label.rect, rect) for rect in self.room_rects.values())
        ]
        for piece_id in displaced:
            self.taken.remove(self.labels.pop(piece_id).rect)
        return displaced

    def name_beside_room_name(self, piece: Placement, text: str) -> bool:
        """When the room's name took the only free floor beside the piece: the piece's name
        there, and the room's name moved to other free floor, if there is some."""
        room = self._room_of(piece)
        room_id = next((k for k, area in self.room_areas.items() if area is room), None)
        if room_id is None:
            return False
        spot, rect = self.room_spots[room_id], self.room_rects[room_id]
        self.taken.remove(rect)
        if self.name_beside(piece, text):
            if self.room_name(room_id, self.room_areas[room_id]):
                return True
            self.taken.remove(self.room_rects[room_id])
            self.taken.remove(self.labels.pop(piece.id).rect)
        self.room_spots[room_id], self.room_rects[room_id] = spot, rect
        self.taken.add(rect)
        return False

    # --- beside -------------------------------------------------------------------------

    def name_beside(self, piece: Placement, text: str) -> bool:
        """On free floor beside the piece, clear of door swings if it can be."""
        for avoid_swings in (True, False):
            for wording in wordings(text, self.fonts.measure):
                size = self._box(wording)
                for spot in self._around(piece, size):
                    rect = rect_around(spot, size)
                    if self._free(piece, rect, avoid_swings):
                        label = Label(wording.lines, spot, size, wording.factor, inside=False)
                        self._place(piece.id, label)
                        return True
        return False

    def name_nearby(self, piece: Placement, text: str) -> bool:
        """On the free floor nearest the piece, at most about a name's size away from it
        (when what stands around it leaves no place right beside it). Two ways to write it
        are tried: as it is, and the most compact (a search costs a millisecond)."""
        ways = wordings(text, self.fonts.measure)
        compact = min(ways, key=lambda w: w.width_px * len(w.lines) * w.factor)
        for wording in dict.fromkeys((ways[0], compact)):
            size = self._box(wording)
            reach = max(size) + GAP_PX / self.scale
            x0, y0, x1, y1 = self.outline[piece.id].bounds
            area: BaseGeometry = shapely.box(x0 - reach, y0 - reach, x1 + reach, y1 + reach)
            if (room := self._room_of(piece)) is not None:
                area = area.intersection(room)  # not across a wall into the next room
            near = [*self.taken.near(area.bounds)]
            blocked = [_box(r) for r in near] + [self.outline[piece.id].buffer(GAP_PX / self.scale)]
            for tree in (self.solid, self.swings):
                blocked += list(tree.geometries.take(tree.query(area)))
            step = SPOT_STEP_PX / self.scale
            spot, covered = label_spot(area, _together(blocked), size, step, measure=False)
            if covered == 0.0:
                self._place(piece.id, Label(wording.lines, spot, size, wording.factor, False))
                return True
        return False

    def _around(self, piece: Placement, size: Size) -> list[Spot]:
        """Below, above, right and left of the piece's box on screen, a small gap away:
        in the middle of each side first, then along it to either end."""
        x0, y0, x1, y1 = self.outline[piece.id].bounds
        gap = GAP_PX / self.scale
        w, h = size
        along_x = ((x0 + x1) / 2, x0 + w / 2, x1 - w / 2)
        along_y = ((y0 + y1) / 2, y0 + h / 2, y1 - h / 2)
        return [
            *((x, y1 + gap + h / 2) for x in along_x),
            *((x, y0 - gap - h / 2) for x in along_x),
            *((x1 + gap + w / 2, y) for y in along_y),
            *((x0 - gap - w / 2, y) for y in along_y),
        ]

    def _free(self, piece: Placement, rect: Rect, avoid_swings: bool) -> bool:
        """Whether a name may go there: on free floor, in the piece's own room."""
        room = self._room_of(piece)
        if room is not None and not _within(rect, self.room_bounds[piece.id]):
            return False  # the cheap test first: most places tried fail it
        if self.taken.hits(rect) or self._on_something(rect, avoid_swings):
            return False
        return room is None or room.contains(_box(rect))

    def _room_of(self, piece: Placement) -> BaseGeometry | None:
        """The floor of the room the piece stands in (None: it stands in none)."""
        if piece.id not in self.rooms_of:
            middle = _point(piece)
            room = next((area for area in self.room_areas.values() if area.contains(middle)), None)
            self.rooms_of[piece.id] = room
            self.room_bounds[piece.id] = room.bounds if room is not None else (0, 0, 0, 0)
        return self.rooms_of[piece.id]

    def _on_something(self, rect: Rect, or_swing: bool) -> bool:
        """Whether the box lies on a piece, a fixture or a wall (or a door's swing)."""
        box = _box(rect)
        trees = (self.solid, self.swings) if or_swing else (self.solid,)
        return any(len(tree.query(box, predicate="intersects")) for tree in trees)

    def cut_inside(self, piece: Placement, text: str) -> None:
        """The last resort: the name cut to the piece's width, if it is clear there."""
        across = _level_width(piece) * self.scale - 2 * (INSIDE_PAD_PX + EDGE_PX)
        if across < MIN_ELIDED_PX or min(piece.width, piece.depth) * self.scale < MIN_NAMED_PX:
            return
        line = elide(text, across, self.fonts.measure)
        size = self._box(Wording((line,), 1.0, self.fonts.measure(line, 1.0)), INSIDE_PAD_PX)
        rect = rect_around((piece.center.x, piece.center.y), size)
        if _fits_in(piece, size, 0.0) and not self.taken.hits(rect):
            self._place(piece.id, Label((line,), (piece.center.x, piece.center.y), size))

    # --- shared -------------------------------------------------------------------------

    def _box(self, wording: Wording, pad: float = PAD_PX) -> Size:
        """The name's box in cm: its text and padding, at the scale."""
        width = wording.width_px + 2 * pad
        height = len(wording.lines) * self.fonts.line_px * wording.factor + pad
        return width / self.scale, height / self.scale

    def _place(self, piece_id: ElementId, label: Label) -> None:
        self.labels[piece_id] = label
        self.taken.add(label.rect)


def _box(rect: Rect) -> BaseGeometry:
    return shapely.box(*rect)


def _within(rect: Rect, bounds: tuple[float, float, float, float]) -> bool:
    return (
        bounds[0] <= rect[0]
        and bounds[1] <= rect[1]
        and rect[2] <= bounds[2]
        and rect[3] <= bounds[3]
    )


def _union(shapes: list[BaseGeometry]) -> BaseGeometry | None:
    """The shapes as one (for measuring how much of a box they cover)."""
    return shapely.union_all(shapes) if shapes else None


def _together(shapes: list[BaseGeometry]) -> BaseGeometry | None:
    """The shapes side by side, not merged: enough to ask what touches them, and cheap."""
    return shapely.GeometryCollection(shapes) if shapes else None


def _point(piece: Placement) -> BaseGeometry:
    return shapely.Point(piece.center.x, piece.center.y)


def _level_width(piece: Placement) -> float:
    """How wide the piece is across the screen (names are written level)."""
    turn = math.radians(piece.rotation)
    return abs(piece.width * math.cos(turn)) + abs(piece.depth * math.sin(turn))


def _fits_in(
    piece: Placement,
    size: Size,
    margin: float,
    at: Spot | None = None,
) -> bool:
    """Whether a level box of `size` centred at `at` (the piece's middle) lies inside the
    turned piece, `margin` from its edges."""
    cx, cy = at if at is not None else (piece.center.x, piece.center.y)
    turn = math.radians(-piece.rotation)
    cos, sin = math.cos(turn), math.sin(turn)
    half_w, half_d = piece.width / 2 - margin, piece.depth / 2 - margin
    for dx, dy in _corners(size):
        x, y = cx + dx - piece.center.x, cy + dy - piece.center.y
        if abs(x * cos - y * sin) > half_w + 1e-9 or abs(x * sin + y * cos) > half_d + 1e-9:
            return False
    return True


def _corners(size: Size) -> Sequence[tuple[float, float]]:
    w, h = size[0] / 2, size[1] / 2
    return ((-w, -h), (w, -h), (w, h), (-w, h))
