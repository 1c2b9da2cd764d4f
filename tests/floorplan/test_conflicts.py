"""One or more tests per conflict kind, on small plans where the right answer is plain."""

from dataclasses import replace

import pytest

from hjem.floorplan.model import (
    Clearance,
    Fixture,
    FixtureKind,
    Opening,
    OpeningKind,
    Plan,
    Point,
    Room,
    RoomKind,
)
from hjem.floorplan.report import full_report
from tests.floorplan.plans import furnished, kinds_and_elements, piece, radiator, row_plan

ROOM = row_plan()  # 400 × 300; entrance at the top, x 255..345; window at the bottom, x 140..260


def report(*items, fixtures=()):
    return kinds_and_elements(full_report(furnished(ROOM, *items, fixtures=fixtures)))


def test_an_empty_room_has_no_conflicts():
    assert report() == []


def test_overlapping_furniture_is_an_overlap():
    assert report(
        piece("a", "sofa", (200, 90, 80), 150, 200), piece("b", "sofabord", (100, 60, 45), 200, 220)
    ) == [("overlap", ("a", "b"))]


def test_furniture_that_only_touches_does_not_overlap():
    assert (
        report(
            piece("a", "reol", (100, 35, 190), 50, 100),
            piece("b", "reol", (100, 35, 190), 150, 100),
        )
        == []
    )


def test_a_rug_may_lie_under_the_sofa():
    rug = piece("rug", "taeppe", (200, 140, 1), 150, 200, floor_flat=True)
    assert report(rug, piece("a", "sofa", (200, 90, 80), 150, 200)) == []


def test_furniture_through_a_wall_is_a_wall_conflict():
    assert report(piece("a", "reol", (100, 35, 190), 390, 150, 90)) == [("wall", ("a", "right"))]


def test_furniture_flush_against_a_wall_is_fine():
    assert report(piece("a", "reol", (100, 35, 190), 382.5, 150, 90)) == []


def test_furniture_into_a_fixed_element_names_it():
    conflicts = full_report(
        furnished(
            ROOM,
            piece("a", "seng", (90, 200, 50), 50, 110),
            fixtures=(radiator("rad", 50, 10, width=60),),
        )
    )
    assert kinds_and_elements(conflicts) == [("wall", ("a", "rad"))]
    assert conflicts[0].message.text("da") == "Sengen går ind i radiatoren"


def test_furniture_beyond_the_outer_wall_is_outside():
    assert report(piece("a", "stol", (45, 45, 90), 200, -200)) == [("outside", ("a",))]


def test_a_sofa_in_the_bathroom_door_swing_is_named_so():
    plan = row_plan(
        widths=(400, 250),
        kinds=(RoomKind.STUE, RoomKind.BAD),
        window_sill=None,
        doors_open_to="right",
    )
    # The bathroom door, in the wall at x 400..412 and y 110..190, swings out into the living room.
    sofa = piece("sofa", "sofa", (150, 80, 80), 360, 150, 90)
    conflicts = full_report(furnished(plan, sofa))
    assert kinds_and_elements(conflicts)[0] == ("door_swing", ("sofa", "d0"))
    assert conflicts[0].message.texts() == {
        "da": "Sofaen står i døren til badeværelset",
        "en": "The sofa is in the swing of the door to the bathroom",
    }


def test_the_swing_is_a_quarter_circle_not_its_bounding_square():
    # Entrance hinge at (255, 0) with a 90 cm leaf: a chair by the square's far corner
    # (345, 90) is 99 cm from the hinge, outside the swing.
    assert report(piece("a", "stol", (20, 20, 90), 335, 80)) == []
    assert report(piece("a", "stol", (20, 20, 90), 275, 40)) == [("door_swing", ("a", "entry"))]


def test_the_entrance_is_the_front_door():
    conflicts = full_report(furnished(ROOM, piece("a", "stol", (20, 20, 90), 275, 40)))
    assert conflicts[0].message.text("da") == "Stolen står i hoveddøren"


def test_a_tall_wardrobe_before_the_window_blocks_it():
    # Window at x 140..260 in the bottom wall, sill 90.
    assert report(piece("a", "klaedeskab", (100, 60, 200), 200, 270, 180)) == [
        ("window", ("a", "win"))
    ]


def test_furniture_below_the_sill_may_stand_before_the_window():
    assert report(piece("a", "sofa", (200, 90, 80), 200, 255, 180)) == []


