"""What fits here: only pieces that fit come back, each conflict-free, best fit first."""

import math
import random

import pytest
import shapely
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hjem.floorplan.fits import Area, Candidate, WallStretch, what_fits
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.shapes import item_polygons, room_polygon
from hjem.floorplan.spots import SpotFinder
from hjem.floorplan.wall_runs import turns_for
from tests.conftest import ROOT
from tests.floorplan.plans import row_plan
from tests.floorplan.test_spots import (
    PIECES,
    assert_valid,
    conflicts,
    new_piece,
    small_rooms,
    valid,
)

SAMPLES = ROOT / "assets" / "samples"
ROOM = row_plan(window_sill=None)  # 400 × 300, entrance at the top, x 255..345


def assert_conflict_free(plan, fits):
    for fit in fits:
        assert_valid(plan, fit.placement)


def candidate(key, category, width, depth, height=80.0):
    return Candidate(key, category, float(width), float(depth), float(height))


BOTTOM_LEFT = WallStretch(Point(0.0, 300.0), Point(150.0, 300.0))


def test_a_stretch_of_wall_takes_what_is_short_enough_with_its_back_to_the_wall():
    pieces = [
        candidate("short", "reol", 100, 30, 190),
        candidate("exact", "kommode", 150, 45),
        candidate("long", "sofa", 200, 90),
    ]
    fits = what_fits(ROOM, BOTTOM_LEFT, pieces)
    assert [f.candidate.key for f in fits] == ["exact", "short"]
    for fit in fits:
        placed = fit.placement
        assert placed.rotation == 180.0, "back to the bottom wall"
        assert placed.center.y + placed.depth / 2 == pytest.approx(300.0, abs=1.0)
        assert placed.center.x - placed.width / 2 >= 0.0
        assert placed.center.x + placed.width / 2 <= 150.5
    assert fits[0].score == pytest.approx(1.0)
    assert_conflict_free(ROOM, fits)


def test_a_stretch_keeps_each_piece_clear_of_its_own_needs():
    # A wardrobe needs as much in front as its doors are wide (two of 50 cm): in a room
    # 100 cm deep it cannot stand at all.
    shallow = row_plan(widths=(300.0,), depth=100.0, window_sill=None)
    stretch = WallStretch(Point(0.0, 100.0), Point(150.0, 100.0))
    pieces = [
        candidate("wardrobe", "klaedeskab", 100, 60, 200),
        candidate("shelf", "reol", 100, 30),
    ]
    assert [f.candidate.key for f in what_fits(shallow, stretch, pieces)] == ["shelf"]


def test_the_order_is_biggest_footprint_first_then_the_tightest():
    pieces = [
        candidate("small", "reol", 60, 30),
        candidate("100 long", "kommode", 100, 56),
        candidate("biggest", "kommode", 120, 50),
        candidate("140 long", "kommode", 140, 40),  # all three 5600 cm²: longest first
        candidate("112 long", "kommode", 112, 50),
    ]
    fits = what_fits(ROOM, BOTTOM_LEFT, pieces)
    assert [f.candidate.key for f in fits] == [
        "biggest",
        "140 long",
        "112 long",
        "100 long",
        "small",
    ]


def test_a_stretch_must_lie_on_a_room_edge():
    with pytest.raises(ValueError):
        what_fits(ROOM, WallStretch(Point(50.0, 150.0), Point(150.0, 150.0)), [])


def test_a_free_area_takes_what_fits_with_its_clearance_inside():
    area = Area((Point(0.0, 150.0), Point(200.0, 150.0), Point(200.0, 300.0), Point(0.0, 300.0)))
    pieces = [
        candidate("bed", "seng", 90, 200, 50),  # 150 × 200 with 60 cm beside it: fits turned
        candidate("double bed", "seng", 140, 200, 50),  # 200 × 200: too deep
        candidate("wardrobe", "klaedeskab", 100, 60, 200),  # 100 × 110 with its 50 cm
        candidate("sofa", "sofa", 200, 90),
        candidate("long sofa", "sofa", 220, 90),
        candidate("table", "spisebord", 80, 60, 75),  # 80 × 150 with chairs on one side
        candidate("armchair", "laenestol", 80, 80, 90),
    ]
    fits = what_fits(ROOM, area, pieces)
    # The bed and the sofa take as much floor; the bed fills more of the area with its side.
    assert [f.candidate.key for f in fits] == ["bed", "sofa", "armchair", "wardrobe", "table"]
    inside = shapely.Polygon(area.corners).buffer(0.01)
    for fit in fits:
        footprint, zones = item_polygons(fit.placement)
        within = [inside.covers(z) for z in zones]
        # A bed needs one free long side, a dining table chair room on one long side; the
        # rest need all their free floor.
        one_side = fit.candidate.category in ("seng", "spisebord")
        assert inside.covers(footprint) and (any if one_side else all)(within), fit
    assert_conflict_free(ROOM, fits)


