"""Work done on the working copy that must reach the team server: each change is made on the
copy and recorded as an Operation in the outbox in the same local transaction, so a change
without its operation (or the other way round) cannot be left behind by a crash.

A reservation made on the copy is *provisional* while its operation waits: only the server
can promise the sofa, and it says so when the outbox is pushed (hjem.sync.push).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hjem.budget.lines import save_plan_and_lines
from hjem.cases.models import Case, CasePlan
from hjem.cases.plans import plan_version
from hjem.floorplan.hjemfile import plan_bytes
from hjem.floorplan.model import Plan
from hjem.ids import CaseCode, ItemCode
from hjem.inventory.items import get_item
from hjem.inventory.models import Item
from hjem.inventory.reservations import release, reserve
from hjem.sync.models import OutboxEntry
from hjem.sync.operations import Kind, Operation
from hjem.sync.rows import mark_changed_here, table_of
from hjem.sync.state import set_state, state

ITEMS, PLANS = table_of(Item), table_of(CasePlan)
CLAIMS = (Kind.RESERVE.value, Kind.HOLD.value)
PLAN_BASE = "plan_base."  # + case code: the server's plan version the copy last pulled


def record(session: Session, op: Operation) -> OutboxEntry:
    """`op` waits in the outbox, after everything recorded before it."""
    entry = OutboxEntry(
        op_id=op.id,
        kind=op.kind.value,
        case_code=op.case_code,
        item_code=op.item_code,
        body=op.to_json(),
    )
    session.add(entry)
    session.flush()
    return entry


def waiting(session: Session) -> list[OutboxEntry]:
    """The outbox, oldest first: the order the server must see the operations in."""
    return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def waiting_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0


def reserve_offline(session: Session, item_code: str, case_code: str, who: str) -> Operation:
    """Reserve the item for the case on the copy (provisional until pushed)."""
    reservation = reserve(session, ItemCode(item_code), CaseCode(case_code), who)
    item = get_item(session, ItemCode(item_code))
    op = Operation(Kind.RESERVE, reservation.case_code, who, item_code=item.code)
    record(session, op)
    mark_changed_here(session, ITEMS, ITEMS.c.code == op.item_code)
    return op


def release_offline(session: Session, item_code: str, case_code: str, who: str) -> Operation:
    """End the case's reservation of the item on the copy. Always sent to the server, even
    for a provisional one: its claim may already have reached the server in a push that was
    cut off before the laptop heard the answer."""
    item = get_item(session, ItemCode(item_code))
    release(session, item.code, who, case_code)
    op = Operation(Kind.RELEASE, case_code, who, item_code=item.code)
    record(session, op)
    mark_changed_here(session, ITEMS, ITEMS.c.code == op.item_code)
    return op


def save_plan_offline(session: Session, case_code: str, plan: Plan, who: str) -> Operation:
    """Save the case's plan on the copy, and send it based on the server version last pulled.
    A save still waiting for the same case is replaced by this one (a plan is sent whole),
    under a new id: if the old one did reach the server in a cut-off push, this one is a
    conflict kept for the person, never a silent loss."""
    code = CaseCode(case_code)
    save_plan_and_lines(session, code, plan, who, plan_version(session, code))
    session.execute(
        delete(OutboxEntry).where(
            OutboxEntry.kind == Kind.SAVE_PLAN.value, OutboxEntry.case_code == code
        )
    )
    document = plan_bytes(replace(plan, case_code=code))
    op = Operation(Kind.SAVE_PLAN, code, who, based_on=plan_base(session, code), document=document)
    record(session, op)
    case_id = select(Case.id).where(Case.code == code).scalar_subquery()
    mark_changed_here(session, PLANS, PLANS.c.case_id == case_id)
    return op


def plan_base(session: Session, case_code: str) -> int | None:
    """The case's plan version on the server at the last pull (None: it had no plan)."""
    value = state(session, PLAN_BASE + case_code, "")
    return int(value) if value else None


def set_plan_base(session: Session, case_code: str, version: int | None) -> None:
    set_state(session, PLAN_BASE + case_code, None if version is None else str(version))


def _last_for_item(session: Session, item_code: str) -> OutboxEntry | None:
    query = select(OutboxEntry).where(OutboxEntry.item_code == item_code)
    return session.scalar(query.order_by(OutboxEntry.seq.desc()).limit(1))


def is_provisional(session: Session, item_code: str) -> bool:
    """Whether the item's reservation on the copy waits for the server's word: the last
    waiting operation on the item claims it."""
    last = _last_for_item(session, item_code)
    return last is not None and last.kind in CLAIMS


def provisional_items(session: Session, case_code: str) -> list[str]:
    """The codes of the items reserved for the case on the copy alone, in the order placed."""
    query = select(OutboxEntry.item_code).where(OutboxEntry.case_code == case_code)
    codes = dict.fromkeys(session.scalars(query.order_by(OutboxEntry.seq)))
    return [code for code in codes if code and is_provisional(session, code)]
