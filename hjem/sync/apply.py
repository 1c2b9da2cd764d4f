"""The server's side of a push: each operation applied at most once, its answer kept.

`apply_once` runs one operation in one transaction of the workspace it is given (the team
server, as the person who pushes):
1. the operation's id is written to `applied_ops` first, and flushed: a second push of the
   same id, from another process at the same moment, waits on that row and then finds it;
2. the effect runs in a savepoint, through the same domain functions as online work: a claim
   through the one-active-reservation index, a plan through its version check. A refusal
   rolls the savepoint back, never the record;
3. the answer is stored with the record, and both commit together.
Pushing the same operation again returns the stored answer and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hjem.cases.errors import CaseNotFound, StalePlan
from hjem.cases.plans import save_case_plan
from hjem.db.clock import database_now
from hjem.db.workspace import Workspace
from hjem.floorplan.hjemfile import plan_from_bytes
from hjem.ids import CaseCode, ItemCode
from hjem.inventory.errors import (
    AlreadyReserved,
    EditConflict,
    InventoryError,
    NotAvailable,
    NotFound,
)
from hjem.inventory.items import get_item
from hjem.inventory.models import Reservation
from hjem.inventory.reservations import active_reservation, expire_stale, release, reserve
from hjem.sync.models import AppliedOp
from hjem.sync.operations import Answer, Kind, Operation, Outcome, Reason

HOLD_DURATION = dt.timedelta(hours=48)  # by the server's clock (hjem.db.clock)
ATTEMPTS = 3


class _AlreadyTaken(Exception):
    """Another push of the same operation wrote its record first (a concurrent repeat)."""


class _Interrupted(Exception):
    """The effect rolled the whole transaction back (a race in the plan's version check):
    nothing is kept, and the operation is simply applied again."""


def apply_once(server: Workspace, op: Operation) -> Answer:
    """`op` applied on `server`, or the answer it got when it was applied before."""
    for _ in range(ATTEMPTS):
        try:
            return server.run(lambda session: _apply(session, op))
        except _AlreadyTaken:
            stored = server.read(lambda session: stored_answer(session, op.id))
            if stored is not None:
                return stored
        except _Interrupted:
            continue
    raise RuntimeError(f"operation {op.id} could not be applied")


def stored_answer(session: Session, op_id: str) -> Answer | None:
    record = session.get(AppliedOp, op_id)
    if record is None or not record.answer:
        return None
    return Answer.from_json(record.answer)


def _apply(session: Session, op: Operation) -> Answer:
    stored = stored_answer(session, op.id)
    if stored is not None:
        return stored
    record = AppliedOp(op_id=op.id, kind=op.kind.value, case_code=op.case_code, answer="")
    session.add(record)
    try:
        session.flush()
    except IntegrityError:
        raise _AlreadyTaken() from None
    answer = _effect(session, op)
    if not inspect(record).persistent:
        raise _Interrupted()
    record.answer = answer.to_json()
    session.flush()
    return answer


def _effect(session: Session, op: Operation) -> Answer:
    """What the operation does, in a savepoint: a refusal undoes the effect alone."""
    try:
        with session.begin_nested():
            return EFFECTS[op.kind](session, op)
    except CaseNotFound:
        return Answer(op.id, Outcome.REFUSED, Reason.UNKNOWN_CASE)
    except NotFound:
        return Answer(op.id, Outcome.REFUSED, Reason.UNKNOWN_ITEM)
    except (AlreadyReserved, EditConflict):  # another claim got there first
        return Answer(op.id, Outcome.CONFLICT, Reason.RESERVED_ELSEWHERE)
    except NotAvailable:
        return Answer(op.id, Outcome.CONFLICT, Reason.NOT_AVAILABLE)
    except StalePlan as stale:
        return Answer(op.id, Outcome.CONFLICT, Reason.PLAN_MOVED_ON, saved_by=stale.saved_by)
    except InventoryError:  # reserve's words for a case that does not exist (or is hidden)
        return Answer(op.id, Outcome.REFUSED, Reason.UNKNOWN_CASE)


def _claim(session: Session, op: Operation, expires_at: dt.datetime | None) -> Answer:
    """Reserve the item for the case; a claim the case already holds is kept (a hold made
    permanent by a later reserve, or a hold placed again)."""
    item = get_item(session, ItemCode(op.item_code))
    expire_stale(session, item, op.who)
    held = active_reservation(session, item)
    if held is not None and held.case_code == op.case_code:
        if expires_at is None or held.expires_at is not None:
            held.expires_at = expires_at
        return Answer(op.id, Outcome.APPLIED, expires_at=held.expires_at)
    reservation = reserve(session, item.code, CaseCode(op.case_code), op.who, expires_at)
    return Answer(op.id, Outcome.APPLIED, expires_at=reservation.expires_at)


def _hold(session: Session, op: Operation) -> Answer:
    return _claim(session, op, database_now(session) + HOLD_DURATION)


def _reserve(session: Session, op: Operation) -> Answer:
    return _claim(session, op, None)


def _release(session: Session, op: Operation) -> Answer:
    item = get_item(session, ItemCode(op.item_code))
    held: Reservation | None = active_reservation(session, item)
    if held is None or held.case_code != op.case_code:
        return Answer(op.id, Outcome.REFUSED, Reason.NOT_RESERVED)
    release(session, item.code, op.who, op.case_code)
    return Answer(op.id, Outcome.APPLIED)


def _save_plan(session: Session, op: Operation) -> Answer:
    plan = plan_from_bytes(op.document)
    version = save_case_plan(session, CaseCode(op.case_code), plan, op.who, op.based_on)
    return Answer(op.id, Outcome.APPLIED, version=version)


EFFECTS: dict[Kind, Callable[[Session, Operation], Answer]] = {
    Kind.HOLD: _hold,
    Kind.RESERVE: _reserve,
    Kind.RELEASE: _release,
    Kind.SAVE_PLAN: _save_plan,
}
