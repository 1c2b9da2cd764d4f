"""The server's side of a push: each operation applied at most once, its answer kept.

`apply_all` runs the operations in transactions of the workspace it is given (the team
server, as the person who pushes), a batch of them per transaction, each operation so:
1. its id is written to `applied_ops` first (INSERT … ON CONFLICT DO NOTHING): a second push
   of the same id, from another process at the same moment, waits on that row until the
   transaction ends, and then finds it, with its answer;
2. the effect runs through the same domain functions as online work: a claim through the
   one-active-reservation index, a plan through its version check. A refusal undoes the
   effect alone, never the record: in a savepoint, or, in a batch that runs without them
   (`_Push`), by applying the whole batch again with them;
3. its answer is stored with the record (one UPDATE for the batch, just before the commit),
   and records, effects and answers commit together.
Pushing the same operation again returns the stored answer and changes nothing.

An operation that can never be recorded is answered without a record, and the answer is the
same every time it is pushed: one malformed (not a UUID, a field longer than its column, a
plan larger than any plan file), one whose person may not push at all (an inventory
manager: no privilege on `applied_ops`), and one whose id is already another login's (row
security hides that row; a laptop cannot read or overwrite someone else's answer).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from hjem.budget.lines import save_plan_and_lines
from hjem.cases.errors import CaseNotFound, StalePlan
from hjem.cases.models import Case
from hjem.db.clock import database_now
from hjem.db.workspace import REFUSALS, Workspace
from hjem.floorplan.codec import PlanFileError
from hjem.floorplan.hjemfile import MAX_FILE_BYTES, plan_from_bytes
from hjem.ids import CASE_CODE_LENGTH, CaseCode, ItemCode
from hjem.inventory.codes import normalized
from hjem.inventory.errors import (
    AlreadyReserved,
    EditConflict,
    InventoryError,
    NotAvailable,
    NotFound,
)
from hjem.inventory.items import get_item
from hjem.inventory.models import Item, Reservation
from hjem.inventory.reservations import release, reserve
from hjem.sync.models import ITEM_CODE_LENGTH, AppliedOp
from hjem.sync.operations import Answer, Kind, Operation, Outcome, Reason
from hjem.sync.rows import table_of

HOLD_DURATION = dt.timedelta(hours=48)  # by the server's clock (hjem.db.clock)
ATTEMPTS = 3
# Operations per server transaction (1, 2, 4, …, as push settles answers). At most 64: a
# savepoint that wrote keeps its subtransaction id until the commit, and PostgreSQL caches
# 64 per backend; past that every other session's snapshots get slower.
MAX_BATCH = 64
WHO_LENGTH = 120  # as Reservation.reserved_by and ItemEvent.who
MAX_DOCUMENT_BYTES = MAX_FILE_BYTES  # no plan file is larger (hjem.floorplan.hjemfile)
PERMISSION_DENIED = "42501"  # PostgreSQL's insufficient_privilege
DATA_EXCEPTION = "22"  # the SQLSTATE class of a value the column cannot take
# deadlock_detected, serialization_failure: the server rolled the transaction back, and the
# same work done again (in smaller transactions) may succeed
ROLLED_BACK = frozenset({"40P01", "40001"})
SPLIT = ROLLED_BACK | {PERMISSION_DENIED}  # a batch that failed so is applied in halves
APPLIED = table_of(AppliedOp)  # written through Core: the ORM adds nothing to one statement
# session.info, for one transaction: its now(), read once; the cases found in it so far
NOW, CASES_FOUND = "hjem.sync.now", "hjem.sync.cases_found"


class _Refused(Exception):
    """An effect was refused in a batch without savepoints (`_Push`)."""


class _Interrupted(Exception):
    """The transaction lost what it wrote (an answer found no record to be stored with):
    nothing is kept, and the operations are simply applied again."""


def apply_once(server: Workspace, op: Operation) -> Answer:
    """`op` applied on `server`, or the answer it got when it was applied before."""
    return next(apply_all(server, [op]))


def apply_all(server: Workspace, ops: Iterable[Operation]) -> Iterator[Answer]:
    """Each operation as `apply_once` would, in order, over one connection for the whole
    push. The operations go in batches of 1, 2, 4, … up to MAX_BATCH per transaction (the
    records, effects and answers of a batch commit together), so a long push pays a commit
    per batch, not per operation, while a push cut short again and again still gets its
    first answers. Each answer is yielded once its transaction has committed; a push cut
    short keeps what was answered and may simply be pushed again."""
    pending = iter(ops)
    size = 1
    with server.session() as session:
        push = _Push(server, session)
        while batch := list(islice(pending, size)):
            yield from _applied(push, batch)
            size = min(2 * size, MAX_BATCH)


@dataclass
class _Push:
    """One push's connection, and whether its batches keep a savepoint per operation.

    Most operations of a push are claims the server grants; a savepoint costs two round
    trips, and only a refused effect needs one (to be undone alone). So a batch runs
    without them until an effect is refused: that rolls the whole batch back, and it is
    applied again with a savepoint per operation, as is the rest of the push (conflicts
    come together: the same items, the same case)."""

    server: Workspace
    session: Session
    guarded: bool = False


def _applied(push: _Push, batch: list[Operation]) -> Iterator[Answer]:
    """The batch's answers, committed in one transaction. When the server rolls the whole
    transaction back (a deadlock with another laptop's push claiming the same items in
    another order, a record the person may not write), none of it was kept: its halves are
    applied one after the other, down to one operation per transaction."""
    if len(batch) == 1:
        yield _answered(push.server, push.session, batch[0])
        return
    try:
        answers = _batch_answers(push, batch)
    except _Refused:  # an effect was refused without a savepoint: again, with them
        push.guarded = True
        answers = _batch_answers(push, batch)
    if answers is not None:
        yield from answers
        return
    half = len(batch) // 2
    yield from _applied(push, batch[:half])
    yield from _applied(push, batch[half:])


def _batch_answers(push: _Push, batch: list[Operation]) -> list[Answer] | None:
    """The batch applied and committed, or None when the server rolled it back whole."""
    try:
        return _committed(push.session, batch, push.guarded)
    except (_Interrupted, *REFUSALS) as error:
        if not isinstance(error, _Interrupted) and _sqlstate(error) not in SPLIT:
            raise push.server.problem(error) from error  # unreachable or busy: pushed later
        return None
    finally:
        _forget(push.session)


def _answered(server: Workspace, session: Session, op: Operation) -> Answer:
    """One operation in a transaction of its own, tried again when the server rolled it
    back; a person who may not push at all is answered so, with no record."""
    for _ in range(ATTEMPTS):
        try:
            return _committed(session, [op])[0]
        except _Interrupted:
            continue
        except REFUSALS as error:
            if _sqlstate(error) in ROLLED_BACK:
                continue
            if _sqlstate(error) != PERMISSION_DENIED:
                raise server.problem(error) from error  # unreachable or busy: pushed again later
            return Answer(op.id, Outcome.REFUSED, Reason.NOT_PERMITTED)
        finally:
            _forget(session)
    raise RuntimeError(f"operation {op.id} could not be applied")


def _forget(session: Session) -> None:
    """Nothing half-done stays, and nothing read stays cached for the next transaction
    (the session keeps its objects across commits; another laptop may change them)."""
    session.rollback()
    session.expunge_all()


def _committed(session: Session, ops: list[Operation], guarded: bool = True) -> list[Answer]:
    """Each operation recorded and applied (or answered as before), then the new answers
    stored with their records in one statement, and all of it committed."""
    session.info.pop(NOW, None)
    session.info.pop(CASES_FOUND, None)
    fresh: dict[str, Answer] = {}  # the answers of the operations recorded here
    answers = []
    for op in ops:
        answer = fresh.get(op.id)  # the same operation twice in one batch
        if answer is None:
            answer, recorded = _answer(session, op, guarded)
            if recorded:
                fresh[op.id] = answer
        answers.append(answer)
        session.expunge_all()  # the next operation reads the rows afresh
    _store(session, fresh)
    session.commit()
    return answers


def _answer(session: Session, op: Operation, guarded: bool) -> tuple[Answer, bool]:
    """`op`'s answer, and whether it was recorded now (its answer is to be stored)."""
    if _malformed(op):
        return Answer(op.id, Outcome.REFUSED, Reason.INVALID), False
    if _recorded_first(session, op):
        return (_effect(session, op) if guarded else _unguarded(session, op)), True
    stored = stored_answer(session, op.id)
    if stored is None:  # a row of another login's, which row security hides
        return Answer(op.id, Outcome.REFUSED, Reason.NOT_PERMITTED), False
    return stored, False


