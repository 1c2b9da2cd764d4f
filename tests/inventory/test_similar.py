"""*Find et lignende* (issue 15): the available items of the same kind that fit where a piece
the sync lost stood, checked against a slow twin that runs the full report for every item."""

import random
from dataclasses import replace

import pytest

from hjem.floorplan.conflicts import ConflictKind
from hjem.floorplan.geometry import rect_corners
from hjem.floorplan.model import Opening, OpeningKind, Plan, RoomKind
from hjem.floorplan.report import full_report
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Item, Status
from hjem.inventory.reservations import reserve
from hjem.inventory.similar import (
    replacements,
    similar_items,
    size_distance,
    swap_piece,
)
from tests.floorplan.plans import furnished, piece, row_plan
from tests.inventory.helpers import add_cases, available_item, donation

CASE, OTHER = "FBH-2026-014", "FBH-2026-015"


def living_room(sofa_code: str) -> Plan:
    """A 400 × 300 cm living room: the sofa's back to the left wall (x = 0), a bookcase
    beside it on the same wall, from y = 260 to the corner."""
    plan = row_plan((400.0,), 300.0)
    sofa = piece("p1", "sofa", (200, 90, 80), 45, 150, 270, "Sofa", inventory_item=sofa_code)
    shelf = piece("p2", "reol", (40, 35, 180), 17.5, 280, 270, "Reol")
    return replace(furnished(plan, sofa, shelf), case_code=CASE)


def sofa(session, size, name="Sofa"):
    return available_item(session, donation(name, "sofa", size))


def test_only_an_available_sofa_that_fits_the_spot_is_offered(workspace):
    with workspace.session() as session:
        add_cases(session, CASE, OTHER)
        lost = sofa(session, (200, 90, 80), "Den tabte")
        fits = sofa(session, (180, 85, 75), "Lille sofa")
        too_long = sofa(session, (280, 90, 80), "Lang sofa")  # the wall or the bookcase
        taken = sofa(session, (200, 90, 80), "Reserveret sofa")
        reserve(session, taken.code, OTHER, "Ole")
        available_item(session, donation("Stol", "stol", (50, 50, 90)))
        available_item(session, donation("Lænestol", "laenestol", (80, 80, 90)))
        plan = living_room(lost.code)
        assert full_report(plan) == []
        found = similar_items(session, plan, "p1")
    assert [s.code for s in found] == [fits.code]
    assert too_long.code not in {s.code for s in found}
    only = found[0]
    assert (only.name, only.width, only.depth, only.height) == ("Lille sofa", 180, 85, 75)
    placed = only.placement
    assert (placed.id, placed.label, placed.inventory_item) == ("p1", "Lille sofa", fits.code)
    assert (placed.width, placed.depth, placed.rotation) == (180, 85, 270)


def test_a_smaller_sofa_keeps_its_back_to_the_wall(workspace):
    with workspace.session() as session:
        lost = sofa(session, (200, 90, 80))
        sofa(session, (170, 70, 80))
        plan = living_room(lost.code)
        found = similar_items(session, plan, "p1")
    new = found[0].placement
    xs = [p.x for p in rect_corners(new.center, new.width, new.depth, new.rotation)]
    assert min(xs) == pytest.approx(0.0)  # the back still on the wall's face
    assert max(xs) == pytest.approx(70.0)
    assert new.center.y == pytest.approx(150.0)  # centred where the old one was


def test_a_longer_sofa_grows_away_from_what_stands_beside_it(workspace):
    with workspace.session() as session:
        lost = sofa(session, (200, 90, 80))
        sofa(session, (240, 90, 80))  # centred, it would reach into the bookcase
        found = similar_items(session, living_room(lost.code), "p1")
    new = found[0].placement
    ys = [p.y for p in rect_corners(new.center, new.width, new.depth, new.rotation)]
    assert (min(ys), max(ys)) == (pytest.approx(10.0), pytest.approx(250.0))  # flush at 250


