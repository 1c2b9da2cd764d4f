"""Benchmark: `hjem check` of the largest plans a file may hold (issue 12, point 5: every
plan the reader accepts is checked in ≤ 2 s and ≤ 300 MB).

Each case writes one of the worst plans the format's limits allow (`bench/plans.py`) and times
a fresh `hjem check` process on it, start-up included, with its peak memory:
- largest: every kind of element at its limit, in a building of 10 × 10 rooms;
- pile: the same with every piece and fixed element stacked in one spot by the entrance
  (every pair overlaps, every clearance is taken, the walkway is cut);
- spiky: room outlines drawn as stars with the most corners a room may have, crossing;
- crossing: the free walls crossing each other in a lattice.
The baseline checks the same file in a fresh process with the slow twins
(`reference.naive_report`: every pair, the literal walkway trying every piece for every
target), as the engine worked before. `--quick` (CI) runs ours only, once each.

Run: python -m bench.large_plan [--quick]. Prints one JSON line; times in microseconds,
`ours_mb` / `baseline_mb` the peak resident memory of the process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench.common import ROOT, case, report
from bench.plans import crossing_walls_plan, largest_plan, pile_plan, spiky_plan
from hjem.floorplan.codec import MAX_ELEMENTS, MAX_POLYGON_POINTS, MAX_ROOM_POINTS

LIMITS = {kind: limit for kind, (limit, _) in MAX_ELEMENTS.items()}
PLANS = {
    "largest": lambda: largest_plan(LIMITS, MAX_ROOM_POINTS),
    "pile": lambda: pile_plan(LIMITS, MAX_ROOM_POINTS),
    "spiky": lambda: spiky_plan(LIMITS, MAX_ROOM_POINTS, MAX_POLYGON_POINTS),
    "crossing": lambda: crossing_walls_plan(LIMITS, MAX_ROOM_POINTS),
}
OURS = [sys.executable, "-m", "hjem", "check"]
NAIVE = [
    sys.executable,
    "-c",
    "import sys; from hjem.floorplan.hjemfile import load_plan; "
    "from hjem.floorplan.reference import naive_report; "
    "print(len(naive_report(load_plan(sys.argv[1]))))",
]
BASELINE_TIMEOUT = 120.0  # seconds; a baseline still running then is stopped and reported so


def write(plan_json: dict, folder: Path, name: str) -> Path:
    path = folder / f"{name}.hjem"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("plan.json", json.dumps(plan_json))
    return path


def run(command: list[str], path: Path) -> tuple[float, float, float, bool]:
    """Wall time and CPU time (µs) and peak memory (MB) of one fresh process on `path`, and
    whether it ended in time. Each run is measured from a probe process of its own, so the
    children's ru_maxrss is that run's peak. CPU time is given as well: on a shared machine
    the wall time varies with the others' load."""
    probe = (
        "import resource, subprocess, sys, time; start = time.perf_counter(); "
        "ended = True\n"
        "try: subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, timeout=float(sys.argv[1]))\n"
        "except subprocess.TimeoutExpired: ended = False\n"
        "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(time.perf_counter() - start, use.ru_utime + use.ru_stime, use.ru_maxrss, ended)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", probe, str(BASELINE_TIMEOUT), *command, str(path)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=True,
    ).stdout.split()  # fmt: skip
    return float(out[0]) * 1e6, float(out[1]) * 1e6, int(out[2]) / 1024, out[3] == "True"


def elements(plan_json: dict) -> int:
    return sum(len(v) for v in plan_json.values() if isinstance(v, list))


def measure(name: str, folder: Path, quick: bool) -> dict:
    plan_json = PLANS[name]()
    path = write(plan_json, folder, name)
    repeats = 1 if quick else 3
    runs = sorted(run(OURS, path) for _ in range(repeats))
    ours_us, ours_cpu_us, _, _ = runs[len(runs) // 2]
    extra: dict[str, object] = {
        "ours_cpu_us": round(ours_cpu_us, 1),
        "ours_mb": round(max(r[2] for r in runs), 1),
    }
    baseline_us = None
    if not quick:
        baseline_us, baseline_cpu_us, baseline_mb, ended = run(NAIVE, path)
        extra |= {
            "baseline_cpu_us": round(baseline_cpu_us, 1),
            "baseline_mb": round(baseline_mb, 1),
            "baseline_ended": ended,
        }
    return case(f"check_{name}", elements(plan_json), ours_us, baseline_us, **extra)


def main() -> None:
    quick = "--quick" in sys.argv
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        cases = [measure(name, Path(folder), quick) for name in PLANS]
    cases[0]["total_s"] = round(time.perf_counter() - started, 1)
    report("large_plan", cases)


if __name__ == "__main__":
    main()
