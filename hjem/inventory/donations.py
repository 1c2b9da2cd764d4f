"""The donation form's work on the workspace: a new item with its photos, an item edited with
its photos, what the form starts from, and the places items are kept. Each is one unit of work:
the item and its photos are kept together or not at all."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.ids import ItemCode
from hjem.inventory.items import (
    ItemData,
    create_item,
    data_of,
    get_item,
    location_path,
    update_item,
)
from hjem.inventory.models import Location
from hjem.inventory.photos import PhotoChanges, store_photo_changes


def donate(session: Session, data: ItemData, photos: PhotoChanges, who: str) -> str:
    """Log a donated item with its photos; its new code."""
    item = create_item(session, data, who)
    store_photo_changes(session, item.id, photos)
    return item.code


def edit_donation(
    session: Session, code: ItemCode, version: int, data: ItemData, photos: PhotoChanges, who: str
) -> None:
    """Save the form's changes to an item read at `version` (EditConflict if saved since)."""
    item = update_item(session, code, version, data, who)
    store_photo_changes(session, item.id, photos)


def donation_form(
    session: Session, code: ItemCode
) -> tuple[ItemData, int, list[tuple[int, bytes]]]:
    """What the form shows for an item: its data, its version and its photos' thumbnails."""
    item = get_item(session, code)
    return data_of(item), item.version, [(p.id, p.thumbnail) for p in item.photos]


def place_names(session: Session) -> list[str]:
    """Every place items are kept ("Lager A / Reol 3"), for the form to suggest."""
    return sorted({location_path(place) for place in session.scalars(select(Location))})
