"""Finding items: by code or text, category, status, storage place, and "fits within W × D"
(either way round), the best fit first.

Best fit is the largest piece that still fits: longest side first, then the short side, read
off the (status[, category], long_side, short_side) indexes from the top down, so the query
stops after the first page instead of sorting every match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, UnaryExpression, or_, select
from sqlalchemy.orm import Session

from hjem.inventory.codes import normalized
from hjem.inventory.models import Category, Item, Location

DEFAULT_LIMIT = 200


@dataclass(frozen=True)
class Query:
    text: str = ""
    category: str | None = None  # slug
    status: str | None = None
    location: str | None = None  # a storage path; its sub-places count too
    fits: tuple[float, float] | None = None  # free floor W × D in cm
    limit: int = DEFAULT_LIMIT


def conditions(session: Session, query: Query) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a query, shared by the item search and the table's rows."""
    found: list[ColumnElement[bool]] = []
    if query.category:
        category_id = session.scalar(select(Category.id).where(Category.slug == query.category))
        found.append(Item.category_id == (category_id if category_id is not None else -1))
    if query.status:
        found.append(Item.status == query.status)
    if query.text.strip():
        typed = query.text.strip()
        found.append(or_(Item.code == normalized(typed), Item.search_text.contains(typed.lower())))
    if query.location:
        found.append(Item.location_id.in_(_places_under(session, query.location)))
    if query.fits is not None:
        found += [Item.long_side <= max(query.fits), Item.short_side <= min(query.fits)]
    return found


def ordering(query: Query) -> list[UnaryExpression[Any]]:  # columns of several types
    """Best fit first when fitting (the index's own order, read backwards, so nothing is
    sorted); otherwise the newest donations first."""
    if query.fits is not None:
        return [Item.long_side.desc(), Item.short_side.desc(), Item.id.desc()]
    return [Item.received_on.desc(), Item.id.desc()]


def statement(session: Session, query: Query) -> Select[Item]:
    where = conditions(session, query)
    return select(Item).where(*where).order_by(*ordering(query)).limit(query.limit)


def find(session: Session, query: Query) -> list[Item]:
    return list(session.scalars(statement(session, query)).unique())


def _places_under(session: Session, path: str) -> list[int]:
    """Ids of the place at `path` and every place inside it."""
    from hjem.inventory.items import LOCATION_SEPARATOR

    names = [part.strip() for part in path.split(LOCATION_SEPARATOR) if part.strip()]
    parent_id: int | None = None
    for name in names:
        under = (
            Location.parent_id.is_(None) if parent_id is None else Location.parent_id == parent_id
        )
        parent_id = session.scalar(select(Location.id).where(Location.name == name, under))
        if parent_id is None:
            return []
    found, frontier = [], [parent_id] if parent_id is not None else []
    while frontier:
        found += frontier
        frontier = list(
            session.scalars(select(Location.id).where(Location.parent_id.in_(frontier)))
        )
    return found