def test_a_bed_with_both_long_sides_taken_lacks_clearance():
    bed = piece("bed", "seng", (90, 200, 50), 45, 150)  # left side against the wall
    shelf = piece("shelf", "reol", (100, 35, 190), 115, 150, 90)  # in the right side's 60 cm
    conflicts = full_report(furnished(ROOM, bed, shelf))
    assert kinds_and_elements(conflicts) == [("clearance", ("bed", "left", "shelf"))]
    assert (
        conflicts[0].message.text("da")
        == "Der er ikke 60 cm fri plads ved sengen: reolen står i vejen"
    )


def test_a_bed_with_one_free_long_side_is_fine():
    assert report(piece("bed", "seng", (90, 200, 50), 45, 150)) == []


def test_a_wardrobe_needs_as_much_room_in_front_as_its_doors_are_wide():
    wardrobe = piece(
        "w", "klaedeskab", (100, 60, 200), 60, 90, 270
    )  # against the left wall, facing right: two doors of 50 cm, its front at x = 90
    assert report(wardrobe, piece("c", "stol", (45, 45, 90), 130, 90)) == [
        ("clearance", ("w", "c"))
    ]
    assert report(wardrobe, piece("c", "stol", (45, 45, 90), 165, 90)) == []


def test_chairs_may_stand_in_the_dining_tables_zone():
    table = piece("t", "spisebord", (120, 80, 75), 200, 150)
    chairs = [
        piece(f"c{i}", "stol", (45, 45, 90), x, y)
        for i, (x, y) in enumerate(((170, 87), (230, 213)))
    ]
    assert report(table, *chairs) == []
    # Against one wall (or a sofa) is fine for a small household: the chairs go on the other
    # side (issue 18); with both long sides taken two still sit at the ends, and with one end
    # taken too there is room for one only.
    sofa = piece("s", "sofa", (120, 80, 80), 190, 60)
    assert report(table, sofa) == []
    # (a low sideboard, below the window's sill, on the other side)
    sideboard = piece("r", "tvbord", (120, 40, 50), 200, 240)
    assert report(table, sofa, sideboard) == []
    both = report(table, sofa, sideboard, piece("b", "reol", (30, 80, 190), 95, 150, 90))
    assert [kind for kind, _ in both] == ["clearance"]


def test_a_kitchen_counter_needs_110_cm_of_free_floor():
    counter = Fixture("k", FixtureKind.KITCHEN_COUNTER, Point(100, 270), 200, 60, 180, 90)
    assert report(fixtures=(counter,)) == []
    assert report(piece("f", "koeleskab", (60, 65, 180), 100, 200), fixtures=(counter,)) == [
        ("clearance", ("k", "f"))
    ]


def test_a_placement_can_override_its_clearance():
    wardrobe = piece(
        "w", "klaedeskab", (100, 60, 200), 60, 90, 270, clearance=Clearance(("front",), 40.0)
    )
    assert report(wardrobe, piece("c", "stol", (45, 45, 90), 155, 90)) == []


def test_a_zone_through_a_wall_does_not_blame_furniture_in_the_next_room():
    plan = row_plan(
        widths=(300, 300), depth=500, kinds=(RoomKind.SOVEVAERELSE, RoomKind.STUE), entrance_at=60
    )
    bed = piece("bed", "seng", (90, 200, 50), 255, 105)  # right side zone runs into the inner wall
    shelf = piece("shelf", "reol", (100, 35, 190), 192.5, 105, 90)  # takes the left side
    chair = piece("chair", "laenestol", (80, 80, 90), 352, 60)  # right behind the inner wall
    conflicts = kinds_and_elements(full_report(furnished(plan, bed, shelf, chair)))
    assert conflicts == [("clearance", ("bed", "iw0", "shelf"))]


def test_furniture_cutting_off_a_room_is_a_walkway_conflict():
    plan = row_plan(
        widths=(400, 300), kinds=(RoomKind.STUE, RoomKind.BOERNEVAERELSE), window_sill=None
    )
    # A bookcase right in front of the door into the children's room (door at y 110..190).
    shelf = piece("shelf", "reol", (100, 35, 190), 382.5, 150, 90)
    conflicts = full_report(furnished(plan, shelf))
    assert kinds_and_elements(conflicts) == [("walkway", ("r1", "shelf"))]
    assert conflicts[0].message.texts() == {
        "da": "Reolen spærrer vejen til børneværelset",
        "en": "The bookcase blocks the way to the children's room",
    }


