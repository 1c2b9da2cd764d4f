"""Grant schemes: their total limit, limits per category (of cash, or of cash and in kind),
validity and whether one must apply before buying. A coordinator keeps them; cases and budget
lines point at them.

A scheme that budgets were approved under is versioned, not rewritten: saving a change makes a
new version (a new row replacing the old, which is kept and superseded), the cases with
approved lines stay under the version they were approved under, and everything else moves to
the new one. A scheme nobody uses can be deleted; one in use is retired (no longer offered)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hjem.budget.arithmetic import Scheme, kroner
from hjem.budget.models import BudgetCategory, GrantScheme, SchemeLimit, SchemeState
from hjem.budget.scheme_usage import (
    approved_under,
    fallback_scheme_id,
    in_use,
    move_to_new_version,
)
from hjem.errors import UserError
from hjem.i18n import Message, msg

MAX_AMOUNT_ORE = 10_000_000_000  # 100 million kroner: beyond any grant, a typing slip
MAX_NAME = 120
MAX_NOTES = 4000
CATEGORIES = tuple(category.value for category in BudgetCategory)


class BudgetError(UserError):
    pass


@dataclass(frozen=True)
class SchemeData:
    """What a coordinator fills in for a scheme; `id` None makes a new one. `version` and
    `state` are the workspace's to say (shown, never taken from the form)."""

    name: str
    total_limit_ore: int
    limits: Mapping[str, int] = field(default_factory=dict)  # category → limit (øre)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    apply_before_purchase: bool = True
    example: bool = False
    notes: str = ""
    id: int | None = None
    limits_include_in_kind: bool = False
    version: int = 1
    state: str = SchemeState.ACTIVE.value


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
        limits_include_in_kind=row.limits_include_in_kind,
        version=row.version,
        state=row.state,
    )


def data_of(row: GrantScheme) -> SchemeData:
    return SchemeData(
        name=row.name,
        total_limit_ore=row.total_limit_ore,
        limits={limit.category: limit.limit_ore for limit in row.limits},
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        apply_before_purchase=row.apply_before_purchase,
        example=row.example,
        notes=row.notes,
        id=row.id,
        limits_include_in_kind=row.limits_include_in_kind,
        version=row.version,
        state=row.state,
    )


def _row(session: Session, scheme_id: int) -> GrantScheme:
    row = session.get(GrantScheme, scheme_id)
    if row is None:
        raise BudgetError(msg("budget.error.no_such_scheme", id=scheme_id))
    return row


def scheme_of(session: Session, scheme_id: int) -> Scheme:
    return scheme_value(_row(session, scheme_id))


def scheme_data(session: Session, scheme_id: int) -> SchemeData:
    return data_of(_row(session, scheme_id))


def example_scheme(session: Session) -> Scheme:
    """The scheme a case without one is summed against: the example scheme the migration
    seeds, or if a coordinator made it a real one, the first active scheme. A workspace
    without any scheme is told so."""
    scheme_id = fallback_scheme_id(session)
    if scheme_id is None:
        raise BudgetError(msg("budget.error.no_scheme"))
    return scheme_of(session, scheme_id)


def list_schemes(session: Session, every_version: bool = False) -> list[SchemeData]:
    """The schemes by name (older versions, with `every_version`, after their newest)."""
    query = select(GrantScheme).order_by(GrantScheme.name, GrantScheme.version.desc())
    if not every_version:
        query = query.where(GrantScheme.state != SchemeState.SUPERSEDED.value)
    return [data_of(row) for row in session.scalars(query)]


def scheme_label(data: SchemeData | Scheme) -> Message:
    """A scheme's name as lists show it, with its version when it has several, whether it is
    superseded or retired, and whether it is an example."""
    notes: list[Message] = []
    if data.version > 1 or data.state == SchemeState.SUPERSEDED:
        notes.append(msg("scheme.label.version", version=data.version))
    if data.state != SchemeState.ACTIVE:
        notes.append(msg(f"scheme.state.{data.state}"))
    if data.example:
        notes.append(msg("scheme.label.example"))
    if not notes:
        return msg("scheme.label.plain", name=data.name)
    return msg("scheme.label.noted", name=data.name, notes=_joined(notes))


@dataclass(frozen=True)
class _Joined(Message):
    parts: tuple[Message, ...] = ()

    def text(self, lang: str | None = None) -> str:
        return ", ".join(part.text(lang) for part in self.parts)


def _joined(parts: list[Message]) -> Message:
    return _Joined("", parts=tuple(parts))


