"""What the engine finds: conflicts with a stable kind, the elements involved, a message in
Danish and English, and a point to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Fixture, Opening, OpeningKind, Placement, Room, RoomKind
from hjem.floorplan.room_names import room_noun
from hjem.i18n import Message, msg


class ConflictKind(StrEnum):
    OVERLAP = "overlap"  # two pieces of furniture overlap (rugs may lie under others)
    WALL = "wall"  # furniture crosses a wall or a fixed element
    OUTSIDE = "outside"  # furniture not inside any room
    DOOR_SWING = "door_swing"  # furniture in a door's swing
    WINDOW = "window"  # furniture taller than the sill in front of a window
    CLEARANCE = "clearance"  # the free floor an item needs is taken
    WALKWAY = "walkway"  # no 80 cm path from the entrance to a room or a bed


KIND_ORDER = {kind: i for i, kind in enumerate(ConflictKind)}


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    elements: tuple[str, ...]
    message: Message
    where: Point

    def sort_key(self) -> tuple[int, tuple[str, ...]]:
        return (KIND_ORDER[self.kind], self.elements)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "elements": list(self.elements),
            "message": self.message.texts(),
            "where": [round(self.where.x, 1), round(self.where.y, 1)],
        }


def sorted_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    return sorted(conflicts, key=Conflict.sort_key)


# --- how things are named in messages ------------------------------------------------------


def item_noun(item: Placement) -> Message:
    return _category_noun(item.category)


@cache
def _category_noun(category: str) -> Message:
    return msg(f"category.{category}.definite")


def fixture_noun(fixture: Fixture) -> Message:
    return msg(f"fixture.{fixture.kind.value}.definite")


HALLS = frozenset({RoomKind.ENTRE, RoomKind.GANG})


def door_noun(door: Opening, swing_side: Room | None, other_side: Room | None) -> Message:
    """The door named as people name it: "the front door", "the balcony door", or after the
    room it leads to, "the door to the bathroom".

    A door onto a balcony, or a balcony door with no room beyond it, is the balcony door, not
    the door to the room it stands in. Seen from where its leaf swings, a door leads to the
    other side; but a door between a hall and a room is always named after the room.
    """
    if door.entrance:
        return msg("door.entrance")
    sides = (other_side, swing_side)
    onto_balcony = any(r is not None and r.kind is RoomKind.ALTAN for r in sides)
    if onto_balcony or (door.kind is OpeningKind.FRENCH_DOOR and None in sides):
        return msg("door.balcony")
    rooms = [r for r in sides if r is not None]
    leads_to = next((r for r in rooms if r.kind not in HALLS), rooms[0] if rooms else None)
    if leads_to is not None:
        return msg("door.to_room", room=room_noun(leads_to))
    return msg("door.plain")


# --- building conflicts (shared by the full report and the piece checker) ----------------------


def _midpoint(a: Point, b: Point) -> Point:
    return Point((a.x + b.x) / 2, (a.y + b.y) / 2)


def overlap(a: Placement, b: Placement) -> Conflict:
    """ "The sofa and the lamp overlap"; two of a kind are "Two chairs overlap"."""
    first, second = sorted((a, b), key=lambda p: p.id)
    if first.category == second.category:
        message = msg("conflict.overlap_same", pieces=msg(f"category.{first.category}.plural"))
    else:
        message = msg("conflict.overlap", a=item_noun(first), b=item_noun(second))
    return Conflict(
        ConflictKind.OVERLAP, (first.id, second.id), message, _midpoint(a.center, b.center)
    )


def relation_broken(relation: str, piece: Placement, host: Placement | Fixture) -> Conflict:
    """ "The chair is pushed too far in under the table": an overlap their relation does not
    allow, said as that relation's overstep. Under a fixed element it is of the kind a piece
    in a fixed element is (`into_fixture`), with the fixture second."""
    if isinstance(host, Fixture):
        message = msg(
            f"relation.{relation}.broken", piece=item_noun(piece), host=fixture_noun(host)
        )
        return Conflict(ConflictKind.WALL, (piece.id, host.id), message, piece.center)
    first, second = sorted((piece, host), key=lambda p: p.id)
    message = msg(f"relation.{relation}.broken", piece=item_noun(piece), host=item_noun(host))
    return Conflict(
        ConflictKind.OVERLAP, (first.id, second.id), message, _midpoint(piece.center, host.center)
    )


def into_wall(item: Placement, wall_id: str) -> Conflict:
    message = msg("conflict.wall", item=item_noun(item))
    return Conflict(ConflictKind.WALL, (item.id, wall_id), message, item.center)


def into_fixture(item: Placement, fixture: Fixture) -> Conflict:
    message = msg("conflict.fixture", item=item_noun(item), fixture=fixture_noun(fixture))
    return Conflict(ConflictKind.WALL, (item.id, fixture.id), message, item.center)


def outside(item: Placement) -> Conflict:
    message = msg("conflict.outside", item=item_noun(item))
    return Conflict(ConflictKind.OUTSIDE, (item.id,), message, item.center)


def in_door_swing(item: Placement, door: Opening, door_name: Message) -> Conflict:
    message = msg("conflict.door_swing", item=item_noun(item), door=door_name)
    return Conflict(ConflictKind.DOOR_SWING, (item.id, door.id), message, item.center)


def before_window(item: Placement, window: Opening, room: Room | None) -> Conflict:
    if room is None:
        message = msg("conflict.window_unnamed", item=item_noun(item))
    else:
        message = msg("conflict.window", item=item_noun(item), room=room_noun(room))
    return Conflict(ConflictKind.WINDOW, (item.id, window.id), message, item.center)
