"""Rows for the inventory table: only the columns it shows, in one query however many rows,
instead of one object graph per item. Thumbnails are fetched apart, for the rows on screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hjem.ids import ItemCode
from hjem.inventory.models import Category, Item, Photo
from hjem.inventory.search import Query, conditions, ordering


@dataclass(frozen=True)
class Row:
    code: ItemCode
    name: str
    category: str  # slug
    width: float
    depth: float
    height: float
    status: str
    location_id: int | None
    value_ore: int
    received_on: dt.date
    version: int


def table_rows(session: Session, query: Query) -> list[Row]:
    columns = select(
        Item.code,
        Item.name,
        Category.slug,
        Item.width,
        Item.depth,
        Item.height,
        Item.status,
        Item.location_id,
        Item.value_ore,
        Item.received_on,
        Item.version,
    ).join(Category, Category.id == Item.category_id)
    found = columns.where(*conditions(session, query)).order_by(*ordering(query)).limit(query.limit)
    return [Row(*row) for row in session.execute(found)]


def thumbnails(session: Session, codes: list[str]) -> dict[str, bytes]:
    """Each item's first thumbnail, by code (items without photos are left out)."""
    if not codes:
        return {}
    item_ids = dict(session.execute(select(Item.id, Item.code).where(Item.code.in_(codes))).all())
    first = (
        select(Photo.item_id, func.min(Photo.position).label("position"))
        .where(Photo.item_id.in_(item_ids))
        .group_by(Photo.item_id)
        .subquery()
    )
    rows = session.execute(
        select(Photo.item_id, Photo.thumbnail).join(
            first, (Photo.item_id == first.c.item_id) & (Photo.position == first.c.position)
        )
    )
    return {item_ids[item_id]: thumbnail for item_id, thumbnail in rows}
