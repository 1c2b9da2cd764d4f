"""What a `<home>` element holds, as plain records of one level: walls, rooms and pieces.

Sweet Home 3D writes lengths in centimetres with y down, as hjem does, and angles in radians
turning clockwise on screen. Pieces inside a furniture group are written at their own place in
the home (moving a group moves its pieces), so flattening a group is taking its pieces; they
take the group's level and visibility when they have none of their own.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from hjem.floorplan.sh3d.errors import HomeFileError
from hjem.floorplan.validation import MAX_ELEMENTS
from hjem.i18n import msg

PIECE_TAGS = ("pieceOfFurniture", "doorOrWindow", "light")
GROUP_TAG = "furnitureGroup"
MAX_NUMBER = 1e7  # 100 km; a number beyond it is no home's
# Pieces of one level: what a plan holds (300 pieces, 100 fixtures, 500 doors and windows)
# and a wide margin for the lamps and ornaments left out.
MAX_PIECES = 2_000


@dataclass(frozen=True)
class Level:
    id: str
    name: str


@dataclass(frozen=True)
class HomeWall:
    id: str
    start: tuple[float, float]
    end: tuple[float, float]
    thickness: float
    arc_extent: float  # radians, 0 for a straight wall
    wall_at_start: str | None
    wall_at_end: str | None


@dataclass(frozen=True)
class HomeRoom:
    name: str
    points: tuple[tuple[float, float], ...]
    ceiling_visible: bool


@dataclass(frozen=True)
class Sash:
    """A door's or window's leaf: its hinge axis and width as fractions of the piece's size,
    its closed and open angles in radians (Java2D's: counter-clockwise on screen)."""

    x_axis: float
    y_axis: float
    width: float
    start_angle: float
    end_angle: float


@dataclass(frozen=True)
class HomePiece:
    tag: str  # pieceOfFurniture, doorOrWindow or light
    name: str
    catalog_id: str
    center: tuple[float, float]
    width: float
    depth: float
    height: float
    angle: float  # radians, clockwise on screen
    elevation: float
    mirrored: bool
    visible: bool
    wall_thickness: float  # doors and windows: the wall's share of the depth
    wall_distance: float  # and the share from the piece's back to the wall
    sashes: tuple[Sash, ...]


@dataclass(frozen=True)
class HomeLevel:
    """Everything on one level of the home (or the whole home when it has no levels)."""

    level: Level | None
    levels: tuple[Level, ...]
    walls: tuple[HomeWall, ...]
    rooms: tuple[HomeRoom, ...]
    pieces: tuple[HomePiece, ...]


def levels_of(home: Element) -> tuple[Level, ...]:
    return tuple(Level(_text(e, "id"), _text(e, "name")) for e in home.iterfind("level"))


def chosen_level(home: Element, name: str | None) -> Level | None:
    """The level called `name`, else the one selected in the file, else the first; None when
    the home has no levels. An unknown name is refused, naming the levels there are."""
    levels = levels_of(home)
    if not levels:
        return None
    if name is not None:
        wanted = name.strip().casefold()
        for level in levels:
            if level.name.strip().casefold() == wanted:
                return level
        names = ", ".join(level.name for level in levels)
        raise HomeFileError(msg("sh3d.error.unknown_level", level=name[:80], levels=names))
    selected = home.get("selectedLevel")
    return next((level for level in levels if level.id == selected), levels[0])


def read_level(home: Element, level_name: str | None = None) -> HomeLevel:
    level = chosen_level(home, level_name)
    levels = levels_of(home)
    first = levels[0].id if levels else None

    def here(element: Element, inherited: str | None = None) -> bool:
        # An element without a level stands on the first one, as in Sweet Home 3D.
        return level is None or (element.get("level") or inherited or first) == level.id

    walls = _counted([e for e in home.iterfind("wall") if here(e)], "walls")
    rooms = _counted([e for e in home.iterfind("room") if here(e)], "rooms")
    pieces = [(e, v) for e, level_id, v in _flattened(home, None, True) if here(e, level_id)]
    if len(pieces) > MAX_PIECES:
        raise HomeFileError(msg("sh3d.error.too_many_pieces", count=MAX_PIECES))
    return HomeLevel(
        level=level,
        levels=levels,
        walls=tuple(_wall(e) for e in walls),
        rooms=tuple(_room(e) for e in rooms),
        pieces=tuple(_piece(e, visible) for e, visible in pieces),
    )


def _counted(elements: list[Element], collection: str) -> list[Element]:
    """`elements`, or the plan's own refusal when there are more than a plan may hold: counted
    before anything is built, so a home of 100 000 walls is refused at once."""
    limit, key = MAX_ELEMENTS[collection]
    if len(elements) > limit:
        raise HomeFileError(msg(key, count=limit, found=len(elements)))
    return elements


def _flattened(
    parent: Element, level_id: str | None, visible: bool
) -> Iterator[tuple[Element, str | None, bool]]:
    """Every piece under `parent`, groups opened, with the level and visibility it inherits."""
    for child in parent:
        if child.tag in PIECE_TAGS:
            yield child, child.get("level") or level_id, visible
        elif child.tag == GROUP_TAG:
            shown = visible and child.get("visible", "true") != "false"
            yield from _flattened(child, child.get("level") or level_id, shown)


def _text(element: Element, name: str, default: str | None = None) -> str:
    value = element.get(name, default)
    if value is None:
        raise HomeFileError(msg("sh3d.error.missing_value", tag=element.tag, name=name))
    return value


def _number(element: Element, name: str, default: float | None = None) -> float:
    raw = element.get(name)
    if raw is None:
        if default is None:
            raise HomeFileError(msg("sh3d.error.missing_value", tag=element.tag, name=name))
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise HomeFileError(msg("sh3d.error.bad_number", tag=element.tag, name=name))
    return value


def _point(element: Element, x: str, y: str) -> tuple[float, float]:
    return (_number(element, x), _number(element, y))


def _wall(e: Element) -> HomeWall:
    return HomeWall(
        id=_text(e, "id"),
        start=_point(e, "xStart", "yStart"),
        end=_point(e, "xEnd", "yEnd"),
        thickness=_number(e, "thickness"),
        arc_extent=_number(e, "arcExtent", 0.0),
        wall_at_start=e.get("wallAtStart"),
        wall_at_end=e.get("wallAtEnd"),
    )


def _room(e: Element) -> HomeRoom:
    return HomeRoom(
        name=e.get("name", ""),
        points=tuple(_point(p, "x", "y") for p in e.iterfind("point")),
        ceiling_visible=e.get("ceilingVisible", "true") != "false",
    )


def _piece(e: Element, group_visible: bool) -> HomePiece:
    return HomePiece(
        tag=e.tag,
        name=_text(e, "name", ""),
        catalog_id=e.get("catalogId", ""),
        center=_point(e, "x", "y"),
        width=_number(e, "width"),
        depth=_number(e, "depth"),
        height=_number(e, "height"),
        angle=_number(e, "angle", 0.0),
        elevation=_number(e, "elevation", 0.0),
        mirrored=e.get("modelMirrored") == "true",
        visible=group_visible and e.get("visible", "true") != "false",
        wall_thickness=_number(e, "wallThickness", 1.0),
        wall_distance=_number(e, "wallDistance", 0.0),
        sashes=tuple(_sash(s) for s in e.iterfind("sash")),
    )


def _sash(e: Element) -> Sash:
    return Sash(
        x_axis=_number(e, "xAxis"),
        y_axis=_number(e, "yAxis"),
        width=_number(e, "width"),
        start_angle=_number(e, "startAngle"),
        end_angle=_number(e, "endAngle"),
    )
