"""Benchmark of "find a spot" and "what fits here" (hjem.floorplan.spots and .fits).

Cases, each against a naive baseline measured in the same run:
- find_spot, one per room of each sample plan (n = the placements in the plan): one search
  for a new piece, the median over eight pieces (beds 90 and 140 wide, wardrobe, sofa, dining
  table, dresser, shelf, desk), each searched several times. Ours is `SpotFinder.find` with
  the finder built and warmed for the plan beforehand, as the UI keeps one per plan value: its
  index of everything but the new piece, the walkway's still floor and the room's edges are
  NOT in the time. The time is the 1-D search along every wall, the drag check per candidate
  and the walkway on the first that passes (and the next, if it fails).
  The baseline is the obvious scan: a 10 cm grid over the room's bounding box (centres in the
  room) × 4 rotations, row by row, each pose checked pair by pair (`reference.NaiveDrag`, its
  still geometry prebuilt per piece and not timed) and, if that finds nothing, the walkway
  (`reference.LiteralWalkway`); it stops at the FIRST valid pose, not the best, and that pose
  need not be against a wall. Where nothing is valid it scans everything; that is the case
  where a person waits longest, so it is measured, not left out. Each piece is searched once.
- find_spot_cold, per plan: `find_spot(plan, item, room)` from scratch, the index built inside
  the search (median over every room and piece); baseline as above, median over the same.
- what_fits: 200 candidates of varied sizes for a stretch of wall in the children's room of
  the 3-room plan (n = candidates). Ours: `what_fits` with a warmed finder. Baseline: each
  candidate scanned along the stretch every 5 cm (both flush ends included), with its back to
  the wall, checked pair by pair and by the literal walkway until one pose is valid.

Run: python -m bench.find_spot [--quick]. Prints one JSON line. The full run takes minutes (the
naive scans: up to 16 s for one search in the 3-room plan's hall). --quick (two seconds) times
fewer repeats, scans only each plan's first room naively (three pieces: dresser, shelf,
desk; find_spot_cold's baseline is that room's), and sifts 5 candidates, not 200.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
from dataclasses import replace
from functools import partial

import shapely

from bench.common import ROOT, case, median_each_us, median_us, report
from hjem.floorplan.categories import TYPICAL_PIECES
from hjem.floorplan.fits import Candidate, WallStretch, what_fits
from hjem.floorplan.geometry import Point
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.reference import LiteralWalkway, NaiveDrag
from hjem.floorplan.shapes import room_polygon
from hjem.floorplan.spots import SpotFinder, find_spot

PIECES = TYPICAL_PIECES
GRID = 10.0
Row = dict[str, object]  # one case of the JSON line
STRETCH = WallStretch(Point(766.0, 434.0), Point(985.0, 434.0))


def piece(category: str, width: float, depth: float, height: float) -> Placement:
    return Placement("new", category, category, width, depth, height, Point(0.0, 0.0))


class NaiveSearch:
    """The obvious search for one piece: scan poses, check each pair by pair, then the walkway."""

    def __init__(self, plan: Plan, item: Placement):
        self.with_item = replace(plan, placements=(*plan.placements, item))
        self.drag = NaiveDrag(self.with_item, item.id)
        self.before = {c.elements[0] for c in LiteralWalkway(plan).conflicts()}

    def valid(self, center: Point, rotation: float) -> bool:
        if self.drag.check(center, rotation):
            return False
        moved = self.drag.moving.moved_to(center, rotation)
        placements = tuple(moved if p.id == moved.id else p for p in self.with_item.placements)
        after = LiteralWalkway(replace(self.with_item, placements=placements)).conflicts()
        return {c.elements[0] for c in after} <= self.before

    def first_in_room(self, room: Room) -> Point | None:
        outline = room_polygon(room)
        x0, y0, x1, y1 = outline.bounds
        for rotation in (0.0, 90.0, 180.0, 270.0):
            for y in _steps(y0, y1, GRID):
                for x in _steps(x0, x1, GRID):
                    if outline.contains(shapely.Point(x, y)) and self.valid(Point(x, y), rotation):
                        return Point(x, y)
        return None

    def first_on_stretch(self, stretch: WallStretch) -> Point | None:
        (x0, y0), (x1, y1) = stretch.start, stretch.end
        length = math.dist((x0, y0), (x1, y1))
        item = self.drag.moving
        for s in _steps(item.width / 2, length - item.width / 2, 5.0):
            center = Point(x0 + (x1 - x0) * s / length, y0 - item.depth / 2)
            if self.valid(center, 180.0):
                return center
        return None


def _steps(lo: float, hi: float, step: float) -> list[float]:
    count = math.floor((hi - lo) / step + 1e-9)
    return [lo + i * step for i in range(count + 1)] if hi >= lo else []


def bench_rooms(name: str, quick: bool) -> list[Row]:
    plan = load_plan(ROOT / "assets" / "samples" / f"{name}.hjem")
    finder = SpotFinder(plan)
    items = [piece(*p) for p in PIECES]
    for room in plan.rooms:  # warm: the index, and each room's edges
        finder.find(items[0], room.id)
    # --quick: the naive scan for the first room only, three pieces (it takes seconds).
    scanned, scan_items = (plan.rooms[:1], items[5:]) if quick else (plan.rooms, items)
    cases, baselines = [], []
    for room in plan.rooms:
        runs = [partial(finder.find, i, room.id) for i in items] * (3 if quick else 20)
        ours = median_each_us(runs)
        baseline = None
        if room in scanned:
            searches = [NaiveSearch(plan, i) for i in scan_items]
            baseline = median_each_us([partial(s.first_in_room, room) for s in searches])
            baselines.append(baseline)
        found = sum(finder.find(i, room.id).found for i in items)
        label = f"{room.id} {room.name or room.kind.value}"
        n = len(plan.placements)
        cases.append(case("find_spot", n, ours, baseline, plan=name, room=label, found=found))
    cold_items = items[5:] if quick else items
    cold = median_each_us(
        [partial(find_spot, plan, i, r.id) for r in plan.rooms for i in cold_items]
    )
    baseline = statistics.median(baselines)
    cases.append(case("find_spot_cold", len(plan.placements), cold, baseline, plan=name))
    return cases


def inventory(count: int) -> list[Candidate]:
    rng = random.Random(7)
    kinds = [*PIECES, ("stol", 45, 45, 90), ("sofabord", 110, 60, 45)]
    out = []
    for i in range(count):
        category, w, d, h = rng.choice(kinds)
        scale = rng.uniform(0.7, 1.3)
        out.append(Candidate(f"k{i}", category, round(w * scale), round(d * scale), h))
    return out


def bench_what_fits(quick: bool) -> Row:
    plan = load_plan(ROOT / "assets" / "samples" / "3-vaerelser.hjem")
    candidates = inventory(5 if quick else 200)
    finder = SpotFinder(plan)
    what_fits(plan, STRETCH, candidates[:1], finder)
    ours = median_us(lambda: what_fits(plan, STRETCH, candidates, finder), 3 if quick else 10)

    def naive() -> None:
        for c in candidates:
            item = Placement("new", c.key, c.category, c.width, c.depth, c.height, Point(0, 0))
            NaiveSearch(plan, item).first_on_stretch(STRETCH)

    baseline = median_us(naive, 1, warmup=0)
    return case(
        "what_fits", len(candidates), ours, baseline, plan="3-vaerelser", region="wall of r3"
    )


def main() -> None:
    quick = "--quick" in sys.argv
    cases = []
    for name in ("2-vaerelser", "3-vaerelser"):
        cases += bench_rooms(name, quick)
    cases.append(bench_what_fits(quick))
    report("find_spot", cases)


if __name__ == "__main__":
    main()
