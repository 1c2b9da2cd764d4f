"""Donated items in a family's plan: the piece that stands for an item, and each placed
item's standing in the inventory as other volunteers reserve, release and deliver."""

from dataclasses import replace

import pytest

from hjem.floorplan.model import Plan
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Status
from hjem.inventory.placing import Standing, placed_items, placement_for, total_ore
from hjem.inventory.reservations import deliver, release, reserve
from tests.inventory.helpers import add_cases, available_item, donation


def test_a_sofa_stands_along_the_wall_and_a_bed_lies_head_to_it(workspace):
    with workspace.session() as session:
        sofa = available_item(session, donation(size=(90, 200, 80)))
        bed = available_item(session, donation("Enkeltseng", "seng", (200, 90, 50)))
        rug = available_item(session, donation("Tæppe", "taeppe", (200, 140, 1)))
        placed_sofa = placement_for(sofa, "p1")
        placed_bed = placement_for(bed, "p2")
        placed_rug = placement_for(rug, "p3")
    assert (placed_sofa.width, placed_sofa.depth, placed_sofa.category) == (200, 90, "sofa")
    assert (placed_bed.width, placed_bed.depth, placed_bed.category) == (90, 200, "seng")
    assert placed_sofa.inventory_item == sofa.code and placed_sofa.label == "Sofa, grå"
    assert placed_rug.floor_flat and not placed_sofa.floor_flat


def plan_with(case_code, *items, to_buy_ore=None):
    pieces = tuple(placement_for(item, f"p{i}") for i, item in enumerate(items))
    if to_buy_ore is not None:
        bought = replace(pieces[0], id="buy", inventory_item=None, price_ore=to_buy_ore)
        pieces += (bought,)
    return Plan(placements=pieces, case_code=case_code)


def standings(session, plan):
    return {p.placement.id: p.standing for p in placed_items(session, plan)}


def test_each_placed_item_says_where_it_stands_for_this_family(workspace):
    with workspace.session() as session:
        mine, free, theirs, gone = (available_item(session) for _ in range(4))
        add_cases(session, "FBH-2026-001", "FBH-2026-002")
        reserve(session, mine.code, "FBH-2026-001", "Lise")
        reserve(session, theirs.code, "FBH-2026-002", "Ole")
        move(session, gone, Status.REPAIR, "Ole", "løst ben")
        plan = plan_with("FBH-2026-001", mine, free, theirs, gone, to_buy_ore=149_900)
        plan = replace(
            plan,
            placements=(
                *plan.placements,
                replace(plan.placements[0], id="x", inventory_item="ZZZZZZ"),
            ),
        )
        assert standings(session, plan) == {
            "p0": Standing.RESERVED_HERE,
            "p1": Standing.FREE,
            "p2": Standing.RESERVED_ELSEWHERE,
            "p3": Standing.GONE,
            "buy": Standing.TO_BUY,
            "x": Standing.UNKNOWN,
        }


def test_a_reservation_made_elsewhere_meanwhile_shows_on_the_next_look(workspace):
    with workspace.session() as session:
        item = available_item(session)
        add_cases(session, "FBH-2026-001", "FBH-2026-009")
        plan = plan_with("FBH-2026-001", item)
        assert standings(session, plan) == {"p0": Standing.FREE}
    with workspace.session() as session:  # another volunteer, another session
        reserve(session, item.code, "FBH-2026-009", "Ole")
    with workspace.session() as session:
        assert standings(session, plan) == {"p0": Standing.RESERVED_ELSEWHERE}
        release(session, item.code, "Ole")
        reserve(session, item.code, "FBH-2026-001", "Lise")
        deliver(session, item.code, "Lise")
    with workspace.session() as session:
        assert standings(session, plan) == {"p0": Standing.DELIVERED_HERE}
        assert standings(session, replace(plan, case_code="FBH-2026-002")) == {"p0": Standing.GONE}


def test_a_plan_without_a_case_sees_every_reservation_as_someone_elses(workspace):
    with workspace.session() as session:
        item = available_item(session)
        add_cases(session, "FBH-2026-001")
        reserve(session, item.code, "FBH-2026-001", "Lise")
        assert standings(session, plan_with(None, item)) == {"p0": Standing.RESERVED_ELSEWHERE}


def test_the_total_adds_donated_values_and_prices_to_buy_in_ore(workspace):
    with workspace.session() as session:
        item = available_item(session, donation(value_ore=50_050))
        placed = placed_items(session, plan_with("FBH-2026-001", item, to_buy_ore=149_900))
    assert [p.value_ore for p in placed] == [50_050, 149_900]
    assert total_ore(placed) == 199_950


@pytest.mark.parametrize("standing", list(Standing))
def test_only_what_is_ours_or_to_buy_needs_no_action(standing):
    # A provisional one waits for the server's word: nothing for the architect to do, but
    # marked on the plan all the same.
    calm = {
        Standing.RESERVED_HERE,
        Standing.PROVISIONAL,
        Standing.DELIVERED_HERE,
        Standing.TO_BUY,
        Standing.OWN,
    }
    assert standing.needs_action == (standing not in calm)
    assert standing.marked == (standing.needs_action or standing is Standing.PROVISIONAL)
