"""What a handover document shows, as plain values: the lead's code gathers them from the
database (cases, inventory, budget) and hands them over; nothing here reads a database."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hjem.floorplan.model import Placement, Plan
from hjem.i18n import PrintLanguage
from hjem.ids import ItemCode


@dataclass(frozen=True)
class HandoverItem:
    """One piece of furniture on the plan, with what the family needs to recognise it."""

    number: int  # the number in the circle, on the drawings and in the lists
    placement: Placement
    name: str
    colour: str
    room: str  # the room's name as shown (see `wording.room_name`)
    photo: bytes | None  # a JPEG; from the inventory its print-size copy (thumbnail), or None
    price_ore: int | None  # pieces to buy: what they cost
    value_ore: int  # the estimated value (shown in the internal copy only)
    code: ItemCode | None  # the inventory code, e.g. "H-0123"
    missing: bool = False  # the inventory item could not be found: shown as such
    # reserved offline, not yet confirmed by the team server: never printed as promised
    provisional: bool = False


@dataclass(frozen=True)
class BudgetRow:
    label: str
    cash_ore: int
    in_kind_ore: int
    limit_ore: int | None
    over: bool
    example: bool = False  # the limits are the example scheme's, not a real one's


@dataclass(frozen=True)
class HandoverData:
    plan: Plan
    alias: str  # the case alias, e.g. "Familien Sol"
    architect: str
    contact: str
    made_on: datetime.date
    lang: PrintLanguage
    items: tuple[HandoverItem, ...]
    address: str | None = None  # only when the person asked for it in this one print
    budget: tuple[BudgetRow, ...] | None = None  # None: the family's copy
    budget_total: BudgetRow | None = None

    @property
    def internal(self) -> bool:
        """The internal copy (with the budget) rather than the family's."""
        return self.budget is not None
