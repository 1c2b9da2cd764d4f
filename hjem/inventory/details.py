"""One item in full, as the inventory window shows it: its facts, first photo, reservation and
history, read in one unit of work and handed on as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.ids import ItemCode
from hjem.inventory.items import get_item, location_path
from hjem.inventory.models import ItemEvent
from hjem.inventory.photos import first_photo
from hjem.inventory.reservations import active_reservation

CHECKLIST = ("whole", "clean", "smoke_free", "pet_free", "no_pests")


@dataclass(frozen=True)
class Event:
    at: dt.datetime
    who: str
    kind: str  # status, edit, reserve, release, deliver
    to_status: str | None
    reason: str


@dataclass(frozen=True)
class ItemDetails:
    code: str
    name: str
    category: str  # the category's slug
    width: float
    depth: float
    height: float
    colour: str
    condition: str
    checks: tuple[str, ...]  # the checklist's ticked names
    status: str
    location: str
    value_ore: int
    notes: str
    reserved_for: str | None  # the case's code
    reserved_by: str | None
    photo: bytes | None
    history: tuple[Event, ...]  # newest first


def item_details(session: Session, code: ItemCode) -> ItemDetails:
    """Everything the inventory window shows of one item (NotFound if there is none)."""
    item = get_item(session, code)
    reservation = active_reservation(session, item)
    events = session.scalars(
        select(ItemEvent)
        .where(ItemEvent.item_id == item.id)
        .order_by(ItemEvent.at.desc(), ItemEvent.id.desc())
    )
    return ItemDetails(
        code=item.code,
        name=item.name,
        category=item.category.slug,
        width=item.width,
        depth=item.depth,
        height=item.height,
        colour=item.colour,
        condition=item.condition,
        checks=tuple(name for name in CHECKLIST if getattr(item, name)),
        status=item.status,
        location=location_path(item.location),
        value_ore=item.value_ore,
        notes=item.notes,
        reserved_for=reservation.case_code if reservation else None,
        reserved_by=reservation.reserved_by if reservation else None,
        photo=first_photo(session, item.id),
        history=tuple(Event(e.at, e.who, e.kind, e.to_status, e.reason) for e in events),
    )
