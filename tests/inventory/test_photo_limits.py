"""A photo never takes more than ~300 MB to process (issue 12, point 7): the largest photo of
each kind hjem accepts, and a PNG whose header promises far more, processed in a fresh Python
whose peak memory (peak RSS, Python and hjem's imports included) is measured.

This bounds memory, not time: the numbers do not depend on the machine's speed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inventory.photo_files import picture, png_of_zero_rows

PEAK_MB = 300

MEASURE = """
import json, sys
from hjem.inventory.photos import process
data = open(sys.argv[1], "rb").read()
try:
    photo = process(data)
    outcome = [photo.width, photo.height]
except Exception as error:
    outcome = getattr(getattr(error, "message", None), "key", repr(error))
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec,
# so a child of a big pytest would report pytest's size; VmHWM is this program's own peak.
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"outcome": outcome, "peak_mb": peak}))
"""


def processed_in_fresh_python(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# The largest photo of each kind under its limit (photo_decoding.MAX_MEGAPIXELS), made in the
# test: the files are a few hundred kB to a few MB, not committed.
LARGEST = {
    "baseline JPEG, 50 MP": lambda: picture("JPEG", (8160, 6120), quality=50),
    "progressive JPEG 4:4:4, 25 MP": lambda: picture(
        "JPEG", (5000, 5000), quality=50, progressive=True, subsampling=0
    ),
    "PNG RGBA, 25 MP": lambda: png_of_zero_rows(5000, 5000, color_type=6),
    "GIF, 25 MP": lambda: picture("GIF", (5000, 5000)),
    "WebP RGBA, 12 MP": lambda: picture("WEBP", (4000, 3000), mode="RGBA", quality=10, method=0),
}


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
@pytest.mark.parametrize("kind", LARGEST)
def test_the_largest_accepted_photo_of_each_kind_takes_under_300_mb(kind, tmp_path):
    path = tmp_path / "photo"
    path.write_bytes(LARGEST[kind]())
    measured = processed_in_fresh_python(path)
    assert measured["outcome"][0] == 1600  # processed, not refused
    assert measured["peak_mb"] <= PEAK_MB, measured


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
def test_a_79_megapixel_png_of_a_few_hundred_kb_is_refused_in_little_memory(tmp_path):
    # Before the limits this PNG (330 kB) took 1 GB to process.
    path = tmp_path / "bomb.png"
    path.write_bytes(png_of_zero_rows(10_000, 7_900, color_type=6))
    assert path.stat().st_size < 400_000
    measured = processed_in_fresh_python(path)
    assert measured["outcome"] == "photo_format.too_many_pixels"
    assert measured["peak_mb"] <= PEAK_MB / 2, measured
