"""The select tool's and Edit menu's edits as plan functions: corners, slides, room walls,
snapping. No window needed."""

from __future__ import annotations

import pytest

from hjem.floorplan.editing import (
    corner_near,
    move_corner,
    move_selection,
    nudge,
    slide_opening,
    snapped,
    turn,
    wall_end_near,
)
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import (
    Opening,
    OpeningKind,
    Placement,
    Plan,
    Room,
    RoomKind,
    Wall,
)

A, B, C = Point(0, 0), Point(400, 0), Point(400, 300)
ROOM = Room("r", "", RoomKind.STUE, (Point(0, 0), Point(400, 0), Point(400, 300), Point(0, 300)))
PLAN = Plan(
    walls=(Wall("w1", A, B), Wall("w2", B, C)),
    openings=(Opening("d", "w1", OpeningKind.DOOR, 200, 80),),
    rooms=(ROOM,),
    placements=(Placement("p", "", "stol", 50, 50, 90, Point(100, 100)),),
)


def applied(command) -> Plan:
    plan, _inverse = command.apply(PLAN)
    return plan


def test_moving_a_corner_takes_every_wall_ending_there_along():
    plan = applied(move_corner(PLAN, B, Point(420, 10)))
    assert plan["w1"].end == Point(420, 10) and plan["w2"].start == Point(420, 10)
    assert plan["w1"].start == A and plan["w2"].end == C


def test_a_corner_put_back_where_it_was_is_no_edit():
    assert move_corner(PLAN, B, B) is None
    assert move_corner(PLAN, Point(900, 900), Point(0, 5)) is None


def test_a_wall_end_is_found_only_among_the_walls_asked_about():
    assert wall_end_near(PLAN, Point(398, 3), 5.0, ["w2"]) == B
    assert wall_end_near(PLAN, Point(398, 3), 5.0, ["p"]) is None
    assert wall_end_near(PLAN, Point(390, 0), 5.0, ["w1", "w2"]) is None


def test_an_opening_slides_along_its_wall_by_the_drag_along_it():
    plan = applied(slide_opening(PLAN, PLAN["d"], 30.4, 55))
    assert plan["d"].offset == 230 and plan["d"].wall_id == "w1"


def test_an_opening_dragged_alone_slides_and_with_others_stays_on_its_wall():
    assert applied(move_selection(PLAN, ["d"], 20, 0))["d"].offset == 220
    plan = applied(move_selection(PLAN, ["d", "p"], 20, 0))
    assert plan["d"].offset == 200 and plan["p"].center == Point(120, 100)


def test_no_drag_and_a_nudge_of_openings_only_are_no_edits():
    assert move_selection(PLAN, ["p"], 0.0, 0.0) is None
    assert nudge(PLAN, ["d"], 1, 0) is None


def test_turning_turns_pieces_only_and_keeps_the_angle_in_range():
    plan = applied(turn(PLAN, ["p", "w1"], -90))
    assert plan["p"].rotation == 270 and plan["w1"] == PLAN["w1"]
    assert turn(PLAN, ["w1"], 90) is None


def test_a_click_snaps_to_the_nearest_wall_end_or_room_corner_else_the_grid():
    assert corner_near(PLAN, Point(397, 4), 6) == B
    assert corner_near(PLAN, Point(3, 297), 6) == Point(0, 300)
    assert corner_near(PLAN, Point(200, 150), 6) is None
    assert snapped(PLAN, Point(397, 4), 6, 10) == B
    assert snapped(PLAN, Point(397, 4), 6, 10, to_corners=False) == Point(400, 0)
    assert snapped(PLAN, Point(203, 147), 6, 10) == Point(200, 150)


@pytest.mark.parametrize("tolerance", [1.0, 4.0])
def test_the_nearest_corner_wins_within_the_tolerance(tolerance):
    plan = Plan(walls=(Wall("a", Point(0, 0), Point(100, 0)), Wall("b", Point(3, 0), Point(3, 90))))
    assert corner_near(plan, Point(2.5, 0), tolerance) == Point(3, 0)