def scheme_choices(session: Session) -> list[tuple[int, str]]:
    """What a case form offers, as (id, label), by name: the active schemes, and those others
    a case is still under (so a case shows, and keeps, the version it was approved under)."""
    from hjem.cases.models import Case

    used = select(Case.scheme_id).where(Case.scheme_id.is_not(None))
    query = (
        select(GrantScheme)
        .where((GrantScheme.state == SchemeState.ACTIVE.value) | GrantScheme.id.in_(used))
        .order_by(GrantScheme.name, GrantScheme.version.desc())
    )
    return [(row.id, scheme_label(data_of(row)).text()) for row in session.scalars(query)]


def check_scheme(data: SchemeData) -> None:
    """BudgetError naming the first problem with `data`, in words a coordinator understands."""
    name = data.name.strip()
    if not name:
        raise field_problem("name", msg("budget.problem.required"))
    if len(name) > MAX_NAME:
        raise field_problem("name", msg("budget.problem.too_long", limit=MAX_NAME))
    if len(data.notes) > MAX_NOTES:
        raise field_problem("notes", msg("budget.problem.too_long", limit=MAX_NOTES))
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
    """Create or change a scheme; BudgetError (nothing written) if it is not valid. A change
    to a scheme budgets were approved under makes a new version (the row returned)."""
    check_scheme(data)
    name = data.name.strip()
    old = None if data.id is None else _row(session, data.id)
    if old is not None and old.state == SchemeState.SUPERSEDED:
        raise BudgetError(msg("scheme.error.superseded", name=old.name, version=old.version))
    _check_name_free(session, name, old)
    versioned = old is not None and approved_under(session, old.id)
    was_fallback = old is not None and old.id == fallback_scheme_id(session)
    if old is None:
        row = GrantScheme(version=1, state=SchemeState.ACTIVE.value)
    else:
        row = _new_version(session, old) if versioned else old
    _fill(row, data, name)
    session.add(row)
    try:
        session.flush()
    except IntegrityError:  # someone took the name a moment ago
        raise BudgetError(msg("budget.error.duplicate_scheme", name=name)) from None
    if old is not None and versioned:
        move_to_new_version(session, old.id, row.id, was_fallback)
    return row


def _check_name_free(session: Session, name: str, old: GrantScheme | None) -> None:
    others = select(GrantScheme.id).where(
        GrantScheme.name == name, GrantScheme.state != SchemeState.SUPERSEDED.value
    )
    if old is not None:
        others = others.where(GrantScheme.id != old.id)
    if session.scalar(others) is not None:
        raise BudgetError(msg("budget.error.duplicate_scheme", name=name))


def _new_version(session: Session, old: GrantScheme) -> GrantScheme:
    """The next version of `old`, in the state `old` was in; `old` is kept and superseded
    (flushed at once, so the new version can carry its name)."""
    state = old.state
    old.state = SchemeState.SUPERSEDED.value
    session.flush()
    return GrantScheme(version=old.version + 1, replaces_id=old.id, state=state)


def _fill(row: GrantScheme, data: SchemeData, name: str) -> None:
    row.name, row.total_limit_ore, row.notes = name, data.total_limit_ore, data.notes.strip()
    row.valid_from, row.valid_to = data.valid_from, data.valid_to
    row.apply_before_purchase, row.example = data.apply_before_purchase, data.example
    row.limits_include_in_kind = data.limits_include_in_kind
    _set_limits(row, data.limits)


def _set_limits(row: GrantScheme, limits: Mapping[str, int]) -> None:
    kept = {limit.category: limit for limit in row.limits if limit.category in limits}
    for category, amount in limits.items():
        limit = kept.get(category) or SchemeLimit(category=category)
        limit.limit_ore = amount
        kept[category] = limit
    row.limits = [kept[category] for category in CATEGORIES if category in kept]


def remove_scheme(session: Session, scheme_id: int) -> str:
    """Delete a scheme nobody uses ("deleted"); retire one in use ("retired"): it is no longer
    offered, and the cases and budgets under it keep it."""
    row = _row(session, scheme_id)
    if row.state == SchemeState.SUPERSEDED:
        raise BudgetError(msg("scheme.error.superseded", name=row.name, version=row.version))
    if in_use(session, scheme_id):
        row.state = SchemeState.RETIRED.value
        session.flush()
        return SchemeState.RETIRED.value
    session.delete(row)
    session.flush()
    return "deleted"


def find_scheme(session: Session, text: str) -> SchemeData:
    """A scheme by its number or its name (the current version of that name)."""
    wanted = text.strip()
    if wanted.isdigit():
        return scheme_data(session, int(wanted))
    query = select(GrantScheme).where(
        GrantScheme.name == wanted, GrantScheme.state != SchemeState.SUPERSEDED.value
    )
    row = session.scalar(query)
    if row is None:
        raise BudgetError(msg("scheme.error.no_such_name", name=wanted))
    return data_of(row)
