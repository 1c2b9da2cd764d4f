"""Furniture symbols: every piece gets a drawing that fits its footprint and faces the right way."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hjem.floorplan.categories import CATEGORIES, TYPICAL_SIZES
from hjem.floorplan.symbols import Rect, Tone, bounds, has_own_symbol, symbol

TOLERANCE = 0.01

ODD_SIZES = [(30, 30), (300, 250), (200, 20), (20, 200)]


def sizes_of(category):
    return [TYPICAL_SIZES[category], *ODD_SIZES]


def outside_footprint(sym, width, depth):
    """The primitives whose ink pokes out of the width × depth box centred on the origin."""
    hw, hd = width / 2 + TOLERANCE, depth / 2 + TOLERANCE
    return [p for p in sym if (b := bounds(p))[0] < -hw or b[1] < -hd or b[2] > hw or b[3] > hd]


def touches_back(p, depth):
    return abs(bounds(p)[1] + depth / 2) <= TOLERANCE


def touches_front(p, depth):
    return abs(bounds(p)[3] - depth / 2) <= TOLERANCE


def span_x(p):
    x0, _, x1, _ = bounds(p)
    return x1 - x0


def is_filled(p):
    return getattr(p, "fill", Tone.NONE) is not Tone.NONE


def pillows(sym, depth):
    """Pillows: the shapes lying against the head end, less than a third of the bed long."""
    return [p for p in sym if isinstance(p, Rect) and p.y + depth / 2 < 10 and p.h < depth / 3]


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_has_a_drawing_of_its_own(category):
    assert has_own_symbol(category)


@pytest.mark.parametrize(
    ("category", "width", "depth"),
    [(c, w, d) for c in CATEGORIES for w, d in sizes_of(c)],
)
def test_every_piece_at_any_size_gets_a_symbol_inside_its_footprint(category, width, depth):
    sym = symbol(category, width, depth)
    assert sym, "nothing drawn"
    assert outside_footprint(sym, width, depth) == []


GRID = [8, 10, 15, 20, 30, 45, 60, 90, 120, 200, 300, 600]


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_proportions_make_a_symbol_spill_out_of_its_footprint(category):
    spills = {(w, d): outside_footprint(symbol(category, w, d), w, d) for w in GRID for d in GRID}
    assert {size: parts for size, parts in spills.items() if parts} == {}


sizes = st.floats(1, 60) | st.floats(1, 600)  # small sizes are where details collide


@settings(max_examples=500, deadline=None)
@given(category=st.sampled_from((*CATEGORIES, "ukendt")), width=sizes, depth=sizes)
def test_no_size_makes_a_symbol_spill_out_of_its_footprint(category, width, depth):
    sym = symbol(category, width, depth)
    assert sym
    assert outside_footprint(sym, width, depth) == []


@pytest.mark.parametrize("width", [70, 80, 90, 119])
def test_a_single_bed_has_one_pillow(width):
    assert len(pillows(symbol("seng", width, 200), 200)) == 1


@pytest.mark.parametrize("width", [120, 140, 160, 180])
def test_a_double_bed_has_two_pillows_side_by_side(width):
    left, right = sorted(pillows(symbol("seng", width, 200), 200), key=lambda p: p.x)
    assert left.x + left.w <= right.x
    assert 40 <= left.w <= 70 and 40 <= right.w <= 70


def test_a_cot_has_its_pillow_at_the_head_too():
    assert len(pillows(symbol("barneseng", 60, 120), 120)) == 1


@pytest.mark.parametrize(("width", "depth"), [(160, 80), (200, 90), (300, 100), (80, 80)])
@pytest.mark.parametrize("category", ["sofa", "laenestol"])
def test_a_sofa_has_its_back_against_the_wall_and_its_seat_open_to_the_front(
    category, width, depth
):
    sym = symbol(category, width, depth)
    assert any(touches_back(p, depth) and span_x(p) >= 0.9 * width for p in sym)
    assert not any(touches_front(p, depth) and span_x(p) >= 0.5 * width for p in sym)


@pytest.mark.parametrize("width", [160, 200, 300])
def test_sofa_arms_keep_a_believable_width_however_long_the_sofa(width):
    sym = symbol("sofa", width, 90)
    arms = [p for p in sym if touches_front(p, 90) and getattr(p, "fill", None) is Tone.MID]
    assert len(arms) == 2
    assert all(15 <= span_x(a) <= 25 for a in arms)


@pytest.mark.parametrize("width", [160, 200, 300])
def test_a_longer_sofa_gets_more_seat_cushions(width):
    cushions = [p for p in symbol("sofa", width, 90) if getattr(p, "fill", None) is Tone.LIGHT]
    assert len(cushions) == {160: 2, 200: 2, 300: 4}[width]


def test_a_chair_has_its_backrest_at_the_back():
    backrest = [p for p in symbol("stol", 45, 45) if touches_back(p, 45)]
    assert backrest and all(bounds(p)[3] < 0 for p in backrest)


@pytest.mark.parametrize(
    ("category", "width", "depth"),
    [("klaedeskab", 100, 60), ("klaedeskab", 200, 60), ("kommode", 80, 45), ("koeleskab", 60, 65)],
)
def test_doors_and_drawer_fronts_run_along_the_front(category, width, depth):
    sym = symbol(category, width, depth)
    fronts = [p for p in sym if touches_front(p, depth) and is_filled(p)]
    assert any(span_x(p) >= width - TOLERANCE for p in fronts)
    assert not any(touches_back(p, depth) and is_filled(p) for p in sym)


def test_a_wider_wardrobe_shows_more_doors():
    def door_splits(width):
        return [
            p for p in symbol("klaedeskab", width, 60) if touches_front(p, 60) and span_x(p) == 0
        ]

    assert len(door_splits(50)) == 0
    assert len(door_splits(100)) == 1
    assert len(door_splits(200)) == 3


def test_an_unknown_category_gets_the_generic_symbol():
    assert symbol("rumskib", 70, 50) == symbol("andet", 70, 50)
    assert not has_own_symbol("rumskib")


def test_a_piece_too_small_for_details_still_shows_a_sign():
    assert symbol("sofa", 6, 40) == symbol("andet", 6, 40)


def test_a_piece_without_size_draws_nothing():
    assert symbol("sofa", 0, 90) == ()


def test_the_same_piece_gets_the_very_same_symbol():
    # The Qt renderer keeps its painter paths per symbol object: repeated paints must hit.
    assert symbol("seng", 140, 200) is symbol("seng", 140.0, 200.0)
