"""Files the fuzzer (tests/fuzz) found ending in a traceback: each now ends in one clear
message. The name of each test says the mutation; its comment, the seed and file."""

import json

import pytest

from hjem.floorplan.codec import plan_to_json
from hjem.floorplan.hjemfile import plan_bytes
from tests.floorplan.plans import furnished, piece, row_plan
from tests.floorplan.test_hostile_values import refused, with_plan_json


def sample():
    return furnished(row_plan(), piece("p1", "sofa", (200, 90, 80), 200, 150))


def sample_json() -> dict:
    return plan_to_json(sample())


@pytest.mark.parametrize("polygon", [[], [[0, 0]], [[0, 0], [100, 0]]])
def test_a_room_with_no_corners_is_refused(polygon):
    # Seed 2, file 229: an empty polygon's area was computed (IndexError) before its corners
    # were counted.
    raw = sample_json()
    raw["rooms"][0]["polygon"] = polygon
    assert refused(with_plan_json(json.dumps(raw))) == "error.room_polygon"


@pytest.mark.parametrize("method", [12, 14], ids=["bzip2", "lzma"])
def test_a_member_said_to_be_bzip2_or_lzma_but_deflated_is_damaged(method):
    # Seed 3, file 214: plan.json's method changed to bzip2 (12) in the central directory;
    # bz2 raised OSError("Invalid data stream") and lzma its own LZMAError, neither caught.
    data = bytearray(plan_bytes(sample()))
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        data[at + offset : at + offset + 2] = method.to_bytes(2, "little")
    assert refused(bytes(data)) == "file.damaged"
