"""*Find et lignende* (issue 15): available items that could take a piece's place in a plan.

When a sync answers that the sofa an architect placed offline went to another case meanwhile,
the way out is another item of the same kind that stands where the sofa stood without
trouble. A replacement is the piece `placement_for` makes from the item, at the old piece's
angle with its back on the old piece's back line (a smaller sofa stays against the wall, a
deeper one grows into the room): centred where the old one was, else flush with its left or
its right end (a longer sofa in a corner grows away from the side wall). It must bring no
conflict there: none of the piece checker's, and no room or bed cut off from the entrance
that the plan without the piece reaches (a conflict the plan had anyway is not its doing).

Plain ORM queries, so the laptop's SQLite copy and the team server's PostgreSQL answer alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from hjem.floorplan.commands import ReplaceElement
from hjem.floorplan.geometry import local_to_world
from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.piece_check import PieceCheck
from hjem.ids import ItemCode
from hjem.inventory.models import Category, Item, Status
from hjem.inventory.placing import LYING_LENGTHWAYS, placement_for

MAX_TRIED = 200  # candidates put to the engine at most, the closest in size first


@dataclass(frozen=True)
class Similar:
    """An available item that fits the piece's spot, and the piece ready to stand there."""

    code: ItemCode
    name: str
    width: float  # the item's own measures in cm, as the inventory lists them
    depth: float
    height: float
    condition: str  # a `Condition` value
    colour: str  # "" when none is noted
    value_ore: int
    placement: Placement  # the old piece's id, this item's size, label and code


def similar_items(
    session: Session, plan: Plan, placement_id: str, limit: int = 10, tried: int = MAX_TRIED
) -> list[Similar]:
    """Up to `limit` available items of the piece's category that fit where it stands, the
    closest in size first (then by code). At most `tried` candidates are checked.

    Raises KeyError when the plan has no piece `placement_id`."""
    old = _piece(plan, placement_id)
    if limit <= 0:
        return []
    check: PieceCheck | None = None
    found: list[Similar] = []
    for item in _candidates(session, plan, old, tried):
        for new in replacements(old, item):
            swapped = _swapped(plan, new)
            if check is None:
                check = PieceCheck.of(swapped, placement_id)  # the plan without the piece, once
            else:
                check.aim(new, swapped)
            if _fits(check, new):
                found.append(_similar(item, new))
                break
        if len(found) == limit:
            break
    return found


def swap_piece(plan: Plan, placement_id: str, similar: Similar) -> Plan:
    """`plan` with the piece `placement_id` replaced by `similar`'s, where it was put."""
    if similar.placement.id != placement_id:
        raise ValueError(f"{similar.code} was found for piece {similar.placement.id}")
    return ReplaceElement(similar.placement).apply(plan)[0]


def replacements(old: Placement, item: Item) -> list[Placement]:
    """The poses tried for `item`'s piece, in order: at `old`'s angle, its back on `old`'s back
    line (local -y), centred on `old`, then flush with `old`'s left end, then its right."""
    new = placement_for(item, old.id)
    back = (new.depth - old.depth) / 2
    ends = (new.width - old.width) / 2
    alongs = [0.0, ends, -ends] if ends else [0.0]
    return [
        replace(
            new,
            center=local_to_world(old.center, old.rotation, (along, back)),
            rotation=old.rotation,
        )
        for along in alongs
    ]


def size_distance(old: Placement, width: float, depth: float, height: float) -> float:
    """How far a piece's size is from `old`'s, in cm summed over the three measures."""
    return abs(width - old.width) + abs(depth - old.depth) + abs(height - old.height)


def _piece(plan: Plan, placement_id: str) -> Placement:
    piece = plan.get(placement_id)
    if not isinstance(piece, Placement):
        raise KeyError(placement_id)
    return piece


def _candidates(session: Session, plan: Plan, old: Placement, tried: int) -> list[Item]:
    """The available items of the piece's category not already in the plan, closest first.

    The distance is the one `size_distance` gives the piece `placement_for` makes."""
    in_plan = {p.inventory_item for p in plan.placements if p.inventory_item is not None}
    category = select(Category.id).where(Category.slug == old.category).scalar_subquery()
    query = (
        select(Item)
        .where(Item.category_id == category, Item.status == Status.AVAILABLE)
        .where(Item.code.not_in(sorted(in_plan)))
        .order_by(_distance(old), Item.code)
        .limit(tried)
    )
    return list(session.scalars(query))


def _distance(old: Placement) -> ColumnElement[float]:
    # Lying pieces (beds) run their long side as depth, the rest as width: as placement_for.
    width, depth = (
        (Item.short_side, Item.long_side)
        if old.category in LYING_LENGTHWAYS
        else (Item.long_side, Item.short_side)
    )
    return (
        func.abs(width - old.width)
        + func.abs(depth - old.depth)
        + func.abs(Item.height - old.height)
    )


def _swapped(plan: Plan, new: Placement) -> Plan:
    placements = tuple(new if p.id == new.id else p for p in plan.placements)
    return replace(plan, placements=placements)


def _fits(check: PieceCheck, new: Placement) -> bool:
    center = (new.center.x, new.center.y)
    return check.is_free(center, new.rotation) and check.walkway_clear(center, new.rotation)


def _similar(item: Item, placement: Placement) -> Similar:
    return Similar(
        *(item.code, item.name, item.width, item.depth, item.height),
        *(item.condition, item.colour, item.value_ore, placement),
    )
