"""Gather a handover document's data: from a family case in the workspace, or from a plan file
(with the inventory when there is a workspace to look items up in).

Pieces are numbered room by room, in the plan's room order, top to bottom and left to right
within a room, so a room's numbers follow each other on the family's lists. The address is read
only when this one print asks for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.budget.lines import budget_summary
from hjem.cases.cases import address_of, get_case
from hjem.cases.errors import CaseError
from hjem.cases.plans import load_case_plan
from hjem.db.audit import CASE_PRINTED, record_case_action
from hjem.floorplan.model import Placement, Plan, Room
from hjem.floorplan.shapes import room_at
from hjem.handover.data import BudgetRow, HandoverData, HandoverItem
from hjem.handover.wording import room_name
from hjem.i18n import PrintLanguage, msg, tr
from hjem.ids import CaseCode
from hjem.inventory.models import Item, Photo
from hjem.sync.outbox import provisional_items


class NoPlanToPrint(CaseError):
    """The case has no plan yet: there is nothing to hand over."""

    def __init__(self, code: str):
        super().__init__(msg("handover_print.no_plan", code=code))


@dataclass(frozen=True)
class PrintChoice:
    """What the person asked for in this one print."""

    lang: PrintLanguage = "da"
    internal: bool = False  # the internal copy, with the budget
    with_address: bool = False  # the new address on the cover, for this print only
    architect: str | None = None  # None: the case's architect
    contact: str = ""
    made_on: dt.date | None = None  # None: today
    # Printed from the laptop's working copy offline: the items reserved there alone are
    # marked as not yet confirmed (hjem.sync.outbox).
    offline: bool = False


def case_handover(
    session: Session, code: CaseCode, choice: PrintChoice, plan: Plan | None = None
) -> HandoverData:
    """The case's document, of its stored plan or of `plan` (the one open, maybe unsaved)."""
    case = get_case(session, code)
    if plan is None:
        stored = load_case_plan(session, case.code)
        plan = stored.plan if stored is not None else None
    if plan is None or not plan.placements:
        raise NoPlanToPrint(case.code)
    data = plan_handover(plan, choice, session, alias=case.alias)
    if choice.offline:
        data = _provisional(data, provisional_items(session, case.code))
    architect = case.architect if choice.architect is None else choice.architect
    address = address_of(session, case.code) if choice.with_address else None
    record_case_action(session, CASE_PRINTED, case.code)  # on a team server: one audit row
    budget = _budget_rows(session, case.code, plan, choice.lang) if choice.internal else None
    return _with(data, architect, address or None, budget)


def plan_handover(
    plan: Plan, choice: PrintChoice, session: Session | None = None, alias: str | None = None
) -> HandoverData:
    """The document for `plan`; items are looked up in the inventory when `session` is given.
    A plan file has no family: its title stands where the alias would."""
    items = handover_items(plan, choice.lang, _inventory(session, plan))
    return HandoverData(
        plan=plan,
        alias=alias if alias is not None else plan.title,
        architect=choice.architect or "",
        contact=choice.contact,
        made_on=choice.made_on or dt.date.today(),
        lang=choice.lang,
        items=items,
    )


@dataclass(frozen=True)
class _Stock:
    """What the inventory knows of a placed item: None when there is no inventory to ask."""

    name: str
    colour: str
    value_ore: int
    photo: bytes | None


def handover_items(
    plan: Plan, lang: str, stock: dict[str, _Stock] | None
) -> tuple[HandoverItem, ...]:
    items = []
    for number, (piece, room) in enumerate(numbered(plan), start=1):
        found = stock.get(piece.inventory_item) if stock and piece.inventory_item else None
        missing = stock is not None and piece.inventory_item is not None and found is None
        items.append(
            HandoverItem(
                number=number,
                placement=piece,
                name=found.name if found else piece.label,
                colour=found.colour if found else "",
                room=room_name(room, lang) if room else tr("handover_print.no_room", lang),
                photo=found.photo if found else None,
                price_ore=piece.price_ore,
                value_ore=found.value_ore if found else 0,
                code=piece.inventory_item,
                missing=missing,
            )
        )
    return tuple(items)


def _provisional(data: HandoverData, codes: list[str]) -> HandoverData:
    items = tuple(replace(item, provisional=item.code in codes) for item in data.items)
    return replace(data, items=items)


def numbered(plan: Plan) -> list[tuple[Placement, Room | None]]:
    """The pieces, each with the room it stands in, in the order they are numbered: by room,
    then top to bottom, left to right."""
    order = {room.id: index for index, room in enumerate(plan.rooms)}

    def key(pair: tuple[Placement, Room | None]) -> tuple[int, float, float, str]:
        piece, room = pair
        rank = order[room.id] if room is not None else len(order)
        return (rank, round(piece.center.y / 10), piece.center.x, piece.id)

    return sorted(((p, room_at(plan, p.center)) for p in plan.placements), key=key)


def _inventory(session: Session | None, plan: Plan) -> dict[str, _Stock] | None:
    if session is None:
        return None
    codes = sorted({p.inventory_item for p in plan.placements if p.inventory_item})
    items = session.scalars(select(Item).where(Item.code.in_(codes))).all()
    photos = _first_photos(session, [item.id for item in items])
    return {
        item.code: _Stock(item.name, item.colour, item.value_ore, photos.get(item.id))
        for item in items
    }


def _first_photos(session: Session, item_ids: list[int]) -> dict[int, bytes]:
    """Each item's first photo, in one query: the copy the inventory made when the photo was
    added at 256 px, which is the printed size (30 mm at 200 dpi): nothing to scale per print."""
    query = (
        select(Photo.item_id, Photo.thumbnail)
        .where(Photo.item_id.in_(item_ids))
        .order_by(Photo.item_id, Photo.position.desc(), Photo.id.desc())
    )
    return {item: photo for item, photo in session.execute(query)}  # the last per item wins


def _budget_rows(session: Session, code: CaseCode, plan: Plan, lang: str) -> tuple[BudgetRow, ...]:
    summary = budget_summary(session, code, plan)
    rows = [
        BudgetRow(
            tr(f"budget_category.{total.category}", lang),
            total.cash_ore,
            total.in_kind_ore,
            total.limit_ore,
            total.over,
        )
        for total in summary.categories
    ]
    rows.append(
        BudgetRow(
            tr("budget.total.all", lang),
            summary.cash_ore,
            summary.in_kind_ore,
            summary.limit_ore,
            summary.over,
            example=summary.scheme.example,
        )
    )
    return tuple(rows)


def _with(
    data: HandoverData,
    architect: str,
    address: str | None,
    budget: tuple[BudgetRow, ...] | None,
) -> HandoverData:
    return replace(
        data,
        architect=architect,
        address=address,
        budget=budget[:-1] if budget else None,
        budget_total=budget[-1] if budget else None,
    )
