"""What the properties panel shows for each kind of element: fields with a getter and a
setter that returns a changed copy of the element (elements are immutable values)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from hjem.floorplan.categories import CATEGORIES
from hjem.floorplan.geometry import Point, unit_vector
from hjem.floorplan.model import (
    Dimension,
    Element,
    Fixture,
    FixtureKind,
    Opening,
    OpeningKind,
    Placement,
    Room,
    RoomKind,
    TextLabel,
    Wall,
)
from hjem.floorplan.room_names import display_name
from hjem.floorplan.shapes import clearance_of
from hjem.i18n import tr


@dataclass(frozen=True)
class Field:
    key: str  # catalog key of the label, "field.<key>"
    kind: str  # "number", "text", "choice", "check", "info"
    get: Callable[[Any], Any]
    set: Callable[[Any, Any], Element] | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, catalog key of its name)


def _wall_length(wall: Wall, length: float) -> Wall:
    u = unit_vector(wall.angle)
    return replace(wall, end=Point(wall.start.x + u.x * length, wall.start.y + u.y * length))


def _wall_angle(wall: Wall, angle: float) -> Wall:
    u = unit_vector(angle)
    return replace(
        wall, end=Point(wall.start.x + u.x * wall.length, wall.start.y + u.y * wall.length)
    )


def _moved_start(wall: Wall, x: float | None = None, y: float | None = None) -> Wall:
    """Move the wall's start, keeping its length and direction (the whole wall shifts)."""
    dx = 0.0 if x is None else x - wall.start.x
    dy = 0.0 if y is None else y - wall.start.y
    return replace(wall, start=wall.start.moved(dx, dy), end=wall.end.moved(dx, dy))


def _center(element: Any, x: float | None = None, y: float | None = None) -> Any:
    c = element.center
    return replace(element, center=Point(c.x if x is None else x, c.y if y is None else y))


def _choices(prefix: str, values: Any) -> tuple[tuple[str, str], ...]:
    return tuple((v, f"{prefix}.{v}.name") for v in values)


def _box_fields() -> list[Field]:
    return [
        Field("width", "number", lambda e: e.width, lambda e, v: replace(e, width=v)),
        Field("depth", "number", lambda e: e.depth, lambda e, v: replace(e, depth=v)),
        Field("height", "number", lambda e: e.height, lambda e, v: replace(e, height=v)),
        Field("x", "number", lambda e: e.center.x, lambda e, v: _center(e, x=v)),
        Field("y", "number", lambda e: e.center.y, lambda e, v: _center(e, y=v)),
        Field("rotation", "number", lambda e: e.rotation, lambda e, v: replace(e, rotation=v)),
    ]


def _own_clearance(piece: Placement, **changes: Any) -> Placement:
    """The piece with its own free floor: its current one (its category's, until changed),
    changed as asked. Saved with the plan, it overrides the category's from then on."""
    return replace(piece, clearance=replace(clearance_of(piece), **changes))


def _free_floor_fields(piece: Placement) -> list[Field]:
    """What a volunteer may override per piece (docs/rules.md): how deep its free floor is,
    and how many people a dining table must seat."""
    if not clearance_of(piece).sides:
        return []
    fields = [
        Field(
            "free_floor",
            "number",
            lambda p: clearance_of(p).depth,
            lambda p, v: _own_clearance(p, depth=v),
        )
    ]
    if clearance_of(piece).need == "seats":
        seats = Field(
            "seats",
            "number",
            lambda p: clearance_of(p).seats,
            lambda p, v: _own_clearance(p, seats=round(v)),
        )
        fields.append(seats)
    return fields


def fields_for(element: Element) -> list[Field]:
    match element:
        case Wall():
            return [
                Field("length", "number", lambda w: w.length, _wall_length),
                Field(
                    "thickness",
                    "number",
                    lambda w: w.thickness,
                    lambda w, v: replace(w, thickness=v),
                ),
                Field("x", "number", lambda w: w.start.x, lambda w, v: _moved_start(w, x=v)),
                Field("y", "number", lambda w: w.start.y, lambda w, v: _moved_start(w, y=v)),
                Field("angle", "number", lambda w: w.angle % 360, _wall_angle),
            ]
        case Room():
            return [
                Field("name", "text", lambda r: r.name, lambda r, v: replace(r, name=v)),
                Field(
                    "room_kind",
                    "choice",
                    lambda r: r.kind.value,
                    lambda r, v: replace(r, kind=RoomKind(v)),
                    _choices("room_kind", [k.value for k in RoomKind]),
                ),
            ]
        case Opening():
            return [
                Field(
                    "opening_kind",
                    "choice",
                    lambda o: o.kind.value,
                    lambda o, v: replace(o, kind=OpeningKind(v)),
                    tuple((k.value, f"opening_kind.{k.value}") for k in OpeningKind),
                ),
                Field("width", "number", lambda o: o.width, lambda o, v: replace(o, width=v)),
                Field("offset", "number", lambda o: o.offset, lambda o, v: replace(o, offset=v)),
                Field(
                    "swing_angle",
                    "number",
                    lambda o: o.swing_angle,
                    lambda o, v: replace(o, swing_angle=v),
                ),
                Field(
                    "sill_height",
                    "number",
                    lambda o: o.sill_height,
                    lambda o, v: replace(o, sill_height=v),
                ),
                Field(
                    "opening_height",
                    "number",
                    lambda o: o.height,
                    lambda o, v: replace(o, height=v),
                ),
                Field(
                    "leaves",
                    "choice",
                    lambda o: str(o.leaves),
                    lambda o, v: replace(o, leaves=int(v)),
                    (("1", "field.one_leaf"), ("2", "field.two_leaves")),
                ),
            ]
        case Fixture():
            kinds = tuple((k.value, f"fixture.{k.value}.name") for k in FixtureKind)
            return [
                Field(
                    "fixture_kind",
                    "choice",
                    lambda f: f.kind.value,
                    lambda f, v: replace(f, kind=FixtureKind(v)),
                    kinds,
                ),
                *_box_fields(),
            ]
        case Placement():
            return [
                Field("label", "text", lambda p: p.label, lambda p, v: replace(p, label=v)),
                Field(
                    "category",
                    "choice",
                    lambda p: p.category,
                    lambda p, v: replace(p, category=v),
                    _choices("category", CATEGORIES),
                ),
                *_box_fields(),
                Field(
                    "floor_flat",
                    "check",
                    lambda p: p.floor_flat,
                    lambda p, v: replace(p, floor_flat=v),
                ),
                Field("locked", "check", lambda p: p.locked, lambda p, v: replace(p, locked=v)),
                *_free_floor_fields(element),
            ]
        case Dimension():
            return [
                Field("length", "info", lambda d: round(math.dist(d.start, d.end))),
                Field("offset", "number", lambda d: d.offset, lambda d, v: replace(d, offset=v)),
            ]
        case TextLabel():
            return [
                Field("text", "text", lambda t: t.text, lambda t, v: replace(t, text=v)),
                Field("size", "number", lambda t: t.size, lambda t, v: replace(t, size=v)),
            ]
    return []


def title_for(element: Element) -> str:
    match element:
        case Wall():
            return tr("element.wall")
        case Room():
            return display_name(element)
        case Opening():
            return tr(f"opening_kind.{element.kind.value}")
        case Fixture():
            return tr(f"fixture.{element.kind.value}.name")
        case Placement():
            return element.label or tr(f"category.{element.category}.name")
        case Dimension():
            return tr("element.dimension")
        case TextLabel():
            return tr("element.label")
    return ""
