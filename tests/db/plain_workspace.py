"""Plain (unencrypted) workspaces as an older hjem left them: the schema made by the migrations
on a plain SQLAlchemy engine (the stdlib sqlite3 driver, hjem's pragmas of that version), rows
written with executemany, and a plain migration backup beside it, as that hjem made them."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from hjem.db.migrate import alembic_config

ADDRESS = "Gemmevej 7RQX2, 1. th., 9992 Skjulby"
HOUSEHOLD = (ADDRESS, "7RQX2", "Familien Tvede", "Lyngholm Kommune")
CASE = "FBH-2026-314"
STAMP = "2026-01-01 00:00:00"


def plain_workspace(path: Path, revision: str = "head", items: int = 100) -> Path:
    """A plain workspace at `path`, at `revision`, with one household and `items` items."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")  # as the older hjem ran it
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()  # the stdlib driver lets go before SQLCipher's opens the file
    with sqlite3.connect(path) as db:
        _household(db, with_address_table=revision == "head")
        _items(db, items)
    db.close()
    return path


def _household(db: sqlite3.Connection, with_address_table: bool) -> None:
    address = "" if with_address_table else ", address"
    values = "" if with_address_table else ", :address"
    db.execute(
        f"INSERT INTO cases (code, alias, municipality, architect, adults, status, created_at,"
        f" updated_at, version{address}) VALUES (:code, 'Familien Tvede', 'Lyngholm Kommune',"
        f" 'Arkitekt Berg', 1, 'active', :stamp, :stamp, 1{values})",
        {"code": CASE, "stamp": STAMP, "address": ADDRESS},
    )
    if with_address_table:
        db.execute(
            "INSERT INTO case_addresses (case_id, address) SELECT id, ? FROM cases", (ADDRESS,)
        )
    db.execute(
        "INSERT INTO visits (case_id, visited_on, notes) SELECT id, '2026-02-03',"
        " 'Mødt på 7RQX2' FROM cases"
    )


def _items(db: sqlite3.Connection, count: int) -> None:
    category = db.execute("SELECT id FROM categories ORDER BY id LIMIT 1").fetchone()[0]
    db.execute("INSERT INTO locations (name) VALUES ('Lager')")
    db.executemany(
        "INSERT INTO items (code, name, category_id, width, depth, height, long_side,"
        " short_side, colour, condition, whole, clean, smoke_free, pet_free, no_pests, notes,"
        " received_on, location_id, value_ore, status, search_text, version, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, 80, ?, ?, '', 'good', 1, 1, 1, 1, 1, '',"
        " '2026-01-01', 1, ?, 'available', ?, 1, ?, ?)",
        (
            (
                f"B{i:07d}",
                f"sofa {i}",
                category,
                100 + i % 97,
                50 + i % 41,
                100 + i % 97,
                50 + i % 41,
                i * 7 % 500_000,
                f"b{i:07d} sofa {i}",
                STAMP,
                STAMP,
            )
            for i in range(count)
        ),
    )


def plain_backup(path: Path, stamp: str = "20260101-120000") -> Path:
    """A plain copy beside `path`, named as an older hjem named its migration backups."""
    target = path.with_name(f"{path.name}.backup-{stamp}")
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return target


def checksums(connection) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows (sorted, so the order they are stored
    in does not count)."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    sums = {}
    for table in tables:
        rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))
        sums[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return sums


def plain_checksums(path: Path) -> dict[str, tuple[int, str]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        sums = checksums(db)
    db.close()
    return sums
