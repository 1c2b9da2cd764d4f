"""A case's budget lines: the pieces on its plan (kept in step by `sync_plan_lines`) and
services added by hand (a moving van, a deposit), each moving planned → applied → approved →
paid; and the case's budget summed up against its scheme.

From the plan, one line per piece:
- a donated item: its estimated value in kind (cash 0);
- a piece to buy: its price in cash;
- the family's own piece (no item, no price): no line.
The budget category follows the furniture category (`budget_category`): toys go to toys;
everything else on a plan, children's furniture, textiles (bedding, towels, curtains),
kitchenware and white goods included, is furnishing the home (basale_moebler). Textiles are
not clothes, and a child's table is furniture, not a toy.

A line keeps its status and dates while its piece stays on the plan. Once applied for, its
amounts and category are what was applied for: a later change on the plan leaves them as they
are and the summary warns. A piece taken off the plan takes its line along while it is only
planned; a line already applied for stays, and the summary warns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hjem.budget.arithmetic import BudgetSummary, Line, summarise
from hjem.budget.models import BudgetCategory, BudgetLine, LineSource, LineStatus
from hjem.budget.schemes import (
    CATEGORIES,
    BudgetError,
    check_amount,
    example_scheme,
    field_problem,
    scheme_of,
)
from hjem.cases.errors import CaseNotFound
from hjem.cases.models import Case
from hjem.cases.plans import load_case_plan, save_case_plan
from hjem.cases.privacy import contains_cpr
from hjem.floorplan.model import Plan
from hjem.i18n import msg, tr
from hjem.ids import CaseCode, ElementId
from hjem.inventory.placing import PlacedItem, Standing, placed_items

MAX_DESCRIPTION = 200
PLAN_CATEGORY = {"legetoej": BudgetCategory.TOYS.value}  # anything else: FURNITURE
STATUS_ORDER = tuple(status.value for status in LineStatus)
DATE_OF = {
    LineStatus.APPLIED: "applied_on",
    LineStatus.APPROVED: "approved_on",
    LineStatus.PAID: "paid_on",
}


def budget_category(furniture_category: str) -> str:
    """The budget category a piece of this furniture category falls under."""
    return PLAN_CATEGORY.get(furniture_category, BudgetCategory.FURNITURE.value)


def _case(session: Session, code: CaseCode) -> tuple[int, int | None]:
    """The case's id and scheme, as named columns: the address is never loaded here."""
    found = session.execute(
        select(Case.id, Case.scheme_id).where(Case.code == code.strip())
    ).first()
    if found is None:
        raise CaseNotFound(code)
    return found[0], found[1]


def line_value(row: BudgetLine) -> Line:
    return Line(
        *(row.category, row.cash_ore, row.in_kind_ore, row.status, row.scheme_id),
        *(row.applied_on, row.approved_on, row.paid_on, row.description),
        id=row.id,
        source=row.source,
        placement_id=row.placement_id,
    )


def _rows(session: Session, case_id: int) -> list[BudgetLine]:
    rows = session.scalars(select(BudgetLine).where(BudgetLine.case_id == case_id)).all()
    return sorted(rows, key=lambda r: (r.source != LineSource.PLAN, r.position, r.id))


def lines_of(session: Session, case_code: CaseCode) -> list[Line]:
    """The case's lines: the plan's first, in plan order, then the services."""
    return [line_value(row) for row in _rows(session, _case(session, case_code)[0])]


def service_description(description: str) -> str:
    """`description` as a service line keeps it, or BudgetError: something, not too long,
    and no CPR number (the line goes into the grant application)."""
    text = description.strip()
    if not text:
        raise field_problem("description", msg("budget.problem.required"))
    if len(text) > MAX_DESCRIPTION:
        raise field_problem("description", msg("budget.problem.too_long", limit=MAX_DESCRIPTION))
    if contains_cpr(text):
        raise field_problem("description", msg("case_privacy.cpr"))
    return text


