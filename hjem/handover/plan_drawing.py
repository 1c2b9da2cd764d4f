"""The home drawn to scale with reportlab: floors, walls, doors and windows, the furniture
with its symbols and numbers, the rooms' names and areas.

`Building` derives the shapely geometry once per document; `draw_plan` draws a window of it
through a `PlanFrame` (the whole home, or one room enlarged). Walls are filled `style.WALL`
(a fill nothing else uses, so a test can find the walls in the PDF and measure them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import shapely

# types-reportlab leaves out the module's fill-mode constants (FILL_EVEN_ODD = 0 in reportlab).
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas  # type: ignore[attr-defined]
from reportlab.pdfgen.pathobject import PDFPathObject
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.geometry import Point
from hjem.floorplan.label_spot import label_spot
from hjem.floorplan.model import Opening, Plan, Room, RoomKind, Wall
from hjem.floorplan.openings import OpeningGeometry, Segment, door_leaves, opening_geometry
from hjem.floorplan.shapes import footprint, room_at, room_polygon
from hjem.floorplan.walls import wall_outlines, wall_solids
from hjem.handover import fonts, style
from hjem.handover.canvas import unmirrored
from hjem.handover.data import HandoverItem
from hjem.handover.frame import Bounds, PlanFrame
from hjem.handover.pdf_symbols import draw_fixture, place_piece
from hjem.handover.placing import badge_spots
from hjem.handover.wording import room_name
from hjem.i18n import format_number, tr


@dataclass
class Building:
    """A plan's geometry for drawing, derived once."""

    plan: Plan
    items: tuple[HandoverItem, ...]
    _rooms_of: dict[int, str | None] = field(default_factory=dict)

    @cached_property
    def walls(self) -> BaseGeometry:
        return shapely.union_all(list(wall_solids(self.plan).values()))

    @cached_property
    def bounds(self) -> Bounds:
        shapes = [self.walls, *(room_polygon(r) for r in self.plan.rooms)]
        shapes += [footprint(i.placement, 0.0) for i in self.items]
        x0, y0, x1, y1 = shapely.union_all([s for s in shapes if not s.is_empty]).bounds
        return x0, y0, x1, y1

    @cached_property
    def swings(self) -> BaseGeometry:
        """The floor every door leaf sweeps."""
        plan = self.plan
        leaves = [leaf for o in plan.openings for leaf in door_leaves(plan.wall_of(o), o)]
        return shapely.union_all([shapely.Polygon([leaf.hinge, *leaf.arc()]) for leaf in leaves])

    @cached_property
    def floor(self) -> BaseGeometry:
        return shapely.union_all([room_polygon(r) for r in self.plan.rooms])

    def room_of(self, item: HandoverItem) -> Room | None:
        """The room the piece stands in (by its centre)."""
        if item.number not in self._rooms_of:
            room = room_at(self.plan, item.placement.center)
            self._rooms_of[item.number] = room.id if room else None
        room_id = self._rooms_of[item.number]
        found = self.plan.get(room_id) if room_id else None
        return found if isinstance(found, Room) else None

    @cached_property
    def _areas(self) -> dict[str, float]:
        walls = shapely.union_all(list(wall_outlines(self.plan.walls).values()))
        return {r.id: room_polygon(r).difference(walls).area / 10_000 for r in self.plan.rooms}

    def area(self, room: Room) -> float:
        """The room's net floor area in m² (as `shapes.net_area_m2`, walls unioned once)."""
        return self._areas[room.id]

    def bounds_of(self, room: Room) -> Bounds:
        x0, y0, x1, y1 = room_polygon(room).bounds
        return x0, y0, x1, y1


def _path(canvas: Canvas, geometry: BaseGeometry) -> PDFPathObject:
    path = canvas.beginPath()
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.is_empty or not hasattr(polygon, "exterior"):
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = list(ring.coords)
            path.moveTo(*coords[0])
            for point in coords[1:]:
                path.lineTo(*point)
            path.close()
    return path


def draw_plan(
    canvas: Canvas,
    frame: PlanFrame,
    building: Building,
    items: tuple[HandoverItem, ...],
    lang: str,
    focus: Room | None = None,
    *,
    numbers: bool = True,
    names: bool = True,
) -> None:
    """The plan inside `frame`, with `items` drawn and (with `numbers`) numbered. With `focus`,
    that room is tinted and the rest left white (a room page); without, every room is named
    (with `names`: the whole home). Never mirrored: it is a drawing of a real place."""
    with unmirrored(canvas, frame.left, frame.left + frame.width):
        _draw_plan(canvas, frame, building, items, lang, focus, numbers=numbers, names=names)


