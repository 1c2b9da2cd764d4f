"""The engine's side of a drag: one call per step, the guides, the walkway at release."""

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hjem.floorplan.commands import ReplaceElement
from hjem.floorplan.drag import Drag
from hjem.floorplan.geometry import Point
from hjem.floorplan.magnet import Magnet
from hjem.floorplan.piece_check import PieceCheck
from hjem.floorplan.walkway import Walkway
from tests.floorplan.plans import furnished, piece, row_plan
from tests.floorplan.strategies import plans, poses

# One room, x 0..400, y 0..300: the entrance door (x 255..345) swings into it from the top.
PLAN = furnished(
    row_plan(widths=(400,), window_sill=None),
    piece("k", "kommode", (80, 45, 90), 150, 200),
    piece("w", "klaedeskab", (100, 60, 200), 300, 270, 180),  # facing up, into the room
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_step_settles_the_piece_as_the_magnet_does_and_checks_it_there(data):
    plan = data.draw(plans(max_items=8))
    moving = data.draw(st.sampled_from(plan.placements))
    x, y, rotation = data.draw(poses(plan))
    reach = data.draw(st.sampled_from([None, 14.0]))
    step = Drag(plan, moving.id).step(Point(x, y), rotation, reach)
    if reach is None:
        expected = moving.moved_to(Point(x, y), rotation)
    else:
        expected = Magnet.of(plan, moving.id).settle(moving, Point(x, y), rotation, reach)
    assert step.pose == expected
    assert step.conflicts == PieceCheck.of(plan, moving.id).check(
        expected.center, expected.rotation
    )


def test_the_guides_are_the_door_swings_and_the_others_free_floor_as_polygons():
    guides = Drag(PLAN, "k").guides()
    assert len(guides.swings) == 1 and guides.swings[0].geom_type == "Polygon"
    assert guides.swings[0].intersects(shapely.Point(300, 40))  # in front of the entrance
    # The wardrobe's free floor is a guide; the moving commode's own is not.
    # (as deep as its two 50 cm doors are wide)
    assert [zone.bounds for zone in guides.free_floor] == [(250.5, 190.5, 349.5, 239.5)]


def test_the_guides_can_be_limited_to_what_the_view_shows():
    guides = Drag(PLAN, "k").guides(within=(0.0, 150.0, 120.0, 300.0))  # the bottom-left
    assert guides.swings == [] and guides.free_floor == []


def test_the_walkway_at_release_is_the_stored_plans_and_only_that_plans():
    drag = Drag(PLAN, "k")
    pose = drag.step(Point(300, 60), 0.0).pose  # into the entrance's swing
    checked = drag.walkway(pose)
    stored, _ = ReplaceElement(pose).apply(PLAN)
    assert checked.holds_for(stored) and checked.conflicts  # the way in is blocked
    assert [c.elements for c in checked.conflicts] == [
        c.elements for c in Walkway(stored).conflicts()
    ]
    elsewhere, _ = ReplaceElement(pose.moved_to(Point(310, 60))).apply(PLAN)
    assert not checked.holds_for(elsewhere)
    assert not checked.holds_for(PLAN)


def test_a_drag_of_an_unknown_piece_is_refused():
    with pytest.raises(KeyError):
        Drag(PLAN, "nothing")
