"""Saving many checked items at once, as an import does: new items, their donors and history
in a few multi-row INSERTs (SQLAlchemy's "insertmanyvalues"), codes allocated in one go, and
categories and places looked up in dictionaries read once, not in queries per item.
Items already there are updated through the ORM, so a stale version is still refused.

Nothing here checks: the rows come checked (`items.check`, the lifecycle's moves), so the
transaction that writes them is short."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from hjem.ids import ItemCode
from hjem.inventory.codes import new_code
from hjem.inventory.items import LOCATION_SEPARATOR, ItemData, assign, column_values, data_of
from hjem.inventory.lifecycle import move, record
from hjem.inventory.models import Category, Donor, Item, ItemEvent, Location, Status

CHUNK = 1000  # rows per INSERT batch, between two progress reports
# The tables themselves: the ORM's bulk INSERT of mapped classes sends a statement per row
# when it must return ids, SQLAlchemy Core one per batch.
_ITEMS, _DONORS, _EVENTS = (cast(Table, m.__table__) for m in (Item, Donor, ItemEvent))


@dataclass(frozen=True)
class Change:
    """One checked row: a new item (code None) or the item with `code`, and its status."""

    code: ItemCode | None
    data: ItemData
    status: str


Tick = Callable[[int], None]  # rows saved so far


class _Places:
    """Every place in storage by (parent id, name); new ones made as they are first named."""

    def __init__(self, session: Session):
        self.session = session
        self.known = {(p.parent_id, p.name): p for p in session.scalars(select(Location))}

    def find(self, path: str) -> Location | None:
        parent: Location | None = None
        for name in (part.strip() for part in path.split(LOCATION_SEPARATOR)):
            if name:
                parent = self.known.get((parent.id if parent else None, name)) or self._add(
                    name, parent
                )
        return parent

    def _add(self, name: str, parent: Location | None) -> Location:
        place = Location(name=name, parent=parent)
        self.session.add(place)
        self.session.flush()  # its id names it as a parent; few places are new in one import
        self.known[(place.parent_id, name)] = place
        return place


def save_changes(
    session: Session,
    changes: Sequence[Change],
    items: dict[ItemCode, Item],
    who: str,
    reason: str,
    tick: Tick,
) -> tuple[int, int]:
    """Create and update items as `changes` say (`items` the ones their codes name, loaded
    in this session); the number created and the number updated."""
    categories = {c.slug: c for c in session.scalars(select(Category))}
    places = _Places(session)
    new = [change for change in changes if change.code is None]
    updated = 0
    for change in changes:
        if change.code is not None:
            item = items[change.code]
            updated += _update(session, item, change, categories, places, who, reason)
    tick(len(changes) - len(new))
    codes = _free_codes(session, len(new))
    for done, chunk in enumerate(_chunks(list(zip(codes, new, strict=True)), CHUNK)):
        _insert(session, chunk, categories, places, who, reason)
        tick(len(changes) - len(new) + done * CHUNK + len(chunk))
    return len(new), updated


def _update(
    session: Session,
    item: Item,
    change: Change,
    categories: dict[str, Category],
    places: _Places,
    who: str,
    reason: str,
) -> int:
    """Change `item` if the row differs from it (the ORM's version check still guards the
    UPDATE); 1 if it did."""
    edited, moved = data_of(item) != change.data, item.status != change.status
    if edited:
        location = places.find(change.data.location)
        assign(item, change.data, categories[change.data.category], location)
        record(session, item, who, "edit")
    if moved:
        move(session, item, Status(change.status), who, reason)
    return int(edited or moved)


def _free_codes(session: Session, count: int) -> list[ItemCode]:
    """`count` new codes, none in use: the codes there are read once."""
    taken = set(session.scalars(select(Item.code)))
    codes: list[ItemCode] = []
    while len(codes) < count:
        code = new_code()
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def _chunks(values: list[Any], size: int) -> Iterator[list[Any]]:
    rest = iter(values)
    while chunk := list(islice(rest, size)):
        yield chunk


def _insert(
    session: Session,
    chunk: list[tuple[ItemCode, Change]],
    categories: dict[str, Category],
    places: _Places,
    who: str,
    reason: str,
) -> None:
    """New items, their donors and their first history lines, a few statements in all."""
    donors = _insert_donors(session, [change.data for _, change in chunk])
    today = dt.date.today()
    rows = []
    for (code, change), donor_id in zip(chunk, donors, strict=True):
        data, category = change.data, categories[change.data.category]
        place = places.find(data.location)
        rows.append(
            {
                "code": code,
                **column_values(code, data, category),
                "category_id": category.id,
                "received_on": data.received_on or today,
                "location_id": place.id if place else None,
                "donor_id": donor_id,
                "status": change.status,
                "version": 1,
            }
        )
    # Matched up by code: RETURNING in the order of the rows would cost a statement a row.
    returned = session.execute(insert(_ITEMS).returning(_ITEMS.c.code, _ITEMS.c.id), rows)
    ids: dict[str, int] = {code: item_id for code, item_id in returned}
    events: list[dict[str, Any]] = []
    for code, change in chunk:
        item_id = ids[code]
        events.append(_event(item_id, who, "created"))
        if change.status != Status.RECEIVED:  # as if moved from received after it was logged
            events.append(
                _event(item_id, who, "status", Status.RECEIVED.value, change.status, reason)
            )
    session.execute(insert(_EVENTS), events)


def _insert_donors(session: Session, rows: list[ItemData]) -> list[int | None]:
    """A donor row for each item that names one; their ids, None where none is named."""
    named = [
        {"name": data.donor_name.strip(), "contact": data.donor_contact.strip()}
        for data in rows
        if data.donor_name.strip() or data.donor_contact.strip()
    ]
    statement = insert(Donor).returning(Donor.id, sort_by_parameter_order=True)
    ids = iter(session.scalars(statement, named).all() if named else [])
    return [
        next(ids) if data.donor_name.strip() or data.donor_contact.strip() else None
        for data in rows
    ]


def _event(
    item_id: int,
    who: str,
    kind: str,
    from_status: str | None = None,
    to_status: str | None = None,
    reason: str = "",
) -> dict[str, Any]:
    return {
        "item_id": item_id,
        "who": who,
        "kind": kind,
        "from_status": from_status,
        "to_status": to_status,
        "reason": reason,
    }
