"""Locked pieces: the lock is saved in the file, older files open unlocked, and locking is
one edit that undo takes back."""

import json
from dataclasses import replace

import jsonschema

from hjem.floorplan.clipboard import copied, paste
from hjem.floorplan.codec import plan_from_json, plan_to_json
from hjem.floorplan.commands import placements_as_in, set_locked
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan, save_plan
from hjem.floorplan.model import Placement
from tests.conftest import ROOT
from tests.floorplan.plans import furnished, piece, row_plan

SCHEMA = json.loads((ROOT / "docs" / "plan.schema.json").read_text())
PLAN = furnished(
    row_plan(widths=(400, 300)),
    piece("sofa", "sofa", (200, 90, 80), 150, 200),
    piece("bed", "seng", (140, 200, 50), 550, 150),
)


def _piece(plan, piece_id: str) -> Placement:
    found = plan[piece_id]
    assert isinstance(found, Placement)
    return found


def test_a_locked_piece_stays_locked_through_a_saved_file(tmp_path):
    plan, _ = set_locked(PLAN, ["sofa"], True).apply(PLAN)
    save_plan(plan, tmp_path / "home.hjem")
    loaded = load_plan(tmp_path / "home.hjem")
    assert _piece(loaded, "sofa").locked and not _piece(loaded, "bed").locked
    jsonschema.validate(plan_to_json(loaded), SCHEMA)


def test_a_file_saved_before_locks_existed_opens_unlocked_and_saves_the_same():
    data = plan_to_json(PLAN)
    assert all("locked" not in p for p in data["placements"])  # nothing new in old files
    plan, _ = plan_from_json(data)
    assert not any(p.locked for p in plan.placements)
    assert plan_to_json(plan) == data


def test_every_sample_plan_opens_with_no_piece_locked():
    for sample in sorted((ROOT / "assets" / "samples").glob("*.hjem")):
        assert not any(p.locked for p in load_plan(sample).placements), sample.name


def test_locking_is_one_edit_that_undo_takes_back():
    locked, undo = set_locked(PLAN, ["sofa", "bed", "top"], True).apply(PLAN)
    assert _piece(locked, "sofa").locked and _piece(locked, "bed").locked
    assert locked.walls == PLAN.walls  # a wall has no lock: left as it was
    assert undo.apply(locked)[0] == PLAN


def test_a_moved_piece_keeps_its_lock():
    sofa = replace(_piece(PLAN, "sofa"), locked=True)
    assert sofa.moved_to(Point(10, 10), 90).locked


def test_a_whole_layout_is_taken_as_one_edit_and_undone_as_one():
    sofa, bed = _piece(PLAN, "sofa"), _piece(PLAN, "bed")
    chair = Placement("p9", "Stol", "stol", 45, 45, 90, Point(100, 100))
    target = replace(PLAN, placements=(sofa.moved_to(Point(180, 220)), chair))
    taken, undo = placements_as_in(PLAN, target).apply(PLAN)
    assert {p.id: p for p in taken.placements} == {p.id: p for p in target.placements}
    assert taken.walls == PLAN.walls and taken.rooms == PLAN.rooms
    assert undo.apply(taken)[0].placements == PLAN.placements
    assert bed.id not in taken


def test_a_pasted_copy_of_a_locked_piece_is_free_to_move():
    locked, _ = set_locked(PLAN, ["sofa"], True).apply(PLAN)
    command, ids = paste(locked, copied(locked, ["sofa"]), 50, 0)
    pasted, _ = command.apply(locked)
    assert _piece(pasted, "sofa").locked and not _piece(pasted, ids[0]).locked
