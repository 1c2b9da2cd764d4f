"""The waiting operations' provisional effects, made again on a freshly pulled copy: the pull
replaces the copy's reservations with the server's, and what the laptop did offline and has
not pushed yet must still show (as provisional) on top of them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.cases.errors import CaseError
from hjem.ids import CaseCode, ItemCode
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import get_item
from hjem.inventory.models import Item
from hjem.inventory.reservations import active_reservation, release, reserve
from hjem.sync.models import OutboxEntry
from hjem.sync.operations import Kind, Operation
from hjem.sync.rows import mark_changed_here, table_of

ITEMS = table_of(Item)


def replay_waiting(session: Session) -> int:
    """Each waiting claim or release made again on the copy, oldest first; one the copy
    cannot make (the item is gone from it: someone else has it) waits all the same, and the
    push will bring the server's answer. Returns how many were made."""
    made = 0
    for entry in session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all():
        if entry.kind == Kind.SAVE_PLAN.value:
            continue  # the laptop's plan was kept by the pull
        try:
            with session.begin_nested():
                made += _again(session, entry)
        except (InventoryError, CaseError):
            continue
    return made


def _again(session: Session, entry: OutboxEntry) -> bool:
    op = Operation.from_json(entry.body)
    item = get_item(session, ItemCode(op.item_code))
    held = active_reservation(session, item)
    if op.kind == Kind.RELEASE:
        if held is None or held.case_code != op.case_code:
            return False
        release(session, item.code, op.who, op.case_code)
    elif held is None or held.case_code != op.case_code:
        reserve(session, item.code, CaseCode(op.case_code), op.who)
    else:
        return False
    mark_changed_here(session, ITEMS, ITEMS.c.code == item.code)
    return True
