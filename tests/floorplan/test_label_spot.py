"""A room's name goes in free floor nearest the room's middle: the fast search agrees with a
plain loop over the same candidate places, and on the samples every name is clear."""

import math

import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.label_spot import label_spot
from hjem.floorplan.shapes import footprints, room_polygon
from tests.conftest import ROOT

SIZE = (90.0, 36.0)
STEP = 10.0


def slow_label_spot(area, obstacles, size, step):
    """Every candidate box in turn, the clear one nearest the middle (None if none is clear)."""
    middle = area.centroid if area.contains(area.centroid) else area.representative_point()
    inner = area.buffer(-step / 2)
    w, h = size
    x0, y0, x1, y1 = inner.bounds
    best = None
    for y in np.arange(y0 + h / 2, y1 - h / 2 + 1e-6, step):
        for x in np.arange(x0 + w / 2, x1 - w / 2 + 1e-6, step):
            box = shapely.box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            if not inner.contains(box) or obstacles.intersects(box):
                continue
            distance = math.hypot(x - middle.x, y - middle.y)
            if best is None or distance < best[0]:
                best = (distance, (float(x), float(y)))
    return None if best is None else best[1]


boxes = st.tuples(st.floats(0, 500), st.floats(0, 400), st.floats(20, 200), st.floats(20, 150)).map(
    lambda b: shapely.box(b[0], b[1], b[0] + b[2], b[1] + b[3])
)


@settings(max_examples=60, deadline=None)
@given(st.floats(200, 700), st.floats(150, 500), st.lists(boxes, min_size=1, max_size=8))
def test_the_fast_search_finds_the_place_the_plain_loop_finds(width, depth, pieces):
    room = shapely.box(0, 0, width, depth)
    obstacles = shapely.union_all(pieces)
    spot, covered = label_spot(room, obstacles, SIZE, STEP)
    expected = slow_label_spot(room, obstacles, SIZE, STEP)
    if expected is None:
        assert covered > 0
    else:
        assert covered == 0 and spot == expected


def test_every_sample_rooms_name_is_clear_of_the_furniture():
    for name in ("2-vaerelser.hjem", "3-vaerelser.hjem"):
        plan = load_plan(ROOT / "assets" / "samples" / name)
        obstacles = shapely.union_all(footprints((*plan.placements, *plan.fixtures)))
        for room in plan.rooms:
            (x, y), covered = label_spot(room_polygon(room), obstacles, SIZE, STEP)
            box = shapely.box(x - 45, y - 18, x + 45, y + 18)
            assert covered == 0 and room_polygon(room).contains(box), room.id
            assert not obstacles.intersects(box), room.id
