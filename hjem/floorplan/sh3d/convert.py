"""One level of a Sweet Home 3D home as a hjem plan, and the report of what stayed out.

Walls come first (round ones as chords), then doors and windows find their wall, then rooms,
fixed elements and furniture. Pieces standing on other furniture or hanging on a wall
(raised more than RAISED_CM) and lights are left out and listed: a plan is what stands on
the floor. Every element is held to hjem's own rules before it goes in, so the plan is one
hjem could have drawn.
"""

from __future__ import annotations

import itertools
import math

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import (
    Element,
    Fixture,
    FixtureKind,
    Opening,
    OpeningKind,
    Placement,
    Plan,
    Room,
    Wall,
    with_collections,
)
from hjem.floorplan.sh3d import doors
from hjem.floorplan.sh3d.arcs import arc_points
from hjem.floorplan.sh3d.errors import HomeFileError
from hjem.floorplan.sh3d.home import HomeLevel, HomePiece, HomeWall
from hjem.floorplan.sh3d.names import category_of, fixture_of, room_kind_of
from hjem.floorplan.sh3d.report import ImportReport, LeftOut, Reason, counted
from hjem.floorplan.validation import (
    MAX_ELEMENTS,
    MAX_POLYGON_POINTS,
    MAX_ROOM_POINTS,
    element_problems,
    reference_problems,
)
from hjem.i18n import msg
from hjem.ids import ElementId

RAISED_CM = 5.0  # a rug's thickness; above it a piece stands on something else
RADIATOR_RAISED_CM = 60.0  # radiators hang a hand's breadth or two above the floor
WINDOW_SILL_CM = 30.0  # a door or window whose bottom is higher is a window
JOIN_CM = 1.0  # ends closer than this meet in hjem (docs/file-format.md)
FRENCH_WORDS = ("french", "altandør", "terrassedør", "balcony door", "patio door", "glasdør")
WINDOW_WORDS = ("window", "vindue")
MAX_LABEL = 120


class _Builder:
    def __init__(self) -> None:
        self.walls: list[Wall] = []
        self.by_home_wall: dict[str, list[Wall]] = {}
        self.collections: dict[str, list[Element]] = {
            "rooms": [],
            "openings": [],
            "fixtures": [],
            "placements": [],
        }
        self.left_out: list[LeftOut] = []
        self.unknown: list[str] = []
        self.counters: dict[str, int] = {}

    def new_id(self, prefix: str) -> ElementId:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return ElementId(f"{prefix}{self.counters[prefix]}")

    def leave_out(self, name: str, reason: Reason) -> None:
        self.left_out.append(LeftOut(name[:MAX_LABEL] or "?", reason))

    def add(self, collection: str, element: Element, name: str) -> None:
        if element_problems(element):
            self.leave_out(name, Reason.INVALID)
        else:
            self.collections[collection].append(element)


def convert(home: HomeLevel) -> tuple[Plan, ImportReport]:
    builder = _Builder()
    for wall in home.walls:
        _add_wall(builder, wall)
    grid = doors.WallGrid(tuple(builder.walls))
    for piece in home.pieces:
        _add_piece(builder, piece, grid)
    for room in home.rooms:
        _add_room(builder, room.name, room.points, room.ceiling_visible)
    plan = with_collections(
        Plan(title=_title(home)),
        {"walls": tuple(builder.walls)} | {k: tuple(v) for k, v in builder.collections.items()},
    )
    plan = _checked(plan, builder)
    report = ImportReport(
        level=home.level.name if home.level else None,
        levels=tuple(level.name for level in home.levels),
        left_out=tuple(builder.left_out),
        unjoined=_unjoined(home.walls, builder.by_home_wall),
        unknown=tuple(builder.unknown),
    )
    return plan, counted(plan, report)


def _title(home: HomeLevel) -> str:
    return home.level.name[:MAX_LABEL] if home.level else ""


def _add_wall(builder: _Builder, wall: HomeWall) -> None:
    points = arc_points(wall.start, wall.end, wall.arc_extent)
    thickness = min(max(wall.thickness, 1.0), 200.0)
    made = []
    for start, end in itertools.pairwise(points):
        if math.dist(start, end) < 1.0:
            continue
        made.append(Wall(builder.new_id("w"), Point(*start), Point(*end), thickness))
    if any(element_problems(w) for w in made):
        builder.leave_out(wall.id, Reason.INVALID)
        made = []
    builder.walls.extend(made)
    limit, key = MAX_ELEMENTS["walls"]
    if len(builder.walls) > limit:  # round walls: refused before the rest is built
        raise HomeFileError(msg(key, count=limit, found=len(builder.walls)))
    builder.by_home_wall[wall.id] = made


def _add_piece(builder: _Builder, piece: HomePiece, grid: doors.WallGrid) -> None:
    if not piece.visible:
        builder.leave_out(piece.name, Reason.HIDDEN)
    elif piece.tag == "light":
        builder.leave_out(piece.name, Reason.LIGHT)
    elif piece.tag == "doorOrWindow":
        _add_opening(builder, piece, grid)
    elif (kind := fixture_of(piece.name, piece.catalog_id)) is not None:
        _add_fixture(builder, piece, kind)
    elif piece.elevation > RAISED_CM:
        builder.leave_out(piece.name, Reason.RAISED)
    else:
        _add_placement(builder, piece)


