"""The fast paths against their slow, obvious twin (hjem.floorplan.reference) on random plans."""

import math
from dataclasses import replace

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hjem.floorplan.conflicts import sorted_conflicts
from hjem.floorplan.geometry import Point
from hjem.floorplan.piece_check import PieceCheck
from hjem.floorplan.reference import LiteralWalkway, NaiveDrag, naive_report
from hjem.floorplan.report import full_report
from hjem.floorplan.walkway import HALF, QUAD_SEGS, Walkway
from tests.floorplan.strategies import plans, poses

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def described(conflicts):
    return [(c.kind.value, c.elements, c.message.texts()["da"], c.where) for c in conflicts]


@SETTINGS
@given(plans())
def test_the_full_report_equals_the_pairwise_loop(plan):
    event(f"conflicts: {min(len(full_report(plan, walkway=False)), 5)}+")
    assert described(full_report(plan, walkway=False)) == described(
        naive_report(plan, walkway=False)
    )


@SETTINGS
@given(st.data())
def test_a_drag_step_equals_the_pairwise_loop(data):
    plan = data.draw(plans())
    piece = data.draw(st.sampled_from(plan.placements))
    fast, naive = PieceCheck.of(plan, piece.id), NaiveDrag(plan, piece.id)
    for _ in range(3):
        x, y, rotation = data.draw(poses(plan))
        assert described(fast.check((x, y), rotation)) == described(naive.check((x, y), rotation))


@SETTINGS
@given(st.data())
def test_a_drag_step_equals_the_full_reports_conflicts_of_that_piece(data):
    plan = data.draw(plans())
    piece = data.draw(st.sampled_from(plan.placements))
    x, y, rotation = data.draw(poses(plan))
    placements = tuple(
        p.moved_to(Point(x, y), rotation) if p.id == piece.id else p for p in plan.placements
    )
    report = full_report(replace(plan, placements=placements), walkway=False)
    expected = [c for c in report if piece.id in c.elements]
    assert described(PieceCheck.of(plan, piece.id).check((x, y), rotation)) == described(expected)


def _walkway(check):
    return [(c.kind.value, c.elements) for c in check.conflicts()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(max_items=8))
def test_the_walkway_equals_shrinking_the_free_floor_literally(plan):
    # Where a passage is within a centimetre or two of 80 cm, the two ways of approximating a
    # round walker may disagree; compare only plans whose answer is clear either side of 80.
    narrower, wider = _walkway(LiteralWalkway(plan, 77.0)), _walkway(LiteralWalkway(plan, 83.0))
    if narrower != wider:
        event("borderline plan: not compared")
        return
    literal = _walkway(LiteralWalkway(plan))
    event(f"walkway conflicts: {min(len(literal), 2)}+")
    assert _walkway(Walkway(plan)) == literal


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_walkway_at_a_drags_end_equals_checking_the_moved_plan(data):
    plan = data.draw(plans(max_items=8))
    piece = data.draw(st.sampled_from(plan.placements))
    x, y, rotation = data.draw(poses(plan))
    placements = tuple(
        p.moved_to(Point(x, y), rotation) if p.id == piece.id else p for p in plan.placements
    )
    after = replace(plan, placements=placements)
    expected = [(c.kind.value, c.elements) for c in sorted_conflicts(Walkway(after).conflicts())]
    assert [
        (c.kind.value, c.elements) for c in PieceCheck.of(plan, piece.id).walkway((x, y), rotation)
    ] == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_the_literal_walkway_floor_on_a_given_floor_is_the_floor_with_every_piece(plan):
    # What a drag does: the floor with the others taken away once, then the moving piece.
    walkway = LiteralWalkway(plan)
    others, moving = list(plan.placements[:-1]), list(plan.placements[-1:])
    in_two_steps = walkway.floor_with(moving, base=walkway.floor_with(others))
    at_once = walkway.floor_with(list(plan.placements))
    # The two orders round the moving piece's four grown corners differently: each quarter
    # circle is drawn with QUAD_SEGS chords, which miss at most this much of its area.
    chord_shortfall = HALF**2 * (math.pi / 4 - QUAD_SEGS / 2 * math.sin(math.pi / (2 * QUAD_SEGS)))
    assert in_two_steps.symmetric_difference(at_once).area <= 4 * chord_shortfall + 0.01  # cm²