def _draw_plan(
    canvas: Canvas,
    frame: PlanFrame,
    building: Building,
    items: tuple[HandoverItem, ...],
    lang: str,
    focus: Room | None,
    *,
    numbers: bool,
    names: bool,
) -> None:
    plan = building.plan
    frame.enter(canvas)
    clip = canvas.beginPath()
    x0, y0, x1, y1 = frame.window
    clip.rect(x0, y0, x1 - x0, y1 - y0)
    canvas.clipPath(clip, stroke=0, fill=0)
    _floors(canvas, frame, plan, focus)
    line = frame.line(0.5 if frame.scale >= 100 else 0.6)
    for item in sorted(items, key=lambda i: not i.placement.floor_flat):
        place_piece(canvas, item.placement, dashed=item.missing)
    for fixture in plan.fixtures:
        reach = max(fixture.width, fixture.depth)
        if _shows(frame, fixture.center, reach):
            draw_fixture(canvas, fixture, line)
    canvas.setFillColor(style.WALL)
    canvas.setStrokeColor(style.WALL)
    canvas.setLineWidth(frame.line(0.3))
    canvas.drawPath(_path(canvas, building.walls), stroke=1, fill=1, fillMode=FILL_EVEN_ODD)
    _openings(canvas, frame, plan)
    canvas.restoreState()
    radius = badge_radius(frame, items)
    pieces = [(i.number, i.placement) for i in items] if numbers else []
    spots = badge_spots(pieces, radius / frame.k, building.floor)
    if focus is None and names:
        shapes: list[BaseGeometry] = [footprint(i.placement, 0.0) for i in items]
        shapes += [footprint(f, 0.0) for f in plan.fixtures]
        shapes.append(building.swings)
        if numbers:
            shapes += [
                shapely.Point(spot).buffer(radius / frame.k, quad_segs=3)
                for spot, _ in spots.values()
            ]
        _room_labels(canvas, frame, building, shapely.union_all(shapes) if shapes else None, lang)
    if names:
        _entrance(canvas, frame, plan, lang)
    if numbers:
        draw_badges(canvas, frame, items, spots, radius)


def _shows(frame: PlanFrame, at: tuple[float, float], reach: float) -> bool:
    """Whether something within `reach` cm of `at` can show in the frame's window."""
    x0, y0, x1, y1 = frame.window
    return x0 - reach <= at[0] <= x1 + reach and y0 - reach <= at[1] <= y1 + reach


def _floors(canvas: Canvas, frame: PlanFrame, plan: Plan, focus: Room | None) -> None:
    canvas.setLineWidth(frame.line(0.4))
    canvas.setStrokeColor(style.WALL)
    x0, y0, x1, y1 = frame.window
    for room in plan.rooms:
        rx0, ry0, rx1, ry1 = room_polygon(room).bounds
        if rx1 < x0 or rx0 > x1 or ry1 < y0 or ry0 > y1:
            continue
        tint = style.FLOOR if focus is None else style.ACCENT_SOFT if room is focus else style.WHITE
        canvas.setFillColor(tint)
        polygon = room_polygon(room)
        railing = room.kind is RoomKind.ALTAN
        canvas.drawPath(_path(canvas, polygon), stroke=int(railing), fill=1)
        if railing:
            inner = polygon.buffer(-4, join_style="mitre")
            canvas.drawPath(_path(canvas, inner), stroke=1, fill=0)


def _openings(canvas: Canvas, frame: PlanFrame, plan: Plan) -> None:
    """Doors and windows as `floorplan.openings` gives them (the editor draws the same)."""
    for opening in plan.openings:
        wall = plan.wall_of(opening)
        if _near(frame, wall, opening):
            _opening(canvas, frame, opening_geometry(wall, opening))


def _opening(canvas: Canvas, frame: PlanFrame, geometry: OpeningGeometry) -> None:
    """A window's gap white with its frame; the glass as a double line; each door leaf
    standing open at its swing angle, with the arc its edge sweeps."""
    canvas.setStrokeColor(style.WALL)
    if geometry.frame:
        canvas.setFillColor(style.WHITE)
        canvas.setLineWidth(frame.line(0.4))
        canvas.drawPath(_polyline(canvas, geometry.gap, closed=True), stroke=0, fill=1)
        _segments(canvas, geometry.frame)
    canvas.setLineWidth(frame.line(0.3))
    _segments(canvas, geometry.glass)
    canvas.setStrokeColor(style.FURNITURE_LINE)
    for leaf in geometry.leaves:
        canvas.setLineWidth(frame.line(0.9))
        _segments(canvas, (leaf.line,))
        canvas.setLineWidth(frame.line(0.35))
        canvas.drawPath(_polyline(canvas, leaf.arc()), stroke=1, fill=0)