def test_a_bed_side_nobody_can_reach_is_a_walkway_conflict():
    # Its free side is x 90..150, y 140..290: from the foot to where a bedside table may
    # stand at its head (issue 18).
    bed = piece("bed", "seng", (90, 200, 50), 45, 190)
    desk = piece("desk", "skrivebord", (120, 60, 75), 150, 60)  # closes the head end
    shelf = piece("shelf", "reol", (200, 35, 190), 167.5, 190, 90)  # and the whole length
    plan = row_plan(window_sill=None)
    conflicts = full_report(furnished(plan, bed, desk, shelf))
    # Without the desk the way in would still be 60 cm wide, under the walkway's 80: only
    # the shelf (with the bed) shuts the side.
    assert kinds_and_elements(conflicts) == [("walkway", ("bed", "shelf"))]
    assert conflicts[0].message.text("da") == "Reolen spærrer vejen hen til sengen"


def test_no_entrance_means_no_walkway_check():
    plan = row_plan(widths=(400, 300), entrance=False)
    assert (
        full_report(furnished(plan, piece("shelf", "reol", (100, 35, 190), 382.5, 150, 90))) == []
    )


def test_a_room_too_narrow_even_when_empty_is_not_the_furnitures_fault():
    plan = row_plan(widths=(400, 70), kinds=(RoomKind.STUE, RoomKind.ANDET))
    assert full_report(plan) == []


def test_every_conflict_has_both_languages_and_a_point():
    conflicts = full_report(furnished(ROOM, piece("a", "stol", (45, 45, 90), 200, -200)))
    data = conflicts[0].to_json()
    assert set(data) == {"kind", "elements", "message", "where"}
    assert (
        data["message"]["da"]
        and data["message"]["en"]
        and data["message"]["da"] != data["message"]["en"]
    )
    assert data["where"] == [200.0, -200.0]


# --- how the messages name things (issue 11, point 11) ----------------------------------------


def _bedroom_with_balcony_door(balcony: bool) -> Plan:
    """A bedroom whose bottom wall holds a 120 cm balcony door swinging into the room, with or
    without the balcony drawn as a room beyond it."""
    plan = row_plan(kinds=(RoomKind.SOVEVAERELSE,), window_sill=None)
    door = Opening("bd", "bottom", OpeningKind.FRENCH_DOOR, 200, 120.0, opens_to="right")
    outside = (Point(0, 320), Point(400, 320), Point(400, 450), Point(0, 450))
    rooms = (*plan.rooms, Room("balc", "", RoomKind.ALTAN, outside)) if balcony else plan.rooms
    return replace(plan, openings=(*plan.openings, door), rooms=rooms)


@pytest.mark.parametrize("balcony", [False, True])
def test_a_bedrooms_balcony_door_is_the_balcony_door_not_the_door_to_the_bedroom(balcony):
    lamp = piece("lamp", "lampe", (40, 40, 150), 210, 250)
    conflicts = full_report(furnished(_bedroom_with_balcony_door(balcony), lamp))
    assert kinds_and_elements(conflicts) == [("door_swing", ("lamp", "bd"))]
    assert conflicts[0].message.texts() == {
        "da": "Lampen står i altandøren",
        "en": "The lamp is in the swing of the balcony door",
    }


def test_two_chairs_on_top_of_each_other_are_two_chairs():
    conflicts = full_report(
        furnished(
            ROOM,
            piece("a", "stol", (45, 45, 90), 150, 150),
            piece("b", "stol", (45, 45, 90), 170, 160),
        )
    )
    assert kinds_and_elements(conflicts) == [("overlap", ("a", "b"))]
    assert conflicts[0].message.texts() == {
        "da": "To stole står oven i hinanden",
        "en": "Two chairs overlap",
    }


def test_a_sofa_and_a_table_on_top_of_each_other_are_named_each():
    conflicts = full_report(
        furnished(
            ROOM,
            piece("a", "sofa", (200, 90, 80), 150, 200),
            piece("b", "sofabord", (100, 60, 45), 200, 220),
        )
    )
    assert conflicts[0].message.text("da") == "Sofaen og sofabordet står oven i hinanden"


def test_a_room_named_only_by_its_kind_is_called_by_that_kind_in_each_language():
    plan = row_plan(kinds=(RoomKind.ANDET,), window_sill=90.0)
    named = replace(plan, rooms=(replace(plan.rooms[0], name="Soveværelse"),))
    conflicts = full_report(furnished(named, piece("a", "reol", (100, 35, 190), 200, 282)))
    assert [c.kind.value for c in conflicts] == ["window"]
    assert conflicts[0].message.texts() == {
        "da": "Reolen er højere end vindueskarmen og står foran vinduet i soveværelset",
        "en": "The bookcase is taller than the windowsill and stands in front of the window in "
        "the bedroom",
    }
