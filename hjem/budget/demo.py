"""The sample case's budget: its furnished plan's lines and the services a move needs, under
the example scheme, some already on their way (applied, approved), so the flow shows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from hjem.budget.lines import add_service_line, lines_of, set_line_status, sync_plan_lines
from hjem.budget.models import BudgetCategory, LineStatus
from hjem.cases.demo import DEMO_CASE, fill_demo_case
from hjem.floorplan.model import Plan
from hjem.ids import CaseCode
from hjem.inventory.demo import fill_demo_inventory

SERVICES = (  # description, category, cash in øre
    ("Indskud til boligen", BudgetCategory.DEPOSIT, 950_000),
    ("Flyttebil og to hjælpere", BudgetCategory.MOVING, 350_000),
    ("Vintertøj til børnene", BudgetCategory.CLOTHES, 120_000),
)


def fill_demo_workspace(session: Session, who: str, today: dt.date) -> None:
    """The demo inventory (unless it is there) and the sample case with its budget: what the
    start screen's demo button shows, in one unit of work."""
    if fill_demo_inventory(session, who):
        session.flush()
    add_demo_case(session, who, today)


def add_demo_case(session: Session, who: str, today: dt.date) -> bool:
    """The sample case with its furnished plan and its budget; False if it is there already.
    The demo inventory must be in the workspace first."""
    plan = fill_demo_case(session, who)
    if plan is None:
        return False
    fill_demo_budget(session, DEMO_CASE.code, plan, today)
    return True


def fill_demo_budget(session: Session, case_code: CaseCode, plan: Plan, today: dt.date) -> None:
    sync_plan_lines(session, case_code, plan)
    for description, category, cash in SERVICES:
        add_service_line(session, case_code, description, category.value, cash)
    services = [line for line in lines_of(session, case_code) if line.source == "service"]
    deposit, van = services[0], services[1]
    assert deposit.id is not None and van.id is not None
    set_line_status(session, deposit.id, LineStatus.APPLIED.value, today)
    set_line_status(session, van.id, LineStatus.APPLIED.value, today)
    set_line_status(session, van.id, LineStatus.APPROVED.value, today)
