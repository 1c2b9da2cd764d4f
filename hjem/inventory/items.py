"""Logging and editing donated items. Every value is checked before it reaches the database,
and an edit made on an old copy of an item is refused rather than overwriting a newer one."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from hjem.i18n import msg
from hjem.ids import ItemCode
from hjem.inventory.codes import new_code, normalized
from hjem.inventory.errors import EditConflict, InventoryError, NotFound
from hjem.inventory.lifecycle import record
from hjem.inventory.models import Category, Condition, Donor, Item, Location
from hjem.money import format_kroner

MAX_SIZE_CM = 1000.0
MAX_VALUE_ORE = 100_000_000_00  # 100 million kroner: far above any donation, far below BIGINT
MAX_TEXT = 200
LOCATION_SEPARATOR = "/"
TEXT_COLUMNS = {
    "name": Item.name,
    "colour": Item.colour,
    "donor_name": Donor.name,
    "donor_contact": Donor.contact,
}

# Their lengths, read once: an import checks thousands of rows.
_LIMITS = {
    name: column.type.length or MAX_TEXT
    for name, column in {**TEXT_COLUMNS, "location": Location.name}.items()
}


@dataclass(frozen=True)
class ItemData:
    """What a person fills in for a donated item."""

    name: str
    category: str  # slug
    width: float
    depth: float
    height: float
    colour: str = ""
    condition: str = Condition.GOOD.value
    whole: bool = False
    clean: bool = False
    smoke_free: bool = False
    pet_free: bool = False
    no_pests: bool = False
    notes: str = ""
    received_on: dt.date | None = None
    location: str = ""  # "Lager A/Zone 2/Hylde 3"
    value_ore: int = 0
    donor_name: str = ""
    donor_contact: str = ""


def _problem(field: str, key: str, **params: object) -> InventoryError:
    return InventoryError(
        msg(
            "inventory.error.field",
            field=msg(f"inventory.field.{field}"),
            problem=msg(key, **params),
        )
    )


def check(data: ItemData) -> None:
    """Raise InventoryError naming the first field that is not right."""
    if not data.name.strip():
        raise _problem("name", "inventory.problem.empty")
    # As long as the database's columns allow (PostgreSQL refuses longer text outright).
    texts = [(name, getattr(data, name), _LIMITS[name]) for name in TEXT_COLUMNS]
    texts += [("location", p, _LIMITS["location"]) for p in data.location.split(LOCATION_SEPARATOR)]
    for name, value, limit in texts:
        if len(value.strip()) > limit:
            raise _problem(name, "inventory.problem.too_long", limit=limit)
    for name in ("width", "depth", "height"):
        value = getattr(data, name)
        if (
            not isinstance(value, int | float)
            or not math.isfinite(value)
            or not 0 < value <= MAX_SIZE_CM
        ):
            raise _problem(name, "inventory.problem.size", limit=round(MAX_SIZE_CM))
    if data.condition not in {c.value for c in Condition}:
        raise _problem("condition", "inventory.problem.unknown")
    if data.value_ore < 0:
        raise _problem("value", "inventory.problem.negative")
    if data.value_ore > MAX_VALUE_ORE:
        limit = format_kroner(MAX_VALUE_ORE)
        raise _problem("value", "import_export.problem.value_too_large", limit=limit)


def category_by_slug(session: Session, slug: str) -> Category:
    category = session.scalar(select(Category).where(Category.slug == slug))
    if category is None:
        raise _problem("category", "inventory.problem.unknown_category", category=slug)
    return category


def location_path(location: Location | None) -> str:
    parts = []
    while location is not None:
        parts.append(location.name)
        location = location.parent
    return LOCATION_SEPARATOR.join(reversed(parts))


def ensure_location(session: Session, path: str) -> Location | None:
    """The location at "Lager A/Zone 2/Hylde 3", made if it is new; None for an empty path."""
    parent: Location | None = None
    for name in (part.strip() for part in path.split(LOCATION_SEPARATOR)):
        if not name:
            continue
        under = Location.parent_id.is_(None) if parent is None else Location.parent_id == parent.id
        found = session.scalar(select(Location).where(Location.name == name, under))
        if found is None:
            found = Location(name=name, parent=parent)
            session.add(found)
            session.flush()
        parent = found
    return parent


# The columns an item takes from ItemData as they are.
_PLAIN = ("colour", "condition", "whole", "clean", "smoke_free", "pet_free", "no_pests", "notes")


def column_values(code: str, data: ItemData, category: Category) -> dict[str, object]:
    """The item's own columns as (checked) `data` sets them: everything but its category, place,
    donor and date received, which an edit and a bulk insert set each their own way."""
    name, width, depth = data.name.strip(), float(data.width), float(data.depth)
    values: dict[str, object] = {column: getattr(data, column) for column in _PLAIN}
    return values | {
        "name": name,
        "value_ore": data.value_ore,
        "width": width,
        "depth": depth,
        "height": float(data.height),
        "long_side": max(width, depth),
        "short_side": min(width, depth),
        "search_text": " ".join([code, name, data.colour, data.notes, category.name]).lower(),
    }


def assign(item: Item, data: ItemData, category: Category, location: Location | None) -> None:
    """Set a (checked) item's values from `data`, its category and place already found."""
    for column, value in column_values(item.code, data, category).items():
        setattr(item, column, value)
    item.category = category
    item.received_on = data.received_on or item.received_on or dt.date.today()
    item.location = location
    if data.donor_name.strip() or data.donor_contact.strip():
        item.donor = item.donor or Donor()
        item.donor.name, item.donor.contact = data.donor_name.strip(), data.donor_contact.strip()
    else:
        item.donor = None


def _apply(session: Session, item: Item, data: ItemData) -> None:
    check(data)
    category = category_by_slug(session, data.category)
    assign(item, data, category, ensure_location(session, data.location))


def _free_code(session: Session) -> ItemCode:
    while True:
        code = new_code()
        if session.scalar(select(Item.id).where(Item.code == code)) is None:
            return code


def create_item(session: Session, data: ItemData, who: str) -> Item:
    """Log a donation; it starts as received, with a new code for its label."""
    item = Item(code=_free_code(session))
    _apply(session, item, data)
    session.add(item)
    session.flush()
    record(session, item, who, "created")
    return item


def get_item(session: Session, code: ItemCode) -> Item:
    item = session.scalar(select(Item).where(Item.code == normalized(code)))
    if item is None:
        raise NotFound(code)
    return item


def update_item(session: Session, code: ItemCode, version: int, data: ItemData, who: str) -> Item:
    """Save changes made to the item as it was at `version`; EditConflict if it moved on."""
    item = get_item(session, code)
    code = item.code  # after a failed flush the item cannot be read any more
    if item.version != version:
        raise EditConflict(code)
    try:
        _apply(session, item, data)  # its queries may flush the changes made so far
        record(session, item, who, "edit")
        session.flush()
    except StaleDataError:
        raise EditConflict(code) from None
    return item


def data_of(item: Item) -> ItemData:
    """The item's values as a form shows them."""
    names = {f.name for f in fields(ItemData)}
    values = {
        name: getattr(item, name) for name in names if hasattr(item, name) and name != "category"
    }
    return ItemData(
        **{
            **values,
            "category": item.category.slug,
            "location": location_path(item.location),
            "donor_name": item.donor.name if item.donor else "",
            "donor_contact": item.donor.contact if item.donor else "",
        }
    )
