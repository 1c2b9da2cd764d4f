"""The sample apartments: the planted conflicts are found exactly, the fixed twins are clean."""

import json
import subprocess
import sys

import pytest

from hjem.floorplan.conflicts import ConflictKind
from hjem.floorplan.hjemfile import load_plan, plan_bytes
from hjem.floorplan.report import full_report
from tests.conftest import ROOT, script

SAMPLES = ROOT / "assets" / "samples"
NAMES = sorted(p.stem for p in SAMPLES.glob("*.hjem"))


def _expected(name):
    return json.loads((SAMPLES / f"{name}.expected.json").read_text())["conflicts"]


def test_there_are_a_2_room_and_a_3_room_apartment_each_with_a_conflict_twin():
    assert NAMES == [
        "2-vaerelser",
        "2-vaerelser-konflikter",
        "3-vaerelser",
        "3-vaerelser-konflikter",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_a_sample_reports_exactly_its_planted_conflicts(name):
    found = [
        {"kind": c.kind.value, "elements": list(c.elements)}
        for c in full_report(load_plan(SAMPLES / f"{name}.hjem"))
    ]
    assert found == _expected(name)


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith("-konflikter")])
def test_every_conflict_kind_is_planted_once(name):
    assert sorted(c["kind"] for c in _expected(name)) == sorted(k.value for k in ConflictKind)


@pytest.mark.parametrize("name", [n for n in NAMES if not n.endswith("-konflikter")])
def test_the_fixed_twins_are_furnished(name):
    plan = load_plan(SAMPLES / f"{name}.hjem")
    categories = {p.category for p in plan.placements}
    assert {"sofa", "seng", "klaedeskab", "spisebord"} <= categories
    assert plan.entrance() is not None


def test_the_sample_files_are_what_the_build_script_makes():
    build = script("build_samples")
    assert (SAMPLES / "2-vaerelser.hjem").read_bytes() == plan_bytes(build.two_rooms())
    assert (SAMPLES / "3-vaerelser.hjem").read_bytes() == plan_bytes(build.three_rooms())


def _check(*args):
    return subprocess.run(
        [sys.executable, "-m", "hjem", "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_hjem_check_passes_a_clean_plan():
    result = _check(str(SAMPLES / "3-vaerelser.hjem"))
    assert result.returncode == 0
    assert "0 konflikt" in result.stdout


def test_hjem_check_json_lists_the_planted_conflicts():
    result = _check("--json", str(SAMPLES / "2-vaerelser-konflikter.hjem"))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["plan"].endswith("2-vaerelser-konflikter.hjem")
    assert [
        {"kind": c["kind"], "elements": c["elements"]} for c in report["conflicts"]
    ] == _expected("2-vaerelser-konflikter")
    first = report["conflicts"][0]
    assert set(first["message"]) == {"da", "en"} and len(first["where"]) == 2


def test_hjem_check_on_an_unreadable_file_exits_2_with_a_message(tmp_path):
    broken = tmp_path / "broken.hjem"
    broken.write_bytes(b"PK\x03\x04 not really")
    result = _check(str(broken))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "beskadiget" in result.stderr and "Traceback" not in result.stderr
