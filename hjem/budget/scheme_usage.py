"""Who uses a grant scheme: the cases under it and the budget lines approved under it. A scheme
that approved budgets were approved under is versioned, not rewritten (`hjem.budget.schemes`);
one nobody uses may be deleted; one in use is retired instead."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, update
from sqlalchemy.orm import Session

from hjem.budget.models import BudgetLine, GrantScheme, LineStatus, SchemeState
from hjem.cases.models import Case

APPROVED = (LineStatus.APPROVED.value, LineStatus.PAID.value)


def fallback_scheme_id(session: Session) -> int | None:
    """The scheme a case without one is summed against: the example scheme the workspace was
    seeded with, or else the first active one (see `example_scheme`)."""
    query = (
        select(GrantScheme.id)
        .where(GrantScheme.state == SchemeState.ACTIVE.value)
        .order_by(GrantScheme.example.desc(), GrantScheme.id)
        .limit(1)
    )
    return session.scalar(query)


def approved_case_ids(session: Session, scheme_id: int, fallback: bool | None = None) -> set[int]:
    """Cases under the scheme (theirs, or the fallback for a case without one) with a line
    approved or paid that follows the case's scheme. `fallback`: whether the scheme is the
    fallback, if known (it is not, once the scheme is superseded)."""
    if fallback is None:
        fallback = scheme_id == fallback_scheme_id(session)
    approved = exists().where(
        BudgetLine.case_id == Case.id,
        BudgetLine.scheme_id.is_(None),
        BudgetLine.status.in_(APPROVED),
    )
    under: ColumnElement[bool] = Case.scheme_id == scheme_id
    if fallback:
        under = or_(under, Case.scheme_id.is_(None))
    return set(session.scalars(select(Case.id).where(and_(under, approved))))


def approved_under(session: Session, scheme_id: int) -> bool:
    """Whether any budget was approved under the scheme (so changing it makes a new version)."""
    named = exists().where(BudgetLine.scheme_id == scheme_id, BudgetLine.status.in_(APPROVED))
    return bool(session.scalar(select(named))) or bool(approved_case_ids(session, scheme_id))


def in_use(session: Session, scheme_id: int) -> bool:
    """Whether a case, a budget line or a later version points at the scheme, or a budget was
    approved under it."""
    if approved_under(session, scheme_id):
        return True
    for column in (Case.scheme_id, BudgetLine.scheme_id, GrantScheme.replaces_id):
        if session.scalar(select(exists().where(column == scheme_id))):
            return True
    return False


def move_to_new_version(session: Session, old_id: int, new_id: int, fallback: bool) -> None:
    """After a new version: the cases whose budget has approved lines stay under the old one
    (a case following the fallback is pinned to it); every other case and every line not yet
    approved moves to the new one. `fallback`: the old version was the fallback scheme."""
    keep = approved_case_ids(session, old_id, fallback)
    session.execute(
        update(Case).where(Case.scheme_id == old_id, Case.id.not_in(keep)).values(scheme_id=new_id)
    )
    if fallback and keep:
        session.execute(
            update(Case).where(Case.scheme_id.is_(None), Case.id.in_(keep)).values(scheme_id=old_id)
        )
    session.execute(
        update(BudgetLine)
        .where(BudgetLine.scheme_id == old_id, BudgetLine.status.not_in(APPROVED))
        .values(scheme_id=new_id)
    )


def case_count(session: Session, scheme_id: int) -> int:
    """How many cases are under the scheme by their own choice (not by the fallback)."""
    query = select(func.count()).select_from(Case).where(Case.scheme_id == scheme_id)
    return session.scalar(query) or 0
