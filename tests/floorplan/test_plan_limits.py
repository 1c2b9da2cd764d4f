"""Plans at the format's limits (issue 12, point 5): one more than a limit is refused with a
message naming it; what the limits allow is read; and the fast paths that piles and crowds
once made quadratic give what their slow twins give."""

import io
import json
import math
import zipfile
from dataclasses import replace

import pytest
import shapely
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bench.plans import crossing_walls_plan, largest_plan, pile_plan, spiky_plan
from hjem.floorplan.codec import (
    MAX_ELEMENTS,
    MAX_POLYGON_POINTS,
    MAX_ROOM_POINTS,
    PlanFileError,
    plan_from_json,
    plan_to_json,
)
from hjem.floorplan.conflicts import ConflictKind
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import plan_from_bytes
from hjem.floorplan.reference import LiteralWalkway, naive_report
from hjem.floorplan.report import MAX_OVERLAPS_PER_PIECE, full_report
from hjem.floorplan.shapes import footprints
from hjem.floorplan.walkway import HALF, MAX_BLOCKER_TRIALS, TRIAL_SLACK, Walkway
from tests.floorplan.plans import furnished, kinds_and_elements, piece, radiator, row_plan
from tests.floorplan.strategies import plans

LIMITS = {kind: limit for kind, (limit, _) in MAX_ELEMENTS.items()}
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def sample_json() -> dict:
    """A small plan with one element of every kind, as plan.json."""
    plan = furnished(row_plan(), piece("p1", "sofa", (200, 90, 80), 200, 150))
    plan = replace(plan, fixtures=(radiator("f1", 100, 15),))
    data = plan_to_json(plan)
    data["dimensions"] = [{"id": "m1", "start": [0, 0], "end": [100, 0]}]
    data["labels"] = [{"id": "t1", "at": [50, 50], "text": "Stue"}]
    return data


def with_count(kind: str, count: int) -> dict:
    """The sample with `count` elements of `kind`: its own and copies of its first, with their
    own ids."""
    data = sample_json()
    first = data[kind][0]
    data[kind] += [{**first, "id": f"{kind}-{i}"} for i in range(count - len(data[kind]))]
    return data


def refused(data: dict) -> PlanFileError:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("plan.json", json.dumps(data))
    with pytest.raises(PlanFileError) as caught:
        plan_from_bytes(buffer.getvalue())
    for lang in ("da", "en"):
        text = caught.value.message.text(lang)
        assert text and "{" not in text and "Traceback" not in text
    return caught.value


@pytest.mark.parametrize("kind", sorted(MAX_ELEMENTS))
def test_one_element_more_than_a_home_needs_is_refused_naming_the_limit(kind):
    limit = LIMITS[kind]
    plan, _ = plan_from_json(with_count(kind, limit))
    assert len(getattr(plan, kind)) == limit
    error = refused(with_count(kind, limit + 1))
    assert error.message.key == f"plan_limits.{kind}"
    for lang in ("da", "en"):
        assert f"({limit + 1})" in error.message.text(lang)
        assert f" {limit} " in error.message.text(lang)


def test_the_limit_message_reads_as_a_person_would_write_it():
    error = refused(with_count("walls", LIMITS["walls"] + 1))
    assert error.message.text("da") == (
        "Planen har for mange vægge (501). En plan kan højst have 500 vægge."
    )
    assert error.message.text("en") == (
        "The plan has too many walls (501). A plan can have at most 500 walls."
    )


def _room_with(corners: int, room_id: str = "r0") -> dict:
    """A round room (a tower's) drawn with `corners` corners."""
    turn = [2 * math.pi * k / corners for k in range(corners)]
    ring = [[200 + 150 * math.cos(a), 150 + 150 * math.sin(a)] for a in turn]
    return {"id": room_id, "kind": "stue", "polygon": ring}


def test_a_room_outline_with_one_corner_too_many_is_refused_naming_the_room():
    data = sample_json()
    data["rooms"] = [_room_with(4, "a"), _room_with(MAX_POLYGON_POINTS, "b")]
    plan_from_json(data)
    data["rooms"][1] = _room_with(MAX_POLYGON_POINTS + 1, "b")
    error = refused(data)
    assert error.message.key == "plan_limits.room_points"
    assert "rooms[1]" in error.message.text("da")
    assert f"{MAX_POLYGON_POINTS} hjørner" in error.message.text("da")