def _opening_kind(piece: HomePiece) -> OpeningKind:
    words = f"{piece.name} {piece.catalog_id}".casefold()
    if any(word in words for word in FRENCH_WORDS):
        return OpeningKind.FRENCH_DOOR
    if piece.elevation > WINDOW_SILL_CM or any(word in words for word in WINDOW_WORDS):
        return OpeningKind.WINDOW
    return OpeningKind.DOOR


def _add_opening(builder: _Builder, piece: HomePiece, grid: doors.WallGrid) -> None:
    found = doors.host_wall(piece, grid.near(doors.wall_point(piece)))
    if found is None:
        builder.leave_out(piece.name, Reason.NO_WALL)
        return
    placed = doors.place(piece, *found)
    kind = _opening_kind(piece)
    opening = Opening(
        id=builder.new_id("d" if kind is not OpeningKind.WINDOW else "v"),
        wall_id=placed.wall.id,
        kind=kind,
        offset=placed.offset,
        width=placed.width,
        hinge=placed.hinge,
        opens_to=placed.opens_to,
        swing_angle=placed.swing_angle,
        leaves=placed.leaves,
        sill_height=max(piece.elevation, 0.0) if kind is OpeningKind.WINDOW else 0.0,
        height=piece.height,
    )
    builder.add("openings", opening, piece.name)


def _add_fixture(builder: _Builder, piece: HomePiece, kind: FixtureKind) -> None:
    limit = RADIATOR_RAISED_CM if kind is FixtureKind.RADIATOR else RAISED_CM
    if piece.elevation > limit:
        builder.leave_out(piece.name, Reason.RAISED)
        return
    fixture = Fixture(
        id=builder.new_id("f"),
        kind=kind,
        center=Point(*piece.center),
        width=piece.width,
        depth=piece.depth,
        rotation=_degrees(piece.angle),
        height=piece.height,
    )
    builder.add("fixtures", fixture, piece.name)


def _add_placement(builder: _Builder, piece: HomePiece) -> None:
    category = category_of(piece.name, piece.catalog_id)
    if category == "andet":
        builder.unknown.append(piece.name[:MAX_LABEL] or "?")
    placement = Placement(
        id=builder.new_id("p"),
        label=piece.name[:MAX_LABEL],
        category=category,
        width=piece.width,
        depth=piece.depth,
        height=piece.height,
        center=Point(*piece.center),
        rotation=_degrees(piece.angle),
        floor_flat=category == "taeppe",
    )
    builder.add("placements", placement, piece.name)


def _add_room(
    builder: _Builder, name: str, points: tuple[tuple[float, float], ...], ceiling: bool
) -> None:
    label = name or "?"
    if len(points) > MAX_POLYGON_POINTS:
        builder.leave_out(label, Reason.TOO_MANY_CORNERS)
        return
    room = Room(
        id=builder.new_id("r"),
        name=name.strip()[:MAX_LABEL],
        kind=room_kind_of(name, ceiling),
        polygon=tuple(Point(x, y) for x, y in points),
    )
    builder.add("rooms", room, label)


def _degrees(radians: float) -> float:
    return round(math.degrees(radians) % 360.0, 6) % 360.0


def _checked(plan: Plan, builder: _Builder) -> Plan:
    """Refuse a home beyond what a plan may hold; rooms past the plan's corners stay out."""
    for collection, (limit, key) in MAX_ELEMENTS.items():
        found = len(getattr(plan, collection))
        if found > limit:
            raise HomeFileError(msg(key, count=limit, found=found))
    kept, corners = [], 0
    for room in plan.rooms:
        corners += len(room.polygon)
        if corners > MAX_ROOM_POINTS:
            builder.leave_out(room.name or "?", Reason.TOO_MANY_CORNERS)
        else:
            kept.append(room)
    openings = [o for o in plan.openings if not reference_problems(plan, o)]
    return with_collections(plan, {"rooms": tuple(kept), "openings": tuple(openings)})


def _unjoined(
    walls: tuple[HomeWall, ...], made: dict[str, list[Wall]]
) -> tuple[tuple[str, str], ...]:
    """Pairs of walls Sweet Home 3D says meet whose ends are more than JOIN_CM apart here."""
    by_id = {wall.id: wall for wall in walls}
    pairs: list[tuple[str, str]] = []
    for wall in walls:
        for other_id, end in ((wall.wall_at_start, wall.start), (wall.wall_at_end, wall.end)):
            other = by_id.get(other_id or "")
            if other is None or (other.id, wall.id) in pairs or (wall.id, other.id) in pairs:
                continue
            apart = min(math.dist(end, other.start), math.dist(end, other.end)) > JOIN_CM
            if apart or not made.get(wall.id) or not made.get(other.id):
                pairs.append((wall.id, other.id))
    return tuple(pairs)