def add_service_line(
    session: Session,
    case_code: CaseCode,
    description: str,
    category: str,
    cash_ore: int,
    scheme_id: int | None = None,
) -> BudgetLine:
    """A line for something not on the plan; `scheme_id` None: the case's scheme."""
    case_id, _ = _case(session, case_code)
    text = service_description(description)
    if category not in CATEGORIES:
        problem = msg("budget.problem.unknown_category", category=category)
        raise field_problem("category", problem)
    check_amount(cash_ore, "cash")
    if scheme_id is not None:
        scheme_of(session, scheme_id)  # it must exist
    last = select(func.max(BudgetLine.position)).where(BudgetLine.case_id == case_id)
    row = BudgetLine(
        case_id=case_id,
        source=LineSource.SERVICE.value,
        description=text,
        category=category,
        cash_ore=cash_ore,
        in_kind_ore=0,
        scheme_id=scheme_id,
        status=LineStatus.PLANNED.value,
        position=(session.scalar(last) or 0) + 1,
    )
    session.add(row)
    session.flush()
    return row


def _line(session: Session, line_id: int) -> BudgetLine:
    row = session.get(BudgetLine, line_id)
    if row is None:
        raise BudgetError(msg("budget.error.no_such_line", id=line_id))
    return row


def set_line_status(session: Session, line_id: int, status: str, on: dt.date) -> BudgetLine:
    """Move a line forward (steps may be skipped: bought first, say), recording the date."""
    row = _line(session, line_id)
    if not _forward(row.status, status):
        raise BudgetError(
            msg(
                "budget.error.status",
                line=row.description,
                from_status=msg(f"line_status.{row.status}"),
                to_status=msg(f"line_status.{status}"),
            )
        )
    setattr(row, DATE_OF[LineStatus(status)], on)
    row.status = LineStatus(status).value
    session.flush()
    return row


def _forward(now: str, wanted: str) -> bool:
    return wanted in STATUS_ORDER and STATUS_ORDER.index(wanted) > STATUS_ORDER.index(now)


def remove_line(session: Session, line_id: int) -> None:
    session.delete(_line(session, line_id))
    session.flush()


# The plan's pieces


@dataclass(frozen=True)
class PlanPiece:
    placement_id: ElementId
    description: str
    category: str
    cash_ore: int
    in_kind_ore: int
    kind: str  # "cash" (to buy) or "in_kind" (donated)


def _piece(placed: PlacedItem) -> PlanPiece:
    piece = placed.placement
    name = piece.label.strip() or placed.item_name or tr(f"category.{piece.category}.name", "da")
    bought = placed.standing == Standing.TO_BUY
    return PlanPiece(
        piece.id,
        name[:MAX_DESCRIPTION],
        budget_category(piece.category),
        placed.value_ore if bought else 0,
        0 if bought else placed.value_ore,
        "cash" if bought else "in_kind",
    )


def plan_pieces(session: Session, plan: Plan) -> list[PlanPiece]:
    """The plan's pieces that make a budget line: donated ones and ones to buy."""
    return [_piece(p) for p in placed_items(session, plan) if p.standing != Standing.OWN]


class _Amounts(Protocol):
    @property
    def placement_id(self) -> ElementId | None: ...
    @property
    def cash_ore(self) -> int: ...
    @property
    def in_kind_ore(self) -> int: ...


L = TypeVar("L", bound=_Amounts)


def _match(lines: Sequence[L], pieces: Sequence[PlanPiece]) -> dict[int, L]:
    """Each piece's line (by piece index). Placement ids are reused after a deletion, so a
    line whose amount says it is of the other kind (cash / in kind) is not the piece's."""
    waiting: dict[str | None, list[L]] = {}
    for line in lines:
        waiting.setdefault(line.placement_id, []).append(line)
    matched: dict[int, L] = {}
    for index, piece in enumerate(pieces):
        fits = [line for line in waiting.get(piece.placement_id, []) if _fits(line, piece)]
        if fits:
            matched[index] = fits[0]
            waiting[piece.placement_id].remove(fits[0])
    return matched


def _fits(line: _Amounts, piece: PlanPiece) -> bool:
    kind = "cash" if line.cash_ore else "in_kind" if line.in_kind_ore else None
    return kind in (None, piece.kind)


