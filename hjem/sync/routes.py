"""The windows' reservations and plan saves, online or offline: online they go to the team
server as always; offline they are made on the working copy with their operation in its
outbox (hjem.sync.outbox), in one local transaction. A window asks for the work here and runs
it, without knowing which it got."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from hjem.budget.lines import save_plan_and_lines
from hjem.cases.plans import plan_version
from hjem.floorplan.model import Plan
from hjem.ids import CaseCode, ItemCode
from hjem.inventory.errors import NotAvailable
from hjem.inventory.items import get_item
from hjem.inventory.reservations import active_reservation, release, reserve
from hjem.sync.outbox import release_offline, reserve_offline, save_plan_offline

Work = Callable[[Session], object]


def reserving(code: str, case: str, who: str, offline: bool) -> Work:
    if offline:
        return lambda session: reserve_offline(session, code, case, who)
    return lambda session: reserve(session, ItemCode(code), CaseCode(case), who)


def releasing(code: str, who: str, reason: str, offline: bool) -> Work:
    """End the item's reservation (whichever case holds it; offline, that case's)."""
    if not offline:
        return lambda session: release(session, ItemCode(code), who, reason)

    def release_on_copy(session: Session) -> object:
        item = get_item(session, ItemCode(code))
        held = active_reservation(session, item)
        if held is None:
            raise NotAvailable(item.code, item.status)
        return release_offline(session, item.code, held.case_code, who)

    return release_on_copy


def saving_plan(
    code: CaseCode, plan: Plan, who: str, opened_at: int | None, offline: bool
) -> Callable[[Session], int]:
    """Store the case's plan; the version it has now. Offline the copy's version check is
    the copy's own: the server checks the version the laptop last pulled when it is pushed."""
    if not offline:
        return lambda session: save_plan_and_lines(session, code, plan, who, opened_at)

    def save_on_copy(session: Session) -> int:
        save_plan_offline(session, code, plan, who)
        return plan_version(session, code) or 0

    return save_on_copy
