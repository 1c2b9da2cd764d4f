"""The English copy calls a room the architect named "Gang" the hallway (issue 11, point 19)."""

from hjem.floorplan.model import RoomKind
from tests.handover.samples import page_texts, pdf_of, sample


def test_a_room_typed_with_a_kinds_danish_name_prints_in_english_on_the_english_copy():
    data = sample("en")
    hall = next(r for r in data.plan.rooms if r.name == "Gang")
    assert hall.kind is RoomKind.ENTRE  # the sample's hall was typed in Danish
    home = page_texts(pdf_of(data))[1]
    assert "Hallway" in home and "Gang" not in home
