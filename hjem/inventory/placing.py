"""Donated items in a family's plan: a piece to place for an item, and where each placed item
stands in the inventory (reserved for this family, for another, or gone) with its value.

A plan stays a plain `.hjem` file: it only names items by code. Their state is read from the
workspace when there is one; without it a plan still opens, with nothing to say about them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.floorplan.categories import BEDS, CATEGORIES
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import ORIGIN, Placement, Plan
from hjem.ids import CaseCode, ElementId, ItemCode
from hjem.inventory.models import Item, Reservation, Status

LYING_LENGTHWAYS = BEDS | {"madras"}  # their long side runs away from the wall (head to it)


class Standing(StrEnum):
    """Where a placed piece stands in the inventory, for this plan's family."""

    RESERVED_HERE = "reserved_here"  # reserved for this family: all is well
    # reserved for this family offline, on the laptop's copy: the server has not said yes yet
    PROVISIONAL = "provisional"
    DELIVERED_HERE = "delivered_here"  # already in this family's home
    FREE = "free"  # available, not reserved yet: reserve it before someone else does
    RESERVED_ELSEWHERE = "reserved_elsewhere"  # another family holds it: a conflict to resolve
    GONE = "gone"  # delivered, discarded, in repair or not yet checked: not to be had now
    UNKNOWN = "unknown"  # the inventory has no item with this code
    TO_BUY = "to_buy"  # not from the inventory: to be bought, at its price
    OWN = "own"  # neither donated nor to buy (the family's own)

    @property
    def needs_action(self) -> bool:
        return self in (Standing.FREE, Standing.RESERVED_ELSEWHERE, Standing.GONE, Standing.UNKNOWN)

    @property
    def marked(self) -> bool:
        """Whether the plan marks the piece: something to do, or a promise not yet made."""
        return self.needs_action or self is Standing.PROVISIONAL


@dataclass(frozen=True)
class PlacedItem:
    placement: Placement
    standing: Standing
    value_ore: int  # the donated item's value or the price to buy; 0 when unknown
    item_name: str = ""
    item_status: str = ""  # the inventory's status, for a message when it is gone


def placement_for(item: Item, placement_id: ElementId, center: Point = ORIGIN) -> Placement:
    """The piece that stands for `item` on a plan, front (+y) to the room.

    Furniture stands with its long side along the wall; beds and mattresses lie lengthways,
    head to the wall (as the engine's clearance rules and the symbols expect).
    """
    category = item.category.slug if item.category.slug in CATEGORIES else "andet"
    long_side, short_side = max(item.width, item.depth), min(item.width, item.depth)
    width, depth = (
        (short_side, long_side) if category in LYING_LENGTHWAYS else (long_side, short_side)
    )
    return Placement(
        id=placement_id,
        label=item.name,
        category=category,
        width=width,
        depth=depth,
        height=item.height,
        center=center,
        inventory_item=item.code,
        floor_flat=category == "taeppe",
    )


def placed_items(
    session: Session, plan: Plan, provisional: Collection[str] = ()
) -> list[PlacedItem]:
    """Every piece in the plan with its standing, in one query for all the donated ones.
    The items in `provisional` were reserved offline (hjem.sync.outbox): reserved here on
    the laptop's copy, they are PROVISIONAL until the server says yes."""
    codes = {p.inventory_item for p in plan.placements if p.inventory_item}
    found = _items_with_reservations(session, codes)
    placed = [_placed(p, found, plan.case_code) for p in plan.placements]
    return [_provisional(p) if p.placement.inventory_item in provisional else p for p in placed]


def _provisional(placed: PlacedItem) -> PlacedItem:
    if placed.standing is not Standing.RESERVED_HERE:
        return placed
    return PlacedItem(
        placed.placement,
        Standing.PROVISIONAL,
        placed.value_ore,
        placed.item_name,
        placed.item_status,
    )


def _items_with_reservations(
    session: Session, codes: Iterable[ItemCode]
) -> dict[ItemCode, tuple[Item, CaseCode | None]]:
    """Each item by code, with the case that holds it: its active reservation's, or for an
    item delivered, the case it went to."""
    holds = (Reservation.item_id == Item.id) & (
        Reservation.active
        | ((Item.status == Status.DELIVERED) & (Reservation.end_reason == "delivered"))
    )
    query = select(Item, Reservation.case_code).outerjoin(Reservation, holds)
    return {
        item.code: (item, case)
        for item, case in session.execute(query.where(Item.code.in_(list(codes))))
    }


def _placed(
    placement: Placement,
    found: dict[ItemCode, tuple[Item, CaseCode | None]],
    case_code: CaseCode | None,
) -> PlacedItem:
    if placement.inventory_item is None:
        standing = Standing.TO_BUY if placement.to_buy else Standing.OWN
        return PlacedItem(placement, standing, placement.price_ore or 0)
    if placement.inventory_item not in found:
        return PlacedItem(placement, Standing.UNKNOWN, 0)
    item, reserved_for = found[placement.inventory_item]
    return PlacedItem(
        placement,
        _standing(item.status, reserved_for, case_code),
        item.value_ore,
        item.name,
        item.status,
    )


def _standing(status: str, held_by: CaseCode | None, case_code: CaseCode | None) -> Standing:
    ours = case_code is not None and held_by == case_code
    if status == Status.RESERVED:
        return Standing.RESERVED_HERE if ours else Standing.RESERVED_ELSEWHERE
    if status == Status.DELIVERED and ours:
        return Standing.DELIVERED_HERE
    return Standing.FREE if status == Status.AVAILABLE else Standing.GONE


def total_ore(placed: Iterable[PlacedItem]) -> int:
    return sum(p.value_ore for p in placed)
