"""The reusable piece checker (`piece_check`), aimed at piece after piece, against a fresh one
on random plans."""

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hjem.floorplan.piece_check import PieceCheck, check_for
from hjem.floorplan.spots import with_piece
from hjem.floorplan.walkway import Walkway
from tests.floorplan.strategies import placements, plans, poses

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def described(conflicts):
    return [(c.kind.value, c.elements, c.message.texts()["da"]) for c in conflicts]


def targets(conflicts):
    return {c.elements[0] for c in conflicts}


@st.composite
def new_pieces(draw, plan):
    piece = draw(placements(plan, 99))
    return replace(piece, id="new")


@SETTINGS
@given(st.data())
def test_a_new_piece_is_checked_as_a_fresh_drag_check_would(data):
    plan = data.draw(plans(max_items=8))
    check = check_for(plan, None, Walkway(plan))
    for _ in range(2):  # one index, aimed at one piece after another
        piece = data.draw(new_pieces(plan))
        x, y, rotation = data.draw(poses(plan))
        check.aim(piece, with_piece(plan, piece))
        fresh = PieceCheck.of(with_piece(plan, piece), "new")
        expected = fresh.check((x, y), rotation)
        assert described(check.check((x, y), rotation)) == described(expected)
        assert check.is_free((x, y), rotation) == (expected == [])


@SETTINGS
@given(st.data())
def test_a_placement_of_the_plan_is_checked_as_a_fresh_drag_check_would(data):
    plan = data.draw(plans(max_items=8))
    moving = data.draw(st.sampled_from(plan.placements))
    resized = replace(moving, width=data.draw(st.floats(20, 220)).__round__(1))
    check = check_for(plan, moving.id, Walkway(plan))
    check.aim(resized, with_piece(plan, resized))
    x, y, rotation = data.draw(poses(plan))
    expected = PieceCheck.of(with_piece(plan, resized), moving.id).check((x, y), rotation)
    assert described(check.check((x, y), rotation)) == described(expected)
    assert check.is_free((x, y), rotation) == (expected == [])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_walkway_is_clear_exactly_when_the_piece_cuts_nothing_new_off(data):
    plan = data.draw(plans(max_items=6))
    piece = data.draw(new_pieces(plan))
    x, y, rotation = data.draw(poses(plan))
    check = check_for(plan, None, Walkway(plan))
    check.aim(piece, with_piece(plan, piece))
    before = targets(Walkway(plan).conflicts())
    after = targets(PieceCheck.of(with_piece(plan, piece), "new").walkway((x, y), rotation))
    assert check.walkway_clear((x, y), rotation) == (after <= before)
