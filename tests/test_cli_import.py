"""`hjem import HOME.sh3d -o PLAN.hjem [--level NAME]`: exit codes, report and written plan."""

import math
import subprocess
import sys

from hjem.floorplan.hjemfile import load_plan
from tests.conftest import ROOT
from tests.floorplan.sh3d.homes import box_walls, door, element, piece, room, wall, write_home
from tests.fuzz.test_sh3d_hostile import CORPUS


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "hjem", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_a_complete_home_exits_0_and_says_what_came_in(tmp_path):
    home = write_home(
        tmp_path / "flat.sh3d",
        *box_walls(),
        room("Stue", [(10, 10), (590, 10), (590, 390), (10, 390)]),
        door("Door", 300, 0),
        piece("Sofa", 300, 200, 200, 90, 80),
    )
    result = run("import", str(home), "-o", str(tmp_path / "flat.hjem"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "4 vægge",
        "1 rum",
        "1 dør eller vindue",
        "0 faste elementer",
        "1 møbel",
        f"Skrev {tmp_path / 'flat.hjem'}.",
    ]
    plan = load_plan(tmp_path / "flat.hjem")
    assert [p.category for p in plan.placements] == ["sofa"] and len(plan.openings) == 1


def test_things_left_out_exit_1_and_are_listed(tmp_path):
    home = write_home(
        tmp_path / "flat.sh3d",
        *box_walls(),
        piece("Vase", 300, 200, 20, 20, 40, elevation=80),
        piece("Loftlampe", 300, 200, 40, 40, 20, tag="light", elevation=230),
    )
    result = run("--lang", "en", "import", str(home), "-o", str(tmp_path / "flat.hjem"))
    assert result.returncode == 1
    assert "2 things were left out:" in result.stdout
    assert "  Vase: stands on other furniture or hangs above the floor" in result.stdout
    assert "  Loftlampe: lamp (light source)" in result.stdout
    assert (tmp_path / "flat.hjem").exists()


def test_the_level_is_chosen_by_name(tmp_path):
    levels = [
        element("level", id="a", name="Stueetage", elevation=0, floorThickness=12, height=250),
        element("level", id="b", name="1. sal", elevation=250, floorThickness=12, height=250),
    ]
    home = write_home(
        tmp_path / "house.sh3d",
        *levels,
        wall("x", (0, 0), (400, 0), level="a"),
        wall("y", (0, 0), (0, 300), level="b"),
        selectedLevel="a",
    )
    first = run("import", str(home), "-o", str(tmp_path / "a.hjem"))
    second = run("import", str(home), "-o", str(tmp_path / "b.hjem"), "--level", "1. sal")
    assert first.returncode == 0 and second.returncode == 0
    assert "Etage: 1. sal (hjemmet har 1 etage mere, som ikke er hentet)." in second.stdout
    assert load_plan(tmp_path / "b.hjem").walls[0].end == (0, 300)
    assert math.isclose(load_plan(tmp_path / "a.hjem").walls[0].length, 400)
    unknown = run("import", str(home), "-o", str(tmp_path / "c.hjem"), "--level", "Loft")
    assert unknown.returncode == 2 and "Etagerne er: Stueetage, 1. sal." in unknown.stderr
    assert not (tmp_path / "c.hjem").exists()


def test_a_refused_file_exits_2_without_a_traceback_or_a_plan(tmp_path):
    for name in ("old-format.sh3d", "zip-bomb.sh3d", "billion-laughs.sh3d"):
        result = run("import", str(CORPUS / name), "-o", str(tmp_path / "x.hjem"))
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.startswith(f"{CORPUS / name} kan ikke hentes: ")
        assert not (tmp_path / "x.hjem").exists()
    old = run("import", str(CORPUS / "old-format.sh3d"), "-o", str(tmp_path / "x.hjem"))
    assert "Gem filen igen i Sweet Home 3D 5.3 eller nyere" in old.stderr


def test_a_plan_that_cannot_be_written_exits_2(tmp_path):
    home = write_home(tmp_path / "flat.sh3d", *box_walls())
    result = run("import", str(home), "-o", str(tmp_path / "no" / "such" / "x.hjem"))
    assert result.returncode == 2 and "kan ikke skrives" in result.stderr
    assert "Traceback" not in result.stderr
