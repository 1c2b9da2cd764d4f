"""A case's budget summed up against its grant scheme: pure functions on plain values, no
database, integer øre only.

The rules:
- Limits apply to CASH only, unless the scheme says its limits cover in-kind support too
  (`limits_include_in_kind`). Otherwise in-kind support (the estimated value of donated items)
  is reported apart and counts against no limit: nobody applies for a donated sofa.
- A line belongs to the summarised scheme when its `scheme_id` is that scheme's id, or None
  (a line without a scheme of its own follows the case's scheme). Cash of lines under other
  schemes is "other funding": shown apart, counted against none of this scheme's limits.
- Every status counts, planned included: a plan that would break a limit is worth knowing
  before anyone applies.
- A category without a limit in the scheme is capped by the scheme's total only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from hjem.budget.models import BudgetCategory, LineStatus
from hjem.i18n import Message, format_day, msg
from hjem.ids import ElementId
from hjem.money import format_kroner


@dataclass(frozen=True)
class Kroner(Message):
    """An amount as a message parameter, written the reader's way ("1.234,50 kr.")."""

    ore: int = 0

    def text(self, lang: str | None = None) -> str:
        return format_kroner(self.ore, lang)


@dataclass(frozen=True)
class Day(Message):
    """A date as a message parameter, written the reader's way ("5. marts 2026")."""

    day: dt.date = dt.date.min

    def text(self, lang: str | None = None) -> str:
        return format_day(self.day, lang, "long")


def kroner(ore: int) -> Kroner:
    return Kroner("", ore=ore)


def day(value: dt.date) -> Day:
    return Day("", day=value)


@dataclass(frozen=True)
class Line:
    """A budget line as the arithmetic sees it."""

    category: str
    cash_ore: int = 0
    in_kind_ore: int = 0
    status: str = LineStatus.PLANNED.value
    scheme_id: int | None = None  # None: the case's scheme
    applied_on: dt.date | None = None
    approved_on: dt.date | None = None
    paid_on: dt.date | None = None
    description: str = ""
    id: int | None = None
    source: str = "service"
    placement_id: ElementId | None = None
    removed: bool = False  # a plan line whose piece is no longer on the plan
    plan_ore: int | None = None  # the plan's amount now, when it differs from a line applied for


@dataclass(frozen=True)
class Scheme:
    name: str
    total_limit_ore: int
    limits: Mapping[str, int] = field(default_factory=dict)  # category → cash limit in øre
    apply_before_purchase: bool = True
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    example: bool = False  # amounts to be edited: not any real scheme's
    id: int | None = None
    limits_include_in_kind: bool = False  # the limits cap cash and in kind together
    version: int = 1
    state: str = "active"  # SchemeState: a superseded one has a newer version


class WarningKind(StrEnum):
    CATEGORY_OVER = "category_over"
    TOTAL_OVER = "total_over"
    PAID_BEFORE_APPROVED = "paid_before_approved"
    OUTSIDE_VALIDITY = "outside_validity"
    REMOVED_FROM_PLAN = "removed_from_plan"
    AMOUNT_CHANGED = "amount_changed"
    EXAMPLE_SCHEME = "example_scheme"


@dataclass(frozen=True)
class BudgetWarning:
    kind: WarningKind
    message: Message
    line: int | None = None  # index into BudgetSummary.lines, for warnings about one line
    category: str | None = None  # for CATEGORY_OVER


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    cash_ore: int  # under the summarised scheme
    in_kind_ore: int  # donated items' value, whatever the scheme
    other_cash_ore: int  # cash under other schemes
    limit_ore: int | None  # None: the scheme sets no limit of its own for the category
    counted_ore: int | None = None  # what the limit caps; None: the cash

    @property
    def against_limit_ore(self) -> int:
        return self.cash_ore if self.counted_ore is None else self.counted_ore

    @property
    def remaining_ore(self) -> int | None:
        return None if self.limit_ore is None else self.limit_ore - self.against_limit_ore

    @property
    def over(self) -> bool:
        return self.limit_ore is not None and self.against_limit_ore > self.limit_ore


@dataclass(frozen=True)
class BudgetSummary:
    scheme: Scheme
    lines: tuple[Line, ...]
    categories: tuple[CategoryTotal, ...]  # every BudgetCategory in order, then any other
    cash_ore: int
    in_kind_ore: int
    other_cash_ore: int
    cash_by_status: Mapping[str, int]  # the scheme's cash per LineStatus value
    warnings: tuple[BudgetWarning, ...]

    @property
    def limit_ore(self) -> int:
        return self.scheme.total_limit_ore

    @property
    def against_limit_ore(self) -> int:
        """What the total limit caps: the cash, and in kind if the scheme says so."""
        in_kind = self.in_kind_ore if self.scheme.limits_include_in_kind else 0
        return self.cash_ore + in_kind

    @property
    def remaining_ore(self) -> int:
        return self.limit_ore - self.against_limit_ore

    @property
    def over(self) -> bool:
        return self.against_limit_ore > self.limit_ore

    def category(self, slug: str) -> CategoryTotal:
        return next(total for total in self.categories if total.category == slug)


def counts_for(line: Line, scheme: Scheme) -> bool:
    return line.scheme_id is None or line.scheme_id == scheme.id


