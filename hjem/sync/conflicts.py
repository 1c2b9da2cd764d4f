"""The conflicts a sync left for the person, and their ways out: for an item someone else got
first, the piece in the case's plan that stood for it (to *Find et lignende*); for a plan
someone else saved meanwhile, the laptop's own plan, whole, to keep as a copy. A conflict
stays listed until the person says it is dealt with; nothing is resolved for them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from hjem.cases.errors import CaseError
from hjem.cases.plans import load_case_plan
from hjem.floorplan.hjemfile import plan_from_bytes
from hjem.floorplan.model import Plan
from hjem.i18n import Message
from hjem.ids import CaseCode, ElementId
from hjem.sync.models import SyncConflict
from hjem.sync.operations import Answer, Kind, Operation, Reason
from hjem.sync.status import describe, open_conflicts

# The reasons an item conflict has a way out in another item of the same kind.
ITEM_GONE = frozenset({Reason.RESERVED_ELSEWHERE, Reason.NOT_AVAILABLE, Reason.UNKNOWN_ITEM})


class WayOut:
    SIMILAR = "similar"  # find another item of the kind that fits the spot
    PLAN_COPY = "plan_copy"  # open the laptop's plan as a copy
    NONE = ""  # nothing to do but take note


@dataclass(frozen=True)
class ConflictView:
    """One open conflict as the conflicts window lists it."""

    op_id: str
    case_code: str
    item_code: str
    text: Message
    way_out: str


def conflict_views(session: Session) -> list[ConflictView]:
    return [_view(conflict) for conflict in open_conflicts(session)]


def _view(conflict: SyncConflict) -> ConflictView:
    reason = Answer.from_json(conflict.answer).reason
    if conflict.kind == Kind.SAVE_PLAN.value:
        way_out = WayOut.PLAN_COPY
    elif conflict.kind in (Kind.RESERVE.value, Kind.HOLD.value) and reason in ITEM_GONE:
        way_out = WayOut.SIMILAR
    else:
        way_out = WayOut.NONE
    return ConflictView(
        conflict.op_id, conflict.case_code, conflict.item_code, describe(conflict), way_out
    )


def settle_conflict(session: Session, op_id: str) -> None:
    """The person has dealt with the conflict: it leaves the list (the row stays, settled)."""
    conflict = session.get(SyncConflict, op_id)
    if conflict is not None:
        conflict.settled = True
        session.flush()


def laptop_plan(session: Session, op_id: str) -> Plan | None:
    """The plan the laptop saved offline, as it was sent (a plan conflict's way out)."""
    conflict = session.get(SyncConflict, op_id)
    if conflict is None or conflict.kind != Kind.SAVE_PLAN.value:
        return None
    op = Operation.from_json(conflict.body)
    return replace(plan_from_bytes(op.document), case_code=None)


@dataclass(frozen=True)
class PieceInPlan:
    """Where the item that went elsewhere stood: the case's plan, its version, the piece."""

    plan: Plan
    version: int
    placement_id: ElementId


def piece_of_item(session: Session, case_code: str, item_code: str) -> PieceInPlan | None:
    """The piece in the case's stored plan that stands for `item_code` (None: not placed, or
    the case is gone)."""
    try:
        stored = load_case_plan(session, CaseCode(case_code))
    except CaseError:
        return None
    if stored is None:
        return None
    for piece in stored.plan.placements:
        if piece.inventory_item == item_code:
            return PieceInPlan(stored.plan, stored.version, piece.id)
    return None
