"""Benchmark: time from starting `hjem` to its first window on screen (issue #3, ≤ 200 ms).

Ours starts the app as shipped: only what the start screen needs is imported, the geometry
engine and the editor load when a plan opens. The baseline starts the same app after importing
everything eagerly (engine, editor, PDF and image libraries), measured in the same run. Each
run is a fresh process (offscreen Qt), timed from just before it is spawned until the window
reports that it is shown.

The installed app (issue 16) is timed too, when it is built (`python -m bundle.build` makes
dist/hjem): the same start from the bundle's own program against the venv's, ratio = venv /
bundle (the target is ≤ 2× the venv's time, a ratio ≥ 0.5). Without a bundle that case says
so in the JSON and is skipped.

Run: python -m bench.startup [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench.common import ROOT, case, report

BUNDLE = ROOT / "dist" / "hjem" / ("hjem.exe" if sys.platform == "win32" else "hjem")

OURS = "from hjem.cli import main; main([])"
EAGER = (
    "import numpy, shapely, PIL.Image, reportlab.pdfgen.canvas, sqlalchemy, pypdfium2; "
    "import babel.numbers; "
    "import hjem.floorplan.report, hjem.floorplan.drag, hjem.floorplan.hjemfile, "
    "hjem.floorplan.background, hjem.ui.workspace; " + OURS
)


def first_window_ms(command: list[str], data_dir: str) -> float:
    env = {
        **os.environ,
        "HJEM_STARTUP_PROBE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "HJEM_DATA_DIR": data_dir,
    }
    start = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    line = next(line for line in result.stdout.splitlines() if line.startswith("first_window"))
    return (float(line.split()[1]) - start) * 1000


def median_ms(command: list[str], runs: int, data_dir: str) -> float:
    first_window_ms(command, data_dir)  # warm the file cache
    return statistics.median(first_window_ms(command, data_dir) for _ in range(runs))


def bundle_case(runs: int, data_dir: str, venv_ms: float) -> dict:
    if not BUNDLE.is_file():
        return {
            "case": "bundle_first_window",
            "skipped": "no bundle built (python -m bundle.build)",
        }
    bundle_ms = median_ms([str(BUNDLE)], runs, data_dir)
    return case("bundle_first_window", 1, bundle_ms * 1000, venv_ms * 1000, runs=runs)


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 11
    with tempfile.TemporaryDirectory() as data_dir:
        ours = median_ms([sys.executable, "-c", OURS], runs, data_dir)
        eager = median_ms([sys.executable, "-c", EAGER], runs, data_dir)
        bundle = bundle_case(runs, data_dir, ours)
    report("startup", [case("first_window", 1, ours * 1000, eager * 1000, runs=runs), bundle])


if __name__ == "__main__":
    main()
