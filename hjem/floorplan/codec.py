"""The plan as JSON (`plan.json` inside a .hjem file), both ways, with strict checking.

Reading never trusts the input: every value is type-checked, finite and in range, and the
first problem is reported with its path ("placements[3].width"). See docs/file-format.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from hjem.floorplan.categories import CATEGORIES, MAX_SEATS
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import (
    CURRENT_SCHEMA_VERSION,
    Clearance,
    ClearanceNeed,
    ClearanceSide,
    Dimension,
    Element,
    Fixture,
    FixtureKind,
    Hinge,
    Opening,
    OpeningKind,
    Placement,
    Plan,
    Room,
    RoomKind,
    Side,
    TextLabel,
    Wall,
    with_collections,
)
from hjem.floorplan.validation import (
    MAX_ELEMENTS,
    MAX_POLYGON_POINTS,
    MAX_ROOM_POINTS,
    MAX_TEXT,
    PlanError,
    element_problems,
    reference_problems,
)
from hjem.i18n import Message, msg
from hjem.ids import CaseCode, ElementId, ItemCode

FORMAT_NAME = "hjem-plan"
HINGES: tuple[Hinge, ...] = ("start", "end")
SIDES: tuple[Side, ...] = ("left", "right")
CLEARANCE_SIDES: tuple[ClearanceSide, ...] = ("front", "back", "left", "right", "long")
CLEARANCE_NEEDS: tuple[ClearanceNeed, ...] = ("all", "any", "seats")
MAX_HEAD_CM = 1000.0

_Choice = TypeVar("_Choice", bound=str)


class PlanFileError(PlanError):
    """A .hjem file that cannot be read; `message` names the problem for a volunteer."""


# --- writing ---------------------------------------------------------------------------------


def _pt(p: Point) -> list[float]:
    return [p.x, p.y]


def _clearance_json(c: Clearance | None) -> dict[str, Any] | None:
    if c is None:
        return None
    data = {"sides": list(c.sides), "depth": c.depth, "need": c.need, "allow": list(c.allow)}
    if c.need == "seats":
        data["seats"] = c.seats
    if c.head:
        data["head"] = c.head
    return data


def plan_to_json(plan: Plan, background_member: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "schema_version": CURRENT_SCHEMA_VERSION,
        "units": "cm",
        "title": plan.title,
        "case_code": plan.case_code,
        "walls": [
            {"id": w.id, "start": _pt(w.start), "end": _pt(w.end), "thickness": w.thickness}
            for w in plan.walls
        ],
        "rooms": [
            {
                "id": r.id,
                "name": r.name,
                "kind": r.kind.value,
                "polygon": [_pt(p) for p in r.polygon],
            }
            for r in plan.rooms
        ],
        "openings": [
            {
                "id": o.id,
                "kind": o.kind.value,
                "wall": o.wall_id,
                "offset": o.offset,
                "width": o.width,
                "hinge": o.hinge,
                "opens_to": o.opens_to,
                "swing_angle": o.swing_angle,
                "leaves": o.leaves,
                "entrance": o.entrance,
                "sill_height": o.sill_height,
                "height": o.height,
            }
            for o in plan.openings
        ],
        "fixtures": [
            {
                "id": f.id,
                "kind": f.kind.value,
                "center": _pt(f.center),
                "width": f.width,
                "depth": f.depth,
                "rotation": f.rotation,
                "height": f.height,
            }
            for f in plan.fixtures
        ],
        "placements": [
            {
                "id": p.id,
                "label": p.label,
                "category": p.category,
                "width": p.width,
                "depth": p.depth,
                "height": p.height,
                "center": _pt(p.center),
                "rotation": p.rotation,
                "inventory_item": p.inventory_item,
                "floor_flat": p.floor_flat,
                "clearance": _clearance_json(p.clearance),
                "price_ore": p.price_ore,
                # Written only when set, so a plan without locks saves as it did before.
                **({"locked": True} if p.locked else {}),
            }
            for p in plan.placements
        ],
        "dimensions": [
            {"id": d.id, "start": _pt(d.start), "end": _pt(d.end), "offset": d.offset}
            for d in plan.dimensions
        ],
        "labels": [
            {"id": t.id, "at": _pt(t.at), "text": t.text, "size": t.size} for t in plan.labels
        ],
        "background": None,
    }
    if plan.background is not None and background_member is not None:
        b = plan.background
        data["background"] = {
            "image": background_member,
            "cm_per_pixel": b.cm_per_pixel,
            "origin": _pt(b.origin),
            "opacity": b.opacity,
            "locked": b.locked,
            "visible": b.visible,
        }
    return data


# --- reading ---------------------------------------------------------------------------------


def _fail(path: str, problem: Message) -> NoReturn:
    raise PlanFileError(msg("file.bad_value", path=path, problem=problem))


_REQUIRED: Any = object()


class _Fields:
    """Typed access to one JSON object, failing with the field's path."""

    def __init__(self, data: object, path: str):
        if not isinstance(data, dict):
            _fail(path, msg("file.expected_object"))
        self.data: dict[str, Any] = data
        self.path = path

    def _get(self, key: str, default: Any) -> Any:
        if key in self.data:
            return self.data[key]
        if default is _REQUIRED:
            _fail(f"{self.path}.{key}", msg("file.missing"))
        return default

    def number(self, key: str, default: Any = _REQUIRED) -> float:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            _fail(f"{self.path}.{key}", msg("file.expected_number"))
        if (number := _finite(value)) is None:
            _fail(f"{self.path}.{key}", msg("file.not_finite"))
        return number

    def integer(self, key: str, default: Any = _REQUIRED) -> int:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(f"{self.path}.{key}", msg("file.expected_integer"))
        return value

    def string(self, key: str, default: Any = _REQUIRED) -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            _fail(f"{self.path}.{key}", msg("file.expected_text"))
        if len(value) > MAX_TEXT:
            _fail(f"{self.path}.{key}", msg("error.text_too_long", field=key, limit=MAX_TEXT))
        if not _encodable(value):
            _fail(f"{self.path}.{key}", msg("file.bad_text"))
        return value

    def optional_string(self, key: str) -> str | None:
        return None if self._get(key, None) is None else self.string(key)

    def boolean(self, key: str, default: Any = _REQUIRED) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            _fail(f"{self.path}.{key}", msg("file.expected_boolean"))
        return value

    def choice(self, key: str, options: tuple[_Choice, ...], default: Any = _REQUIRED) -> _Choice:
        return _one_of(self.string(key, default), options, f"{self.path}.{key}")

    def element_id(self, key: str) -> ElementId:
        return ElementId(self.string(key))

    def point(self, key: str) -> Point:
        return _point(self._get(key, _REQUIRED), f"{self.path}.{key}")

    def array(self, key: str, limit: int | None = None) -> list[Any]:
        value = self._get(key, [])
        if not isinstance(value, list):
            _fail(f"{self.path}.{key}", msg("file.expected_list"))
        if limit is not None and len(value) > limit:
            _fail(f"{self.path}.{key}", msg("file.too_many", limit=limit))
        return value

    def elements(self, key: str) -> list[Any]:
        """The array of the plan's elements of one kind, refused whole when it holds more than
        a home needs (`MAX_ELEMENTS`)."""
        limit, message = MAX_ELEMENTS[key]
        value = self.array(key)
        if len(value) > limit:
            raise PlanFileError(msg(message, count=limit, found=len(value)))
        return value


