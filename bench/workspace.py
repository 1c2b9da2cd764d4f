"""Benchmark of the encrypted workspace (issue 14) against a plain SQLite one.

- open_encrypted: opening the encrypted workspace as hjem does (`make_engine`: the raw key
  from HJEM_WORKSPACE_KEY, checked against page 1, the connection's pragmas) and running a
  first query (the case list's count); the baseline opens a plain SQLite file built the same
  way, with the same pragmas, through SQLAlchemy directly. Target ≤ 50 ms.
- fit_query: the inventory's "what fits within W × D" (`listing.table_rows`, 50 rows, best
  fit first) on 100 000 items, encrypted against plain; both filled by `bench.inventory.fill`
  from the same seed, with hjem's connection settings on both (among them a 64 MiB page cache:
  a page found in it is not decrypted again). Target: within 1.3× of plain.
- convert: `conversion.encrypt_plain` of a plain 100 000-item workspace (copy in batches with
  progress, indexes after, verify, overwrite the plain file); the baseline is SQLCipher's own
  one-step `sqlcipher_export` into an encrypted file (no progress, no check, nothing removed).

Run: python -m bench.workspace [--quick]. Prints one JSON line.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from bench.common import case, report
from bench.inventory import fill
from hjem.db import cipher, conversion, keystore
from hjem.db.engine import SQLITE_PRAGMAS, make_engine
from hjem.db.migrate import alembic_config
from hjem.db.workspace import Workspace
from hjem.inventory.listing import table_rows
from hjem.inventory.models import Status
from hjem.inventory.search import Query

FIRST_QUERY = "SELECT count(*) FROM cases"


class PlainWorkspace:
    """A plain SQLite workspace through SQLAlchemy directly: what `fill` needs of Workspace."""

    def __init__(self, path: Path):
        self.engine = create_engine(f"sqlite:///{path}")
        event.listen(self.engine, "connect", _plain_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self, read_only: bool = False) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _plain_pragmas(connection: Any, _record: Any) -> None:
    for pragma in SQLITE_PRAGMAS:  # hjem's own, for a baseline made without hjem's engine
        connection.execute(f"PRAGMA {pragma}")


def plain_workspace(path: Path, items: int, seed: int) -> PlainWorkspace:
    workspace = PlainWorkspace(path)
    with workspace.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    fill(workspace, items, random.Random(seed))  # type: ignore[arg-type]
    return workspace


def open_case(encrypted: Path, plain: Path, repeats: int) -> dict:
    def opened(make: Callable[[], Engine]) -> Callable[[], None]:
        def run() -> None:
            engine = make()
            with engine.connect() as connection:
                connection.execute(text(FIRST_QUERY)).scalar()
            engine.dispose()

        return run

    ours = _median_us(opened(lambda: make_engine(f"sqlite:///{encrypted}")), repeats)
    base = _median_us(opened(lambda: PlainWorkspace(plain).engine), repeats)
    return case("open_encrypted", 1, ours, base, target_us=50_000)


def fit_case(encrypted: Workspace, plain: PlainWorkspace, items: int, repeats: int) -> dict:
    rng = random.Random(20261203)
    spaces = [(rng.uniform(40, 260), rng.uniform(40, 120)) for _ in range(repeats)]
    queries = [Query(fits=s, status=Status.AVAILABLE, limit=50) for s in spaces]
    results: dict[str, list[float]] = {}
    for label, workspace in (("ours", encrypted), ("plain", plain)):
        with workspace.session() as session:
            table_rows(session, queries[0])  # the cache warmed, as in a session's second query
            results[label] = [_time_us(lambda q=q, s=session: table_rows(s, q)) for q in queries]
    ours, base = statistics.median(results["ours"]), statistics.median(results["plain"])
    return case("fit_query", items, ours, base, over_plain=round(ours / base, 2))


def convert_case(plain: Path, folder: Path, items: int) -> dict:
    baseline = folder / "exported.sqlite"
    key = os.urandom(32)
    started = time.perf_counter()
    connection = cipher.sqlcipher3.connect(str(plain))  # no key: the plain file
    cipher.attach(connection, baseline, "encrypted", key)
    connection.execute("SELECT sqlcipher_export('encrypted')")
    connection.execute("DETACH DATABASE encrypted")
    connection.close()
    base_s = time.perf_counter() - started
    converted = conversion.encrypt_plain(plain)
    return case(
        "convert",
        items,
        converted.seconds * 1e6,
        base_s * 1e6,
        rows=converted.rows,
        rows_per_s=round(converted.rows / converted.seconds),
    )


def _time_us(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1e6


def _median_us(run: Callable[[], object], repeats: int) -> float:
    run()  # the first opening loads the driver
    return statistics.median(_time_us(run) for _ in range(repeats))


def main() -> None:
    quick = "--quick" in sys.argv
    items = 5_000 if quick else 100_000
    os.environ["HJEM_WORKSPACE_KEY"] = os.urandom(32).hex()  # never the person's keyring
    folder = Path(tempfile.mkdtemp(prefix="hjem-bench-"))
    try:
        encrypted = Workspace(f"sqlite:///{folder / 'encrypted.sqlite'}")
        fill(encrypted, items, random.Random(20261128))
        plain = plain_workspace(folder / "plain.sqlite", items, 20261128)
        cases = [fit_case(encrypted, plain, items, 40 if quick else 400)]
        encrypted.close()
        plain.close()
        keystore.forget_all()
        repeats = 5 if quick else 50
        cases.insert(0, open_case(folder / "encrypted.sqlite", folder / "plain.sqlite", repeats))
        cases.append(convert_case(folder / "plain.sqlite", folder, items))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report("workspace", cases)


if __name__ == "__main__":
    main()
