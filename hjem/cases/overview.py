"""A family case as its window shows it, read in one unit of work and handed on as plain
values: the household and status, whether an address is registered (never the address; only
`cases.address_of` reads that), who saved the plan and when, the items reserved for the family
and the visits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.cases.addresses import has_address
from hjem.cases.cases import CaseData, data_of, get_case
from hjem.cases.models import CasePlan
from hjem.ids import CaseCode
from hjem.inventory.reservations import reserved_for


@dataclass(frozen=True)
class PlanSaved:
    saved_by: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class ReservedItem:
    code: str
    name: str
    reserved_at: dt.datetime
    reserved_by: str


@dataclass(frozen=True)
class VisitNote:
    id: int
    visited_on: dt.date
    notes: str


@dataclass(frozen=True)
class CaseOverview:
    data: CaseData  # the household, as the case form edits it
    status: str
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    has_address: bool
    plan: PlanSaved | None
    reservations: tuple[ReservedItem, ...]
    visits: tuple[VisitNote, ...]  # newest first


def plan_saved(session: Session, case_id: int) -> PlanSaved | None:
    """Who saved the case's plan and when; the plan's document itself is not read."""
    query = select(CasePlan.saved_by, CasePlan.saved_at).where(CasePlan.case_id == case_id)
    row = session.execute(query).first()
    return None if row is None else PlanSaved(row.saved_by, row.saved_at)


def case_overview(session: Session, code: CaseCode) -> CaseOverview:
    """Everything the case's window shows; CaseNotFound if there is no such case."""
    case = get_case(session, code)
    reservations = tuple(
        ReservedItem(r.item.code, r.item.name, r.reserved_at, r.reserved_by)
        for r in reserved_for(session, case.code)
    )
    visits = sorted(case.visits, key=lambda v: (v.visited_on, v.id), reverse=True)
    return CaseOverview(
        data=data_of(case),
        status=case.status,
        version=case.version,
        created_at=case.created_at,
        updated_at=case.updated_at,
        has_address=has_address(session, case.code),
        plan=plan_saved(session, case.id),
        reservations=reservations,
        visits=tuple(VisitNote(v.id, v.visited_on, v.notes) for v in visits),
    )
