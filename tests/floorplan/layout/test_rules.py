"""Each soft rule on its own: a room 400 × 400 cm with the entrance in its top wall (x 255–345)
and a window in its bottom wall (x 140–260)."""

from __future__ import annotations

import pytest

from hjem.floorplan.geometry import Point
from hjem.floorplan.layout import rules
from hjem.floorplan.layout.room_view import RoomView
from hjem.floorplan.model import Placement, RoomKind
from tests.floorplan.plans import row_plan

W = D = 400.0
TOP, RIGHT, BOTTOM, LEFT = 0.0, 90.0, 180.0, 270.0  # rotations: the back to that wall


@pytest.fixture(scope="module")
def view() -> RoomView:
    plan = row_plan(widths=(W,), depth=D, kinds=(RoomKind.STUE,), entrance_at=300.0)
    return RoomView(plan, plan.rooms[0])


@pytest.fixture(scope="module")
def windowless() -> RoomView:
    plan = row_plan(widths=(W,), depth=D, window_sill=None, entrance_at=300.0)
    return RoomView(plan, plan.rooms[0])


def piece(category, w, d, x, y, rotation=0.0, h=80.0, **kw) -> Placement:
    return Placement(category, category, category, w, d, h, Point(x, y), rotation, **kw)


def against(wall: float, category: str, w: float, d: float, at: float, h: float = 80.0):
    """The piece with its back flush to a wall, its centre `at` cm along it."""
    x, y = {TOP: (at, d / 2), BOTTOM: (at, D - d / 2), LEFT: (d / 2, at), RIGHT: (W - d / 2, at)}[
        wall
    ]
    return piece(category, w, d, x, y, wall, h)


def test_the_room_knows_its_door_and_window(view):
    assert [(round(g.lo), round(g.hi)) for g in view.doors] == [(255, 345)]
    assert [(round(g.lo), round(g.hi)) for g in view.windows] == [(140, 260)]


def test_back_to_wall(view):
    assert rules.back_to_wall(view, against(TOP, "sofa", 200, 90, 150), []) == 1.0
    assert rules.back_to_wall(view, against(LEFT, "reol", 100, 35, 200), []) == 1.0
    assert rules.back_to_wall(view, piece("sofa", 200, 90, 200, 150), []) == 0.0
    # Against the wall, but with its side to it: not its back.
    assert rules.back_to_wall(view, piece("sofa", 200, 90, 200, 100, RIGHT), []) == 0.0


def test_a_beds_head_to_a_wall(view):
    assert rules.bed_head_to_wall(view, against(LEFT, "seng", 140, 200, 200), []) == 1.0
    assert rules.bed_head_to_wall(view, piece("seng", 140, 200, 200, 200), []) == 0.0


def test_a_bed_not_under_a_window(view):
    under = against(BOTTOM, "seng", 140, 200, 200)
    beside = against(BOTTOM, "seng", 140, 200, 70)  # x 0–140, the window begins at 140
    assert rules.bed_not_under_window(view, under, []) == 0.0
    assert rules.bed_not_under_window(view, beside, []) == 1.0


def test_a_bed_not_in_line_with_the_door(view):
    facing_door = against(BOTTOM, "seng", 140, 200, 300)
    aside = against(LEFT, "seng", 140, 200, 300)  # x 0–200 along the top wall: clear of 255
    assert rules.bed_out_of_door_line(view, facing_door, []) == 0.0
    assert rules.bed_out_of_door_line(view, aside, []) == 1.0


def test_a_bedside_table_beside_the_beds_head(view):
    bed = against(TOP, "seng", 140, 200, 150)
    slots = rules.bedside_slots(bed, piece("natbord", 45, 40, 0, 0))
    assert [(round(p.x, 1), round(p.y, 1)) for p in slots] == [(56.5, 20.0), (243.5, 20.0)]
    at_head = piece("natbord", 45, 40, *slots[1])
    at_foot = piece("natbord", 45, 40, 242.5, 190.0)
    assert rules.bedside_by_bed(view, at_head, [bed]) == 1.0
    assert rules.bedside_by_bed(view, at_foot, [bed]) == 0.0
    assert rules.bedside_by_bed(view, at_head, []) is None  # no bed: nothing to say


def test_a_coffee_table_in_front_of_the_sofa_within_reach(view):
    sofa = against(TOP, "sofa", 200, 90, 200)

    def table_at(gap, x=200.0):
        return piece("sofabord", 110, 60, x, 90 + gap + 30, h=45)

    assert rules.coffee_table_before_sofa(view, table_at(45), [sofa]) == 1.0
    assert rules.coffee_table_before_sofa(view, table_at(50), [sofa]) == 1.0
    assert rules.coffee_table_before_sofa(view, table_at(20), [sofa]) == pytest.approx(0.5)
    assert rules.coffee_table_before_sofa(view, table_at(100), [sofa]) == 0.0
    assert rules.coffee_table_before_sofa(view, table_at(45, x=380), [sofa]) < 0.5
    assert rules.coffee_table_before_sofa(view, table_at(45), []) is None


