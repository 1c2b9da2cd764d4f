"""Magnetism: pieces settle against walls and beside other furniture, within reach only."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hjem.floorplan.geometry import Point
from hjem.floorplan.magnet import Magnet
from hjem.floorplan.report import full_report
from tests.floorplan.plans import furnished, piece, row_plan

ROOM = row_plan(widths=(400,), depth=300, window_sill=None)  # inner faces x 0..400, y 0..300
WARDROBE = piece("w", "klaedeskab", (100, 60, 200), 200, 150)
REACH = 15.0


def settle(plan, item, x, y, rotation):
    return Magnet.of(plan, item.id).settle(item, Point(x, y), rotation, REACH)


def test_a_piece_near_the_bottom_wall_turns_its_back_to_it_and_stands_against_it():
    moved = settle(ROOM, WARDROBE, 200, 262, 160)  # back (local -y) roughly towards +y
    assert moved.rotation == pytest.approx(180)
    assert moved.center.y == pytest.approx(300 - 30)  # back flush with the wall face
    assert moved.center.x == pytest.approx(200)


def test_a_piece_sideways_to_a_wall_keeps_its_orientation_and_moves_up_to_it():
    bed = piece("b", "seng", (90, 200, 50), 60, 150)  # long side along the left wall
    moved = settle(ROOM, bed, 52, 150, 0)
    assert moved.rotation == pytest.approx(0)
    assert moved.center.x == pytest.approx(45)


def test_near_a_corner_the_piece_slides_into_it():
    moved = settle(ROOM, WARDROBE, 62, 38, 3)  # near the top-left corner, back to the top
    assert moved.rotation == pytest.approx(0)
    assert (moved.center.x, moved.center.y) == pytest.approx((50, 30))


def test_a_piece_out_of_reach_stays_where_it_is_put():
    moved = settle(ROOM, WARDROBE, 200, 150, 17)
    assert (moved.center, moved.rotation) == (Point(200, 150), 17)


def test_a_piece_beside_another_stands_against_it_without_overlapping():
    dresser = piece("d", "kommode", (80, 45, 90), 300, 22.5, 0)
    plan = furnished(ROOM, dresser, WARDROBE)
    moved = settle(plan, WARDROBE, 300 - 40 - 50 + 8, 35, 0)  # 8 cm into the dresser
    assert moved.center.x == pytest.approx(210)  # touching the dresser's left side
    assert moved.center.y == pytest.approx(30)  # and back to the wall
    after = furnished(ROOM, dresser, moved)
    assert not [c for c in full_report(after) if c.kind.value in ("overlap", "wall")]


def test_the_entrance_doorway_is_no_wall_to_stand_against():
    # The entrance is 90 cm wide, centred 300 cm along the top wall: no face there.
    magnet = Magnet.of(ROOM)
    on_top = (abs(magnet.faces.starts[:, 1] - 0) < 0.01) & magnet.faces.is_wall
    covered = sorted(
        (min(a, a + d * n), max(a, a + d * n))
        for a, d, n in zip(
            magnet.faces.starts[on_top, 0],
            magnet.faces.directions[on_top, 0],
            magnet.faces.lengths[on_top],
            strict=True,
        )
    )
    assert not any(a < 300 < b for a, b in covered)


@given(
    x=st.floats(-50, 450),
    y=st.floats(-50, 350),
    rotation=st.floats(0, 359),
)
def test_magnetism_never_carries_a_piece_further_than_its_reach(x, y, rotation):
    moved = settle(ROOM, WARDROBE, x, y, rotation)
    # At most two pushes (against a face, then into a corner), each within reach.
    assert math.dist(moved.center, (x, y)) <= 2 * REACH + 1e-6
    assert 0 <= moved.rotation < 360


def test_a_piece_brought_front_first_to_a_wall_turns_round():
    moved = settle(ROOM, WARDROBE, 200, 262, 10)  # front (local +y) towards the bottom wall
    assert moved.rotation == pytest.approx(180)
    assert moved.center.y == pytest.approx(270)