def _segments(canvas: Canvas, segments: Iterable[Segment]) -> None:
    for start, end in segments:
        canvas.line(*start, *end)


def _polyline(canvas: Canvas, points: Sequence[Point], closed: bool = False) -> PDFPathObject:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    if closed:
        path.close()
    return path


def _near(frame: PlanFrame, wall: Wall, opening: Opening) -> bool:
    return _shows(frame, wall.point_at(opening.offset), opening.width + wall.thickness)


LEAST_PT = 8.0  # nothing on the family's copy is printed smaller, the drawings' labels included
AREA_PT = 8.0


@dataclass(frozen=True)
class RoomLabel:
    """A room's name (on one line or wrapped) and its area, and the box they take (points)."""

    lines: list[str]
    size: float
    area: str
    width: float
    height: float


def _room_label(name: str, area: str, size: float, room: float) -> RoomLabel:
    regular, bold = fonts.register()
    lines = fonts.wrap_whole(name, bold, size, room)
    wide = max(fonts.width(line, bold, size) for line in lines)
    width = max(wide, fonts.width(area, regular, AREA_PT)) + 4
    return RoomLabel(lines, size, area, width, len(lines) * (size + 1) + AREA_PT + 4)


def _label_choices(name: str, area: str, largest: float, room: float) -> list[RoomLabel]:
    """The labels to try, best first: on one line, largest letters first, then wrapped; never
    below `LEAST_PT`."""
    _, bold = fonts.register()
    sizes = [largest, (largest + LEAST_PT) / 2, LEAST_PT]
    labels = [_room_label(name, area, size, room) for size in sizes]
    if len(name.split()) > 1:  # a word a line: narrower, to slip between the furniture
        for size in sizes[1:]:
            narrow = max(fonts.width(word, bold, size) for word in name.split())
            labels.append(_room_label(name, area, size, min(room, narrow)))
    return sorted(labels, key=lambda label: (len(label.lines), -label.size))


def _room_labels(
    canvas: Canvas,
    frame: PlanFrame,
    building: Building,
    obstacles: BaseGeometry | None,
    lang: str,
) -> None:
    """Each room's name and net area, in its free floor nearest the middle: smaller or wrapped
    if that is what it takes to stay clear of the furniture (never below 8 pt), on a light
    patch of floor if nothing does."""
    largest = 9.0 if frame.scale >= 100 else 10.0
    for room in building.plan.rooms:
        name = room_name(room, lang)
        area = tr("handover.plan.area", lang, area=format_number(building.area(room), lang))
        polygon = room_polygon(room)
        x0, _, x1, _ = polygon.bounds
        choices = _label_choices(name, area, largest, max((x1 - x0) * frame.k - 8, 30.0))
        for label in choices:  # the first that stays clear of everything
            box = (label.width / frame.k, label.height / frame.k)
            spot, covered = label_spot(polygon, obstacles, box, 8.0, measure=False)
            if covered == 0:
                break
        else:  # none: the one covering least, where it covers least, on a light patch
            label, spot, covered = _least_covering(choices, polygon, obstacles, frame)
        _draw_room_label(canvas, frame.pt(*spot), label, patch=covered > 0)


def _least_covering(
    choices: list[RoomLabel],
    polygon: BaseGeometry,
    obstacles: BaseGeometry | None,
    frame: PlanFrame,
) -> tuple[RoomLabel, tuple[float, float], float]:
    """The label covering the least furniture, where it covers least (of two covering as
    little, the smaller)."""
    found = []
    for label in choices:
        box = (label.width / frame.k, label.height / frame.k)
        spot, covered = label_spot(polygon, obstacles, box, 8.0)
        found.append((covered, label.width * label.height, label, spot))
    covered, _, label, spot = min(found, key=lambda f: (round(f[0], 2), f[1]))
    return label, spot, covered


def _draw_room_label(
    canvas: Canvas, at: tuple[float, float], label: RoomLabel, patch: bool
) -> None:
    regular, bold = fonts.register()
    px, py = at
    top = py + label.height / 2
    if patch:
        canvas.saveState()
        canvas.setFillColor(style.FLOOR)
        canvas.setFillAlpha(0.85)
        canvas.roundRect(
            px - label.width / 2 - 1, top - label.height, label.width + 2, label.height, 2, 0, 1
        )
        canvas.restoreState()
    canvas.setFillColor(style.INK)
    canvas.setFont(bold, label.size)
    baseline = top - 2 - 0.76 * label.size  # the first line's, under the box's top
    for row, line in enumerate(label.lines):
        canvas.drawCentredString(px, baseline - row * (label.size + 1), line)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(regular, AREA_PT)
    canvas.drawCentredString(px, top - label.height + 2 + 0.24 * AREA_PT, label.area)


