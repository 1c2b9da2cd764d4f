"""Grant schemes: their total limit, cash limits per category, validity and whether one must
apply before buying. A coordinator keeps them; cases and budget lines point at them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hjem.budget.arithmetic import Scheme, kroner
from hjem.budget.models import BudgetCategory, GrantScheme, SchemeLimit
from hjem.errors import UserError
from hjem.i18n import Message, msg

MAX_AMOUNT_ORE = 10_000_000_000  # 100 million kroner: beyond any grant, a typing slip
MAX_NAME = 120
CATEGORIES = tuple(category.value for category in BudgetCategory)


class BudgetError(UserError):
    pass


@dataclass(frozen=True)
class SchemeData:
    """What a coordinator fills in for a scheme; `id` None makes a new one."""

    name: str
    total_limit_ore: int
    limits: Mapping[str, int] = field(default_factory=dict)  # category → cash limit (øre)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    apply_before_purchase: bool = True
    example: bool = False
    notes: str = ""
    id: int | None = None


def scheme_value(row: GrantScheme) -> Scheme:
    return Scheme(
        name=row.name,
        total_limit_ore=row.total_limit_ore,
        limits={limit.category: limit.limit_ore for limit in row.limits},
        apply_before_purchase=row.apply_before_purchase,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        example=row.example,
        id=row.id,
    )


def data_of(row: GrantScheme) -> SchemeData:
    value = scheme_value(row)
    return SchemeData(
        *(row.name, row.total_limit_ore, value.limits, row.valid_from, row.valid_to),
        *(row.apply_before_purchase, row.example, row.notes, row.id),
    )


def _row(session: Session, scheme_id: int) -> GrantScheme:
    row = session.get(GrantScheme, scheme_id)
    if row is None:
        raise BudgetError(msg("budget.error.no_such_scheme", id=scheme_id))
    return row


def scheme_of(session: Session, scheme_id: int) -> Scheme:
    return scheme_value(_row(session, scheme_id))


def example_scheme(session: Session) -> Scheme:
    """The example scheme the migration seeds; if a coordinator made it a real one, the first
    scheme there is. A workspace without any scheme is told so."""
    rows = select(GrantScheme).order_by(GrantScheme.example.desc(), GrantScheme.id).limit(1)
    row = session.scalar(rows)
    if row is None:
        raise BudgetError(msg("budget.error.no_scheme"))
    return scheme_value(row)


def list_schemes(session: Session) -> list[SchemeData]:
    """Every scheme, by name, with its limits."""
    return [data_of(row) for row in session.scalars(select(GrantScheme).order_by(GrantScheme.name))]


def scheme_choices(session: Session) -> list[tuple[int, str]]:
    """Every scheme as (id, name), by name: what a case form offers to choose from."""
    rows = session.execute(select(GrantScheme.id, GrantScheme.name).order_by(GrantScheme.name))
    return [(scheme_id, name) for scheme_id, name in rows]


def check_scheme(data: SchemeData) -> None:
    """BudgetError naming the first problem with `data`, in words a coordinator understands."""
    name = data.name.strip()
    if not name:
        raise field_problem("name", msg("budget.problem.required"))
    if len(name) > MAX_NAME:
        raise field_problem("name", msg("budget.problem.too_long", limit=MAX_NAME))
    check_amount(data.total_limit_ore, "total")
    for category, amount in data.limits.items():
        if category not in CATEGORIES:
            problem = msg("budget.problem.unknown_category", category=category)
            raise field_problem("limit", problem, category=category)
        check_amount(amount, "limit", category=msg(f"budget_category.{category}"))
    if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
        raise field_problem("valid_to", msg("budget.problem.ends_before_start"))


def check_amount(ore: int, field_name: str, **params: object) -> None:
    if ore < 0:
        raise field_problem(field_name, msg("budget.problem.negative"), **params)
    if ore > MAX_AMOUNT_ORE:
        limit = kroner(MAX_AMOUNT_ORE)
        raise field_problem(field_name, msg("budget.problem.too_big", limit=limit), **params)


def field_problem(field_name: str, problem: Message, **params: object) -> BudgetError:
    return BudgetError(
        msg(
            "budget.error.field", field=msg(f"budget.field.{field_name}", **params), problem=problem
        )
    )


def save_scheme(session: Session, data: SchemeData) -> GrantScheme:
    """Create or change a scheme; BudgetError (nothing written) if it is not valid."""
    check_scheme(data)
    name = data.name.strip()
    others = select(GrantScheme.id).where(GrantScheme.name == name)
    if data.id is not None:
        others = others.where(GrantScheme.id != data.id)
    if session.scalar(others) is not None:
        raise BudgetError(msg("budget.error.duplicate_scheme", name=name))
    row = GrantScheme() if data.id is None else _row(session, data.id)
    row.name, row.total_limit_ore, row.notes = name, data.total_limit_ore, data.notes.strip()
    row.valid_from, row.valid_to = data.valid_from, data.valid_to
    row.apply_before_purchase, row.example = data.apply_before_purchase, data.example
    _set_limits(row, data.limits)
    session.add(row)
    try:
        session.flush()
    except IntegrityError:  # someone took the name a moment ago
        raise BudgetError(msg("budget.error.duplicate_scheme", name=name)) from None
    return row


def _set_limits(row: GrantScheme, limits: Mapping[str, int]) -> None:
    kept = {limit.category: limit for limit in row.limits if limit.category in limits}
    for category, amount in limits.items():
        limit = kept.get(category) or SchemeLimit(category=category)
        limit.limit_ore = amount
        kept[category] = limit
    row.limits = [kept[category] for category in CATEGORIES if category in kept]
