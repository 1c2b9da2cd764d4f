"""The one opening geometry: leaves on the side they open to, glass where there is glass, and
the engine's swing zones built from the same leaves the drawings show."""

from __future__ import annotations

import math

import pytest
import shapely

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, OpeningKind, Wall
from hjem.floorplan.openings import door_leaves, opening_geometry
from hjem.floorplan.walls import door_swing, opening_rect

WALL = Wall("w", Point(0, 0), Point(400, 0), 12)


def door(**kw) -> Opening:
    return Opening("d", "w", kw.pop("kind", OpeningKind.DOOR), 200, kw.pop("width", 80), **kw)


@pytest.mark.parametrize(("opens_to", "face_y", "tip_y"), [("left", -6, -86), ("right", 6, 86)])
def test_a_leaf_hangs_on_the_face_it_opens_to_and_stands_square_when_open(opens_to, face_y, tip_y):
    (leaf,) = door_leaves(WALL, door(opens_to=opens_to))
    assert leaf.hinge == pytest.approx(Point(160, face_y))
    assert leaf.at(0) == pytest.approx(Point(240, face_y))  # closed: across the doorway
    assert leaf.open_tip == pytest.approx(Point(160, tip_y))
    assert leaf.arc()[0] == pytest.approx(leaf.at(0)) and leaf.arc()[-1] == leaf.open_tip


def test_the_hinge_jamb_decides_where_a_single_leaf_hangs():
    (leaf,) = door_leaves(WALL, door(hinge="end"))
    assert leaf.hinge.x == pytest.approx(240) and leaf.at(0).x == pytest.approx(160)


def test_a_double_door_has_two_half_leaves_meeting_in_the_middle():
    leaves = door_leaves(WALL, door(kind=OpeningKind.FRENCH_DOOR, width=120, leaves=2))
    assert [leaf.length for leaf in leaves] == [60, 60]
    assert leaves[0].at(0) == pytest.approx(Point(200, -6))
    assert leaves[1].at(0) == pytest.approx(Point(200, -6))


def test_a_window_and_an_open_passage_have_no_leaf():
    assert door_leaves(WALL, door(kind=OpeningKind.WINDOW)) == ()
    assert door_leaves(WALL, door(swing_angle=0.0)) == ()


def test_glass_runs_the_gap_s_length_inside_the_wall_for_windows_and_french_doors_only():
    for kind, panes in (
        (OpeningKind.WINDOW, 2),
        (OpeningKind.FRENCH_DOOR, 2),
        (OpeningKind.DOOR, 0),
    ):
        geometry = opening_geometry(WALL, door(kind=kind))
        assert len(geometry.glass) == panes
        for a, b in geometry.glass:
            assert math.dist(a, b) == pytest.approx(80) and abs(a.y) < 6


def test_the_gap_is_the_hole_the_engine_cuts():
    geometry = opening_geometry(WALL, door())
    assert shapely.Polygon(geometry.gap).equals(opening_rect(WALL, door()))


@pytest.mark.parametrize("leaves", [1, 2])
def test_the_engine_s_swing_zone_is_built_from_the_drawn_leaves(leaves):
    opening = door(kind=OpeningKind.FRENCH_DOOR, width=120, leaves=leaves)
    zone = door_swing(WALL, opening)
    for leaf in door_leaves(WALL, opening):
        for point in (leaf.hinge, leaf.open_tip, leaf.at(0)):
            assert zone.distance(shapely.Point(point)) < 1e-6
        # The middle of the drawn arc lies on the zone's edge (within the engine's coarser arc).
        middle = shapely.Point(leaf.at(leaf.angle / 2))
        assert zone.buffer(0.5).contains(middle) and not zone.buffer(-0.5).contains(middle)
