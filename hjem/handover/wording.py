"""The words and numbers a handover prints, in the family's language (catalog `handover.*`)."""

from __future__ import annotations

import datetime

from hjem.floorplan.model import Room
from hjem.floorplan.room_names import display_name
from hjem.handover.data import HandoverItem
from hjem.i18n import format_day, format_number, tr
from hjem.money import format_kroner


def date_text(day: datetime.date, lang: str) -> str:
    """ "28. november 2026" in Danish, "28 November 2026" in English."""
    return format_day(day, lang, "long")


def room_name(room: Room, lang: str) -> str:
    """The name a room is shown by: its own typed name, or its kind's ("Stue", "Living room");
    a typed "Soveværelse" is a kind's name and prints as "Bedroom" in English."""
    return display_name(room, lang)


def category_name(category: str, lang: str) -> str:
    key = f"category.{category}.name"
    name = tr(key, lang)
    return tr("category.andet.name", lang) if name == key else name


def item_name(item: HandoverItem, lang: str) -> str:
    """The item's name, or its category's when none was typed."""
    return item.name.strip() or category_name(item.placement.category, lang)


def size_text(item: HandoverItem, lang: str) -> str:
    """ "200 × 90 × 80 cm": width, depth and height as the catalog orders them."""
    p = item.placement
    w, d, h = (format_number(v, lang, decimals=0) for v in (p.width, p.depth, p.height))
    return tr("handover.item.size", lang, width=w, depth=d, height=h)


def money(ore: int, lang: str) -> str:
    return format_kroner(ore, lang)


def status_parts(item: HandoverItem, lang: str) -> list[str]:
    """What the family should know beyond the piece itself: not found, or to buy and its
    price (two parts, printed on one line when they fit); nothing for a piece they get."""
    if item.missing:
        return [tr("handover.item.missing", lang)]
    if item.provisional:
        return [tr("handover.item.provisional", lang)]
    if item.price_ore is not None:
        return [tr("handover.item.to_buy", lang), money(item.price_ore, lang)]
    return []
