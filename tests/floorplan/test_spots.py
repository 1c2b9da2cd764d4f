"""Find a spot: on the sample apartments and small rooms, checked against the full report."""

import math
from dataclasses import replace

import pytest
import shapely
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hjem.floorplan.categories import TYPICAL_PIECES
from hjem.floorplan.geometry import Point, rect_corners
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Placement, RoomKind
from hjem.floorplan.report import full_report
from hjem.floorplan.shapes import room_polygon
from hjem.floorplan.spots import SpotFinder, find_spot, with_piece
from hjem.floorplan.wall_runs import turns_for
from tests.conftest import ROOT
from tests.floorplan.plans import row_plan

SAMPLES = ROOT / "assets" / "samples"
PIECES = TYPICAL_PIECES
HABITABLE = {RoomKind.STUE, RoomKind.SOVEVAERELSE, RoomKind.BOERNEVAERELSE, RoomKind.KOEKKEN}


def new_piece(category, width, depth, height, id_="new"):
    return Placement(id_, category, category, width, depth, height, Point(0.0, 0.0))


def conflicts(plan):
    return {(c.kind.value, c.elements) for c in full_report(plan)}


def assert_valid(plan, placed):
    """Added (or moved), the piece brings no conflict, and none involves it."""
    before = conflicts(plan)
    after = conflicts(with_piece(plan, placed))
    assert after - before == set()
    assert not [c for c in after if placed.id in c[1]]


def sides_on_outline(placed, room):
    """How far each side of the footprint lies from the room's outline (its farther corner)."""
    outline = room_polygon(room).exterior
    corners = rect_corners(placed.center, placed.width, placed.depth, placed.rotation)
    pairs = [(corners[i], corners[(i + 1) % 4]) for i in range(4)]  # back, right, front, left
    return [max(outline.distance(shapely.Point(p)) for p in pair) for pair in pairs]


@pytest.fixture(scope="module", params=["2-vaerelser", "3-vaerelser"])
def sample(request):
    plan = load_plan(SAMPLES / f"{request.param}.hjem")
    return plan, SpotFinder(plan)


@pytest.mark.parametrize("piece", PIECES, ids=lambda p: f"{p[0]}-{p[1]}x{p[2]}")
def test_every_spot_found_in_the_samples_is_valid_and_against_a_wall(sample, piece):
    plan, finder = sample
    for room in plan.rooms:
        spot = finder.find(new_piece(*piece), room.id)
        if not spot.found:
            assert spot.reason is not None
            continue
        placed = spot.placement
        assert_valid(plan, placed)
        sides = sides_on_outline(placed, room)
        if turns_for(placed) == (0.0,):
            assert sides[0] < 1.0, "the back (a bed's head) stands against the wall"
        else:  # a dining table: its back, or a short end when it must seat more
            assert min(sides[0], sides[1], sides[3]) < 1.0, "it stands against the wall"


def test_small_pieces_find_a_spot_in_every_habitable_room(sample):
    plan, finder = sample
    for room in (r for r in plan.rooms if r.kind in HABITABLE):
        for piece in [("kommode", 80, 45, 80), ("reol", 80, 30, 190)]:
            assert finder.find(new_piece(*piece), room.id).found, (room.id, piece)


def test_a_bed_and_a_wardrobe_fit_the_empty_bedroom():
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    others = [p for p in plan.placements if not 500 < p.center.x < 760 or p.center.y > 440]
    empty = replace(plan, placements=tuple(others))
    finder = SpotFinder(empty)
    bed = finder.find(new_piece("seng", 140, 200, 50, "bed"), "r2")
    assert bed.found
    wardrobe = SpotFinder(bed.applied_to(empty)).find(
        new_piece("klaedeskab", 100, 60, 200, "wardrobe"), "r2"
    )
    assert wardrobe.found
    assert_valid(bed.applied_to(empty), wardrobe.placement)