def test_an_area_tries_the_piece_both_ways_round():
    # 100 wide and 200 deep: a 180 × 50 bench only fits turned across the area's length.
    area = Area(
        (Point(290.0, 100.0), Point(390.0, 100.0), Point(390.0, 300.0), Point(290.0, 300.0))
    )
    fits = what_fits(ROOM, area, [candidate("bench", "andet", 180, 50, 45)])
    assert len(fits) == 1
    assert fits[0].placement.rotation in (90.0, 270.0)
    assert_conflict_free(ROOM, fits)


def test_an_area_puts_the_back_to_the_nearest_wall():
    area = Area((Point(0.0, 200.0), Point(150.0, 200.0), Point(150.0, 300.0), Point(0.0, 300.0)))
    fits = what_fits(ROOM, area, [candidate("dresser", "reol", 100, 40, 80)])
    placed = fits[0].placement
    assert placed.rotation == 180.0 and placed.center.y == pytest.approx(280.0)


def test_nothing_fits_where_it_would_block_the_way_in():
    # The area in front of the entrance: everything in it blocks the walkway into the room.
    area = Area((Point(250.0, 0.0), Point(350.0, 0.0), Point(350.0, 100.0), Point(250.0, 100.0)))
    assert what_fits(ROOM, area, [candidate("chair", "stol", 45, 45, 90)]) == []


@pytest.fixture(scope="module")
def inventory():
    """Two hundred pieces of the usual kinds in varied sizes, as a donated stock would be."""
    kinds = [*PIECES, ("stol", 45, 45, 90), ("sofabord", 110, 60, 45)]
    rng = random.Random(7)
    pieces = []
    for i in range(200):
        category, w, d, h = rng.choice(kinds)
        scale = rng.uniform(0.7, 1.3)
        pieces.append(candidate(f"k{i}", category, round(w * scale), round(d * scale), h))
    return pieces


@pytest.mark.parametrize(
    "region",
    [
        WallStretch(Point(766.0, 434.0), Point(985.0, 434.0)),
        WallStretch(Point(606.0, 805.0), Point(985.0, 805.0)),
        Area((Point(620.0, 580.0), Point(900.0, 580.0), Point(900.0, 790.0), Point(620.0, 790.0))),
        Area((Point(30.0, 30.0), Point(300.0, 30.0), Point(300.0, 250.0), Point(30.0, 250.0))),
    ],
    ids=["children's room wall", "hall wall", "hall area", "living room area"],
)
def test_an_inventory_sifted_in_the_sample_apartment_gives_only_true_fits(inventory, region):
    plan = load_plan(SAMPLES / "3-vaerelser.hjem")
    finder = SpotFinder(plan)
    fits = what_fits(plan, region, inventory, finder)
    assert 0 < len(fits) < len(inventory)
    areas = [f.placement.width * f.placement.depth for f in fits]
    assert areas == sorted(areas, reverse=True)
    assert_conflict_free(plan, fits)
    assert what_fits(plan, region, [f.candidate for f in fits], finder) == fits


# --- a stretch of wall against an exhaustive scan ----------------------------------------------


