"""Pushing the outbox to the team server, oldest first, as the person who made it.

The operations go through `apply_all` over one connection: each is applied on the server at
most once, a batch of them per server transaction, and its answer kept there. The answers
are then settled in the copy a batch at a time, one local transaction each: the entry leaves
the outbox, and what the answer asks for is done on the copy: nothing for an applied one
(the pull brings the server's state), a SyncConflict row and the provisional effect undone
for the others. A push killed at any moment resumes with the first entry still waiting: if
the server had applied it already, it answers again what it answered then, and nothing
happens twice. So a batch lost with its process costs only a repeat, and one commit per
batch instead of per operation keeps a long push short (bench.sync).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hjem.db.workspace import Workspace
from hjem.ids import ItemCode
from hjem.inventory.errors import InventoryError
from hjem.inventory.items import get_item
from hjem.inventory.reservations import active_reservation, release
from hjem.sync.apply import apply_all
from hjem.sync.models import OutboxEntry, SyncConflict
from hjem.sync.operations import Answer, Kind, Operation, Outcome
from hjem.sync.outbox import CLAIMS, ITEMS
from hjem.sync.rows import mark_changed_here

# Called after each answer with (operations answered so far, operations to push).
Progress = Callable[[int, int], None]
SETTLE_BATCH = 100  # answers settled in the copy per local transaction
UNDONE_BY = "hjem sync"  # the copy's history line of an undone provisional reservation


@dataclass
class PushReport:
    applied: int = 0
    conflicts: list[SyncConflict] = field(default_factory=list)


def push(server: Workspace, copy: Workspace, progress: Progress | None = None) -> PushReport:
    """Push every waiting operation; the copy's outbox is empty after, unless the server
    could not be reached (then the rest waits, and the error is raised)."""
    entries = copy.read(_waiting_bodies)
    report = PushReport()
    answered: list[Answer] = []
    batch = 1  # doubled after each settling, up to SETTLE_BATCH: the first answers are
    # settled at once, so a push cut short again and again still moves on
    operations = (Operation.from_json(body) for _, body in entries)
    try:
        for done, answer in enumerate(apply_all(server, operations), start=1):
            answered.append(answer)
            if len(answered) >= batch:
                _settle_all(copy, answered, report)
                batch = min(2 * batch, SETTLE_BATCH)
            if progress is not None:
                progress(done, len(entries))
    finally:  # what the server answered is settled even when the push stops half-way
        _settle_all(copy, answered, report)
    return report


def _settle_all(copy: Workspace, answers: list[Answer], report: PushReport) -> None:
    """Settle `answers` in one local transaction, then forget them."""
    if not answers:
        return
    applied = [a.op_id for a in answers if a.outcome == Outcome.APPLIED]
    others = [a for a in answers if a.outcome != Outcome.APPLIED]

    def work(session: Session) -> list[SyncConflict | None]:
        # An applied operation only leaves the outbox (the pull brings the server's state):
        # one DELETE for them all, instead of a look-up and a delete each.
        if applied:
            session.execute(delete(OutboxEntry).where(OutboxEntry.op_id.in_(applied)))
        return [settle(session, a.op_id, a) for a in others]

    conflicts = copy.run(work)
    report.applied += len(applied)
    report.conflicts += [conflict for conflict in conflicts if conflict is not None]
    answers.clear()


def _waiting_bodies(session: Session) -> list[tuple[str, str]]:
    query = select(OutboxEntry.op_id, OutboxEntry.body).order_by(OutboxEntry.seq)
    return [(op_id, body) for op_id, body in session.execute(query)]


def settle(session: Session, op_id: str, answer: Answer) -> SyncConflict | None:
    """The server's answer to the entry `op_id`, taken into the copy: the entry leaves the
    outbox; one that was not applied becomes a conflict, its provisional effect undone. An
    entry already settled (by another sync of the same copy) is left as it is."""
    entry = session.scalar(select(OutboxEntry).where(OutboxEntry.op_id == op_id))
    if entry is None:
        return None
    conflict = SyncConflict(
        op_id=op_id,
        kind=entry.kind,
        case_code=entry.case_code,
        item_code=entry.item_code,
        answer=answer.to_json(),
        body=entry.body,  # a plan's document stays here, whole: the laptop's copy of it
        settled=False,
    )
    session.delete(entry)
    session.flush()
    if answer.outcome == Outcome.APPLIED:
        return None
    if conflict.kind in CLAIMS:
        _undo_claim(session, conflict.item_code, conflict.case_code)
    session.add(conflict)
    session.flush()
    return conflict


def _undo_claim(session: Session, item_code: str, case_code: str) -> None:
    """The copy's provisional reservation of the item for the case ends: the server gave it
    to another, or will not give it at all."""
    try:
        item = get_item(session, ItemCode(item_code))
    except InventoryError:  # the pull removed it already
        return
    held = active_reservation(session, item)
    if held is not None and held.case_code == case_code:
        release(session, item.code, UNDONE_BY, Kind.RESERVE.value)
        mark_changed_here(session, ITEMS, ITEMS.c.code == item.code)
