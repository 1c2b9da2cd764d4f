"""`hjem background PLAN.hjem DRAWING.dxf -o OUT.hjem`: 0 saved, 2 refused, never a traceback,
and always the unit it used and why."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hjem.floorplan.hjemfile import load_plan
from tests.conftest import ROOT
from tests.floorplan.dxf_drawings import apartment, image, save

SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"


def run(tmp_path, *args):
    return subprocess.run(
        [sys.executable, "-m", "hjem", "background", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "HJEM_DATA_DIR": str(tmp_path / "data")},
    )


def test_the_drawing_is_laid_under_the_plan_and_the_unit_explained(tmp_path):
    out = tmp_path / "out.hjem"
    result = run(tmp_path, SAMPLE, save(apartment("mm"), tmp_path), "-o", out)
    assert result.returncode == 0, result.stderr
    assert "millimeter, som tegningen selv angiver" in result.stdout
    assert "3 dørbuer af 3 mulige" in result.stdout
    plan = load_plan(out)
    assert plan.background is not None and plan.background.cm_per_pixel == 0.5
    assert plan.walls == load_plan(SAMPLE).walls  # the plan itself is untouched


def test_uncertain_units_are_refused_until_given(tmp_path):
    drawing = save(apartment("mm", insunits=0), tmp_path)
    out = tmp_path / "out.hjem"
    refused = run(tmp_path, SAMPLE, drawing, "-o", out)
    assert refused.returncode == 2 and not out.exists()
    assert "--units mm" in refused.stderr and "Traceback" not in refused.stderr
    given = run(tmp_path, SAMPLE, drawing, "-o", out, "--units", "cm", "--hide-layer", "walls")
    assert given.returncode == 0, given.stderr
    assert "centimeter (valgt med --units)" in given.stdout
    assert "(1 lag skjult)" in given.stdout
    # 10 000 units in cm are 100 m: past 6000 px at 0.5 cm, so drawn coarser, still true.
    background = load_plan(out).background
    width = image(background).width
    assert width == 6000
    assert (width - 9) * background.cm_per_pixel == pytest.approx(10_000, rel=0.001)


def test_an_unknown_layer_a_hostile_drawing_and_a_bad_plan_exit_2(tmp_path):
    good = save(apartment("cm"), tmp_path)
    junk = tmp_path / "junk.dxf"
    junk.write_bytes(os.urandom(5000))
    cases = [
        ((SAMPLE, good, "-o", tmp_path / "a.hjem", "--hide-layer", "nope"), "laget nope"),
        ((SAMPLE, junk, "-o", tmp_path / "b.hjem"), "ikke en DXF-tegning"),
        ((good, good, "-o", tmp_path / "c.hjem"), "Kan ikke læse"),
        ((SAMPLE, good, "-o", tmp_path / "no" / "such" / "d.hjem"), "Kan ikke gemme"),
    ]
    for args, said in cases:
        result = run(tmp_path, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert said in result.stderr and "Traceback" not in result.stderr, result.stderr