def _store(session: Session, fresh: dict[str, Answer]) -> None:
    """The answers written into their records, all in one UPDATE."""
    if not fresh:
        return
    answers = case({op_id: a.to_json() for op_id, a in fresh.items()}, value=APPLIED.c.op_id)
    query = update(APPLIED).where(APPLIED.c.op_id.in_(fresh)).values(answer=answers)
    kept = session.connection().execute(query)
    if kept.rowcount != len(fresh):  # a record was rolled back with an effect
        raise _Interrupted()


def stored_answer(session: Session, op_id: str) -> Answer | None:
    answer = session.scalar(select(AppliedOp.answer).where(AppliedOp.op_id == op_id))
    return Answer.from_json(answer) if answer else None


def _malformed(op: Operation) -> bool:
    """True when no server could ever apply `op`: it is refused without being recorded."""
    try:
        return not (
            str(uuid.UUID(op.id)) == op.id
            and op.kind in EFFECTS
            and 0 < len(op.case_code) <= CASE_CODE_LENGTH
            and len(op.item_code) <= ITEM_CODE_LENGTH
            and len(op.who) <= WHO_LENGTH
            and len(op.document) <= MAX_DOCUMENT_BYTES
            and (op.based_on is None or isinstance(op.based_on, int))
        )
    except (ValueError, TypeError, AttributeError):  # not even the right types
        return True


