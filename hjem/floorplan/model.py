"""The floor-plan model: frozen values in centimetres (y down, angles in degrees).

A `Plan` is immutable; edits (`commands.py`) return a new plan and their inverse. Shapely
geometry is never stored here: `shapes.py` derives it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any, Literal, TypeAlias

from hjem.floorplan.geometry import Point, distance, polygon_area, unit_vector
from hjem.ids import CaseCode, ElementId, ItemCode

CURRENT_SCHEMA_VERSION = 1
ORIGIN = Point(0.0, 0.0)


class RoomKind(StrEnum):
    """The kinds of room a Danish flat has, in the order the properties panel lists them."""

    ENTRE = "entre"
    GANG = "gang"
    STUE = "stue"
    SOVEVAERELSE = "sovevaerelse"
    BOERNEVAERELSE = "boernevaerelse"
    KOEKKEN = "koekken"
    BAD = "bad"
    TOILET = "toilet"
    BRYGGERS = "bryggers"  # the utility room, with the washing machine
    DEPOT = "depot"  # a storage room or closet
    ALTAN = "altan"
    ANDET = "andet"


class OpeningKind(StrEnum):
    DOOR = "door"
    WINDOW = "window"
    FRENCH_DOOR = "french_door"  # a glazed balcony door: a door you walk through, with a swing


class FixtureKind(StrEnum):
    RADIATOR = "radiator"
    KITCHEN_COUNTER = "kitchen_counter"
    COLUMN = "column"
    BUILTIN_WARDROBE = "builtin_wardrobe"


Hinge = Literal["start", "end"]
Side = Literal["left", "right"]
ClearanceSide = Literal["front", "back", "left", "right", "long"]
ClearanceNeed = Literal["all", "any", "seats"]
ImageFormat = Literal["png", "jpeg"]  # a background image's


@dataclass(frozen=True)
class Wall:
    id: ElementId
    start: Point
    end: Point
    thickness: float = 12.0

    @property
    def length(self) -> float:
        return distance(self.start, self.end)

    @property
    def angle(self) -> float:
        return math.degrees(math.atan2(self.end.y - self.start.y, self.end.x - self.start.x))

    def point_at(self, offset: float, side_distance: float = 0.0) -> Point:
        """The point `offset` cm along the wall from its start, `side_distance` cm to its left.

        "Left" is the left hand of someone walking from start to end on the screen (y down).
        """
        (ux, uy) = unit_vector(self.angle)
        return Point(
            self.start.x + ux * offset + uy * side_distance,
            self.start.y + uy * offset - ux * side_distance,
        )


@dataclass(frozen=True)
class Room:
    id: ElementId
    name: str
    kind: RoomKind
    polygon: tuple[Point, ...]

    @property
    def gross_area(self) -> float:
        """Area of the drawn outline in cm²; `shapes.net_area` subtracts the walls."""
        return polygon_area(self.polygon)


@dataclass(frozen=True)
class Opening:
    """A door, window or balcony door set into a wall, centred `offset` cm from the wall's start."""

    id: ElementId
    wall_id: ElementId
    kind: OpeningKind
    offset: float
    width: float
    hinge: Hinge = "start"  # the jamb the leaf hangs on, towards the wall's start or end
    opens_to: Side = "left"  # the side of the wall the leaf swings into
    swing_angle: float = 90.0
    leaves: int = 1
    entrance: bool = False
    sill_height: float = 0.0
    height: float = 205.0

    @property
    def is_passable(self) -> bool:
        return self.kind is not OpeningKind.WINDOW


@dataclass(frozen=True)
class Fixture:
    """A fixed element of the apartment: radiator, kitchen counter, column, built-in wardrobe."""

    id: ElementId
    kind: FixtureKind
    center: Point
    width: float
    depth: float
    rotation: float = 0.0
    height: float = 90.0


@dataclass(frozen=True)
class Clearance:
    """Free floor an item needs: `depth` cm on each of `sides`; need all sides free, any one,
    or (a table) free sides enough for `seats` people (`shapes.zone_seats`).

    Sides are in the item's own frame: front is its local +y side. "long" means both long sides.
    """

    sides: tuple[ClearanceSide, ...]
    depth: float
    need: ClearanceNeed = "all"
    allow: tuple[str, ...] = ()  # categories that may stand in the zone (chairs at a table)
    seats: int = 0  # need="seats": how many must find a place at the free sides
    # The side zones stop this far short of the back: at a bed's head, room for a bedside
    # table.
    head: float = 0.0