def test_chairs_at_the_table_facing_it(view):
    table = piece("spisebord", 120, 80, 200, 200, h=75)
    pushed_in = piece("stol", 45, 45, 200, 240 + 5, BOTTOM)  # front towards the table
    turned_away = piece("stol", 45, 45, 200, 245, TOP)
    by_the_wall = against(LEFT, "stol", 45, 45, 100)
    assert rules.chairs_at_table(view, pushed_in, [table]) == 1.0
    assert rules.chairs_at_table(view, turned_away, [table]) == 0.0
    assert rules.chairs_at_table(view, by_the_wall, [table]) == 0.0
    assert rules.chairs_at_table(view, pushed_in, []) is None


def test_a_desk_by_the_window_with_the_light_from_the_side(view, windowless):
    side = piece("skrivebord", 120, 60, 30, 330, LEFT, h=75)  # faces +x, the window to its side
    facing = piece("skrivebord", 120, 60, 200, 300, TOP, h=75)  # faces +y: the window ahead
    far = against(TOP, "skrivebord", 120, 60, 60, h=75)
    assert rules.desk_light_from_side(view, side, []) == 1.0
    assert rules.desk_light_from_side(view, side, []) > rules.desk_light_from_side(view, facing, [])
    assert rules.desk_light_from_side(view, facing, []) > rules.desk_light_from_side(view, far, [])
    assert rules.desk_light_from_side(windowless, side, []) is None


def test_a_wardrobes_doors_can_open(view):
    wardrobe = against(TOP, "klaedeskab", 100, 60, 100, h=200)
    assert rules.doors_can_open(view, wardrobe, []) == 1.0
    table_in_front = piece("spisebord", 120, 80, 100, 60 + 50 + 40, h=75)
    assert rules.doors_can_open(view, wardrobe, [table_in_front]) == pytest.approx(0.5)
    aside = piece("spisebord", 120, 80, 300, 150, h=75)
    assert rules.doors_can_open(view, wardrobe, [aside]) == 1.0


def test_tall_pieces_clear_of_the_windows(view):
    before = against(BOTTOM, "reol", 100, 35, 200, h=190)
    next_to = against(BOTTOM, "reol", 100, 35, 140 - 50 - 25, h=190)  # 25 cm from the window
    away = against(LEFT, "reol", 100, 35, 300, h=190)
    assert rules.tall_clear_of_windows(view, before, []) == 0.0
    assert rules.tall_clear_of_windows(view, next_to, []) == pytest.approx(0.5)
    assert rules.tall_clear_of_windows(view, away, []) == 1.0


def test_nothing_in_the_way_from_the_door_to_the_window(view, windowless):
    in_the_way = piece("kommode", 80, 45, 250, 200)
    in_a_corner = against(LEFT, "kommode", 80, 45, 60)
    assert rules.keeps_door_to_window(view, in_the_way, []) == 0.0
    assert rules.keeps_door_to_window(view, in_a_corner, []) == 1.0
    assert rules.keeps_door_to_window(windowless, in_the_way, []) == 1.0


def test_square_to_the_walls(view):
    assert rules.square_to_walls(view, piece("sofa", 200, 90, 200, 200, 90.0), []) == 1.0
    assert rules.square_to_walls(view, piece("sofa", 200, 90, 200, 200, 30.0), []) == 0.0


def test_balance(view):
    corner = [piece("klaedeskab", 100, 60, 50, 30), piece("reol", 100, 35, 30, 100)]
    spread = [piece("klaedeskab", 100, 60, 50, 30), piece("klaedeskab", 100, 60, 350, 370)]
    assert rules.balance(view, spread) == pytest.approx(1.0)
    assert rules.balance(view, corner) < 0.5
    assert rules.balance(view, [piece("taeppe", 200, 140, 50, 50, floor_flat=True)]) is None


def test_the_score_shares_each_rules_weight_and_counts_a_piece_left_out_as_nothing(view):
    sofa = against(TOP, "sofa", 200, 90, 200)
    shelf = against(LEFT, "reol", 100, 35, 300, h=190)
    total, reasons = rules.score(view, [sofa, shelf])
    shares = dict(reasons)
    assert shares["back_to_wall"] == 3.0  # both backs to a wall: the whole weight
    assert total == pytest.approx(sum(shares.values()))
    _, without_shelf = rules.score(view, [sofa], left_out=[shelf])
    assert dict(without_shelf)["back_to_wall"] == 1.5  # the shelf left out counts 0


def test_a_poses_value_is_what_it_adds_to_the_score(view):
    sofa = against(TOP, "sofa", 200, 90, 200)
    shelf = against(LEFT, "reol", 100, 35, 300, h=190)
    judged = rules.judged_counts([sofa, shelf])
    value = rules.piece_values(view, [shelf], [sofa], judged)[0]
    with_shelf, _ = rules.score(view, [sofa, shelf])
    sofa_alone = sum(
        r.weight * (r.term(view, sofa, [shelf]) or 0.0) / judged[r.key]
        for r in rules.piece_rules_for(sofa)
    )
    balance = rules.balance(view, [sofa, shelf]) or 0.0
    assert with_shelf == pytest.approx(sofa_alone + value + balance)
