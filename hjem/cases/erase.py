"""Erasing a family case for good: the case and everything of it, in one transaction.

The case row goes, and with it, by the database's ON DELETE CASCADE, its household (children),
address, stored plan, budget lines, visits and assignments. Reservations name the case by its
code with no ON DELETE (a reservation must never vanish by accident), so they are ended and
deleted here first. An item still reserved for the family goes back to the inventory with a
history line naming only the case code; a delivered item stays delivered: it is the family's.

On SQLite the erasing connection has `secure_delete` on, so the freed cells are overwritten;
`erase_everywhere` then checkpoints the WAL and shreds the migration backups (hjem.db.scrub).
On a team server the row policies decide: a coordinator erases any case, an architect only
the cases assigned to them (an unassigned case is not even seen: the person is told so), an
inventory manager none; the server's trigger records the erasure in the audit log by code.
A cascade runs with the table owner's rights, so the address (which no person may touch
directly) goes with its case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import SQLColumnExpression, column, delete, func, select, table
from sqlalchemy.orm import Session

from hjem.cases.addresses import has_address
from hjem.cases.errors import CaseError, CaseNotFound
from hjem.cases.models import Case, CasePlan, Child, Visit
from hjem.db.audit import on_server
from hjem.i18n import msg
from hjem.ids import CaseCode
from hjem.inventory.lifecycle import move, record
from hjem.inventory.models import Item, Reservation, Status

if TYPE_CHECKING:
    from hjem.db.scrub import ScrubReport
    from hjem.db.workspace import Workspace

# The budget sits above the cases: its lines are counted by table name, not by model.
_BUDGET_LINES = table("budget_lines", column("case_id"))
ERASED = "case_erased"  # an item's history kind, and a reservation's end reason


@dataclass(frozen=True)
class ErasureReport:
    """What an erasure took (or, before it, would take): counts only, never household data."""

    code: CaseCode
    alias: str
    children: int
    visits: int
    plans: int
    budget_lines: int
    address: bool
    reservations: int  # rows of the reservations table, ended or not
    items_returned: int  # reserved items back in the inventory
    items_kept: int  # delivered items, the family's now
    scrub: ScrubReport | None = None  # after `erase_everywhere` on SQLite


def what_goes(session: Session, code: CaseCode) -> ErasureReport:
    """What erasing the case would take, counted without changing anything."""
    case = _case(session, code)
    of_case = select(Reservation).where(Reservation.case_code == case.code)
    reservations = list(session.scalars(of_case))
    active = [r for r in reservations if r.active]
    return ErasureReport(
        code=case.code,
        alias=case.alias,
        children=_count(session, Child.case_id, case.id),
        visits=_count(session, Visit.case_id, case.id),
        plans=_count(session, CasePlan.case_id, case.id),
        budget_lines=_count(session, _BUDGET_LINES.c.case_id, case.id),
        address=has_address(session, case.code),
        reservations=len(reservations),
        items_returned=sum(r.item.status == Status.RESERVED for r in active),
        items_kept=_delivered(session, reservations),
    )


def erase_case(session: Session, code: CaseCode, who: str = "") -> ErasureReport:
    """Delete the case `code` and everything of it; reserved items return to the inventory.
    Flushed, not committed: the caller's unit of work keeps all of it or none."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete=ON")
    report = what_goes(session, code)
    case = _case(session, code)
    _return_items(session, case.code, who)
    session.execute(delete(Reservation).where(Reservation.case_code == case.code))
    # Household, address, plan, budget lines, visits and assignments follow by ON DELETE CASCADE.
    session.execute(delete(Case).where(Case.id == case.id))
    session.expunge(case)
    return report


def erase_everywhere(workspace: Workspace, code: CaseCode, who: str = "") -> ErasureReport:
    """`erase_case` in its own unit of work, then, once it is committed, the bytes: the WAL
    checkpointed and truncated and the migration backups shredded (SQLite; hjem.db.scrub)."""
    from hjem.db.scrub import scrub_after_erase

    report = workspace.run(lambda session: erase_case(session, code, who))
    try:
        scrub = scrub_after_erase(workspace)
    except OSError as error:  # the case is gone; the files' clean-up is said to have failed
        raise workspace.problem(error) from error
    return replace(report, scrub=scrub)


def _case(session: Session, code: CaseCode) -> Case:
    case = session.scalar(select(Case).where(Case.code == code.strip()))
    if case is not None:
        return case
    if on_server(session):  # unknown, or not this person's: the row policy hides which
        raise CaseError(msg("erase.error.not_yours", code=code.strip()))
    raise CaseNotFound(code)


def _count(session: Session, key: SQLColumnExpression[Any], case_id: int) -> int:
    return session.scalar(select(func.count()).where(key == case_id)) or 0


def _delivered(session: Session, reservations: list[Reservation]) -> int:
    delivered = {r.item_id for r in reservations if r.end_reason == "delivered"}
    if not delivered:
        return 0
    query = select(func.count()).where(Item.id.in_(delivered), Item.status == Status.DELIVERED)
    return session.scalar(query) or 0


def _return_items(session: Session, code: CaseCode, who: str) -> None:
    """End the case's active reservations. A reserved item is available again; one that went
    to repair meanwhile stays there, its history saying the reservation ended. The history
    names the case by its code only. Ended before they are deleted, so a team server's audit
    log records each item's release (reason: case_erased)."""
    active = select(Reservation).where(Reservation.case_code == code, Reservation.active)
    for reservation in session.scalars(active).all():
        reservation.active = False
        reservation.ended_at = dt.datetime.now(dt.UTC)
        reservation.end_reason = ERASED
        item = reservation.item
        if item.status == Status.RESERVED:
            move(session, item, Status.AVAILABLE, who, code, kind=ERASED)
        else:
            record(session, item, who, ERASED, code)
    session.flush()