def test_a_dining_table_stands_against_a_wall_with_chair_room_on_a_long_side():
    # A table against a wall, its chairs on the free sides, is how most small Danish flats
    # are furnished (issue 18): a long side to the wall is fine when the other has room.
    plan = row_plan(window_sill=None)  # 400 × 300, the entrance at the top
    spot = find_spot(plan, new_piece("spisebord", 120, 80, 75), "r0")
    assert spot.found
    assert min(sides_on_outline(spot.placement, plan["r0"])) < 1.0
    assert_valid(plan, spot.placement)  # no conflict: its chairs have room on a long side


def test_a_bed_has_its_head_to_the_wall_and_a_long_side_free():
    plan = row_plan(window_sill=None)
    spot = find_spot(plan, new_piece("seng", 90, 200, 50), "r0")
    assert spot.found
    head, right, foot, left = sides_on_outline(spot.placement, plan["r0"])
    assert head < 1.0 and foot > 1.0 and max(left, right) >= 60.0
    assert_valid(plan, spot.placement)


def test_a_piece_too_big_for_the_room_gets_a_reason_not_a_spot():
    plan = load_plan(SAMPLES / "2-vaerelser.hjem")
    spot = find_spot(plan, new_piece("sofa", 400, 300, 80), "r3")
    assert not spot.found and spot.placement is None
    assert spot.reason.texts() == {
        "da": "Der er ingen ledig plads til sofaen i badeværelset: "
        "rummet er for lille til sofaen på 400 × 300 cm",
        "en": "There is no free spot for the sofa in the bathroom: "
        "the room is too small for the sofa at 400 × 300 cm",
    }


def test_too_small_counts_the_free_floor_the_piece_needs():
    plan = load_plan(SAMPLES / "2-vaerelser.hjem")
    spot = find_spot(plan, new_piece("seng", 140, 200, 50), "r3")
    assert spot.reason.text("da").endswith(
        "rummet er for lille til sengen, der med sin frie plads fylder 200 × 200 cm"
    )


@pytest.mark.parametrize(
    ("name", "room", "piece", "reason"),
    [
        (
            "2-vaerelser",
            "r4",
            ("sofa", 200, 90, 80),
            "alle vægstykker er optaget af døre, vinduer eller faste installationer",
        ),
        (
            "2-vaerelser",
            "r2",
            ("klaedeskab", 200, 60, 200),
            "de ledige vægstykker er optaget af andre møbler og den frie plads, de skal have",
        ),
        (
            "3-vaerelser",
            "r5",
            ("sofa", 200, 90, 80),
            "overalt langs væggene ville sofaen spærre den 80 cm brede gangvej",
        ),
    ],
)
def test_the_reason_says_what_takes_the_walls(name, room, piece, reason):
    spot = find_spot(load_plan(SAMPLES / f"{name}.hjem"), new_piece(*piece), room)
    assert not spot.found
    assert spot.reason.text("da").split(": ", 1)[1] == reason


def test_english_reasons_read_as_english():
    # The sample's hall was typed "Gang": an English reader reads its English name.
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    spot = find_spot(plan, new_piece("sofa", 200, 90, 80), "r5")
    assert spot.reason.text("en") == (
        "There is no free spot for the sofa in the hallway: "
        "anywhere along the walls, the sofa would block the 80 cm walkway"
    )


def test_a_piece_in_the_plan_is_moved_not_duplicated():
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    wardrobe = plan["p8"]
    spot = find_spot(plan, wardrobe, "r7")
    assert spot.found and spot.placement.id == "p8"
    moved = spot.applied_to(plan)
    assert len(moved.placements) == len(plan.placements)
    assert moved["p8"].center == spot.placement.center
    assert_valid(plan, spot.placement)


def test_a_piece_moved_within_its_room_does_not_stand_in_its_own_way():
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    spot = find_spot(plan, plan["p8"], "r2")  # the bedroom is full but for the wardrobe's spot
    assert spot.found
    assert_valid(plan, spot.placement)


def test_a_resized_piece_is_found_a_spot_for_its_new_size():
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    wider = replace(plan["p8"], width=160.0)
    spot = find_spot(plan, wider, "r7")
    assert spot.found and spot.placement.width == 160.0
    assert_valid(plan, spot.placement)


