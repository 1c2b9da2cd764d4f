"""Issue 18: a dining table needs chair room on enough sides to seat its people (two, unless a
volunteer sets the household's number), 90 cm from its edge and 60 cm a person. A table
against a wall, or in a corner, is fine; the piece checker, find-a-spot and the slow reference
count the same seats."""

from dataclasses import replace

import pytest

from hjem.floorplan.categories import default_clearance
from hjem.floorplan.codec import plan_from_json, plan_to_json
from hjem.floorplan.piece_check import check_for
from hjem.floorplan.reference import naive_report
from hjem.floorplan.report import full_report
from hjem.floorplan.shapes import zone_seats
from hjem.floorplan.spots import find_spot, needed_size
from tests.floorplan.plans import furnished, kinds_and_elements, piece, row_plan

ROOM = row_plan((300.0,), 300.0, entrance_at=250)  # entrance door swing x 205..295, y 0..90


def table(x: float, y: float, rotation: float = 0.0, seats: int | None = None):
    clearance = None
    if seats is not None:
        clearance = replace(default_clearance("spisebord"), seats=seats)
    return piece("table", "spisebord", (120, 80, 75), x, y, rotation, clearance=clearance)


def clearances(plan):
    found = [c for c in full_report(plan, walkway=False) if c.kind.value == "clearance"]
    assert found == [c for c in naive_report(plan, walkway=False) if c.kind.value == "clearance"]
    item = plan.placements[-1]
    check = check_for(plan, item.id)
    assert check.is_free((item.center.x, item.center.y), item.rotation) == (not found)
    return found


def test_a_table_seats_two_on_a_long_side_and_one_at_each_end():
    assert zone_seats(120, 80, default_clearance("spisebord")) == (2, 2, 1, 1)
    assert zone_seats(200, 90, default_clearance("spisebord")) == (3, 3, 1, 1)


def test_a_table_against_a_wall_or_in_a_corner_seats_two():
    assert clearances(furnished(ROOM, table(60, 150))) == []  # long side free, ends free
    assert clearances(furnished(ROOM, table(60, 260))) == []  # in the bottom-left corner


def test_a_table_in_a_niche_with_one_end_free_seats_one_and_says_so():
    niche = row_plan((130.0,), 250.0, entrance=False, window_sill=None)
    (found,) = clearances(furnished(niche, table(65, 210, 90.0)))  # long sides at the walls
    assert found.message.texts() == {
        "da": "Der er ikke 90 cm plads til 2 stole ved spisebordet: væggen står i vejen",
        "en": "There is no 90 cm of room for 2 chairs at the dining table: the wall is in the way",
    }


def test_a_household_of_four_needs_more_than_a_corner():
    assert clearances(furnished(ROOM, table(60, 150, seats=4))) == []  # 2 + 1 + 1 free
    (found,) = clearances(furnished(ROOM, table(60, 260, seats=4)))  # 2 + 1
    assert "4 stole" in found.message.texts()["da"]
    assert kinds_and_elements([found])[0][1][0] == "table"


def test_chairs_at_the_table_take_no_seat_room():
    chairs = [
        piece(f"c{i}", "stol", (45, 45, 90), x, 250 - 30, 180.0) for i, x in enumerate((30, 90))
    ]
    assert clearances(furnished(ROOM, *chairs, table(60, 150))) == []


@pytest.mark.parametrize("seats", [2, 4, 6])
def test_find_a_spot_gives_a_place_that_seats_enough(seats):
    empty = row_plan((400.0,), 350.0)
    big = piece(
        "table", "spisebord", (200, 90, 75), 0, 0, clearance=table(0, 0, seats=seats).clearance
    )
    spot = find_spot(empty, big, "r0")
    assert spot.found
    placed = spot.applied_to(empty)
    assert full_report(placed, walkway=False) == []


def test_the_room_a_table_needs_grows_with_its_seats():
    assert needed_size(table(0, 0, seats=2)) == (120, 80 + 90)  # one long side
    assert needed_size(table(0, 0, seats=4)) == (120, 80 + 180)  # both long sides
    assert needed_size(table(0, 0, seats=6)) == (120 + 180, 80 + 180)  # every side


def test_a_table_for_four_keeps_its_seats_through_a_file():
    plan = furnished(ROOM, table(60, 150, seats=4))
    read, _ = plan_from_json(plan_to_json(plan))
    assert read.placements[0].clearance == plan.placements[0].clearance
