"""Benchmark of the collision and clearance engine (issue #2).

Cases, each against a naive baseline measured in the same run:
- drag_step: one step of dragging the sofa along a path through its room, walls and a door
  swing; ours is `PieceCheck.check` (static geometry indexed once), the baseline a per-pair
  shapely loop over the same prebuilt geometry (`reference.NaiveDrag`).
- full_report: every conflict of the plan except the walkway, as the editor runs it after a
  furniture edit (the layout's geometry prepared before: walls, doors, windows); ours is
  `report.full_report` (bulk index queries), the baseline `reference.naive_report` (every pair)
  with its layout geometry prepared too. At n = 10 000 the baseline would take minutes: not run.
- full_report_cold: the same from a plan just read (nothing prepared), as `hjem check` runs.
- walkway: the walkway check when a drag ends, on each sample plan; ours is
  `PieceCheck.walkway`, the baseline the literal computation (rooms − walls − furniture, then
  shrunk) of `reference.LiteralWalkway`.
- walkway_full: a fresh walkway check of a whole furnishing (layout prepared once).

Run: python -m bench.collisions [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import math
import sys
from functools import partial

from bench.common import ROOT, case, median_each_us, median_us, report
from bench.plans import tiled
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Placement
from hjem.floorplan.piece_check import PieceCheck
from hjem.floorplan.plan_geometry import build, forget_layouts
from hjem.floorplan.reference import LiteralWalkway, NaiveDrag, NaiveLayout, naive_report
from hjem.floorplan.report import full_report
from hjem.floorplan.walkway import Walkway

SIZES = (20, 100, 1000, 10_000)
Row = dict[str, object]  # one case of the JSON line


def drag_path(steps: int) -> list[tuple[float, float, float]]:
    """The sofa's path: a loop through the living room, over the rug and into the coffee table,
    a wall and a door swing, as a hand drags it (the angle stays; turning is another gesture)."""
    poses = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        poses.append((300 + 180 * math.cos(t), 230 + 170 * math.sin(t), 90.0))
    return poses


def bench_drag(n: int, quick: bool) -> Row:
    plan = tiled(n)
    fast, naive = PieceCheck.of(plan, "p1"), NaiveDrag(plan, "p1")
    path = drag_path(60 if quick else 300)
    ours = median_each_us(partial(fast.check, (p[0], p[1]), p[2]) for p in path)
    naive_path = path[:: max(1, len(path) // (10 if n >= 1000 else 60))]
    baseline = median_each_us(partial(naive.check, (p[0], p[1]), p[2]) for p in naive_path)
    return case("drag_step", n, ours, baseline, steps=len(path), baseline_steps=len(naive_path))


def bench_report(n: int, quick: bool) -> list[Row]:
    """The report as the editor runs it after a furniture edit (layout geometry prepared), and
    cold, as `hjem check` runs it on a file just read."""
    plan = tiled(n)
    repeats = 3 if n >= 1000 else 15
    ours = median_us(lambda: full_report(plan, walkway=False), repeats)

    def cold() -> None:
        forget_layouts()
        full_report(plan, walkway=False)

    ours_cold = median_us(cold, repeats)
    baseline = baseline_cold = None
    if n <= 1000:
        layout = NaiveLayout(plan)
        runs = 1 if n >= 1000 else 5
        baseline = median_us(
            lambda: naive_report(plan, walkway=False, layout=layout), runs, warmup=0
        )
        baseline_cold = median_us(lambda: naive_report(plan, walkway=False), runs, warmup=0)
    return [
        case("full_report", n, ours, baseline),
        case("full_report_cold", n, ours_cold, baseline_cold),
    ]


def bench_walkway(name: str, quick: bool) -> list[Row]:
    plan = load_plan(ROOT / "assets" / "samples" / f"{name}.hjem")
    g = build(plan)
    literal = LiteralWalkway(plan)
    drag = PieceCheck.of(plan, "p1")
    sofa = plan["p1"]
    assert isinstance(sofa, Placement)
    poses = [
        (sofa.center.x + (i % 9) - 4, sofa.center.y + (i % 5) - 2)
        for i in range(50 if quick else 200)
    ]
    drag.walkway(poses[0])
    ours_end = median_each_us(partial(drag.walkway, p) for p in poses)
    baseline = median_us(lambda: literal.conflicts(g), 20 if quick else 100)
    walkway = Walkway(plan)
    ours_full = median_us(lambda: walkway.with_plan(plan).conflicts(g), 20 if quick else 100)
    n = len(plan.placements)
    return [
        case("walkway", n, ours_end, baseline, plan=name),
        case("walkway_full", n, ours_full, baseline, plan=name),
    ]


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = SIZES[:3] if quick else SIZES
    cases = [bench_drag(n, quick) for n in sizes]
    cases += [row for n in sizes for row in bench_report(n, quick)]
    for name in ("2-vaerelser", "3-vaerelser"):
        cases += bench_walkway(name, quick)
    report("collisions", cases)


if __name__ == "__main__":
    main()