def test_a_finder_gives_the_same_spot_as_a_fresh_search():
    plan = load_plan(SAMPLES / "2-vaerelser.hjem")
    finder = SpotFinder(plan)
    for piece in PIECES:
        for room in ("r1", "r5"):
            assert finder.find(new_piece(*piece), room) == find_spot(plan, new_piece(*piece), room)


def test_an_unknown_room_is_an_error():
    plan = load_plan(SAMPLES / "2-vaerelser.hjem")
    with pytest.raises(KeyError):
        find_spot(plan, new_piece("reol", 80, 30, 190), "nowhere")
    with pytest.raises(KeyError):
        find_spot(plan, new_piece("reol", 80, 30, 190), "p1")


# --- the fast search against an exhaustive scan ------------------------------------------------


def grid_spots(plan, item, room, step=10.0):
    """Every against-the-wall pose on a `step` cm grid along each edge: the slow, obvious twin."""
    ring = list(room_polygon(room).exterior.coords)[:-1]
    inside = room_polygon(room)
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        length = math.dist(a, b)
        d = ((b[0] - a[0]) / length, (b[1] - a[1]) / length)
        for normal in ((-d[1], d[0]), (d[1], -d[0])):
            middle = (a[0] + d[0] * length / 2 + normal[0], a[1] + d[1] * length / 2 + normal[1])
            if not inside.contains(shapely.Point(middle)):
                continue
            back = math.degrees(math.atan2(-normal[0], normal[1]))
            for turn in turns_for(item):
                along = item.width if turn == 0 else item.depth
                into = item.depth if turn == 0 else item.width
                s = along / 2
                while s <= length - along / 2 + 1e-9:
                    center = Point(
                        a[0] + d[0] * s + normal[0] * into / 2,
                        a[1] + d[1] * s + normal[1] * into / 2,
                    )
                    yield item.moved_to(center, round(back + turn, 6) % 360.0)
                    s += step


def valid(plan, placed, before):
    after = full_report(with_piece(plan, placed), walkway=False)
    if any(placed.id in c.elements for c in after):
        return False
    after = conflicts(with_piece(plan, placed))
    return not (after - before) and not [c for c in after if placed.id in c[1]]


@st.composite
def small_rooms(draw):
    """One or two small rooms (the entrance in the first, a door between them), with up to
    two pieces already in the first, each put where the search put it."""
    width = draw(st.integers(150, 420))
    second = draw(st.lists(st.integers(150, 300), max_size=1))
    widths = (float(width), *(float(w) for w in second))
    plan = row_plan(
        widths=widths,
        depth=float(draw(st.integers(150, 380))),
        kinds=(RoomKind.STUE, RoomKind.SOVEVAERELSE),
        window_sill=draw(st.sampled_from([None, 40.0, 95.0])),
        doors_open_to=draw(st.sampled_from(["left", "right"])),
        entrance_at=float(draw(st.integers(60, width - 60))),
    )
    for i in range(draw(st.integers(0, 2))):
        category, w, d, h = draw(st.sampled_from(PIECES))
        spot = SpotFinder(plan).find(new_piece(category, w, d, h, f"p{i}"), "r0")
        if spot.found:
            plan = spot.applied_to(plan)
    return plan


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_rooms(), st.sampled_from(PIECES), st.floats(0.5, 1.3))
def test_the_search_finds_a_spot_whenever_an_exhaustive_scan_does(plan, piece, scale):
    category, w, d, h = piece
    item = new_piece(category, round(w * scale), round(d * scale), h)
    spot = find_spot(plan, item, "r0")
    before = conflicts(plan)
    if spot.found:
        event("found")
        assert valid(plan, spot.placement, before)
        return
    event("none")
    twin = next((p for p in grid_spots(plan, item, plan["r0"]) if valid(plan, p, before)), None)
    assert twin is None, f"the scan found {twin} where the search found none: {spot.reason}"
