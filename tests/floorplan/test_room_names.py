"""What a room is called (issue 11, point 19): a name that is only a kind's name follows the
reader's language; a truly own name stays as typed."""

import json

import jsonschema
import pytest

from hjem.floorplan.codec import plan_from_json, plan_to_json
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Plan, Room, RoomKind
from hjem.floorplan.room_names import display_name, kind_named, room_noun
from tests.conftest import ROOT

SQUARE = (Point(0, 0), Point(300, 0), Point(300, 300), Point(0, 300))


def room(name: str, kind: RoomKind = RoomKind.ANDET) -> Room:
    return Room("r", name, kind, SQUARE)


@pytest.mark.parametrize(
    ("name", "kind", "da", "en"),
    [
        ("", RoomKind.STUE, "Stue", "Living room"),
        ("Soveværelse", RoomKind.SOVEVAERELSE, "Soveværelse", "Bedroom"),
        ("  soveværelse ", RoomKind.ANDET, "Soveværelse", "Bedroom"),
        ("Gang", RoomKind.ENTRE, "Gang", "Hallway"),
        ("Bedroom", RoomKind.ANDET, "Soveværelse", "Bedroom"),
        ("Fatimas værelse", RoomKind.BOERNEVAERELSE, "Fatimas værelse", "Fatimas værelse"),
    ],
)
def test_a_kinds_name_is_translated_and_an_own_name_is_kept(name, kind, da, en):
    assert display_name(room(name, kind), "da") == da
    assert display_name(room(name, kind), "en") == en


def test_the_new_kinds_of_room_have_names_in_both_languages():
    names = {
        kind: (display_name(room("", kind), "da"), display_name(room("", kind), "en"))
        for kind in RoomKind
    }
    assert names[RoomKind.GANG] == ("Gang", "Hallway")
    assert names[RoomKind.TOILET] == ("Toilet", "Toilet")
    assert names[RoomKind.BRYGGERS] == ("Bryggers", "Utility room")
    assert names[RoomKind.DEPOT] == ("Depot", "Storage room")
    assert kind_named("bryggers") is RoomKind.BRYGGERS


def test_messages_name_a_room_by_its_kind_or_its_own_name():
    assert room_noun(room("Gang")).text("en") == "the hallway"  # type: ignore[union-attr]
    assert room_noun(room("Emmas værelse", RoomKind.BOERNEVAERELSE)) == "Emmas værelse"


def test_a_plan_with_the_new_kinds_is_written_and_read_back_and_follows_the_schema():
    kinds = (RoomKind.GANG, RoomKind.TOILET, RoomKind.BRYGGERS, RoomKind.DEPOT)
    plan = Plan("new kinds", rooms=tuple(Room(f"r{i}", "", k, SQUARE) for i, k in enumerate(kinds)))
    data = plan_to_json(plan)
    jsonschema.validate(data, json.loads((ROOT / "docs" / "plan.schema.json").read_text()))
    assert tuple(r.kind for r in plan_from_json(data)[0].rooms) == kinds
