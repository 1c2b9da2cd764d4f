"""The work a window runs to reserve, release or save a case's plan: on the team server
online, on the working copy with its outbox offline (hjem.sync.routes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hjem.floorplan.model import Plan
from hjem.ids import CaseCode
from hjem.ui.operations import Operations, Work, offline_ready

if TYPE_CHECKING:
    from hjem.inventory.placing import PlacedItem


def _for(operations: Operations, work: Work[Any]) -> Work[Any]:
    return offline_ready(work) if operations.offline else work


def reserve_work(operations: Operations, code: str, case: str, who: str) -> Work[Any]:
    from hjem.sync.routes import reserving

    return _for(operations, reserving(code, case, who, operations.offline))


def release_work(operations: Operations, code: str, who: str, reason: str = "") -> Work[Any]:
    from hjem.sync.routes import releasing

    return _for(operations, releasing(code, who, reason, operations.offline))


def save_plan_work(
    operations: Operations, code: CaseCode, plan: Plan, who: str, opened_at: int | None
) -> Work[int]:
    from hjem.sync.routes import saving_plan

    return _for(operations, saving_plan(code, plan, who, opened_at, operations.offline))


def placed_work(operations: Operations, plan: Plan) -> Work[list[PlacedItem]]:
    """The plan's pieces with their standing; offline, those reserved on the copy alone are
    provisional."""
    from hjem.inventory.placing import placed_items

    if not (operations.offline and plan.case_code):
        return lambda session: placed_items(session, plan)
    from hjem.sync.outbox import provisional_items

    case = plan.case_code
    return lambda session: placed_items(session, plan, provisional_items(session, case))