def _recorded_first(session: Session, op: Operation) -> bool:
    """Writes the operation's record; False if one with its id was there (one statement:
    the common first push costs no look-up)."""
    values = {"op_id": op.id, "kind": op.kind.value, "case_code": op.case_code, "answer": ""}
    insert = _insert(session)(APPLIED).values(values)
    written = insert.on_conflict_do_nothing(index_elements=["op_id"]).returning(APPLIED.c.op_id)
    return session.connection().execute(written).first() is not None  # Core: no ORM to pass


def _insert(session: Session) -> Callable[..., postgresql.Insert | sqlite.Insert]:
    postgres = session.get_bind().dialect.name == "postgresql"
    return postgresql.insert if postgres else sqlite.insert


def _unguarded(session: Session, op: Operation) -> Answer:
    """What the operation does, with no savepoint: a refusal (whatever was raised) cannot
    be undone alone, so the whole batch is rolled back (`_Push`)."""
    try:
        answer = EFFECTS[op.kind](session, op)
        session.flush()  # its writes fail here, not in the next operation's
        return answer
    except Exception as refused:  # applied again with a savepoint, which tells them apart
        raise _Refused() from refused


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
    except PlanFileError:  # not a plan, or one no hjem can read
        return Answer(op.id, Outcome.REFUSED, Reason.INVALID)
    except DBAPIError as error:
        return Answer(op.id, Outcome.REFUSED, _refusal(error))


def _refusal(error: DBAPIError) -> Reason:
    """The server's refusal of the effect as a lasting answer; anything else (a lost
    connection, a timeout) is not an answer, and the operation is pushed again later."""
    sqlstate = _sqlstate(error) or ""
    if sqlstate == PERMISSION_DENIED:  # a grant or a row policy of the person's role
        return Reason.NOT_PERMITTED
    if sqlstate.startswith(DATA_EXCEPTION):
        return Reason.INVALID
    raise error


