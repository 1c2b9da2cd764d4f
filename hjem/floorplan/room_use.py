"""Which furniture belongs in which kind of room, and which categories stand on the floor at
all: what *Hvad passer her?* may suggest (a bed along a bedroom wall, never pans or towels).

The table follows how the programme's architects furnish a small Danish flat: a wardrobe may
stand in the living room or the hall when the bedroom is small, a washing machine in the
kitchen, the bathroom or the utility room. Pans, textiles, toys and the "other" things (a
vacuum cleaner, an ironing board) are not furniture that stands on the floor; a lamp is a
floor lamp only when it is tall. A rug lies on the floor but not against a wall.
"""

from __future__ import annotations

from hjem.floorplan.categories import CATEGORIES
from hjem.floorplan.model import RoomKind

# Categories of furniture that do not stand on the floor: kitchenware, textiles, toys and
# "other" are kept in something (a lamp: see FLOOR_LAMP_HEIGHT).
NOT_FLOOR_STANDING: frozenset[str] = frozenset({"koekkenudstyr", "tekstiler", "legetoej", "andet"})
FLOOR_STANDING: frozenset[str] = frozenset(CATEGORIES) - NOT_FLOOR_STANDING
FLOOR_LAMP_HEIGHT = 120.0  # cm: a lower lamp stands on a table
NOT_AGAINST_A_WALL = frozenset({"taeppe", "sofabord"})  # they stand out in the room

_SLEEPING = {
    *("seng", "madras", "klaedeskab", "kommode", "natbord", "reol", "skrivebord", "stol"),
    "taeppe",
}
_HALL = {"kommode", "reol", "klaedeskab", "stol"}

BELONGS_IN: dict[RoomKind, frozenset[str]] = {
    RoomKind.ENTRE: frozenset(_HALL),
    RoomKind.GANG: frozenset(_HALL),
    RoomKind.STUE: frozenset(
        {
            "sofa",
            "laenestol",
            "sofabord",
            "reol",
            "kommode",
            "spisebord",
            "stol",
            "skrivebord",
            "lampe",
            "taeppe",
            "klaedeskab",
            "skaenk",
            "tvbord",
        }
    ),
    RoomKind.SOVEVAERELSE: frozenset({*_SLEEPING, "barneseng", "lampe"}),
    RoomKind.BOERNEVAERELSE: frozenset({*_SLEEPING, "barneseng", "boernemoebel", "lampe"}),
    RoomKind.KOEKKEN: frozenset(
        {"spisebord", "stol", "barstol", "koeleskab", "vaskemaskine", "reol", "skaenk"}
    ),
    RoomKind.BAD: frozenset({"vaskemaskine", "reol"}),
    RoomKind.TOILET: frozenset({"reol"}),
    RoomKind.BRYGGERS: frozenset({"vaskemaskine", "koeleskab", "reol", "klaedeskab", "kommode"}),
    RoomKind.DEPOT: frozenset({"reol", "klaedeskab", "kommode", "koeleskab"}),
    RoomKind.ALTAN: frozenset({"stol", "spisebord", "laenestol"}),
    RoomKind.ANDET: FLOOR_STANDING,  # a room of no particular kind: any furniture
}


def stands_on_floor(category: str, height: float) -> bool:
    """Whether a piece of this category and height is furniture standing on the floor."""
    if category == "lampe":
        return height >= FLOOR_LAMP_HEIGHT
    return category in FLOOR_STANDING


def belongs_in(kind: RoomKind | None, category: str, height: float, along_wall: bool) -> bool:
    """Whether to suggest the piece for a room of `kind` (None: outside the rooms, any floor
    furniture), with its back to a wall when `along_wall`."""
    if not stands_on_floor(category, height):
        return False
    if along_wall and category in NOT_AGAINST_A_WALL:
        return False
    return kind is None or category in BELONGS_IN[kind]
