"""Issue 18's test set: rooms furnished as Danish homes are raise no conflict, and a broken twin
of each raises exactly the mistakes planted in it. The full report, the piece checker (drag,
find a spot) and the slow reference agree on every one of them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hjem.floorplan.piece_check import check_for
from hjem.floorplan.reference import naive_report
from hjem.floorplan.report import full_report
from tests.floorplan.plans import kinds_and_elements
from tests.floorplan.realistic import (
    LAYOUTS,
    Layout,
    desk_with_chair,
    kitchen_bar,
    moved,
    sofa_corner,
)

NAMES = [make.__name__ for make in LAYOUTS]


@pytest.fixture(params=LAYOUTS, ids=NAMES)
def layout(request) -> Layout:
    return request.param()


def test_a_room_furnished_as_homes_are_raises_no_conflict(layout):
    assert full_report(layout.plan) == []


def test_its_broken_twin_raises_exactly_the_planted_conflicts(layout):
    assert kinds_and_elements(full_report(layout.twin)) == list(layout.planted)


def test_the_slow_reference_finds_the_same(layout):
    for plan in (layout.plan, layout.twin):
        assert naive_report(plan) == full_report(plan)


def test_the_piece_checker_answers_for_every_piece_as_the_report_does(layout):
    for plan in (layout.plan, layout.twin):
        report = full_report(plan, walkway=False)
        for item in plan.placements:
            check = check_for(plan, item.id)
            pose = ((item.center.x, item.center.y), item.rotation)
            assert check.check(*pose) == [c for c in report if item.id in c.elements], item.id
            assert check.is_free(*pose) == (not any(item.id in c.elements for c in report))


def test_a_coffee_table_pushed_into_the_sofa_is_said_plainly():
    (found,) = full_report(sofa_corner().twin)
    assert found.message.texts() == {
        "da": "Sofabordet og sofaen står oven i hinanden",
        "en": "The coffee table and the sofa overlap",
    }


def test_a_stool_under_the_counter_beyond_its_overhang_names_the_counter():
    (found,) = full_report(kitchen_bar().twin)
    assert found.message.texts() == {
        "da": "Barstolen står for langt inde under køkkenbordet",
        "en": "The bar stool is pushed too far in under the kitchen counter",
    }


def test_a_desk_chair_turned_away_from_the_desk_is_a_plain_overlap():
    (found,) = full_report(desk_with_chair().twin)
    assert found.message.texts()["da"] == "Stolen og skrivebordet står oven i hinanden"


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(LAYOUTS),
    st.integers(0, 7),
    st.floats(-40, 40),
    st.floats(-40, 40),
    st.sampled_from([0.0, 90.0, 180.0, -90.0, 30.0]),
)
def test_pieces_nudged_near_their_partners_are_judged_alike_by_all_three(make, which, dx, dy, turn):
    """Chairs half under tables, stools at the counter, bedside tables at the bed: the fast
    paths and the slow reference apply the same relations wherever a piece is nudged."""
    plan = make().plan
    item = plan.placements[which % len(plan.placements)]
    plan = moved(plan, item.id, item.center.x + dx, item.center.y + dy, item.rotation + turn)
    report = full_report(plan, walkway=False)
    assert naive_report(plan, walkway=False) == report
    nudged = plan[item.id]
    check = check_for(plan, item.id)
    pose = ((nudged.center.x, nudged.center.y), nudged.rotation)
    assert check.check(*pose) == [c for c in report if item.id in c.elements]
