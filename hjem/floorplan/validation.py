"""Rules every element must keep: finite numbers, positive sizes, sane ranges, valid references.

Both the file reader and the edit commands use these, so no way in can put a NaN width or an
opening on a missing wall into a plan.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from hjem.errors import UserError
from hjem.floorplan.categories import CATEGORIES, MAX_SEATS
from hjem.floorplan.model import (
    Background,
    Dimension,
    Element,
    Fixture,
    Opening,
    Placement,
    Plan,
    Room,
    TextLabel,
    Wall,
)
from hjem.i18n import Message, msg

MAX_SIZE_CM = 100_000.0  # one kilometre: nothing in an apartment is bigger
MAX_COORDINATE_CM = 1_000_000.0
MAX_TEXT = 500
MAX_PRICE_ORE = 100_000_000  # one million kroner: more than any piece of furniture
# How many elements of each kind a plan may hold: what a large house needs with a wide margin
# (a 250 m² house with 40 rooms has some 150 walls, 80 doors and windows, 20 radiators and
# counters and 150 pieces of furniture), low enough that checking the worst plan they allow
# (every piece stacked in one spot) stays well under a second (bench/large_plan.py,
# docs/performance.md). The reader refuses a file beyond them, and adding an element
# beyond them in the editor (`commands.AddElement`) is refused too. The message
# key of each is spelled out for the catalog check.
MAX_ELEMENTS: dict[str, tuple[int, str]] = {
    "walls": (500, "plan_limits.walls"),
    "rooms": (100, "plan_limits.rooms"),
    "openings": (500, "plan_limits.openings"),
    "fixtures": (100, "plan_limits.fixtures"),
    "placements": (300, "plan_limits.placements"),
    "dimensions": (500, "plan_limits.dimensions"),
    "labels": (500, "plan_limits.labels"),
}
MAX_POLYGON_POINTS = 100  # a room's outline: a rounded bay drawn with 64 corners fits
MAX_ROOM_POINTS = 1_000  # every room's outline together: eroding outlines grows with their sum


class PlanError(UserError, ValueError):
    """A plan or an edit breaks a rule; `message` says which, in words a volunteer understands."""


def _number(field: str, value: float, low: float, high: float) -> Message | None:
    if not math.isfinite(value) or not low <= value <= high:
        return msg("error.number_range", field=field, value=value, low=low, high=high)
    return None


def _positive(field: str, value: float, high: float = MAX_SIZE_CM) -> Message | None:
    if not math.isfinite(value) or value <= 0 or value > high:
        return msg("error.positive", field=field, value=value)
    return None


def _coordinates(field: str, points: Iterable[tuple[float, float]]) -> Message | None:
    for x, y in points:
        if not (math.isfinite(x) and math.isfinite(y)) or max(abs(x), abs(y)) > MAX_COORDINATE_CM:
            return msg("error.coordinate", field=field)
    return None


def _text(field: str, value: str) -> Message | None:
    return (
        msg("error.text_too_long", field=field, limit=MAX_TEXT) if len(value) > MAX_TEXT else None
    )


def _problems_of(element: Element) -> list[Message | None]:
    match element:
        case Wall():
            return [
                _coordinates("start/end", (element.start, element.end)),
                _positive("thickness", element.thickness, 200.0),
                msg("error.wall_too_short") if element.length < 1.0 else None,
            ]
        case Room():
            return [
                _text("name", element.name),
                _coordinates("polygon", element.polygon),
                # One test, in this order: an empty polygon has no area to compute.
                msg("error.room_polygon")
                if len(element.polygon) < 3 or element.gross_area < 1.0
                else None,
            ]
        case Opening():
            return [
                _number("offset", element.offset, -MAX_SIZE_CM, MAX_SIZE_CM),
                _positive("width", element.width, 1000.0),
                _number("swing_angle", element.swing_angle, 0.0, 180.0),
                msg("error.leaves") if element.leaves not in (1, 2) else None,
                _number("sill_height", element.sill_height, 0.0, 1000.0),
                _positive("height", element.height, 1000.0),
            ]
        case Fixture() | Placement():
            return _box_problems(element)
        case Dimension():
            return [_coordinates("start/end", (element.start, element.end))]
        case TextLabel():
            return [
                _coordinates("at", (element.at,)),
                _text("text", element.text),
                _positive("size", element.size, 1000.0),
            ]
    raise TypeError(f"not a plan element: {element!r}")


def _box_problems(element: Fixture | Placement) -> list[Message | None]:
    problems = [
        _coordinates("center", (element.center,)),
        _positive("width", element.width),
        _positive("depth", element.depth),
        _positive("height", element.height),
        _number("rotation", element.rotation, -MAX_COORDINATE_CM, MAX_COORDINATE_CM),
    ]
    if isinstance(element, Placement):
        problems.append(_text("label", element.label))
        if element.category not in CATEGORIES:
            problems.append(msg("error.unknown_category", category=element.category))
        if element.clearance is not None:
            problems.append(_number("clearance.depth", element.clearance.depth, 0.0, 1000.0))
            problems.append(_number("clearance.seats", element.clearance.seats, 0, MAX_SEATS))
        if element.price_ore is not None:
            problems.append(_number("price_ore", element.price_ore, 0, MAX_PRICE_ORE))
    return problems


def element_problems(element: Element) -> list[Message]:
    return [p for p in _problems_of(element) if p is not None]


def background_problems(background: Background) -> list[Message]:
    checks = [
        _positive("cm_per_pixel", background.cm_per_pixel, 1000.0),
        _coordinates("origin", (background.origin,)),
        _number("opacity", background.opacity, 0.0, 1.0),
    ]
    return [p for p in checks if p is not None]


def reference_problems(plan: Plan, element: Element) -> list[Message]:
    """Problems with how `element` refers to the rest of `plan` (an opening needs its wall;
    a room's corners, with the other rooms', must stay within what a plan file may hold)."""
    if isinstance(element, Room):
        return _corner_problems(plan, element)
    if not isinstance(element, Opening):
        return []
    wall = plan.get(element.wall_id)
    if not isinstance(wall, Wall):
        return [msg("error.opening_without_wall", opening=element.id, wall=element.wall_id)]
    half = element.width / 2
    if element.offset - half < -0.5 or element.offset + half > wall.length + 0.5:
        return [msg("error.opening_outside_wall", opening=element.id)]
    return []


def _corner_problems(plan: Plan, room: Room) -> list[Message]:
    """The reader's corner limits, so the editor never makes a plan no hjem opens again."""
    corners = len(room.polygon)
    if corners > MAX_POLYGON_POINTS:
        name = room.name or room.id
        return [msg("plan_limits.room_points", room=name, count=MAX_POLYGON_POINTS, found=corners)]
    total = corners + sum(len(r.polygon) for r in plan.rooms if r.id != room.id)
    if total > MAX_ROOM_POINTS:
        return [msg("plan_limits.all_room_points", count=MAX_ROOM_POINTS, found=total)]
    return []


def room_for_one_more(plan: Plan, collection: str) -> None:
    """Refuse adding an element to `collection` (walls, placements...) when the plan holds
    as many as a plan file may (MAX_ELEMENTS)."""
    limit, message = MAX_ELEMENTS[collection]
    count = len(getattr(plan, collection))
    if count >= limit:
        raise PlanError(msg(message, count=limit, found=count + 1))


def require_valid(plan: Plan, element: Element) -> None:
    problems = element_problems(element) + reference_problems(plan, element)
    if problems:
        raise PlanError(problems[0])
