"""Benchmark of "furnish a room in one go" (hjem.floorplan.layout.suggest, issue 19).

Cases, for n = 3, 5 and 8 pieces laid out in the 3-room sample's living room (its own
furniture taken out first), each against a naive baseline measured in the same run:
- suggest_1: one suggestion (`suggest(..., count=1)`); suggest_3: three visibly different
  ones (`count=3`). Ours is the whole call from the plan value: the room's piece checker, the
  report of the plan without the pieces, every trial pose, the final `full_report` of each
  layout. `ours_us` is the median, `p95_us` the 95th percentile of the repeats, `cpu_us` the
  median CPU time (less swayed by other work on a shared machine). The room's view (its
  edges, openings and trial poses along the walls) is kept per layout, as the walkway's still
  part is, so the repeats find it; `first_us` is the median of calls that make it first (the
  first suggestion in a room; the plan's layout geometry kept, as the editor keeps it).
- The baseline is the obvious search with the same hard rules: random restarts. Each piece
  in turn gets random poses in the room (a centre anywhere in it, turned 0, 90, 180 or 270),
  each checked with `full_report` against the plan without the pieces, until one brings no
  new conflict (at most `TRIES` poses); a piece that finds none starts the whole room again,
  until `RESTARTS` restarts. It knows no soft rule: a layout it finds is merely legal. For
  three suggestions it runs three times with different seeds. `baseline_found` says how many
  of its runs found a layout with every piece (ours always did, in these cases); `load` the
  machine's load average as the case ended (on 2 cores, 2 and more slows every figure).

Run: python -m bench.layout [--quick]. Prints one JSON line. The full run takes about a
minute; --quick (a few seconds) times fewer repeats and runs the baseline once per case.
"""

from __future__ import annotations

import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace

import shapely

from bench.common import ROOT, case, report
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.layout import suggest
from hjem.floorplan.layout.room_view import forget_views
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.report import full_report
from hjem.floorplan.shapes import pieces_in, room_polygon

Row = dict[str, object]
# The living room's pieces, most of them first (category, width, depth, height).
LIVING_ROOM = (
    ("sofa", 200, 90, 80),
    ("sofabord", 110, 60, 45),
    ("reol", 100, 35, 190),
    ("laenestol", 80, 80, 90),
    ("tvbord", 150, 40, 50),
    ("kommode", 80, 45, 80),
    ("lampe", 40, 40, 160),
    ("taeppe", 200, 140, 1),
)
TRIES = 200  # random poses per piece before the baseline starts the room again
RESTARTS = 20


def living_room() -> tuple[Plan, Room]:
    """The 3-room sample with its living room emptied."""
    plan = load_plan(ROOT / "assets" / "samples" / "3-vaerelser.hjem")
    room = next(r for r in plan.rooms if r.kind.value == "stue")
    inside = {p.id for p in pieces_in(plan, room.id)}
    kept = tuple(p for p in plan.placements if p.id not in inside)
    return replace(plan, placements=kept), room


def pieces(n: int) -> list[Placement]:
    return [
        Placement(f"n{i}", c, c, w, d, h, Point(0.0, 0.0), floor_flat=c == "taeppe")
        for i, (c, w, d, h) in enumerate(LIVING_ROOM[:n])
    ]


def timed_us(run: Callable[[], object], repeats: int) -> tuple[list[float], list[float]]:
    """Wall times and CPU times of `repeats` calls, in µs."""
    run()  # warm
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        times.append((time.perf_counter() - start) * 1e6)
        cpu.append((time.process_time() - start_cpu) * 1e6)
    return times, cpu


def first_call_us(run: Callable[[], object], repeats: int) -> float:
    """The median time of calls that find no room's view kept."""
    times = []
    for _ in range(repeats):
        forget_views()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times)


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


class RandomRestarts:
    """The naive search: random legal poses one piece at a time, from scratch on a dead end."""

    def __init__(self, plan: Plan, room: Room):
        self.plan, self.room = plan, room
        self.outline = room_polygon(room)
        self.before = {(c.kind, c.elements) for c in full_report(plan)}

    def layout(self, items: list[Placement], seed: int) -> Plan | None:
        rng = random.Random(seed)
        for _ in range(RESTARTS):
            current = self.plan
            for item in items:
                placed = self._place(current, item, rng)
                if placed is None:
                    break
                current = placed
            else:
                return current
        return None

    def _place(self, plan: Plan, item: Placement, rng: random.Random) -> Plan | None:
        x0, y0, x1, y1 = self.outline.bounds
        for _ in range(TRIES):
            centre = Point(rng.uniform(x0, x1), rng.uniform(y0, y1))
            if not self.outline.covers(shapely.Point(centre)):
                continue
            moved = item.moved_to(centre, rng.choice((0.0, 90.0, 180.0, 270.0)))
            trying = replace(plan, placements=(*plan.placements, moved))
            if {(c.kind, c.elements) for c in full_report(trying)} <= self.before:
                return trying
        return None


def bench_case(count: int, n: int, quick: bool) -> Row:
    plan, room = living_room()
    items = pieces(n)
    ours, cpu = timed_us(lambda: suggest(plan, room.id, items, count=count), 8 if quick else 40)
    first = first_call_us(lambda: suggest(plan, room.id, items, count=count), 4 if quick else 15)
    found = suggest(plan, room.id, items, count=count)
    assert all(not s.left_out for s in found), "every piece fits the living room"
    naive = RandomRestarts(plan, room)
    runs = 1 if quick else 3
    times, successes = [], 0
    for seed in range(runs):
        start = time.perf_counter()
        results = [naive.layout(items, seed * 10 + k) for k in range(count)]
        times.append((time.perf_counter() - start) * 1e6)
        successes += sum(r is not None for r in results)
    return case(
        f"suggest_{count}",
        n,
        statistics.median(ours),
        statistics.median(times),
        p95_us=round(p95(ours), 1),
        first_us=round(first, 1),
        cpu_us=round(statistics.median(cpu), 1),
        suggestions=len(found),
        baseline_found=f"{successes}/{runs * count}",
        load=round(os.getloadavg()[0], 1),  # the machine is shared: how busy it was
    )


def main() -> None:
    quick = "--quick" in sys.argv
    cases = [bench_case(count, n, quick) for count in (1, 3) for n in (3, 5, 8)]
    report("layout", cases)


if __name__ == "__main__":
    main()