def test_rooms_with_too_many_corners_together_are_refused():
    data = sample_json()
    rooms = MAX_ROOM_POINTS // MAX_POLYGON_POINTS
    data["rooms"] = [_room_with(MAX_POLYGON_POINTS, f"r{i}") for i in range(rooms)]
    plan_from_json(data)
    data["rooms"].append(_room_with(3, "one-more"))
    error = refused(data)
    assert error.message.key == "plan_limits.all_room_points"
    assert f"({MAX_ROOM_POINTS + 3})" in error.message.text("en")


@pytest.mark.parametrize(
    "worst",
    [
        lambda: largest_plan(LIMITS, MAX_ROOM_POINTS),
        lambda: pile_plan(LIMITS, MAX_ROOM_POINTS),
        lambda: spiky_plan(LIMITS, MAX_ROOM_POINTS, MAX_POLYGON_POINTS),
        lambda: crossing_walls_plan(LIMITS, MAX_ROOM_POINTS),
    ],
    ids=["largest", "pile", "spiky", "crossing"],
)
def test_the_benchmarks_worst_plans_are_accepted_and_checked(worst):
    # bench/large_plan.py times these as the worst a file can be: the reader must take them.
    plan, _ = plan_from_json(worst())
    assert len(plan.placements) == LIMITS["placements"]
    assert plan.entrance() is not None
    assert full_report(plan)


# --- piles and crowds against the slow twins --------------------------------------------------


def _overlaps(conflicts):
    return {c.elements for c in conflicts if c.kind is ConflictKind.OVERLAP}


def _named_first(pairs: set[tuple[str, str]], order: list[str]) -> set[tuple[str, str]]:
    """The capping rule said plainly: each piece names the first pieces it overlaps, in the
    plan's order, up to the cap; a pair is kept if either piece names the other."""
    rank = {pid: i for i, pid in enumerate(order)}
    kept = set()
    for pid in order:
        partners = sorted((b if a == pid else a for a, b in pairs if pid in (a, b)), key=rank.get)
        kept |= {tuple(sorted((pid, other))) for other in partners[:MAX_OVERLAPS_PER_PIECE]}
    return kept


@st.composite
def piled(draw, at_door: bool = False, most: int = 40):
    """A random plan with a pile of copies of one of its pieces, nudged a little each; at the
    doorway between the first two rooms, if there is one and `at_door` is set; up to `most`
    copies."""
    plan = draw(plans(max_items=6))
    base = draw(st.sampled_from(plan.placements))
    door = next((o for o in plan.openings if o.id == "d0"), None)
    if at_door and door is not None:
        base = replace(base, center=plan.wall_of(door).point_at(door.offset), rotation=90.0)
    copies = draw(st.integers(0, most))
    nudge = st.floats(-15, 15).map(lambda v: round(v, 1))
    pile = [
        replace(base, id=f"pile{i:02d}", center=Point(base.center.x + draw(nudge), base.center.y))
        for i in range(copies)
    ]
    event(f"pile: {min(copies // 10 * 10, 40)}+")
    return furnished(plan, *pile)


@SLOW
@given(piled())
def test_a_pile_reports_what_the_pairwise_loop_finds_with_overlaps_capped_per_piece(plan):
    ours, naive = full_report(plan, walkway=False), naive_report(plan, walkway=False)
    others = [c for c in ours if c.kind is not ConflictKind.OVERLAP]
    assert kinds_and_elements(others) == kinds_and_elements(
        [c for c in naive if c.kind is not ConflictKind.OVERLAP]
    )
    every_pair = _overlaps(naive)
    order = [p.id for p in plan.placements]
    assert _overlaps(ours) == _named_first(every_pair, order)
    assert {i for pair in _overlaps(ours) for i in pair} == {i for pair in every_pair for i in pair}


