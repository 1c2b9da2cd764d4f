"""Mutated Sweet Home 3D homes (numbers swapped for odd ones, characters changed): each is
either refused with a HomeFileError or imported as a plan hjem's own reader accepts; never
anything else. The seed is the date, or HJEM_FUZZ_SEED; it is in the failure message."""

import datetime as dt
import math
import os
import random
import re

from hjem.floorplan.codec import plan_from_json, plan_to_json
from hjem.floorplan.sh3d import HomeFileError, import_home
from tests.floorplan.sh3d.homes import (
    box_walls,
    door,
    element,
    home_xml,
    piece,
    room,
    sash,
    sh3d_bytes,
    wall,
)

ODD = ("NaN", "-1", "0", "1e30", "inf", "", "<", "&amp;", "9999999", "-0", "1e-30", "6.3")
NUMBER = re.compile(r'"(-?[0-9.e]+)"')
LEAVES = [sash(0, 1, 0.5, 0, math.pi / 2), sash(1, 1, 0.5, math.pi, math.pi / 2)]
HOME = home_xml(
    *box_walls(),
    wall("r", (0, 0), (300, 300), arcExtent=1.2),
    room("Stue", [(10, 10), (590, 10), (590, 390), (10, 390)]),
    door("Door", 300, 0),
    door("Double", 0, 200, math.pi / 2, width=140, sashes=LEAVES),
    piece("Sofa", 300, 200, 200, 90, 80),
    element(
        "furnitureGroup",
        piece("Chair", 100, 100) + piece("Lamp", 1, 1, tag="light"),
        name="g",
        x=1,
        y=1,
        width=1,
        depth=1,
        height=1,
    ),
)


def mutated(rng: random.Random) -> str:
    text = HOME
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.6:
            found = rng.choice(list(NUMBER.finditer(text)))
            text = text[: found.start(1)] + rng.choice(ODD) + text[found.end(1) :]
        else:
            at = rng.randrange(len(text))
            text = text[:at] + chr(rng.randrange(32, 127)) + text[at + 1 :]
    return text


def test_mutated_homes_are_refused_or_imported_as_valid_plans(tmp_path):
    seed = int(os.environ.get("HJEM_FUZZ_SEED", dt.date.today().strftime("%Y%m%d")))
    rng = random.Random(seed)
    path = tmp_path / "home.sh3d"
    for number in range(int(os.environ.get("HJEM_FUZZ_FILES", "200"))):
        path.write_bytes(sh3d_bytes(mutated(rng)))
        try:
            plan = import_home(path).plan
        except HomeFileError:
            continue
        again, _ = plan_from_json(plan_to_json(plan))
        assert again == plan, f"seed {seed}, file {number}"
