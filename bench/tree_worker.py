"""One side of `bench.compare_trees`: run from a checkout's root (its `hjem` and `bench` on the
path), it reads case names on stdin and answers each with the median CPU time in µs.

CPU time, not wall time: the two checkouts are timed in turn on a shared machine, and what
another process takes of the CPU would otherwise count against whichever ran then.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial

sys.path.insert(0, os.getcwd())  # the checkout being measured, not the one this file is in

from bench.collisions import drag_path, forget_layouts
from bench.common import ROOT
from bench.find_spot import PIECES, piece
from bench.plans import tiled
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.piece_check import PieceCheck
from hjem.floorplan.report import full_report
from hjem.floorplan.spots import SpotFinder, find_spot

SAMPLES = ("2-vaerelser", "3-vaerelser")


def median_cpu_us(calls: Iterable[Callable[[], object]]) -> float:
    times = []
    for call in calls:
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1e6


class Cases:
    def __init__(self, sizes: Iterable[int]):
        self.plans = {n: tiled(n) for n in sizes}
        self.checks = {n: PieceCheck.of(plan, "p1") for n, plan in self.plans.items()}
        self.samples = {s: load_plan(ROOT / "assets" / "samples" / f"{s}.hjem") for s in SAMPLES}
        self.items = [piece(*p) for p in PIECES]
        self.finders = {name: SpotFinder(plan) for name, plan in self.samples.items()}
        for name, plan in self.samples.items():  # warm: the index and each room's edges
            for room in plan.rooms:
                self.finders[name].find(self.items[0], room.id)
        self.path = drag_path(300)

    def run(self, case: str) -> float:
        kind, arg = case.split(":")
        if kind.startswith("suggest_"):
            return self._suggest(int(kind.removeprefix("suggest_")), int(arg))
        if kind == "drag_step":
            check = self.checks[int(arg)]
            return median_cpu_us(partial(check.check, (x, y), turn) for x, y, turn in self.path)
        if kind.startswith("full_report"):
            plan = self.plans[int(arg)]
            warm = partial(full_report, plan, walkway=False)
            once = partial(self._cold, plan) if kind.endswith("cold") else warm
            return median_cpu_us([once] * (5 if int(arg) >= 1000 else 15))
        plan, finder = self.samples[arg], self.finders[arg]
        if kind == "find_spot_cold":
            return median_cpu_us(
                partial(find_spot, plan, i, r.id) for r in plan.rooms for i in self.items
            )
        return median_cpu_us(
            [partial(finder.find, i, r.id) for r in plan.rooms for i in self.items] * 3
        )

    @staticmethod
    def _suggest(count: int, n: int) -> float:
        """`bench.layout`'s case: `count` layouts of `n` pieces in the emptied living room
        (imported here: a checkout from before issue 19 has no layouts)."""
        from bench.layout import living_room, pieces
        from hjem.floorplan.layout import suggest

        plan, room = living_room()
        items = pieces(n)
        call = partial(suggest, plan, room.id, items, count=count)
        call()  # the room's view, where a checkout keeps it
        return median_cpu_us([call] * 9)

    @staticmethod
    def _cold(plan) -> None:  # type: ignore[no-untyped-def]
        forget_layouts()
        full_report(plan, walkway=False)


def main() -> None:
    cases = Cases(int(n) for n in sys.argv[1:])
    for line in sys.stdin:
        print(json.dumps(cases.run(line.strip())), flush=True)


if __name__ == "__main__":
    main()
