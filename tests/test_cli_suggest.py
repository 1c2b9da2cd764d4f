"""`hjem suggest PLAN.hjem --room NAME -o OUT.hjem`: the room furnished without a conflict, what
was left out said with why; 0 all placed, 1 some left out, 2 refused; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Placement
from hjem.floorplan.report import full_report
from tests.conftest import ROOT
from tests.floorplan.layout.helpers import pieces_in

SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"


def run(tmp_path, *args, lang=None):
    language = ["--lang", lang] if lang else []
    return subprocess.run(
        [sys.executable, "-m", "hjem", *language, "suggest", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "HJEM_DATA_DIR": str(tmp_path / "data")},
    )


def _in_room(plan, kind):
    return pieces_in(plan, next(r for r in plan.rooms if r.kind.value == kind))


def test_the_living_room_is_furnished_from_its_own_pieces_without_a_conflict(tmp_path):
    out = tmp_path / "stue.hjem"
    result = run(tmp_path, SAMPLE, "--room", "Stue", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Stue er indrettet med 6 møbler" in result.stdout
    assert "Sofabordet foran sofaen" in result.stdout
    plan, before = load_plan(out), load_plan(SAMPLE)
    assert full_report(plan) == []
    assert sorted(p.id for p in _in_room(plan, "stue")) == sorted(
        p.id for p in _in_room(before, "stue")
    )
    assert plan.walls == before.walls and plan.rooms == before.rooms


def test_pieces_added_are_placed_and_a_seed_gives_the_same_file(tmp_path):
    args = ("--room", "Bedroom", "--add", "natbord:45x40", "--add", "Bedside table:45x40")
    first, second = tmp_path / "a.hjem", tmp_path / "b.hjem"
    for out in (first, second):
        result = run(tmp_path, SAMPLE, *args, "--seed", "3", "-o", out, lang="en")
        assert result.returncode == 0, result.stderr
        assert "Bedroom is furnished with 4 pieces" in result.stdout
    assert first.read_bytes() == second.read_bytes()
    plan = load_plan(first)
    bedside = [p for p in plan.placements if isinstance(p, Placement) and p.category == "natbord"]
    assert len(bedside) == 2 and full_report(plan) == []


def test_a_piece_that_cannot_fit_is_left_out_with_its_reason_and_exit_1(tmp_path):
    out = tmp_path / "out.hjem"
    result = run(tmp_path, SAMPLE, "--room", "køkken", "--add", "seng:300x300", "-o", out)
    assert result.returncode == 1, result.stderr
    assert "Udeladt: Der er ingen ledig plads til sengen i køkkenet" in result.stdout
    plan = load_plan(out)
    assert all(p.category != "seng" or p.width != 300 for p in plan.placements)
    assert full_report(plan) == []


def test_no_such_room_a_bad_piece_an_empty_room_and_an_unreadable_plan_exit_2(tmp_path):
    out = tmp_path / "out.hjem"
    unknown = run(tmp_path, SAMPLE, "--room", "Kælder", "-o", out)
    assert unknown.returncode == 2
    assert "Planen har intet rum, der hedder »Kælder«" in unknown.stderr
    assert "Stue (" in unknown.stderr
    bad = run(tmp_path, SAMPLE, "--room", "Stue", "--add", "flygel:150x200", "-o", out)
    assert bad.returncode == 2 and "»flygel« er ikke en møbelkategori" in bad.stderr
    sizeless = run(tmp_path, SAMPLE, "--room", "Stue", "--add", "seng", "-o", out)
    assert sizeless.returncode == 2 and "kategori:bredde x dybde" in sizeless.stderr
    empty = run(tmp_path, SAMPLE, "--room", "Gang", "-o", out)
    assert empty.returncode == 2
    assert "Der er ingen møbler at indrette Gang med. Tilføj nogle med --add" in empty.stderr
    missing = run(tmp_path, tmp_path / "nope.hjem", "--room", "Stue", "-o", out)
    assert missing.returncode == 2 and "Kan ikke læse" in missing.stderr
    for result in (unknown, bad, sizeless, empty, missing):
        assert "Traceback" not in result.stderr
    assert not out.exists()
