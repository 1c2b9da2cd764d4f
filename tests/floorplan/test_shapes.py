"""Derived geometry: clean wall corners, door swings, areas."""

import math

import pytest
import shapely

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, OpeningKind, Wall
from hjem.floorplan.shapes import net_area_m2
from hjem.floorplan.walls import door_swing, wall_outlines
from tests.floorplan.plans import row_plan


@pytest.mark.parametrize("thickness", [10.0, 12.0, 30.0])
def test_walls_meeting_at_a_corner_join_without_a_notch_or_overlap(thickness):
    h = thickness / 2
    walls = [
        Wall("a", Point(0, 0), Point(400, 0), thickness),
        Wall("b", Point(400, 0), Point(400, 300), thickness),
    ]
    outlines = wall_outlines(walls)
    exact_l = shapely.Polygon(
        [(0, -h), (400 + h, -h), (400 + h, 300), (400 - h, 300), (400 - h, h), (0, h)]
    )
    union = shapely.union_all(list(outlines.values()))
    assert union.symmetric_difference(exact_l).area < 1e-6
    assert outlines["a"].intersection(outlines["b"]).area < 1e-6


def test_walls_meeting_at_an_odd_angle_are_mitred():
    walls = [
        Wall("a", Point(0, 0), Point(300, 0), 12),
        Wall("b", Point(300, 0), Point(400, 200), 12),
    ]
    outlines = wall_outlines(walls)
    union = shapely.union_all(list(outlines.values()))
    assert union.geom_type == "Polygon" and not union.interiors
    assert outlines["a"].intersection(outlines["b"]).area < 1e-6


def test_a_door_swing_is_a_quarter_circle_plus_the_doorway():
    wall = Wall("w", Point(0, 0), Point(400, 0), 12)
    door = Opening("d", "w", OpeningKind.DOOR, 200, 80, opens_to="right")
    area = door_swing(wall, door).area
    assert area == pytest.approx(math.pi * 80**2 / 4 + 80 * 12, rel=0.01)
    assert door_swing(wall, door).bounds[3] == pytest.approx(
        6 + 80, abs=0.01
    )  # swings down ("right")


def test_a_double_door_sweeps_two_half_leaves():
    wall = Wall("w", Point(0, 0), Point(400, 0), 12)
    door = Opening("d", "w", OpeningKind.FRENCH_DOOR, 200, 120, leaves=2)
    assert door_swing(wall, door).area == pytest.approx(
        2 * math.pi * 60**2 / 4 + 120 * 12, rel=0.01
    )


def test_an_open_passage_has_no_swing_beyond_the_doorway():
    wall = Wall("w", Point(0, 0), Point(400, 0), 12)
    passage = Opening("d", "w", OpeningKind.DOOR, 200, 100, swing_angle=0.0)
    assert door_swing(wall, passage).area == pytest.approx(100 * 12)


def test_net_area_is_the_floor_inside_the_walls():
    plan = row_plan(widths=(400, 300), depth=300)
    assert net_area_m2(plan, plan.rooms[0]) == pytest.approx(12.0, abs=0.01)
    assert net_area_m2(plan, plan.rooms[1]) == pytest.approx(9.0, abs=0.01)