def _point(value: Any, path: str) -> Point:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or any(isinstance(v, bool) or not isinstance(v, int | float) for v in value)
    ):
        _fail(path, msg("file.expected_point"))
    x, y = _finite(value[0]), _finite(value[1])
    if x is None or y is None:
        _fail(path, msg("file.not_finite"))
    return Point(x, y)


def _finite(value: float) -> float | None:
    """`value` as a finite float, or None (NaN, infinity, or an integer too large for a
    float: JSON integers have no limit)."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _encodable(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (JSON's \\udfff escapes make lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _one_of(value: object, options: tuple[_Choice, ...], path: str) -> _Choice:
    """The option equal to `value` (as its own, narrower type), or a failure naming them all."""
    for option in options:
        if option == value:
            return option
    _fail(path, msg("file.expected_choice", options=", ".join(options)))


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _wall(f: _Fields) -> Wall:
    return Wall(f.element_id("id"), f.point("start"), f.point("end"), f.number("thickness", 12.0))


def _room(f: _Fields) -> Room:
    points = f.array("polygon")
    polygon = tuple(_point(p, f"{f.path}.polygon[{i}]") for i, p in enumerate(points))
    kind = RoomKind(f.choice("kind", _values(RoomKind), "andet"))
    return Room(f.element_id("id"), f.string("name", ""), kind, polygon)


def _opening(f: _Fields) -> Opening:
    kind = OpeningKind(f.choice("kind", _values(OpeningKind)))
    window = kind is OpeningKind.WINDOW
    return Opening(
        id=f.element_id("id"),
        wall_id=f.element_id("wall"),
        kind=kind,
        offset=f.number("offset"),
        width=f.number("width"),
        hinge=f.choice("hinge", HINGES, "start"),
        opens_to=f.choice("opens_to", SIDES, "left"),
        swing_angle=f.number("swing_angle", 90.0),
        leaves=f.integer("leaves", 1),
        entrance=f.boolean("entrance", False),
        sill_height=f.number("sill_height", 90.0 if window else 0.0),
        height=f.number("height", 120.0 if window else 205.0),
    )


def _fixture(f: _Fields) -> Fixture:
    return Fixture(
        id=f.element_id("id"),
        kind=FixtureKind(f.choice("kind", _values(FixtureKind))),
        center=f.point("center"),
        width=f.number("width"),
        depth=f.number("depth"),
        rotation=f.number("rotation", 0.0),
        height=f.number("height", 90.0),
    )


def _clearance(value: Any, path: str) -> Clearance | None:
    if value is None:
        return None
    f = _Fields(value, path)
    sides = f.array("sides", len(CLEARANCE_SIDES))
    chosen = tuple(_one_of(s, CLEARANCE_SIDES, f"{path}.sides[{i}]") for i, s in enumerate(sides))
    need = f.choice("need", CLEARANCE_NEEDS, "all")
    allow = f.array("allow", len(CATEGORIES))
    for i, category in enumerate(allow):
        if category not in CATEGORIES:
            _fail(f"{path}.allow[{i}]", msg("error.unknown_category", category=str(category)[:40]))
    seats = f.integer("seats", 0) if need == "seats" else 0
    if not 0 <= seats <= MAX_SEATS:
        problem = msg("error.number_range", field="seats", low=0, high=MAX_SEATS, value=seats)
        _fail(f"{path}.seats", problem)
    head = f.number("head", 0.0)
    if not 0 <= head <= MAX_HEAD_CM:
        _fail(
            f"{path}.head",
            msg("error.number_range", field="head", low=0, high=MAX_HEAD_CM, value=head),
        )
    return Clearance(chosen, f.number("depth"), need, tuple(str(a) for a in allow), seats, head)


def _placement(f: _Fields) -> Placement:
    return Placement(
        id=f.element_id("id"),
        label=f.string("label", ""),
        category=f.string("category"),
        width=f.number("width"),
        depth=f.number("depth"),
        height=f.number("height"),
        center=f.point("center"),
        rotation=f.number("rotation", 0.0),
        inventory_item=_item_code(f.optional_string("inventory_item")),
        floor_flat=f.boolean("floor_flat", False),
        clearance=_clearance(f.data.get("clearance"), f"{f.path}.clearance"),
        price_ore=_price(f),
        locked=f.boolean("locked", False),
    )


def _item_code(code: str | None) -> ItemCode | None:
    return None if code is None else ItemCode(code)


def _price(f: _Fields) -> int | None:
    return None if f.data.get("price_ore") is None else f.integer("price_ore")


def _dimension(f: _Fields) -> Dimension:
    return Dimension(f.element_id("id"), f.point("start"), f.point("end"), f.number("offset", 0.0))


def _label(f: _Fields) -> TextLabel:
    return TextLabel(f.element_id("id"), f.point("at"), f.string("text"), f.number("size", 20.0))


_READERS: dict[str, Callable[[_Fields], Element]] = {
    "walls": _wall,
    "rooms": _room,
    "openings": _opening,
    "fixtures": _fixture,
    "placements": _placement,
    "dimensions": _dimension,
    "labels": _label,
}


def schema_version(data: object) -> int:
    """The file's schema version, after checking it is a hjem plan this version can read."""
    f = _Fields(data, "plan")
    if f.data.get("format") != FORMAT_NAME:
        raise PlanFileError(msg("file.not_a_plan"))
    version = f.integer("schema_version")
    if version > CURRENT_SCHEMA_VERSION:
        raise PlanFileError(msg("file.newer_version", version=version))
    if version < 1:
        _fail("plan.schema_version", msg("file.expected_choice", options="1"))
    return version


