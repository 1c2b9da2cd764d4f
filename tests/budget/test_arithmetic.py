"""The budget's arithmetic against an obvious slow twin, and worked examples."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from hjem.budget.arithmetic import (
    Line,
    Scheme,
    WarningKind,
    day,
    kroner,
    summarise,
)
from hjem.budget.models import BudgetCategory, LineStatus

CATEGORIES = [c.value for c in BudgetCategory]
STATUSES = [s.value for s in LineStatus]
SCHEME_ID = 1
amounts = st.integers(min_value=0, max_value=10**9)
dates = st.none() | st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2028, 12, 31))

lines = st.builds(
    Line,
    category=st.sampled_from(CATEGORIES),
    cash_ore=amounts,
    in_kind_ore=amounts,
    status=st.sampled_from(STATUSES),
    scheme_id=st.sampled_from([None, SCHEME_ID, 2]),
    applied_on=dates,
    approved_on=dates,
    paid_on=dates,
    description=st.text(st.characters(blacklist_characters="{}"), max_size=20),
    removed=st.booleans(),
)
schemes = st.builds(
    Scheme,
    name=st.just("Ordning"),
    total_limit_ore=amounts,
    limits=st.dictionaries(st.sampled_from(CATEGORIES), amounts),
    apply_before_purchase=st.booleans(),
    valid_from=dates,
    valid_to=dates,
    example=st.booleans(),
    id=st.just(SCHEME_ID),
)


def ours(line):
    return line.scheme_id in (None, SCHEME_ID)


def slow_totals(all_lines):
    """Category → [cash under the scheme, in kind, cash under other schemes], one line at a time."""
    totals = {c: [0, 0, 0] for c in CATEGORIES}
    for line in all_lines:
        totals[line.category][0 if ours(line) else 2] += line.cash_ore
        totals[line.category][1] += line.in_kind_ore
    return totals


def slow_paid_early(line, scheme):
    if not (scheme.apply_before_purchase and ours(line) and line.paid_on is not None):
        return False
    return line.approved_on is None or line.paid_on < line.approved_on


def slow_outside(line, scheme):
    def outside(date):
        if date is None:
            return False
        early = scheme.valid_from is not None and date < scheme.valid_from
        return early or (scheme.valid_to is not None and date > scheme.valid_to)

    return ours(line) and (outside(line.applied_on) or outside(line.paid_on))


def plain(text):
    """Babel puts a no-break space before "kr."; the tests read it as a space."""
    return text.replace("\xa0", " ")


def flagged(summary, kind):
    return {w.line for w in summary.warnings if w.kind == kind}


@given(st.lists(lines, max_size=30), schemes)
def test_totals_are_the_sums_of_the_lines_cash_and_in_kind_apart(all_lines, scheme):
    summary = summarise(all_lines, scheme)
    twin = slow_totals(all_lines)
    for total in summary.categories:
        assert [total.cash_ore, total.in_kind_ore, total.other_cash_ore] == twin[total.category]
    assert summary.cash_ore == sum(t[0] for t in twin.values())
    assert summary.in_kind_ore == sum(line.in_kind_ore for line in all_lines)
    assert summary.other_cash_ore == sum(t[2] for t in twin.values())
    assert sum(summary.cash_by_status.values()) == summary.cash_ore
    assert [t.category for t in summary.categories] == CATEGORIES


@given(st.lists(lines, max_size=30), schemes)
def test_a_category_is_over_exactly_when_its_cash_exceeds_its_limit(all_lines, scheme):
    summary = summarise(all_lines, scheme)
    twin = slow_totals(all_lines)
    for total in summary.categories:
        limit = scheme.limits.get(total.category)
        assert total.limit_ore == limit
        assert total.over == (limit is not None and twin[total.category][0] > limit)
        assert total.remaining_ore == (None if limit is None else limit - total.cash_ore)
    over = {w.category for w in summary.warnings if w.kind == WarningKind.CATEGORY_OVER}
    assert over == {t.category for t in summary.categories if t.over}
    assert summary.over == (summary.cash_ore > scheme.total_limit_ore)
    assert summary.remaining_ore == scheme.total_limit_ore - summary.cash_ore
    total_warnings = [w for w in summary.warnings if w.kind == WarningKind.TOTAL_OVER]
    assert len(total_warnings) == int(summary.over)


@given(st.lists(lines, max_size=30), schemes)
def test_paid_before_approved_is_flagged_exactly_when_the_scheme_wants_applying_first(
    all_lines, scheme
):
    summary = summarise(all_lines, scheme)
    expected = {i for i, line in enumerate(all_lines) if slow_paid_early(line, scheme)}
    assert flagged(summary, WarningKind.PAID_BEFORE_APPROVED) == expected
    if not scheme.apply_before_purchase:
        assert expected == set()


@given(st.lists(lines, max_size=30), schemes)
def test_dates_outside_the_validity_and_removed_lines_are_flagged(all_lines, scheme):
    summary = summarise(all_lines, scheme)
    outside = {i for i, line in enumerate(all_lines) if slow_outside(line, scheme)}
    assert flagged(summary, WarningKind.OUTSIDE_VALIDITY) == outside
    removed = {i for i, line in enumerate(all_lines) if line.removed and line.status != "planned"}
    assert flagged(summary, WarningKind.REMOVED_FROM_PLAN) == removed


@given(st.lists(lines, max_size=8), schemes)
def test_every_warning_reads_in_both_languages(all_lines, scheme):
    for warning in summarise(all_lines, scheme).warnings:
        for text in warning.message.texts().values():
            assert "{" not in text and text


# Worked examples

EXAMPLE = Scheme(
    name="Opstart",
    total_limit_ore=2_500_000,
    limits={"indskud": 1_000_000, "flytning": 400_000, "basale_moebler": 800_000},
    valid_from=dt.date(2026, 1, 1),
    valid_to=dt.date(2026, 12, 31),
    id=SCHEME_ID,
)


def test_a_family_over_its_moving_limit_with_donations_and_other_funding_apart():
    summary = summarise(
        [
            Line("indskud", cash_ore=1_000_000, status="approved"),
            Line("flytning", cash_ore=500_000, description="Flyttebil"),
            Line("basale_moebler", in_kind_ore=3_000_000, description="Sofa, grå"),
            Line("basale_moebler", cash_ore=149_900, description="Seng"),
            Line("toej", cash_ore=250_000, scheme_id=2, description="Vintertøj"),
        ],
        EXAMPLE,
    )
    moving = summary.category("flytning")
    assert (moving.cash_ore, moving.limit_ore, moving.remaining_ore, moving.over) == (
        500_000,
        400_000,
        -100_000,
        True,
    )
    furniture = summary.category("basale_moebler")
    assert (furniture.cash_ore, furniture.in_kind_ore, furniture.over) == (
        149_900,
        3_000_000,
        False,
    )
    assert summary.category("toej").other_cash_ore == 250_000
    assert (summary.cash_ore, summary.in_kind_ore, summary.other_cash_ore) == (
        1_649_900,
        3_000_000,
        250_000,
    )
    assert summary.remaining_ore == 850_100 and not summary.over
    assert summary.cash_by_status["approved"] == 1_000_000
    [warning] = summary.warnings
    assert plain(warning.message.text("da")) == (
        "Flytning: 5.000,00 kr. i kontanter er 1.000,00 kr. over rammen på 4.000,00 kr."
    )
    assert warning.message.text("en").startswith("Moving: DKK")


def test_the_total_limit_and_an_example_scheme_are_said():
    scheme = Scheme("Eksempel", 100_000, example=True, id=SCHEME_ID)
    summary = summarise([Line("andet", cash_ore=150_000)], scheme)
    assert [w.kind for w in summary.warnings] == [
        WarningKind.EXAMPLE_SCHEME,
        WarningKind.TOTAL_OVER,
    ]
    assert "500,00 kr. over" in plain(summary.warnings[1].message.text("da"))


def test_paid_before_approval_is_said_with_its_dates():
    bought_first = Line(
        "basale_moebler",
        cash_ore=100,
        status="paid",
        approved_on=dt.date(2026, 3, 10),
        paid_on=dt.date(2026, 3, 5),
        description="Seng",
    )
    summary = summarise([bought_first], EXAMPLE)
    [warning] = summary.warnings
    assert warning.kind == WarningKind.PAID_BEFORE_APPROVED and warning.line == 0
    assert warning.message.text("da") == (
        "»Seng« er betalt den 5. marts 2026, før den blev bevilget den 10. marts 2026, "
        "men ordningen kræver, at der søges før køb"
    )
    relaxed = Scheme("Efter køb", 1_000, apply_before_purchase=False, id=SCHEME_ID)
    assert summarise([bought_first], relaxed).warnings == ()


def test_a_line_of_another_scheme_is_not_judged_by_this_one():
    elsewhere = Line("andet", cash_ore=10**9, scheme_id=2, paid_on=dt.date(2020, 1, 1))
    summary = summarise([elsewhere], EXAMPLE)
    assert summary.warnings == () and summary.cash_ore == 0


def test_lines_changed_or_removed_on_the_plan_after_applying_are_said():
    summary = summarise(
        [
            Line("basale_moebler", cash_ore=149_900, status="applied", description="Seng"),
            Line("basale_moebler", cash_ore=100, status="planned", removed=True),
            Line(
                "basale_moebler", cash_ore=100, status="approved", description="Reol", removed=True
            ),
            Line("basale_moebler", cash_ore=1, status="applied", plan_ore=2, description="Lampe"),
        ],
        EXAMPLE,
    )
    texts = {w.line: (w.kind, plain(w.message.text("da"))) for w in summary.warnings}
    assert texts == {
        2: (
            WarningKind.REMOVED_FROM_PLAN,
            "»Reol« er fjernet fra planen, men er allerede bevilget",
        ),
        3: (
            WarningKind.AMOUNT_CHANGED,
            "»Lampe« står til 0,01 kr. i budgettet, men planen siger nu 0,02 kr.",
        ),
    }


def test_amounts_and_dates_are_written_the_readers_way():
    assert plain(kroner(123_450).text("da")) == "1.234,50 kr."
    assert plain(kroner(123_450).text("en")) == "DKK 1,234.50"
    assert plain(kroner(-50).text("en")) == "-DKK 0.50"
    assert day(dt.date(2026, 3, 5)).texts() == {"da": "5. marts 2026", "en": "5 March 2026"}
