"""The pieces the architect may furnish a room with: those standing in it on the plan, free
items from the shared inventory that could fit, and what the family needs (from the case's
household). Reads go through `Operations`; nothing here touches the database itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from hjem.cases.cases import data_of, get_case
from hjem.cases.needs import Need, household_needs
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.room_use import belongs_in
from hjem.floorplan.shapes import pieces_in, room_at
from hjem.ids import ElementId
from hjem.inventory.items import get_item
from hjem.inventory.listing import table_rows
from hjem.inventory.models import Status
from hjem.inventory.placing import placement_for
from hjem.inventory.search import Query
from hjem.ui.operations import Operations

INVENTORY_LIMIT = 120  # free items offered, largest first: enough to choose from, quick to list


class Source(Enum):  # in the order the dialog lists them
    PLAN = "plan"
    NEEDS = "needs"
    INVENTORY = "inventory"


@dataclass(frozen=True)
class PieceChoice:
    """A piece that may go in the room, where it comes from, and whether it is picked."""

    piece: Placement
    source: Source
    picked: bool


def room_reach(room: Room) -> tuple[float, float]:
    """The room's outline's width and depth: no piece larger than this can stand in it."""
    xs = [p.x for p in room.polygon]
    ys = [p.y for p in room.polygon]
    return (max(xs) - min(xs), max(ys) - min(ys))


def inventory_pieces(operations: Operations, plan: Plan, room: Room) -> list[Placement]:
    """Free inventory items that could fit the room, belong in a room of its kind and are not
    on the plan yet (none when the inventory cannot be opened)."""
    on_plan = {p.inventory_item for p in plan.placements if p.inventory_item}
    query = Query(status=Status.AVAILABLE.value, fits=room_reach(room), limit=INVENTORY_LIMIT)

    def work(session: Any) -> list[Placement]:
        new = ElementId("new")
        rows = [
            r
            for r in table_rows(session, query)
            if r.code not in on_plan and belongs_in(room.kind, r.category, r.height, False)
        ]
        return [placement_for(get_item(session, r.code), new) for r in rows]

    if operations.available() is None:
        return []
    return operations.read(work) or []


def needed_pieces(operations: Operations, plan: Plan, room: Room) -> list[PieceChoice]:
    """What the plan's family needs, from its household (none without a case)."""
    case_code = plan.case_code
    if case_code is None or operations.available() is None:
        return []
    household = operations.read(lambda session: data_of(get_case(session, case_code)))
    if household is None:
        return []
    needs = household_needs(household.adults, household.children)
    return pre_picked(needs, plan, room)


def pre_picked(needs: list[Need], plan: Plan, room: Room) -> list[PieceChoice]:
    """The needs, each picked when it belongs in a room of this kind and the plan does not
    have it yet (its first two beds cover the first two bed needs, wherever they stand);
    dining chairs go with a table picked or standing in the room (not three chairs in the
    living room for the kitchen's table)."""
    on_plan = Counter(p.category for p in plan.placements)
    picked = []
    for need in needs:
        covered = on_plan[need.category] > 0
        on_plan[need.category] -= 1
        picked.append(room.kind in need.rooms and not covered)
    in_room = {p.category for p in pieces_in(plan, room.id)}
    table = "spisebord" in in_room or any(
        p for n, p in zip(needs, picked, strict=True) if n.category == "spisebord"
    )
    new = ElementId("new")
    return [
        PieceChoice(n.as_piece(new), Source.NEEDS, p and (table or n.category != "stol"))
        for n, p in zip(needs, picked, strict=True)
    ]


def with_fresh_ids(plan: Plan, pieces: list[Placement]) -> list[Placement]:
    """New pieces (from the inventory or the needs) with ids free in `plan`, in order."""
    ids = plan.new_ids("p", len(pieces))
    return [replace(p, id=i) for p, i in zip(pieces, ids, strict=True)]


def default_room(plan: Plan, selection: Sequence[str]) -> Room | None:
    """The room to furnish: the selected one, else the one the selected piece stands in,
    else the first room of the plan."""
    for element_id in selection:
        element = plan.get(element_id)
        if isinstance(element, Room):
            return element
        if isinstance(element, Placement) and (room := room_at(plan, element.center)):
            return room
    return plan.rooms[0] if plan.rooms else None