def test_a_bed_keeps_its_head_to_the_wall_and_a_free_long_side(workspace):
    """A single bed in the bedroom's corner, head to the top wall, a wardrobe to its right:
    a wider bed must leave 60 cm free beside it, and cannot grow into the side wall."""
    plan = row_plan((400.0,), 300.0, kinds=(RoomKind.SOVEVAERELSE,), entrance_at=350)
    with workspace.session() as session:
        lost = available_item(session, donation("Seng", "seng", (200, 90, 50)))
        single = available_item(session, donation("Enkeltseng", "seng", (200, 90, 45)))
        wider = available_item(session, donation("Bred seng", "seng", (120, 200, 50)))
        available_item(session, donation("Dobbeltseng", "seng", (200, 140, 50)))
        bed = piece("p1", "seng", (90, 200, 50), 45, 100, 0, inventory_item=lost.code)
        wardrobe = piece("p2", "klaedeskab", (100, 60, 200), 230, 30)
        plan = furnished(plan, bed, wardrobe)
        assert full_report(plan) == []
        found = similar_items(session, plan, "p1")
    assert [s.code for s in found] == [single.code, wider.code]
    new = found[1].placement
    corners = rect_corners(new.center, new.width, new.depth, new.rotation)
    assert (new.width, new.depth) == (120, 200)
    assert min(p.x for p in corners) == pytest.approx(0.0)  # flush with the side wall
    assert min(p.y for p in corners) == pytest.approx(0.0)  # head to the wall


def test_the_closest_in_size_come_first_then_by_code_and_no_more_than_asked(workspace):
    with workspace.session() as session:
        lost = sofa(session, (200, 90, 80))
        far = sofa(session, (150, 80, 70))
        near = [sofa(session, (190, 90, 80)) for _ in range(2)]
        as_near = sofa(session, (210, 90, 80))  # as near as 190: the code decides
        plan = living_room(lost.code)
        found = similar_items(session, plan, "p1")
        first_two = similar_items(session, plan, "p1", limit=2)
        assert similar_items(session, plan, "p1", limit=0) == []
    assert [s.code for s in found] == [*sorted([c.code for c in [*near, as_near]]), far.code]
    assert [s.code for s in first_two] == [s.code for s in found[:2]]


def test_an_item_already_in_the_plan_is_not_offered_again(workspace):
    with workspace.session() as session:
        lost = sofa(session, (200, 90, 80))
        elsewhere = sofa(session, (180, 85, 75))
        plan = living_room(lost.code)
        other = piece("p3", "sofa", (180, 85, 75), 250, 200, 0, inventory_item=elsewhere.code)
        plan = furnished(plan, other)
        assert similar_items(session, plan, "p1") == []


def test_swapping_puts_the_chosen_piece_in_the_old_ones_place(workspace):
    with workspace.session() as session:
        lost = sofa(session, (200, 90, 80))
        sofa(session, (180, 85, 75), "Lille sofa")
        plan = living_room(lost.code)
        chosen = similar_items(session, plan, "p1")[0]
    after = swap_piece(plan, "p1", chosen)
    assert [p.id for p in after.placements] == ["p1", "p2"]
    assert after["p1"] == chosen.placement and after["p2"] == plan["p2"]
    assert full_report(after) == full_report(plan)  # no conflict before, none after
    with pytest.raises(ValueError):
        swap_piece(plan, "p2", chosen)


def test_no_more_candidates_are_tried_than_allowed(workspace):
    with workspace.session() as session:
        lost = sofa(session, (200, 90, 80))
        sofa(session, (262, 90, 80))  # the closest in size, but it does not fit
        fits = sofa(session, (140, 80, 80))
        plan = living_room(lost.code)
        assert similar_items(session, plan, "p1", tried=1) == []
        assert [s.code for s in similar_items(session, plan, "p1", tried=2)] == [fits.code]


def test_a_piece_the_plan_does_not_have_is_a_key_error(workspace):
    with workspace.session() as session, pytest.raises(KeyError):
        similar_items(session, living_room("HJ-0001"), "nope")


# --- the slow twin ---------------------------------------------------------------------------


