"""What *Hvad passer her?* suggests (issue 11, point 17): floor furniture that belongs in the
kind of room, never pans, towels or a sofa in the bathroom."""

from dataclasses import replace

import pytest

from hjem.floorplan.categories import CATEGORIES
from hjem.floorplan.fits import Area, Candidate, WallStretch, suggestions, what_fits
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import RoomKind
from hjem.floorplan.room_use import BELONGS_IN, FLOOR_STANDING, belongs_in, stands_on_floor
from hjem.inventory.demo_pieces import PIECES
from tests.conftest import ROOT
from tests.floorplan.plans import row_plan

SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"
# Every piece of the demo inventory, as "what fits" is asked about it.
DEMO = [Candidate(f"k{i}", p.category, *p.size, label=p.name) for i, p in enumerate(PIECES)]
BEDROOM_LEFT_WALL = WallStretch(Point(506, 40), Point(506, 420))  # sample room r2


def test_every_kind_of_room_has_its_furniture_and_every_category_is_known():
    assert set(BELONGS_IN) == set(RoomKind)
    for kind, categories in BELONGS_IN.items():
        assert categories <= FLOOR_STANDING, kind
    assert set(CATEGORIES) >= FLOOR_STANDING
    for category in ("koekkenudstyr", "tekstiler", "legetoej", "andet"):
        assert not stands_on_floor(category, 50)


def test_along_a_bedroom_wall_every_suggestion_is_bedroom_furniture_on_the_floor():
    plan = replace(load_plan(SAMPLE), placements=())  # the apartment before it is furnished
    assert plan["r2"].kind is RoomKind.SOVEVAERELSE
    # The wall has room for pans, towels, a vacuum cleaner and toys ...
    anything = {f.candidate.category for f in what_fits(plan, BEDROOM_LEFT_WALL, DEMO)}
    assert anything & {"koekkenudstyr", "tekstiler", "andet", "legetoej"}
    # ... but only what belongs in a bedroom and stands on the floor is suggested.
    suggested = suggestions(plan, BEDROOM_LEFT_WALL, DEMO)
    categories = {f.candidate.category for f in suggested}
    assert {"seng", "klaedeskab", "kommode"} <= categories
    assert categories <= BELONGS_IN[RoomKind.SOVEVAERELSE] & FLOOR_STANDING
    assert "sofa" not in categories
    for fit in suggested:
        assert stands_on_floor(fit.candidate.category, fit.candidate.height)


@pytest.mark.parametrize(
    "region",
    [
        WallStretch(Point(0, 300), Point(400, 300)),
        Area((Point(20, 20), Point(380, 20), Point(380, 280), Point(20, 280))),
    ],
)
def test_a_sofa_is_not_suggested_in_a_bathroom(region):
    sofa = Candidate("sofa", "sofa", 200, 90, 80)
    washer = Candidate("washer", "vaskemaskine", 60, 60, 85)
    bathroom = row_plan(kinds=(RoomKind.BAD,), window_sill=None)
    assert {f.candidate.key for f in what_fits(bathroom, region, [sofa, washer])} == {
        "sofa",
        "washer",
    }
    assert [f.candidate.key for f in suggestions(bathroom, region, [sofa, washer])] == ["washer"]


def test_a_table_lamp_is_not_floor_furniture_but_a_floor_lamp_is():
    assert not belongs_in(RoomKind.STUE, "lampe", 45, along_wall=True)
    assert belongs_in(RoomKind.STUE, "lampe", 160, along_wall=True)


def test_a_rug_is_suggested_for_free_floor_but_not_along_a_wall():
    assert belongs_in(RoomKind.STUE, "taeppe", 1, along_wall=False)
    assert not belongs_in(RoomKind.STUE, "taeppe", 1, along_wall=True)
