"""Benchmark of offline visits' sync (issue 15) against a local team server, as an architect.

- push: n waiting operations (claims of n items for the architect's case) pushed from a working
  copy; ours is `hjem.sync.push.push` (one pooled connection, up to 64 operations per server
  transaction through `apply_all`, the answers settled in the copy in batches); the baseline
  opens a new connection for every operation (a new engine, as a naive client would), one
  transaction each through `apply_once`, the rest the same.
- pull: a fresh working copy pulls n changed items (every item is new to it; a third of the
  first 5 000 have a photo); ours is `hjem.sync.engine.refresh` (the server's (id, version)
  pairs, then whole rows a thousand at a time, one REPEATABLE READ transaction); the baseline
  reads the same items with one SELECT per item into a copy of its own.

Each case runs once (a push cannot be repeated on the same outbox); times are totals in µs;
the target is ≤ 5 s for push n = 1 000 and pull n = 10 000. A throwaway PostgreSQL cluster is
started as the test suite does (`tests.postgres.PostgresServer`); with none on the machine the
bench prints one JSON line saying why, and measures nothing.

Run: python -m bench.sync [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select, text, update
from sqlalchemy.engine import make_url

import hjem.budget.models  # noqa: F401  (a case names its grant scheme's table)
from bench.common import case, report
from bench.inventory import fill
from hjem.cases.models import Case, CaseArchitect
from hjem.db.engine import make_engine
from hjem.db.people import add_person
from hjem.db.server import init
from hjem.db.workspace import Workspace
from hjem.inventory.models import Item, Location, Status
from hjem.sync.apply import apply_once
from hjem.sync.copy import open_copy
from hjem.sync.engine import refresh
from hjem.sync.operations import Operation
from hjem.sync.outbox import reserve_offline
from hjem.sync.push import push, settle
from hjem.sync.rows import read_rows, table_of, upsert
from tests.postgres import PostgresServer  # the suite's own throwaway server

CASE_CODE = "FBH-2027-0001"
LOGIN = "arkitekt"
ITEMS = table_of(Item)


def seed(admin_url: str, items: int) -> str:
    """`items` available items and the architect's case; the architect's own address."""
    admin = make_engine(admin_url)
    init(admin)
    add_person(admin, LOGIN, "architect", LOGIN)
    workspace = Workspace(admin_url)
    fill(workspace, items, random.Random(20270120))
    with workspace.session() as session:
        session.execute(update(Item).values(status=Status.AVAILABLE.value))
        session.execute(insert(Case), [{"code": CASE_CODE, "alias": "Familie", "version": 1}])
        case_id = session.scalar(select(Case.id))
        session.execute(insert(CaseArchitect), [{"case_id": case_id, "login": LOGIN}])
        session.execute(text("ANALYZE"))
    workspace.close()
    admin.dispose()
    url = make_url(admin_url).set(username=LOGIN, password=LOGIN)
    return url.render_as_string(hide_password=False)


def timed(run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1e6


def pull_case(url: str, n: int) -> dict:
    server = Workspace(url)
    copy = open_copy(url)
    ours = timed(lambda: refresh(server, copy))
    read = copy.read(lambda s: s.scalar(text("SELECT count(*) FROM items")))
    naive = Workspace(f"sqlite:///{Path(tempfile.mkdtemp()) / 'naive.sqlite'}")
    baseline = timed(lambda: naive_pull(server, naive))
    for workspace in (server, copy, naive):
        workspace.close()
    return case("pull", n, ours, baseline, items_read=read)


def naive_pull(server: Workspace, copy: Workspace) -> None:
    """One SELECT per item, each written as it comes (the places they name first)."""
    with server.session(read_only=True) as remote, copy.session() as local:
        upsert(local, table_of(Location), read_rows(remote, table_of(Location)))
        ids = remote.scalars(select(Item.id).where(Item.status == Status.AVAILABLE.value)).all()
        for item_id in ids:
            upsert(local, ITEMS, read_rows(remote, ITEMS, ITEMS.c.id == item_id))


def push_case(url: str, n: int) -> dict:
    server, copy = Workspace(url), open_copy(url)
    codes = copy.read(lambda s: s.scalars(select(Item.code).order_by(Item.id)).all())
    queue(copy, codes[:n])
    ours = timed(lambda: push(server, copy))
    queue(copy, codes[n : 2 * n])
    baseline = timed(lambda: naive_push(url, copy))
    server.close()
    copy.close()
    return case("push", n, ours, baseline, per_op_us=round(ours / n, 1))


def queue(copy: Workspace, codes: list[str]) -> None:
    copy.run(lambda s: [reserve_offline(s, code, CASE_CODE, "Arkitekt") for code in codes])


def naive_push(url: str, copy: Workspace) -> None:
    """A new connection (engine) for every operation."""
    entries = copy.read(lambda s: s.execute(text("SELECT op_id, body FROM sync_outbox")).all())
    for op_id, body in entries:
        server = Workspace(url, migrate=False)
        answer = apply_once(server, Operation.from_json(body))
        server.close()
        copy.run(lambda s, op_id=op_id, answer=answer: settle(s, op_id, answer))


def main() -> None:
    quick = "--quick" in sys.argv
    pushes, pulls = (100, 1_000) if quick else (1_000, 10_000)
    folder = Path(tempfile.mkdtemp(prefix="hjem-bench-sync-"))
    os.environ["HJEM_DATA_DIR"] = tempfile.mkdtemp(prefix="hjem-bench-copies-")  # thrown away
    server = PostgresServer(folder)
    try:
        admin_url = server.start()
    except (FileNotFoundError, OSError) as error:
        skipped = {"bench": "sync", "cases": [], "skipped": f"no PostgreSQL server: {error}"}
        print(json.dumps(skipped))
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        url = seed(admin_url, max(pulls, 2 * pushes))
        results = [pull_case(url, pulls), push_case(url, pushes)]
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(os.environ["HJEM_DATA_DIR"], ignore_errors=True)
    report("sync", results)


if __name__ == "__main__":
    main()
