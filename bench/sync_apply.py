"""Benchmark of the server's side of a push (issue 15): 1 000 waiting operations applied by
`hjem.sync.apply.apply_all`, up to 64 per transaction, as an architect on a throwaway local
PostgreSQL cluster with `hjem server init` (row security on), and the same push again.

The operations: reserve and hold on 600 items for the architect's 10 cases (a fifth of them
claims of an item another case already has: conflicts), releases of half the held items, and
plan saves. Cases:
- push: the 1 000 applied for the first time by `apply_all` (one connection, batches of
  1, 2, 4, … up to 64 per transaction; the answers come a batch at a time, so the time per
  operation is the total's share, `total_s` for all);
- repush: the same 1 000 pushed again, each answered from `applied_ops`;
- push_apply_once_loop: another 1 000 on fresh items, a loop of `apply_once` (a pooled
  session per operation);
The baseline is the same operations' effects through the domain functions in one
transaction each, with no record and no answer kept (what at-most-once costs on top).
`round_trips` counts the statements sent per operation on the first push.

Run: python -m bench.sync_apply [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import make_url

import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
from bench.common import case, report
from hjem.cases.cases import CaseData, create_case
from hjem.db.engine import make_engine
from hjem.db.people import add_person, assign_case
from hjem.db.server import init
from hjem.db.workspace import Workspace
from hjem.floorplan.hjemfile import plan_bytes
from hjem.floorplan.model import Plan
from hjem.sync.apply import EFFECTS, apply_all, apply_once
from hjem.sync.operations import Kind, Operation
from tests.inventory.helpers import available_item  # the suite's own donations
from tests.postgres import PostgresServer

CASES = [f"FBH-2026-{i:03d}" for i in range(10)]
ARCHITECT = "arkitekt"


def seed(admin_url: str, items: int, cases: bool = False) -> list[str]:
    workspace = Workspace(admin_url)
    with workspace.session() as session:
        for code in CASES if cases else ():
            create_case(session, CaseData(code, f"Familie {code[-3:]}"))
        codes = [available_item(session).code for _ in range(items)]
    workspace.close()
    return codes


def operations(items: list[str], n: int, rng: random.Random) -> list[Operation]:
    """`n` operations: claims (some of items already claimed), releases, plan saves."""
    document = plan_bytes(Plan())
    ops: list[Operation] = []
    claimed: list[tuple[str, str]] = []
    versions: dict[str, int | None] = dict.fromkeys(CASES)
    while len(ops) < n:
        roll, case_code = rng.random(), rng.choice(CASES)
        if roll < 0.6:
            item = rng.choice(items) if claimed and roll < 0.12 else items[len(claimed)]
            kind = Kind.HOLD if roll < 0.3 else Kind.RESERVE
            ops.append(Operation(kind, case_code, ARCHITECT, item_code=item))
            claimed.append((case_code, item))
        elif roll < 0.9 and claimed:
            held_by, item = claimed[rng.randrange(len(claimed))]
            ops.append(Operation(Kind.RELEASE, held_by, ARCHITECT, item_code=item))
        else:
            based_on = versions[case_code]
            ops.append(Operation(Kind.SAVE_PLAN, case_code, ARCHITECT, "", based_on, document))
            versions[case_code] = (based_on or 0) + 1
    return ops


def timed(ops: list[Operation], run: Callable[[Operation], object]) -> list[float]:
    times = []
    for op in ops:
        start = time.perf_counter()
        run(op)
        times.append((time.perf_counter() - start) * 1e6)
    return times


def counting(workspace: Workspace) -> list[int]:
    sent = [0]

    def count(*_: object) -> None:
        sent[0] += 1

    event.listen(workspace.engine, "before_cursor_execute", count)
    return sent


def main() -> None:
    n = 200 if "--quick" in sys.argv else 1_000
    rng = random.Random(20270120)
    folder = Path(tempfile.mkdtemp(prefix="hjem-bench-sync-"))
    server = PostgresServer(folder)
    admin_url = server.start()
    try:
        admin = make_engine(admin_url)
        init(admin)
        add_person(admin, ARCHITECT, "architect", ARCHITECT)
        items = seed(admin_url, n, cases=True)
        for code in CASES:
            assign_case(admin, code, ARCHITECT)
        url = make_url(admin_url).set(username=ARCHITECT, password=ARCHITECT)
        person = Workspace(url.render_as_string(hide_password=False), migrate=False)
        baseline_ops = operations(seed(admin_url, n), n, random.Random(1))
        ops = operations(items, n, rng)
        sent = counting(person)
        total = timed_all(person, ops)
        round_trips = sent[0] / n
        repush_total = timed_all(person, ops)
        each_ops = operations(seed(admin_url, n), n, random.Random(2))
        start = time.perf_counter()
        each = timed(each_ops, lambda op: apply_once(person, op))
        each_total = time.perf_counter() - start
        base = timed(baseline_ops, lambda op: _effect_only(person, op))
        person.close()
        admin.dispose()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    baseline = statistics.median(base)
    report(
        "sync_apply",
        [
            case("push", n, total * 1e6 / n, baseline, total_s=round(total, 2))
            | {"round_trips": round(round_trips, 1)},
            case("repush", n, repush_total * 1e6 / n, baseline, total_s=round(repush_total, 2)),
            case("push_apply_once_loop", n, statistics.median(each), baseline)
            | {"total_s": round(each_total, 2)},
        ],
    )


def timed_all(workspace: Workspace, ops: list[Operation]) -> float:
    """One `apply_all` push, in seconds (its answers come a batch at a time)."""
    start = time.perf_counter()
    for _ in apply_all(workspace, ops):
        pass
    return time.perf_counter() - start


def _effect_only(workspace: Workspace, op: Operation) -> object:
    try:
        return workspace.run(lambda session: EFFECTS[op.kind](session, op))
    except Exception as refused:  # the baseline keeps no answer: a refusal is just timed
        return refused


if __name__ == "__main__":
    main()