def scan_stretch(plan, piece, stretch, step=5.0):
    """Every pose with the piece's back (a short end, for a dining table) on the stretch, its
    footprint within it, on a `step` cm grid: the slow, obvious twin."""
    (x0, y0), (x1, y1) = stretch.start, stretch.end
    length = math.dist((x0, y0), (x1, y1))
    d = ((x1 - x0) / length, (y1 - y0) / length)
    for normal in ((-d[1], d[0]), (d[1], -d[0])):
        probe = shapely.Point(
            x0 + d[0] * length / 2 + normal[0], y0 + d[1] * length / 2 + normal[1]
        )
        if not any(room_polygon(r).contains(probe) for r in plan.rooms):
            continue
        back = math.degrees(math.atan2(-normal[0], normal[1]))
        for turn in turns_for(piece):
            along, into = (piece.width, piece.depth) if turn == 0 else (piece.depth, piece.width)
            s = along / 2
            while s <= length - along / 2 + 1e-9:
                center = Point(
                    x0 + d[0] * s + normal[0] * into / 2, y0 + d[1] * s + normal[1] * into / 2
                )
                yield piece.moved_to(center, round(back + turn, 6) % 360.0)
                s += step


@st.composite
def stretches(draw, plan):
    room = plan["r0"]
    corners = list(room.polygon)
    i = draw(st.integers(0, len(corners) - 1))
    a, b = corners[i], corners[(i + 1) % len(corners)]
    t0, t1 = sorted(draw(st.lists(st.floats(0, 1), min_size=2, max_size=2)))
    if t1 - t0 < 0.2:
        t0, t1 = 0.0, 1.0
    at = lambda t: Point(round(a.x + (b.x - a.x) * t, 1), round(a.y + (b.y - a.y) * t, 1))  # noqa: E731
    return WallStretch(at(t0), at(t1))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_piece_left_out_of_a_stretch_fits_nowhere_on_it(data):
    plan = data.draw(small_rooms())
    stretch = data.draw(stretches(plan))
    kinds = data.draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3))
    pieces = [candidate(f"c{i}", c, w * 0.8, d * 0.8, h) for i, (c, w, d, h) in enumerate(kinds)]
    fits = what_fits(plan, stretch, pieces)
    assert_conflict_free(plan, fits)
    before = conflicts(plan)
    fitted = {f.candidate.key for f in fits}
    event(f"fits: {len(fits)} of {len(pieces)}")
    for left_out in (p for p in pieces if p.key not in fitted):
        piece = new_piece(left_out.category, left_out.width, left_out.depth, left_out.height)
        spots = scan_stretch(plan, piece, stretch)
        twin = next((p for p in spots if with_play(plan, p, stretch, before)), None)
        assert twin is None, f"{left_out} fits at {twin}"


PLAY = 0.5  # cm


def with_play(plan, placed, stretch, before):
    """Whether `placed` is valid there and still half a centimetre either way along the wall.
    The finder does not promise a gap that holds the piece only to the millimetre (one was
    found where the bed touched a door's swing and a shelf at once, each within the engine's
    0.5 cm tolerance): a volunteer could not place it there anyway."""
    length = math.dist(stretch.start, stretch.end)
    dx, dy = ((b - a) / length for a, b in zip(stretch.start, stretch.end, strict=True))
    x, y = placed.center
    return all(
        valid(plan, placed.moved_to(Point(x + dx * s, y + dy * s), placed.rotation), before)
        for s in (-PLAY, 0.0, PLAY)
    )


@st.composite
def areas(draw, plan):
    x0, y0, x1, y1 = room_polygon(plan["r0"]).bounds
    xs = sorted(draw(st.lists(st.floats(x0, x1), min_size=2, max_size=2)))
    ys = sorted(draw(st.lists(st.floats(y0, y1), min_size=2, max_size=2)))
    corners = [(xs[0], ys[0]), (xs[1], ys[0]), (xs[1], ys[1]), (xs[0], ys[1])]
    return Area(tuple(Point(round(x, 1), round(y, 1)) for x, y in corners))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_fit_in_an_area_is_conflict_free_and_inside_it(data):
    plan = data.draw(small_rooms())
    area = data.draw(areas(plan))
    kinds = data.draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4))
    scale = data.draw(st.floats(0.4, 1.0))
    pieces = [
        candidate(f"c{i}", c, w * scale, d * scale, h) for i, (c, w, d, h) in enumerate(kinds)
    ]
    fits = what_fits(plan, area, pieces)
    event(f"fits: {min(len(fits), 2)}+")
    assert_conflict_free(plan, fits)
    inside = shapely.Polygon(area.corners).buffer(0.01)
    assert all(inside.covers(item_polygons(f.placement)[0]) for f in fits)