def _entrance(canvas: Canvas, frame: PlanFrame, plan: Plan, lang: str) -> None:
    """ "Indgang" on the stair side of the entrance door, when that side is in the window."""
    entrance = plan.entrance()
    if entrance is None:
        return
    wall = plan.wall_of(entrance)
    reach = wall.thickness / 2 + 12 / frame.k
    spots = [wall.point_at(entrance.offset, side) for side in (reach, -reach)]
    outside = next((p for p in spots if room_at(plan, p) is None), None)
    x0, y0, x1, y1 = frame.window
    if outside is None or not (x0 <= outside.x <= x1 and y0 <= outside.y <= y1):
        return
    _, bold = fonts.register()
    x, y = frame.pt(*outside)
    canvas.setFillColor(style.ACCENT_DARK)
    canvas.setFont(bold, 8)
    canvas.drawCentredString(x, y - 3, tr("handover.plan.entrance", lang))


def badge_radius(frame: PlanFrame, items: Iterable[HandoverItem] = ()) -> float:
    """The radius of a number's circle, in points: larger on a room's enlarged drawing, and
    large enough for the longest number at 8 pt."""
    base = 7.0 if frame.scale >= 100 else 8.0
    return max([base, *(fitting_radius(str(item.number)) for item in items)])


def fitting_radius(number: str) -> float:
    """The least radius of a circle that holds `number` at `LEAST_PT`."""
    _, bold = fonts.register()
    return max(LEAST_PT / 1.15, fonts.width(number, bold, LEAST_PT) / 1.6)


def draw_badges(
    canvas: Canvas,
    frame: PlanFrame,
    items: tuple[HandoverItem, ...],
    spots: dict[int, tuple[tuple[float, float], bool]],
    radius: float,
) -> None:
    for item in items:
        (x, y), beside = spots[item.number]
        px, py = frame.pt(x, y)
        if beside:
            cx, cy = frame.pt(*item.placement.center)
            canvas.setStrokeColor(style.ACCENT_DARK)
            canvas.setLineWidth(0.6)
            canvas.line(cx, cy, px, py)
        draw_badge(canvas, px, py, radius, item)


BADGE_LINE = 0.14  # the ring's width as a share of the radius
BADGE_DASH = (0.32, 0.22)  # the not-found ring's dashes, as shares of the radius
# Fill, ring, number and whether the ring is dashed, per kind: three greys far enough apart
# (dark, white, light and dashed) to tell the kinds apart on a black-and-white printout.
BADGE_LOOKS = {
    "have": (style.ACCENT, style.ACCENT_DARK, style.WHITE, False),
    "buy": (style.WHITE, style.ACCENT_DARK, style.ACCENT_DARK, False),
    "missing": (style.MISSING, style.INK, style.INK, True),
}


def badge_kind(item: HandoverItem) -> str:
    if item.missing:
        return "missing"
    return "buy" if item.price_ore is not None else "have"


def draw_badge(canvas: Canvas, x: float, y: float, radius: float, item: HandoverItem) -> None:
    """The item's number in a circle: filled for the home's pieces, an outline for pieces to
    buy, light grey in a dashed ring for a piece the inventory could not find. The circle is
    a form of radius 1 (one per kind), scaled into place."""
    _, bold = fonts.register()
    kind = badge_kind(item)
    fill, ring, number, dashed = BADGE_LOOKS[kind]
    text = str(item.number)
    radius = max(radius, fitting_radius(text))  # the number never below 8 pt
    name = f"hjem-badge-{kind}"
    if not canvas.hasForm(name):
        # types-reportlab types the form's bounding box as int; reportlab takes any number.
        canvas.beginForm(name, -1.1, -1.1, 1.1, 1.1)  # type: ignore[arg-type]
        canvas.setLineWidth(BADGE_LINE)
        canvas.setStrokeColor(ring)
        canvas.setFillColor(fill)
        if dashed:
            canvas.setDash(*BADGE_DASH)
        canvas.circle(0, 0, 1, stroke=1, fill=1)
        canvas.endForm()
    canvas.saveState()
    canvas.transform(radius, 0, 0, radius, x, y)
    canvas.doForm(name)
    canvas.restoreState()
    points = fonts.fitting(text, bold, radius * 1.15, radius * 1.6, smallest=LEAST_PT)
    canvas.setFillColor(number)
    canvas.setFont(bold, points)
    canvas.drawCentredString(x, y - points * 0.36, text)
