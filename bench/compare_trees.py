"""The engine's speed in two commits, side by side: drag, report and find-a-spot.

An issue that changes the rules must keep the drag, find-a-spot and report benchmarks within
10 % of the commit before it (issue 18). Two runs of `bench.collisions` minutes apart on a
shared machine differ by more than that, so this times both commits in one run: a worker
process per checkout (`bench/tree_worker.py`), each case asked of one and then the other,
the order swapped every round, CPU time, medians over the rounds.

Run: python -m bench.compare_trees BEFORE [AFTER] [--rounds N] [--quick] [--layout]. With
--layout it compares `bench.layout`'s suggestions instead (issue 19). BEFORE and AFTER are
git revisions (AFTER: the working tree); each is checked out in a temporary worktree. The JSON
line's `ours_us` is AFTER, `baseline_us` BEFORE (a ratio above 1: AFTER is faster). --quick
compares this checkout with itself in one round, small plans only (CI: it must work).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import ROOT, case, report

WORKER = Path(__file__).with_name("tree_worker.py")
SIZES = (100, 1000)
CASES = (
    "drag_step",
    "full_report",
    "full_report_cold",
)
SPOT_CASES = ("find_spot:2-vaerelser", "find_spot:3-vaerelser", "find_spot_cold:3-vaerelser")
# `--layout`: bench.layout's cases instead (both commits must have issue 19's layouts).
LAYOUT_CASES = ("suggest_1:3", "suggest_1:5", "suggest_1:8", "suggest_3:5")


@contextmanager
def checkout(revision: str | None) -> Iterator[Path]:
    """A folder holding `revision` (None: this checkout as it is)."""
    if revision is None:
        yield ROOT
        return
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "--detach", "-q", str(tree), revision], check=True)
        try:
            yield tree
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], check=True)


class Worker:
    def __init__(self, tree: Path, sizes: tuple[int, ...]):
        env = dict(os.environ, HJEM_DATA_DIR=tempfile.mkdtemp(prefix="hjem-bench-"))
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), *map(str, sizes)],
            cwd=tree,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def ask(self, name: str) -> float:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the worker stopped at {name}")
        return float(json.loads(answer))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)


def compare(
    before: Worker, after: Worker, names: list[str], rounds: int
) -> dict[str, tuple[float, float]]:
    """Per case: (before's median µs, after's)."""
    times: dict[str, tuple[list[float], list[float]]] = {n: ([], []) for n in names}
    for r in range(rounds):
        for name in names:
            pair = (before, after) if r % 2 == 0 else (after, before)
            for worker in pair:
                times[name][worker is after].append(worker.ask(name))
    return {n: (statistics.median(b), statistics.median(a)) for n, (b, a) in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", nargs="?", default=None)
    parser.add_argument("after", nargs="?", default=None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--layout", action="store_true", help="compare layout suggestions")
    args = parser.parse_args()
    sizes = (100,) if args.quick else SIZES
    names = [f"{c}:{n}" for c in CASES for n in sizes] + list(SPOT_CASES)
    if args.layout:
        names = list(LAYOUT_CASES)
    with checkout(None if args.quick else args.before) as old, checkout(args.after) as new:
        before, after = Worker(old, sizes), Worker(new, sizes)
        try:
            found = compare(before, after, names, 1 if args.quick else args.rounds)
        finally:
            before.close()
            after.close()
    cases = []
    for name, (old_us, new_us) in found.items():
        kind, arg = name.split(":")
        n = int(arg) if arg.isdigit() else 0
        extra: dict[str, object] = {} if arg.isdigit() else {"plan": arg}
        extra["after_vs_before"] = round(new_us / old_us, 3)
        cases.append(case(kind, n, new_us, old_us, **extra))
    report("compare_trees", cases)


if __name__ == "__main__":
    main()