def sync_plan_lines(session: Session, case_code: CaseCode, plan: Plan) -> None:
    """Make the case's plan lines match the pieces on `plan` (see the module's notes)."""
    case_id, _ = _case(session, case_code)
    rows = [row for row in _rows(session, case_id) if row.source == LineSource.PLAN]
    pieces = plan_pieces(session, plan)
    matched = _match(rows, pieces)
    kept = {id(row) for row in matched.values()}
    for row in rows:
        if id(row) not in kept and row.status == LineStatus.PLANNED:
            session.delete(row)
    for position, piece in enumerate(pieces):
        row = matched.get(position) or _new_plan_row(session, case_id, piece)
        row.description, row.position = piece.description, position
        if row.status == LineStatus.PLANNED:  # once applied for, the amounts are a fact
            row.category, row.cash_ore = piece.category, piece.cash_ore
            row.in_kind_ore = piece.in_kind_ore
    session.flush()


def _new_plan_row(session: Session, case_id: int, piece: PlanPiece) -> BudgetLine:
    row = BudgetLine(
        case_id=case_id,
        source=LineSource.PLAN.value,
        placement_id=piece.placement_id,
        status=LineStatus.PLANNED.value,
    )
    session.add(row)
    return row


def as_synced(lines: Sequence[Line], pieces: Sequence[PlanPiece]) -> list[Line]:
    """The lines as `sync_plan_lines` would leave them for these pieces, without writing: so
    the budget follows a plan being furnished before it is saved. A line already applied for
    keeps its amounts (marked when the plan now says otherwise); one whose piece is gone is
    dropped while planned, marked removed after."""
    plan_lines = [line for line in lines if line.source == LineSource.PLAN]
    matched = _match(plan_lines, pieces)
    kept = {id(line) for line in matched.values()}
    result = [
        replace(line, removed=True)
        for line in plan_lines
        if id(line) not in kept and line.status != LineStatus.PLANNED
    ]
    for index, piece in enumerate(pieces):
        result.append(_following(matched.get(index), piece))
    return result + [line for line in lines if line.source != LineSource.PLAN]


def _following(line: Line | None, piece: PlanPiece) -> Line:
    """A piece's line as the plan has it now."""
    cash_ore, in_kind_ore = piece.cash_ore, piece.in_kind_ore
    if line is None:
        return Line(
            piece.category,
            description=piece.description,
            source=LineSource.PLAN.value,
            placement_id=piece.placement_id,
            cash_ore=cash_ore,
            in_kind_ore=in_kind_ore,
        )
    if line.status == LineStatus.PLANNED:
        return replace(
            line,
            description=piece.description,
            category=piece.category,
            cash_ore=cash_ore,
            in_kind_ore=in_kind_ore,
        )
    if (line.cash_ore, line.in_kind_ore) != (piece.cash_ore, piece.in_kind_ore):
        return replace(line, plan_ore=piece.cash_ore or piece.in_kind_ore)
    return line


def budget_summary(
    session: Session, case_code: CaseCode, plan: Plan | None = None
) -> BudgetSummary:
    """The case's budget against its scheme (the example scheme if it has none), its plan
    lines checked against `plan` (the open, perhaps unsaved plan) or else the stored one."""
    _, scheme_id = _case(session, case_code)
    scheme = example_scheme(session) if scheme_id is None else scheme_of(session, scheme_id)
    lines = lines_of(session, case_code)
    if plan is None:
        stored = load_case_plan(session, case_code)
        plan = stored.plan if stored else None
    if plan is not None:
        lines = as_synced(lines, plan_pieces(session, plan))
    return summarise(lines, scheme)


def save_plan_and_lines(
    session: Session, code: CaseCode, plan: Plan, who: str, opened_at: int | None
) -> int:
    """Store the case's plan and bring its budget's plan lines in step, in one unit of work;
    the plan's new version (StalePlan if someone saved it since `opened_at`)."""
    version = save_case_plan(session, code, plan, who, opened_at)
    sync_plan_lines(session, code, plan)
    return version