def _sqlstate(error: BaseException | None) -> str | None:
    cause = error.orig if isinstance(error, DBAPIError) else error
    return getattr(cause, "sqlstate", None)


def _claim(session: Session, op: Operation, expires_at: dt.datetime | None) -> Answer:
    """Reserve the item for the case; a claim the case already holds is kept (a hold made
    permanent by a later reserve, or a hold placed again). Most claims find the item free,
    so `reserve` comes first and only an item it finds reserved is looked at again (an
    expired hold of the case's own has ended by then, and the claim is a new reservation)."""
    code, case_code = ItemCode(op.item_code), CaseCode(op.case_code)
    found: set[str] = session.info.setdefault(CASES_FOUND, set())
    try:
        known = case_code in found
        reservation = reserve(session, code, case_code, op.who, expires_at, case_found=known)
        found.add(case_code)
    except AlreadyReserved:
        if not session.is_active:  # its write lost a race: the savepoint is to be rolled back
            raise
        held = _held_by_case(session, op)
        if held is None:
            raise
        if expires_at is None or held.expires_at is not None:
            held.expires_at = expires_at
        return Answer(op.id, Outcome.APPLIED, expires_at=held.expires_at)
    return Answer(op.id, Outcome.APPLIED, expires_at=reservation.expires_at)


def _held_by_case(session: Session, op: Operation) -> Reservation | None:
    """The case's own active reservation of the item, in one look-up: the item's one active
    reservation (through its unique index), if it is the case's."""
    item = select(Item.id).where(Item.code == normalized(op.item_code)).scalar_subquery()
    held = session.scalar(
        select(Reservation).where(Reservation.item_id == item, Reservation.active)
    )
    return held if held is not None and held.case_code == op.case_code.strip() else None


def _hold(session: Session, op: Operation) -> Answer:
    return _claim(session, op, _server_now(session) + HOLD_DURATION)


def _server_now(session: Session) -> dt.datetime:
    """The server's now(): the transaction's start, the same for every statement in it, so
    it is read once per transaction (`_committed` forgets it when one begins)."""
    if NOW not in session.info:
        session.info[NOW] = database_now(session)
    moment: dt.datetime = session.info[NOW]
    return moment


def _reserve(session: Session, op: Operation) -> Answer:
    return _claim(session, op, None)


def _release(session: Session, op: Operation) -> Answer:
    """End the case's reservation of the item (`release` reads the item itself: the item
    is read here only when the case turns out not to hold it, to tell an unknown item)."""
    held = _held_by_case(session, op)
    if held is None or held.case_code != op.case_code:
        get_item(session, ItemCode(op.item_code))  # NotFound: an unknown item
        return Answer(op.id, Outcome.REFUSED, Reason.NOT_RESERVED)
    release(session, ItemCode(op.item_code), op.who, op.case_code)
    return Answer(op.id, Outcome.APPLIED)


def _save_plan(session: Session, op: Operation) -> Answer:
    plan = plan_from_bytes(op.document)
    _lock_case(session, op.case_code)
    # the budget's plan lines follow, as for a plan saved online
    version = save_plan_and_lines(session, CaseCode(op.case_code), plan, op.who, op.based_on)
    return Answer(op.id, Outcome.APPLIED, version=version)


def _lock_case(session: Session, code: str) -> None:
    """Two saves of one case's plan at once wait for each other here, so the second finds the
    first's version and is told who saved it. Left to race, the loser's version check fails
    at the write, and hjem.cases.plans rolls back the whole transaction with the record.
    FOR NO KEY UPDATE: a child or a visit added to the case meanwhile does not wait."""
    session.execute(select(Case.id).where(Case.code == code).with_for_update(key_share=True))


EFFECTS: dict[Kind, Callable[[Session, Operation], Answer]] = {
    Kind.HOLD: _hold,
    Kind.RESERVE: _reserve,
    Kind.RELEASE: _release,
    Kind.SAVE_PLAN: _save_plan,
}
