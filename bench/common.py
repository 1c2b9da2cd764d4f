"""Shared helpers for the benchmarks: medians in microseconds and the one-line JSON report."""

from __future__ import annotations

import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The benchmarks' workspaces are thrown away after the run, and CI has no keyring to keep a
# key in: they are encrypted under a key of the run's own (hjem.db.keystore reads it).
os.environ.setdefault("HJEM_WORKSPACE_KEY", os.urandom(32).hex())


def median_us(run: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    """The median wall time of `run` over `repeats` calls, in microseconds."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def median_each_us(runs: Iterable[Callable[[], object]]) -> float:
    """The median time over a sequence of different calls (the steps of a drag)."""
    times = []
    for run in runs:
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def case(name: str, n: int, ours_us: float, baseline_us: float | None, **extra: object) -> dict:
    row: dict[str, object] = {"case": name, "n": n, "ours_us": round(ours_us, 1)}
    if baseline_us is not None:
        row["baseline_us"] = round(baseline_us, 1)
        row["ratio"] = round(baseline_us / ours_us, 1) if ours_us > 0 else math.inf
    else:
        row["baseline_us"] = None
        row["ratio"] = None
    row.update(extra)
    return row


def report(bench: str, cases: list[dict]) -> None:
    print(json.dumps({"bench": bench, "cases": cases}, ensure_ascii=False))