@dataclass(frozen=True)
class Placement:
    """A piece of furniture on the plan, optionally a donated item from the inventory."""

    id: ElementId
    label: str
    category: str
    width: float
    depth: float
    height: float
    center: Point
    rotation: float = 0.0
    inventory_item: ItemCode | None = None
    floor_flat: bool = False  # rugs and mats: other furniture may stand on them
    clearance: Clearance | None = None  # None: the category's default
    price_ore: int | None = None  # what a piece to buy costs (øre); donated items: None
    # Placed where the architect wants it: drags leave it be, a suggested layout keeps it.
    locked: bool = False

    @property
    def to_buy(self) -> bool:
        return self.inventory_item is None and self.price_ore is not None

    def moved_to(self, center: Point, rotation: float | None = None) -> Placement:
        # Spelled out rather than dataclasses.replace: a drag makes one per step.
        turned = self.rotation if rotation is None else rotation
        return Placement(
            *(self.id, self.label, self.category, self.width, self.depth, self.height),
            *(center, turned, self.inventory_item, self.floor_flat, self.clearance),
            *(self.price_ore, self.locked),
        )


@dataclass(frozen=True)
class Dimension:
    """A dimension line between two points, drawn `offset` cm to the left of start → end."""

    id: ElementId
    start: Point
    end: Point
    offset: float = 0.0


@dataclass(frozen=True)
class TextLabel:
    id: ElementId
    at: Point
    text: str
    size: float = 20.0  # letter height in cm on the plan


@dataclass(frozen=True)
class Background:
    """The housing association's plan traced over: an image placed and scaled in plan units."""

    image: bytes
    image_format: ImageFormat
    cm_per_pixel: float
    origin: Point = ORIGIN  # where the image's top-left corner lies on the plan
    opacity: float = 0.5
    locked: bool = False
    visible: bool = True


Element: TypeAlias = Wall | Room | Opening | Fixture | Placement | Dimension | TextLabel

# The tuple on `Plan` holding each kind of element, in drawing order.
COLLECTIONS: dict[type[Element], str] = {
    Wall: "walls",
    Room: "rooms",
    Opening: "openings",
    Fixture: "fixtures",
    Placement: "placements",
    Dimension: "dimensions",
    TextLabel: "labels",
}


@dataclass(frozen=True)
class Plan:
    title: str = ""
    walls: tuple[Wall, ...] = ()
    rooms: tuple[Room, ...] = ()
    openings: tuple[Opening, ...] = ()
    fixtures: tuple[Fixture, ...] = ()
    placements: tuple[Placement, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    labels: tuple[TextLabel, ...] = ()
    background: Background | None = field(default=None, compare=True)
    # The family case the plan furnishes (a case code like "FBH-2026-014", never a name or an
    # address): it says whose reservations the placed inventory items should hold.
    case_code: CaseCode | None = None

    @cached_property
    def _by_id(self) -> dict[str, Element]:
        return {e.id: e for name in COLLECTIONS.values() for e in getattr(self, name)}

    def get(self, element_id: str) -> Element | None:
        return self._by_id.get(element_id)

    def __getitem__(self, element_id: str) -> Element:
        return self._by_id[element_id]

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._by_id

    def elements(self) -> list[Element]:
        return list(self._by_id.values())

    @cached_property
    def _openings_by_wall(self) -> dict[str, list[Opening]]:
        grouped: dict[str, list[Opening]] = {}
        for opening in self.openings:
            grouped.setdefault(opening.wall_id, []).append(opening)
        return grouped

    def openings_in(self, wall_id: str) -> list[Opening]:
        return list(self._openings_by_wall.get(wall_id, ()))

    def wall_of(self, opening: Opening) -> Wall:
        wall = self._by_id[opening.wall_id]
        assert isinstance(wall, Wall)
        return wall

    def entrance(self) -> Opening | None:
        return next((o for o in self.openings if o.entrance and o.is_passable), None)

    def new_id(self, prefix: str) -> ElementId:
        """The first free id of the form `prefix` + number, e.g. "p7"."""
        return self.new_ids(prefix, 1)[0]

    def new_ids(self, prefix: str, count: int) -> list[ElementId]:
        """`count` free ids of the form `prefix` + number, for elements added together."""
        ids: list[ElementId] = []
        number = 1 + sum(1 for key in self._by_id if key.startswith(prefix))
        while len(ids) < count:
            if f"{prefix}{number}" not in self._by_id:
                ids.append(ElementId(f"{prefix}{number}"))
            number += 1
        return ids


def with_collections(plan: Plan, collections: Mapping[str, tuple[Element, ...]]) -> Plan:
    """`plan` with whole collections replaced, each named as in COLLECTIONS ("walls": walls)."""
    # A field chosen by name is beyond mypy; the names come from COLLECTIONS, so each tuple
    # holds its own kind of element.
    fields: dict[str, Any] = dict(collections)
    return replace(plan, **fields)