def summarise(lines: Sequence[Line], scheme: Scheme) -> BudgetSummary:
    """The lines summed per category and in all against `scheme` (the module's rules)."""
    ours = [line for line in lines if counts_for(line, scheme)]
    categories = tuple(_category_total(slug, lines, scheme) for slug in _slugs(lines))
    by_status = {status.value: 0 for status in LineStatus}
    for line in ours:
        by_status[line.status] = by_status.get(line.status, 0) + line.cash_ore
    summary = BudgetSummary(
        scheme=scheme,
        lines=tuple(lines),
        categories=categories,
        cash_ore=sum(line.cash_ore for line in ours),
        in_kind_ore=sum(line.in_kind_ore for line in lines),
        other_cash_ore=sum(line.cash_ore for line in lines if not counts_for(line, scheme)),
        cash_by_status=by_status,
        warnings=(),
    )
    return _with_warnings(summary)


def _slugs(lines: Iterable[Line]) -> list[str]:
    known = [category.value for category in BudgetCategory]
    return known + sorted({line.category for line in lines} - set(known))


def _category_total(slug: str, lines: Sequence[Line], scheme: Scheme) -> CategoryTotal:
    here = [line for line in lines if line.category == slug]
    cash = sum(line.cash_ore for line in here if counts_for(line, scheme))
    in_kind = sum(line.in_kind_ore for line in here)
    return CategoryTotal(
        category=slug,
        cash_ore=cash,
        in_kind_ore=in_kind,
        other_cash_ore=sum(line.cash_ore for line in here if not counts_for(line, scheme)),
        limit_ore=scheme.limits.get(slug),
        counted_ore=cash + in_kind if scheme.limits_include_in_kind else None,
    )


def _with_warnings(summary: BudgetSummary) -> BudgetSummary:
    warnings = [*_scheme_warnings(summary)]
    for index, line in enumerate(summary.lines):
        warnings += _line_warnings(index, line, summary.scheme)
    return replace(summary, warnings=tuple(warnings))


def _scheme_warnings(summary: BudgetSummary) -> list[BudgetWarning]:
    found = []
    if summary.scheme.example:
        found.append(
            BudgetWarning(
                WarningKind.EXAMPLE_SCHEME,
                msg("budget.warning.example_scheme", scheme=summary.scheme.name),
            )
        )
    for total in summary.categories:
        if total.over and total.limit_ore is not None:
            found.append(_category_over(total))
    if summary.over:
        over = kroner(summary.against_limit_ore - summary.limit_ore)
        key = "total_over_with_in_kind" if summary.scheme.limits_include_in_kind else "total_over"
        text = msg(
            f"budget.warning.{key}",
            cash=kroner(summary.against_limit_ore),
            limit=kroner(summary.limit_ore),
            over=over,
        )
        found.append(BudgetWarning(WarningKind.TOTAL_OVER, text))
    return found


def _category_over(total: CategoryTotal) -> BudgetWarning:
    assert total.limit_ore is not None
    key = "category_over" if total.counted_ore is None else "category_over_with_in_kind"
    text = msg(
        f"budget.warning.{key}",
        category=msg(f"budget_category.{total.category}"),
        cash=kroner(total.against_limit_ore),
        limit=kroner(total.limit_ore),
        over=kroner(total.against_limit_ore - total.limit_ore),
    )
    return BudgetWarning(WarningKind.CATEGORY_OVER, text, category=total.category)


def paid_before_approved(line: Line, scheme: Scheme) -> bool:
    """Paid without approval, or before it, under a scheme that wants an application first."""
    if not (scheme.apply_before_purchase and counts_for(line, scheme) and line.paid_on):
        return False
    return line.approved_on is None or line.paid_on < line.approved_on


def outside_validity(line: Line, scheme: Scheme) -> dt.date | None:
    """The first of the line's application and payment dates outside the scheme's validity."""
    if not counts_for(line, scheme):
        return None
    for date in (line.applied_on, line.paid_on):
        early = date is not None and scheme.valid_from is not None and date < scheme.valid_from
        late = date is not None and scheme.valid_to is not None and date > scheme.valid_to
        if early or late:
            return date
    return None


def _line_warnings(index: int, line: Line, scheme: Scheme) -> list[BudgetWarning]:
    name = line.description
    found = []
    if paid_before_approved(line, scheme):
        found.append((WarningKind.PAID_BEFORE_APPROVED, _paid_message(line)))
    if (date := outside_validity(line, scheme)) is not None:
        text = msg("budget.warning.outside_validity", line=name, date=day(date))
        found.append((WarningKind.OUTSIDE_VALIDITY, text))
    if line.removed and line.status != LineStatus.PLANNED:
        text = msg("budget.warning.removed_from_plan", line=name, status=_status(line))
        found.append((WarningKind.REMOVED_FROM_PLAN, text))
    if line.plan_ore is not None and line.status != LineStatus.PLANNED:
        text = msg(
            "budget.warning.amount_changed",
            line=name,
            line_amount=kroner(line.cash_ore or line.in_kind_ore),
            plan_amount=kroner(line.plan_ore),
        )
        found.append((WarningKind.AMOUNT_CHANGED, text))
    return [BudgetWarning(kind, text, line=index) for kind, text in found]


def _paid_message(line: Line) -> Message:
    assert line.paid_on is not None
    paid = day(line.paid_on)
    if line.approved_on is None:
        return msg("budget.warning.paid_unapproved", line=line.description, paid=paid)
    approved = day(line.approved_on)
    return msg(
        "budget.warning.paid_before_approved", line=line.description, paid=paid, approved=approved
    )


def _status(line: Line) -> Message:
    return msg(f"line_status.{line.status}")