@SLOW
@given(piled(at_door=True, most=MAX_BLOCKER_TRIALS - 4))
def test_a_piles_walkway_conflicts_equal_trying_every_piece_for_every_target(plan):
    narrower, wider = LiteralWalkway(plan, 77.0).conflicts(), LiteralWalkway(plan, 83.0).conflicts()
    if kinds_and_elements(narrower) != kinds_and_elements(wider):
        event("borderline plan: not compared")
        return
    literal = kinds_and_elements(LiteralWalkway(plan).conflicts())
    event(f"walkway conflicts: {min(len(literal), 2)}+")
    ours = kinds_and_elements(Walkway(plan).conflicts())
    assert [(kind, ids[0]) for kind, ids in ours] == [(kind, ids[0]) for kind, ids in literal]
    if _at_lost_floor(plan) > MAX_BLOCKER_TRIALS:
        # None is tried alone then: every piece at the lost floor is named (the cap's cost).
        event("more pieces at the lost floor than are tried: blockers not compared")
        return
    assert ours == literal


def _at_lost_floor(plan) -> int:
    """How many standing pieces the blocker search would try alone."""
    standing = [p for p in plan.placements if not p.floor_flat]
    lost = Walkway(plan).lost_floor(standing)
    near = shapely.dwithin(footprints(standing, 0.0), lost, HALF + TRIAL_SLACK)
    return int(near.sum()) if standing else 0


def test_a_doorway_blocked_by_more_pieces_than_are_tried_names_them_all():
    # Beyond MAX_BLOCKER_TRIALS pieces at the lost floor none is tried alone; here none would
    # open the way alone anyway, so the twin, trying each, names the same pieces.
    plan = row_plan(widths=(300.0, 300.0), kinds=())
    pile = [
        piece(f"s{i:02d}", "sofa", (200, 90, 80), 306 + (i % 3), 150 + (i % 5), rotation=90 + i)
        for i in range(MAX_BLOCKER_TRIALS + 8)
    ]
    plan = furnished(plan, *pile)
    ours = kinds_and_elements(Walkway(plan).conflicts())
    assert ours == kinds_and_elements(LiteralWalkway(plan).conflicts())
    assert ours and len(ours[0][1]) > MAX_BLOCKER_TRIALS


def test_the_editor_cannot_add_more_than_a_file_may_hold():
    # Else the volunteer could save a plan that no hjem opens again.
    from hjem.floorplan.commands import AddElement
    from hjem.floorplan.validation import PlanError

    plan, _ = plan_from_json(with_count("labels", LIMITS["labels"]))
    label = replace(plan.labels[0], id="one-more")
    with pytest.raises(PlanError) as caught:
        AddElement(label).apply(plan)
    assert caught.value.message.key == "plan_limits.labels"
    smaller, _ = AddElement(label).apply(replace(plan, labels=plan.labels[1:]))
    assert len(smaller.labels) == LIMITS["labels"]


def test_the_editor_cannot_draw_more_corners_than_a_file_may_hold():
    from hjem.floorplan.commands import AddElement, ReplaceElement
    from hjem.floorplan.validation import PlanError

    data = sample_json()
    rooms = MAX_ROOM_POINTS // MAX_POLYGON_POINTS
    data["rooms"] = [_room_with(MAX_POLYGON_POINTS, f"r{i}") for i in range(rooms)]
    full, _ = plan_from_json(data)
    one_more = replace(full.rooms[0], id="one-more", polygon=full.rooms[0].polygon[:3])
    with pytest.raises(PlanError) as caught:
        AddElement(one_more).apply(full)
    assert caught.value.message.key == "plan_limits.all_room_points"
    spiky = replace(full.rooms[0], polygon=(*full.rooms[0].polygon, Point(200, 150)))
    with pytest.raises(PlanError) as caught:
        ReplaceElement(spiky).apply(full)
    assert caught.value.message.key == "plan_limits.room_points"
    assert full.rooms[0].id in caught.value.message.text("da")
    fewer = replace(full.rooms[0], polygon=full.rooms[0].polygon[:-1])
    assert len(ReplaceElement(fewer).apply(full)[0].rooms[0].polygon) == MAX_POLYGON_POINTS - 1