def _check_room_points(f: _Fields) -> None:
    """Refuse a room outline with more corners than a room needs (MAX_POLYGON_POINTS), or
    outlines with more in all than a home's rooms need (MAX_ROOM_POINTS), before any is read."""
    found = 0
    for i, room in enumerate(f.elements("rooms")):
        polygon = room.get("polygon") if isinstance(room, dict) else None
        points = len(polygon) if isinstance(polygon, list) else 0
        if points > MAX_POLYGON_POINTS:
            limit, room = MAX_POLYGON_POINTS, f"rooms[{i}]"
            message = msg("plan_limits.room_points", room=room, count=limit, found=points)
            raise PlanFileError(message)
        found += points
    if found > MAX_ROOM_POINTS:
        raise PlanFileError(msg("plan_limits.all_room_points", count=MAX_ROOM_POINTS, found=found))


@dataclass(frozen=True)
class BackgroundSettings:
    """How the background image lies on the plan; the image itself is read by the caller."""

    member: str
    cm_per_pixel: float
    origin: Point
    opacity: float
    locked: bool
    visible: bool


def _background_settings(value: object) -> BackgroundSettings | None:
    if value is None:
        return None
    f = _Fields(value, "background")
    return BackgroundSettings(
        member=f.string("image"),
        cm_per_pixel=f.number("cm_per_pixel"),
        origin=f.point("origin"),
        opacity=f.number("opacity", 0.5),
        locked=f.boolean("locked", False),
        visible=f.boolean("visible", True),
    )


def plan_from_json(data: object) -> tuple[Plan, BackgroundSettings | None]:
    """The plan in `data`, and where its background image lies (the image is read by the caller)."""
    schema_version(data)
    f = _Fields(data, "plan")
    collections: dict[str, tuple[Element, ...]] = {}
    seen: set[str] = set()
    _check_room_points(f)
    for name, reader in _READERS.items():
        items: list[Element] = []
        for i, raw in enumerate(f.elements(name)):
            path = f"{name}[{i}]"
            element = reader(_Fields(raw, path))
            if element.id in seen or not element.id:
                _fail(f"{path}.id", msg("file.duplicate_id", id=element.id))
            seen.add(element.id)
            if problems := element_problems(element):
                _fail(path, problems[0])
            items.append(element)
        collections[name] = tuple(items)
    case_code = f.optional_string("case_code")
    plan = Plan(
        title=f.string("title", ""), case_code=None if case_code is None else CaseCode(case_code)
    )
    plan = with_collections(plan, collections)
    for i, opening in enumerate(plan.openings):
        if problems := reference_problems(plan, opening):
            _fail(f"openings[{i}]", problems[0])
    return plan, _background_settings(f.data.get("background"))
