"""Benchmark of the inventory import (issue 12, point 11) on a SQLite workspace.

- import: `import_items` of a CSV file of new items, every column filled, a third with a
  donor, half made available, spread over 35 places; timed from the file to the commit, in
  a fresh copy of an empty, migrated workspace each time.
  Ours reads and checks the whole file, then writes items, donors and history in bulk
  INSERTs (`hjem.inventory.bulk`). The baseline is the import as it was before: the same
  rows read and checked the same way, then saved one by one with `create_item` and `move`
  (a code looked up, a category and each place queried, a flush, per item), copied below.
  The full run measures both at 2 000 and 20 000 rows (the baseline then takes about two
  minutes); --quick at 300 rows, once.
- update_all: every item of such an import exported, its condition changed in the file, and
  the file imported back (every row an update). Ours updates through the ORM with the
  lookups read once; the baseline calls `update_item` row by row as before. 2 000 rows
  (--quick: 300).

Run: python -m bench.inventory_import [--quick]. Prints one JSON line.
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

from sqlalchemy.orm import Session

from bench.common import case, report
from hjem.db.workspace import Workspace
from hjem.i18n import tr
from hjem.inventory.items import create_item, data_of, update_item
from hjem.inventory.lifecycle import move
from hjem.inventory.models import Status
from hjem.inventory.transfer import (
    COLUMNS,
    ImportFailed,
    _checked,
    _Context,
    _read,
    export_items,
    import_items,
)

CATEGORIES = ("sofa", "seng", "reol", "stol", "spisebord", "klaedeskab")


def write_file(path: Path, count: int, rng: random.Random) -> Path:
    lines = [";".join(COLUMNS)]
    for n in range(count):
        values = {
            **{"navn": f"Ting {n}", "kategori": rng.choice(CATEGORIES)},
            **{"bredde": f"{rng.randint(20, 200)},5", "dybde": "60", "højde": "80"},
            **{"farve": "grå", "stand": "God", "hel": "ja", "ren": "ja", "røgfri": "nej"},
            **{"noter": f"note {n}", "modtaget": "2026-11-01", "værdi": "1.234,50"},
            "placering": f"Lager A/Zone {n % 5}/Hylde {n % 7}",
            "giver": f"Giver {n}" if n % 3 == 0 else "",
            "status": "ledig" if n % 2 else "",
        }
        lines.append(";".join(values.get(column, "") for column in COLUMNS))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def naive_import(session: Session, path: Path, who: str) -> None:
    """The import before issue 12: checked as ours is, then saved row by row (its `_save`)."""
    _header, _columns, rows = _read(path, lambda _done, _total: None)
    context = _Context(session, rows)
    changes, found = _checked(rows, context)
    if found.failed_rows:
        raise ImportFailed(found)
    for change in changes:
        item = context.items[change.code] if change.code else None
        if item is None:
            item = create_item(session, change.data, who)
        elif data_of(item) != change.data:
            item = update_item(session, item.code, item.version, change.data, who)
        if item.status != change.status:
            move(session, item, Status(change.status), who, tr("transfer.reason"))
    session.flush()


def timed_us(empty: Path, folder: Path, run: Callable[[Session], object]) -> float:
    """One import into a fresh copy of the empty workspace, commit included."""
    target = folder / "run.sqlite"
    shutil.copy(empty, target)
    workspace = Workspace(f"sqlite:///{target}")
    start = time.perf_counter()
    with workspace.session() as session:
        run(session)
    elapsed = time.perf_counter() - start
    workspace.close()
    for leftover in folder.glob("run.sqlite*"):
        leftover.unlink()
    return elapsed * 1e6


def median_us(empty: Path, folder: Path, path: Path, repeats: int) -> tuple[float, float]:
    """Ours and the baseline importing `path` into copies of `empty`, medians."""
    ours = [timed_us(empty, folder, lambda s: import_items(s, path, "B")) for _ in range(repeats)]
    naive = [timed_us(empty, folder, lambda s: naive_import(s, path, "B")) for _ in range(repeats)]
    return statistics.median(ours), statistics.median(naive)


def import_case(empty: Path, folder: Path, count: int, repeats: int) -> dict:
    path = write_file(folder / f"rows-{count}.csv", count, random.Random(count))
    return case("import", count, *median_us(empty, folder, path, repeats))


def update_case(empty: Path, folder: Path, count: int, repeats: int) -> dict:
    """Every item exported, its condition changed in the file, and the file imported back."""
    path = write_file(folder / f"rows-{count}.csv", count, random.Random(count))
    filled = folder / f"filled-{count}.sqlite"
    shutil.copy(empty, filled)
    workspace = Workspace(f"sqlite:///{filled}")
    with workspace.session() as session:
        import_items(session, path, "B")
        export_items(session, folder / "all.csv", "da")
    workspace.close()
    changed = folder / "changed.csv"
    text = (folder / "all.csv").read_text("utf-8-sig")
    changed.write_text(text.replace(";God;", ";Slidt;"), "utf-8-sig")
    return case("update_all", count, *median_us(filled, folder, changed, repeats))


def main() -> None:
    quick = "--quick" in sys.argv
    folder = Path(tempfile.mkdtemp(prefix="hjem-bench-import-"))
    try:
        empty = folder / "empty.sqlite"
        Workspace(f"sqlite:///{empty}").close()  # migrated once, copied for each run
        sizes = [(300, 1)] if quick else [(2000, 3), (20_000, 1)]
        cases = [import_case(empty, folder, count, repeats) for count, repeats in sizes]
        cases.append(update_case(empty, folder, 300 if quick else 2000, 1 if quick else 3))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report("inventory_import", cases)


if __name__ == "__main__":
    main()