def slow_similar(items: list[Item], plan: Plan, placement_id: str) -> list[str]:
    """Every available sofa not in the plan, put in the piece's place, kept when the full
    report names no conflict of it and no room or bed out of reach the plan without it
    reaches; closest in size first."""
    old = plan[placement_id]
    in_plan = {p.inventory_item for p in plan.placements}
    without = replace(plan, placements=tuple(p for p in plan.placements if p != old))
    unreached = {c.elements[0] for c in full_report(without) if c.kind == ConflictKind.WALKWAY}
    kept = []
    for item in items:
        if item.status != Status.AVAILABLE or item.category.slug != old.category:
            continue
        if item.code in in_plan:
            continue
        for new in replacements(old, item):
            placements = tuple(new if p.id == old.id else p for p in plan.placements)
            report = full_report(replace(plan, placements=placements))
            own = [c for c in report if c.kind != ConflictKind.WALKWAY and new.id in c.elements]
            cut_off = {c.elements[0] for c in report if c.kind == ConflictKind.WALKWAY} - unreached
            if not own and not cut_off:
                kept.append((size_distance(old, new.width, new.depth, new.height), item.code))
                break
    return [code for _, code in sorted(kept)]


def generated_case(rng: random.Random, session) -> Plan:
    """Two rooms; a sofa with its back to the living room's bottom wall (the window's), a
    coffee table before it, an armchair somewhere; a dozen sofas in the inventory."""
    width, depth = rng.uniform(300, 480), rng.uniform(260, 380)
    plan = row_plan((width, rng.uniform(200, 350)), depth)
    lost = sofa(session, (200, 90, 80))
    x = rng.uniform(110, width - 110)
    old = piece("p1", "sofa", (200, 90, 80), x, depth - 45, 180, inventory_item=lost.code)
    gap = rng.uniform(10, 90)  # between the sofa's front and the table
    table = piece("p2", "sofabord", (100, 60, 45), x + rng.uniform(-40, 40), depth - 120 - gap)
    chair = piece(
        "p3", "laenestol", (80, 80, 90), rng.uniform(40, width - 40), rng.uniform(40, 150)
    )
    for _ in range(12):
        size = (rng.uniform(120, 300), rng.uniform(60, 120), rng.choice([70.0, 85.0, 100.0]))
        item = sofa(session, tuple(round(v) for v in size))
        if rng.random() < 0.2:
            move(session, item, Status.REPAIR, "Ole", "løst ben")
    return furnished(plan, old, table, chair)


def generated_bedroom(rng: random.Random, session) -> Plan:
    """A bedroom and a hall; a bed head to the top wall, in the corner or not, a wardrobe
    along the same wall; a dozen beds in the inventory, some double."""
    width, depth = rng.uniform(260, 420), rng.uniform(260, 360)
    plan = row_plan(
        (width, 200.0), depth, kinds=(RoomKind.SOVEVAERELSE,), entrance=False, window_sill=None
    )
    plan = replace(plan, openings=(*plan.openings, entrance_into_the_hall(plan)))
    lost = available_item(session, donation("Seng", "seng", (200, 90, 50)))
    x = rng.choice([45.0, rng.uniform(45, width - 45)])
    old = piece("p1", "seng", (90, 200, 50), x, 100, 0, inventory_item=lost.code)
    beside = x + 45 + rng.uniform(40, 160) + 50  # a gap to the bed's right
    if beside <= width - 50:
        wardrobe = piece("p2", "klaedeskab", (100, 60, 200), beside, 30)
    else:  # no room there: against the right-hand wall, facing into the room
        wardrobe = piece("p2", "klaedeskab", (100, 60, 200), width - 30, depth - 60, 90)
    for _ in range(12):
        size = (rng.choice([190, 200, 210]), rng.choice([80, 90, 120, 140, 160]), 50)
        item = available_item(session, donation("Seng", "seng", size))
        if rng.random() < 0.2:
            move(session, item, Status.REPAIR, "Ole", "knækket lamel")
    return furnished(plan, old, wardrobe)


def entrance_into_the_hall(plan: Plan) -> Opening:
    hall_middle = plan.rooms[1].polygon[0].x + 100
    return Opening("entry", "top", OpeningKind.DOOR, hall_middle + 10, 90.0, entrance=True)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("case", [generated_case, generated_bedroom])
def test_the_fast_search_agrees_with_the_full_report_for_every_item(workspace, case, seed):
    rng = random.Random(seed)
    with workspace.session() as session:
        plan = case(rng, session)
        fast = [s.code for s in similar_items(session, plan, "p1", limit=100)]
        slow = slow_similar(list(session.query(Item)), plan, "p1")
    assert fast == slow
