"""What a room is called: on screen, in messages and on the family's printout.

A room's typed name is kept, unless it is only the name of a kind of room ("Soveværelse",
"Gang", "Bedroom"): then the room is called by that kind's name in the reader's language, so
an English copy says "Bedroom" where the architect typed the Danish word. A truly own name
("Fatimas værelse") is shown as typed in every language.
"""

from __future__ import annotations

from functools import cache

from hjem.floorplan.model import Room, RoomKind
from hjem.i18n import LANGUAGES, Message, msg, tr


@cache
def _kinds_by_name() -> dict[str, RoomKind]:
    return {
        tr(f"room_kind.{kind.value}.name", lang).casefold(): kind
        for lang in LANGUAGES
        for kind in RoomKind
    }


def kind_named(name: str) -> RoomKind | None:
    """The kind of room whose Danish or English name `name` is, in any case; else None."""
    return _kinds_by_name().get(name.strip().casefold())


def own_name(room: Room) -> str | None:
    """The room's typed name when it is its own (not empty, not just a kind's name)."""
    name = room.name.strip()
    return name if name and kind_named(name) is None else None


def _named_kind(room: Room) -> RoomKind:
    return kind_named(room.name) or room.kind


def display_name(room: Room, lang: str | None = None) -> str:
    """ "Stue" / "Living room" for an unnamed living room, "Hallway" in English for a room the
    architect named "Gang", and "Fatimas værelse" in every language."""
    return own_name(room) or tr(f"room_kind.{_named_kind(room).value}.name", lang)


def room_noun(room: Room) -> Message | str:
    """ "the bathroom" (in the reader's language), or the room's own name ("Emmas værelse")."""
    return own_name(room) or msg(f"room_kind.{_named_kind(room).value}.definite")
