"""Files the fuzzer (tests/fuzz) found ending in a traceback: each now ends in one clear
message. The name of each test says the mutation; its comment, the seed and file."""

import json

import pytest

from hjem.floorplan.codec import plan_to_json
from tests.floorplan.plans import furnished, piece, row_plan
from tests.floorplan.test_hostile_values import refused, with_plan_json


def sample_json() -> dict:
    return plan_to_json(furnished(row_plan(), piece("p1", "sofa", (200, 90, 80), 200, 150)))


@pytest.mark.parametrize("polygon", [[], [[0, 0]], [[0, 0], [100, 0]]])
def test_a_room_with_no_corners_is_refused(polygon):
    # Seed 2, file 229: an empty polygon's area was computed (IndexError) before its corners
    # were counted.
    raw = sample_json()
    raw["rooms"][0]["polygon"] = polygon
    assert refused(with_plan_json(json.dumps(raw))) == "error.room_polygon"
