"""Moving rows from the team server into the working copy: whole rows read as the person
(row-level security decides what they may see), written to the copy keyed by the server's own
ids, so that a row pulled again lands on itself and the copy's references stay the server's.

A row changed on the copy (a provisional reservation, a plan saved offline) gets version 0
(`mark_changed_here`): no server row has it, so the next pull reads the server's row again
however the version numbers went meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

CHUNK = 1_000  # ids per statement: well under SQLite's limit of bound parameters
LOCAL_VERSION = 0  # server versions start at 1


def table_of(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def read_rows(
    remote: Session, table: Table, where: ColumnElement[bool] | None = None
) -> list[dict[str, Any]]:
    query = select(*table.columns)
    if where is not None:
        query = query.where(where)
    return [dict(row) for row in remote.execute(query).mappings()]


def upsert(local: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Write `rows` into the copy's `table`, each replacing the row with its key."""
    if not rows:
        return
    statement = sqlite_insert(table)
    keys = [column.name for column in table.primary_key.columns]
    changes = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    local.execute(statement.on_conflict_do_update(index_elements=keys, set_=changes), rows)


def replace_all(local: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """The copy's `table` holds exactly `rows` (a small table, read whole)."""
    local.execute(delete(table))
    if rows:
        local.execute(table.insert(), rows)


def delete_ids(local: Session, table: Table, ids: Iterable[int]) -> int:
    gone = sorted(ids)
    for part in chunks(gone):
        local.execute(delete(table).where(table.c.id.in_(part)))
    return len(gone)


def versions(session: Session, table: Table, key: str = "id") -> dict[int, int]:
    """Each row's version, by its key."""
    query = select(table.c[key], table.c.version)
    return {int(row_id): int(version) for row_id, version in session.execute(query)}


def mark_changed_here(session: Session, table: Table, where: ColumnElement[bool]) -> None:
    """The row was changed on the copy: the next pull reads the server's again. Objects of
    the session are expired, so the ORM's own version check reads the new value."""
    session.flush()
    session.execute(update(table).where(where).values(version=LOCAL_VERSION))
    session.expire_all()
