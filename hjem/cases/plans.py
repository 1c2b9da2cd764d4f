"""The new home's plan, stored with its case as the bytes of a `.hjem` file.

Saving names the version the plan was opened at: if someone saved the case's plan since, the
save is refused (`StalePlan`) and nothing is written, so the caller still holds its plan and
can save it as a file or reload. The database's version column guards the moment between
reading and writing too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from hjem.cases.cases import get_case
from hjem.cases.errors import StalePlan
from hjem.cases.models import CasePlan
from hjem.floorplan.hjemfile import load_plan, plan_bytes, plan_from_bytes, save_plan
from hjem.floorplan.model import Plan
from hjem.ids import CaseCode


@dataclass(frozen=True)
class StoredPlan:
    plan: Plan
    version: int
    saved_by: str
    saved_at: dt.datetime


def load_case_plan(session: Session, code: CaseCode) -> StoredPlan | None:
    case = get_case(session, code)
    row = session.get(CasePlan, case.id)
    if row is None:
        return None
    plan = replace(plan_from_bytes(row.document), case_code=case.code)
    return StoredPlan(plan, row.version, row.saved_by, row.saved_at)


def plan_version(session: Session, code: CaseCode) -> int | None:
    case = get_case(session, code)
    return session.scalar(select(CasePlan.version).where(CasePlan.case_id == case.id))


def save_case_plan(
    session: Session, code: CaseCode, plan: Plan, who: str, opened_at: int | None
) -> int:
    """Store `plan` as the case's plan; `opened_at` is the version it was loaded at (None: the
    case had no plan). Returns the new version, or raises StalePlan and writes nothing."""
    case = get_case(session, code)
    document = plan_bytes(replace(plan, case_code=case.code))
    row = session.get(CasePlan, case.id)
    current = None if row is None else row.version
    if current != opened_at:
        raise StalePlan(case.code, row.saved_by if row is not None else "")
    if row is None:
        row = CasePlan(case_id=case.id, document=document, saved_by=who)
        session.add(row)
    else:
        row.document, row.saved_by = document, who
    code = case.code  # after a failed flush the case cannot be read any more
    try:
        session.flush()
    except (StaleDataError, IntegrityError):
        # Another save won the race between the check above and this write. The caller's
        # transaction (or savepoint) is rolled back by whoever opened it; rolling back here
        # would end a savepoint's whole outer transaction (a push's record of the operation).
        raise StalePlan(code, "") from None
    return row.version


def export_case_plan(session: Session, code: CaseCode, path: Path) -> None:
    stored = load_case_plan(session, code)
    save_plan(stored.plan if stored else Plan(case_code=code), path)


def import_case_plan(session: Session, code: CaseCode, path: Path, who: str) -> int:
    """Make a `.hjem` file the case's plan (a new version on top of whatever is stored)."""
    plan = load_plan(path)
    return save_case_plan(session, code, plan, who, plan_version(session, code))
