"""Edit commands: each returns its inverse, so undo restores the plan exactly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hjem.floorplan.commands import (
    AddElement,
    Batch,
    MoveElements,
    RemoveElement,
    ReplaceElement,
    SetCaseCode,
    SetTitle,
    remove_elements,
)
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, OpeningKind, Wall
from hjem.floorplan.validation import PlanError
from tests.floorplan.plans import furnished, piece, row_plan
from tests.floorplan.strategies import plans

PLAN = furnished(row_plan(widths=(400, 300)), piece("sofa", "sofa", (200, 90, 80), 150, 200))


def test_adding_returns_a_removal_that_undoes_it():
    chair = piece("chair", "stol", (45, 45, 90), 50, 50)
    added, undo = AddElement(chair).apply(PLAN)
    assert added["chair"] == chair
    assert undo.apply(added)[0] == PLAN


def test_removing_a_wall_takes_its_doors_and_undo_brings_all_back_in_order():
    with pytest.raises(PlanError) as refused:
        RemoveElement("iw0").apply(PLAN)
    assert refused.value.message.key == "error.wall_has_openings"
    removed, undo = remove_elements(PLAN, ["iw0"]).apply(PLAN)
    assert "iw0" not in removed and "d0" not in removed
    assert undo.apply(removed)[0] == PLAN


def test_an_invalid_change_is_refused_with_a_message():
    bad = piece("sofa", "sofa", (-200, 90, 80), 150, 200)
    with pytest.raises(PlanError) as refused:
        ReplaceElement(bad).apply(PLAN)
    assert refused.value.message.text("da") == "width skal være et positivt tal (fik -200)"


def test_a_door_must_fit_in_its_wall():
    door = Opening("d9", "iw0", OpeningKind.DOOR, 5.0, 80.0)
    with pytest.raises(PlanError):
        AddElement(door).apply(PLAN)
    with pytest.raises(PlanError):
        AddElement(Opening("d9", "nowhere", OpeningKind.DOOR, 100.0, 80.0)).apply(PLAN)


def test_shortening_a_wall_past_its_door_is_refused():
    wall = PLAN["iw0"]
    assert isinstance(wall, Wall)
    with pytest.raises(PlanError):
        ReplaceElement(Wall("iw0", wall.start, Point(wall.start.x, 100.0), wall.thickness)).apply(
            PLAN
        )


def test_moving_a_wall_carries_its_doors():
    moved, undo = MoveElements(("iw0",), 20.0, 0.0).apply(PLAN)
    assert moved["iw0"].start.x == PLAN["iw0"].start.x + 20
    assert moved["d0"] == PLAN["d0"]  # the door's place along its wall is unchanged
    assert undo.apply(moved)[0] == PLAN


def test_a_batch_that_fails_changes_nothing():
    batch = Batch((SetTitle("new"), RemoveElement("nowhere")))
    with pytest.raises(PlanError):
        batch.apply(PLAN)
    assert PLAN.title == "test"


def _commands(plan):
    ids = [p.id for p in plan.placements]
    return st.one_of(
        st.builds(
            MoveElements,
            st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True).map(tuple),
            st.floats(-100, 100),
            st.floats(-100, 100),
        ),
        st.sampled_from(ids).map(lambda i: RemoveElement(i)),
        st.sampled_from(ids).map(lambda i: ReplaceElement(plan[i].moved_to(Point(1.0, 2.0), 45.0))),
        st.text(max_size=20).map(SetTitle),
    )


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_undoing_every_edit_in_reverse_restores_the_plan(data):
    original = data.draw(plans(max_items=6))
    plan, undos = original, []
    for _ in range(data.draw(st.integers(1, 6))):
        if not plan.placements:
            break
        try:
            plan, undo = data.draw(_commands(plan)).apply(plan)
        except PlanError:
            continue
        undos.append(undo)
    for undo in reversed(undos):
        plan, _ = undo.apply(plan)
    assert plan == original


def test_the_case_code_is_set_trimmed_and_undone():
    with_case, undo = SetCaseCode("  FBH-2026-014 ").apply(PLAN)
    assert with_case.case_code == "FBH-2026-014"
    assert undo.apply(with_case)[0] == PLAN
    assert SetCaseCode("   ").apply(with_case)[0].case_code is None


def test_a_case_code_longer_than_the_inventory_keeps_is_refused():
    with pytest.raises(PlanError) as refused:
        SetCaseCode("X" * 41).apply(PLAN)
    assert "40" in refused.value.message.text("da")
