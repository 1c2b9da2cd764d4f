"""Benchmark of the inventory (issue #4) on a SQLite workspace of 100 000 items.

- fit_query: "what fits within W × D" (random spaces, available items, best fit first, the first
  50 rows as the window and `hjem inventory find` show them), with and without a category;
  ours uses the (status[, category], long_side, short_side) indexes, the baseline is the same
  query on a copy of the database without those indexes.
  Medians and 95th percentiles (the target is p95 ≤ 1 ms).
- list_5000: loading 5 000 rows for the inventory table; ours reads the shown columns in one
  query (`listing.table_rows`), the baseline loads item objects and reads their category,
  place and first photo the plain ORM way.

Run: python -m bench.inventory [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select, text

from bench.common import case, report
from hjem.db.workspace import Workspace
from hjem.inventory.listing import table_rows
from hjem.inventory.models import Category, Item, Location, Photo, Status
from hjem.inventory.search import Query

SIZES = {
    "sofa": (150, 240, 80, 100),
    "seng": (80, 180, 190, 210),
    "reol": (40, 120, 25, 45),
    "stol": (40, 55, 40, 55),
    "spisebord": (70, 200, 70, 100),
    "klaedeskab": (60, 200, 50, 65),
}


def fill(workspace: Workspace, count: int, rng: random.Random) -> None:
    with workspace.session() as session:
        categories = dict(session.execute(select(Category.slug, Category.id)).all())
        place = Location(name="Lager")
        session.add(place)
        session.flush()
        rows = []
        for i in range(count):
            slug = rng.choice(list(categories))
            low_w, high_w, low_d, high_d = SIZES.get(slug, (20, 200, 20, 200))
            width, depth = rng.uniform(low_w, high_w), rng.uniform(low_d, high_d)
            status = Status.AVAILABLE if rng.random() < 0.7 else rng.choice(list(Status))
            rows.append(
                {
                    "code": f"B{i:07d}",
                    "name": f"{slug} {i}",
                    "category_id": categories[slug],
                    "width": width,
                    "depth": depth,
                    "height": rng.uniform(20, 200),
                    "long_side": max(width, depth),
                    "short_side": min(width, depth),
                    "status": status.value,
                    "received_on": dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                    "location_id": place.id,
                    "search_text": f"b{i:07d} {slug} {i}",
                    "version": 1,
                    "colour": "",
                    "notes": "",
                    "condition": "good",
                    "whole": True,
                    "clean": True,
                    "smoke_free": True,
                    "pet_free": True,
                    "no_pests": True,
                    "value_ore": rng.randrange(0, 500_000),
                }
            )
            if len(rows) == 10_000:
                session.execute(insert(Item), rows)
                rows = []
        if rows:
            session.execute(insert(Item), rows)
        first_ids = session.scalars(select(Item.id).order_by(Item.id).limit(5000)).all()
        session.execute(
            insert(Photo),
            [
                {
                    "item_id": item_id,
                    "position": 0,
                    "width": 800,
                    "height": 600,
                    "display": b"\xff" * 2048,
                    "thumbnail": b"\xff" * 512,
                }
                for item_id in first_ids[::3]
            ],
        )


def timings_us(run, queries) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - start) * 1e6)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def fit_cases(ours: Workspace, bare: Workspace, rng: random.Random, repeats: int) -> list[dict]:
    cases = []
    for name, category in (("fit_query", None), ("fit_query_category", "sofa")):
        spaces = [(rng.uniform(40, 260), rng.uniform(40, 120)) for _ in range(repeats)]
        queries = [
            Query(fits=s, status=Status.AVAILABLE, category=category, limit=50) for s in spaces
        ]
        results = {}
        for label, workspace in (("ours", ours), ("bare", bare)):
            with workspace.session() as session:
                table_rows(session, queries[0])  # warm the cache
                results[label] = timings_us(lambda q, s=session: table_rows(s, q), queries)
        cases.append(
            case(
                name,
                100_000,
                statistics.median(results["ours"]),
                statistics.median(results["bare"]),
                ours_p95_us=round(p95(results["ours"]), 1),
                baseline_p95_us=round(p95(results["bare"]), 1),
            )
        )
    return cases


def list_case(workspace: Workspace, repeats: int) -> dict:
    query = Query(limit=5000)

    def naive(session) -> None:
        for item in session.scalars(select(Item).order_by(Item.received_on.desc()).limit(5000)):
            _ = (
                item.category.slug,
                item.location,
                item.photos[0].thumbnail if item.photos else None,
            )

    ours_times, naive_times = [], []
    for _ in range(repeats):
        with workspace.session() as session:
            ours_times += timings_us(lambda _q, s=session: table_rows(s, query), [None])
        with workspace.session() as session:
            naive_times += timings_us(lambda _q, s=session: naive(s), [None])
    return case("list_5000", 5000, statistics.median(ours_times), statistics.median(naive_times))


def main() -> None:
    quick = "--quick" in sys.argv
    rng = random.Random(20261128)
    folder = Path(tempfile.mkdtemp(prefix="hjem-bench-"))
    try:
        ours = Workspace(f"sqlite:///{folder / 'ours.sqlite'}")
        fill(ours, 20_000 if quick else 100_000, rng)
        ours.close()
        shutil.copy(folder / "ours.sqlite", folder / "bare.sqlite")
        bare = Workspace(f"sqlite:///{folder / 'bare.sqlite'}")
        with bare.engine.begin() as connection:
            connection.execute(text("DROP INDEX ix_items_fit"))
            connection.execute(text("DROP INDEX ix_items_category_fit"))
        ours = Workspace(f"sqlite:///{folder / 'ours.sqlite'}")
        cases = fit_cases(ours, bare, rng, 40 if quick else 400)
        cases.append(list_case(ours, 2 if quick else 7))
        ours.close()
        bare.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report("inventory", cases)


if __name__ == "__main__":
    main()
