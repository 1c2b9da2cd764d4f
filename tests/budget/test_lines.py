"""A case's budget lines in the workspace (SQLite and PostgreSQL): kept in step with the plan,
moved forward through their statuses, and the schemes they are summed against."""

import datetime as dt
from dataclasses import replace

import pytest

from hjem.budget.arithmetic import WarningKind
from hjem.budget.lines import (
    add_service_line,
    budget_summary,
    lines_of,
    remove_line,
    set_line_status,
    sync_plan_lines,
)
from hjem.budget.schemes import (
    BudgetError,
    SchemeData,
    example_scheme,
    list_schemes,
    save_scheme,
    scheme_of,
)
from hjem.cases.cases import CaseData, create_case, get_case
from hjem.cases.errors import CaseNotFound
from hjem.cases.plans import save_case_plan
from hjem.floorplan.model import ORIGIN, Placement, Plan
from hjem.i18n import tr
from hjem.inventory.placing import placement_for
from tests.inventory.helpers import available_item, donation

CODE = "FBH-2026-014"
DAY = dt.date(2026, 3, 5)


def bought(piece_id, label="Seng", price=149_900, category="seng"):
    return Placement(piece_id, label, category, 90, 200, 50, ORIGIN, price_ore=price)


def own(piece_id):
    return Placement(piece_id, "Familiens bord", "spisebord", 120, 80, 75, ORIGIN)


@pytest.fixture
def furnished(workspace):
    """A case and a plan: a donated sofa, a donated toy box, a children's table, a bed to buy
    and the family's own table."""
    with workspace.session() as session:
        create_case(session, CaseData(CODE, "Familien Sol"), address="Solvej 3")
        sofa = available_item(session, donation(value_ore=150_000))
        toys = available_item(
            session, donation("Legetøj", "legetoej", (40, 30, 30), value_ore=10_000)
        )
        table = available_item(
            session, donation("Børnebord", "boernemoebel", (60, 50, 48), value_ore=20_000)
        )
        pieces = (
            placement_for(sofa, "p1"),
            placement_for(toys, "p2"),
            placement_for(table, "p3"),
            bought("p4"),
            own("p5"),
        )
    return Plan(placements=pieces, case_code=CODE)


def by_piece(session):
    return {line.placement_id: line for line in lines_of(session, CODE)}


def test_the_plan_makes_one_line_per_donated_or_bought_piece(workspace, furnished):
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
    with workspace.session() as session:
        lines = lines_of(session, CODE)
    assert [
        (line.placement_id, line.description, line.category, line.cash_ore, line.in_kind_ore)
        for line in lines
    ] == [
        ("p1", "Sofa, grå", "basale_moebler", 0, 150_000),
        ("p2", "Legetøj", "legetoej", 0, 10_000),
        ("p3", "Børnebord", "basale_moebler", 0, 20_000),
        ("p4", "Seng", "basale_moebler", 149_900, 0),
    ]
    assert {line.status for line in lines} == {"planned"} and {line.source for line in lines} == {
        "plan"
    }


def test_a_line_keeps_its_status_and_what_was_applied_for_as_the_plan_changes(workspace, furnished):
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
        set_line_status(session, by_piece(session)["p4"].id, "applied", DAY)
    dearer = replace(
        furnished,
        placements=(*furnished.placements[:3], bought("p4", "Seng, 90 cm", 199_900)),
    )
    with workspace.session() as session:
        sync_plan_lines(session, CODE, dearer)
        sync_plan_lines(session, CODE, dearer)  # twice: nothing more happens
    with workspace.session() as session:
        bed = by_piece(session)["p4"]
        summary = budget_summary(session, CODE, dearer)
    assert (bed.description, bed.status, bed.applied_on, bed.cash_ore) == (
        "Seng, 90 cm",
        "applied",
        DAY,
        149_900,
    )
    assert len(summary.lines) == 4
    [changed] = [w for w in summary.warnings if w.kind == WarningKind.AMOUNT_CHANGED]
    assert "1.999,00" in changed.message.text("da")


def test_a_removed_piece_takes_a_planned_line_along_but_not_one_applied_for(workspace, furnished):
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
        set_line_status(session, by_piece(session)["p4"].id, "approved", DAY)
    emptied = replace(furnished, placements=furnished.placements[1:3])
    with workspace.session() as session:
        sync_plan_lines(session, CODE, emptied)
    with workspace.session() as session:
        assert sorted(by_piece(session)) == ["p2", "p3", "p4"]
        summary = budget_summary(session, CODE, emptied)
        [removed] = [w for w in summary.warnings if w.kind == WarningKind.REMOVED_FROM_PLAN]
        assert summary.lines[removed.line].placement_id == "p4"
        assert "»Seng« er fjernet fra planen, men er allerede bevilget" in removed.message.text()
        assert summary.cash_ore == 149_900  # approved money still counts
    with workspace.session() as session:  # the bed comes back (undo): its line is its own again
        sync_plan_lines(session, CODE, furnished)
        summary = budget_summary(session, CODE, furnished)
        assert sorted(by_piece(session)) == ["p1", "p2", "p3", "p4"]
        assert by_piece(session)["p4"].status == "approved"
        assert WarningKind.REMOVED_FROM_PLAN not in {w.kind for w in summary.warnings}


def test_a_reused_piece_id_is_a_new_piece_when_it_is_of_the_other_kind(workspace, furnished):
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
        set_line_status(session, by_piece(session)["p4"].id, "applied", DAY)
        lamp = available_item(session, donation("Lampe", "lampe", (30, 30, 150), value_ore=5_000))
        swapped = replace(
            furnished, placements=(*furnished.placements[:3], placement_for(lamp, "p4"))
        )
        sync_plan_lines(session, CODE, swapped)
        lines = [line for line in lines_of(session, CODE) if line.placement_id == "p4"]
        assert sorted((line.description, line.status) for line in lines) == [
            ("Lampe", "planned"),
            ("Seng", "applied"),
        ]
        summary = budget_summary(session, CODE, swapped)
        [removed] = [w for w in summary.warnings if w.kind == WarningKind.REMOVED_FROM_PLAN]
        assert summary.lines[removed.line].description == "Seng"


def test_without_a_plan_given_the_summary_checks_against_the_stored_plan(workspace, furnished):
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
        set_line_status(session, by_piece(session)["p1"].id, "applied", DAY)
        save_case_plan(session, CODE, replace(furnished, placements=()), "Mette", None)
    with workspace.session() as session:
        summary = budget_summary(session, CODE)
    assert [w.kind for w in summary.warnings if w.line is not None] == [
        WarningKind.REMOVED_FROM_PLAN
    ]


def test_statuses_only_move_forward_each_with_its_date(workspace, furnished):
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
        line_id = by_piece(session)["p4"].id
        set_line_status(session, line_id, "applied", DAY)
        row = set_line_status(session, line_id, "paid", DAY + dt.timedelta(days=3))
        assert (row.status, row.applied_on, row.approved_on, row.paid_on) == (
            "paid",
            DAY,
            None,
            DAY + dt.timedelta(days=3),
        )
        for wrong in ("approved", "paid", "planned", "lost"):
            with pytest.raises(BudgetError) as refused:
                set_line_status(session, line_id, wrong, DAY)
        assert "»Seng« kan ikke gå fra betalt til" in refused.value.message.text()
        summary = budget_summary(session, CODE, furnished)  # paid without approval
        assert WarningKind.PAID_BEFORE_APPROVED in {w.kind for w in summary.warnings}
        with pytest.raises(BudgetError):
            set_line_status(session, 999_999, "paid", DAY)


def test_services_come_after_the_plan_and_are_left_alone_by_it(workspace, furnished):
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
        van = add_service_line(session, CODE, " Flyttebil ", "flytning", 250_000)
        add_service_line(session, CODE, "Indskud", "indskud", 900_000)
        sync_plan_lines(session, CODE, Plan(case_code=CODE))
        lines = lines_of(session, CODE)
        assert [(line.description, line.source) for line in lines] == [
            ("Flyttebil", "service"),
            ("Indskud", "service"),
        ]
        remove_line(session, van.id)
        assert [line.description for line in lines_of(session, CODE)] == ["Indskud"]


@pytest.mark.parametrize(
    "args, problem",
    [
        (("", "flytning", 100), "Beskrivelse: skal udfyldes"),
        (("Bil", "flytning", -1), "Beløb: må ikke være negativt"),
        (("Bil", "bil", 100), "Kategori: ukendt kategori »bil«"),
        (("Bil", "flytning", 100, 999), "Der er ingen støtteordning med nummer 999"),
    ],
)
def test_a_service_line_is_checked(workspace, furnished, args, problem):
    with pytest.raises(BudgetError) as refused, workspace.session() as session:
        add_service_line(session, CODE, *args)
    assert refused.value.message.text() == problem


@pytest.mark.parametrize("description", ["Flyttebil, 010190-1234", "Indskud 0101901234"])
def test_a_service_line_with_a_cpr_number_is_refused_and_not_kept(
    workspace, furnished, description
):
    with pytest.raises(BudgetError) as refused, workspace.session() as session:
        add_service_line(session, CODE, description, "flytning", 100)
    assert refused.value.message.text() == f"Beskrivelse: {tr('case_privacy.cpr')}"
    assert "1234" not in refused.value.message.text("en")  # the number is not repeated
    with workspace.session() as session:
        assert all(line.source != "service" for line in lines_of(session, CODE))


def test_an_unknown_case_is_said(workspace):
    with pytest.raises(CaseNotFound), workspace.session() as session:
        lines_of(session, "NOPE")


# Schemes

MUNICIPAL = SchemeData(
    "Aarhus Kommune, etablering",
    3_000_000,
    {"indskud": 1_500_000, "basale_moebler": 1_000_000},
    dt.date(2026, 1, 1),
    dt.date(2026, 12, 31),
)


def test_the_example_scheme_is_there_from_the_start(workspace):
    with workspace.session() as session:
        [example] = list_schemes(session)
        scheme = example_scheme(session)
    assert example.example and scheme.example and scheme.id == example.id == 1
    assert scheme.total_limit_ore == 2_500_000 and len(scheme.limits) == 6


def test_a_scheme_is_saved_changed_and_summed_against(workspace, furnished):
    with workspace.session() as session:
        saved = save_scheme(session, MUNICIPAL)
        scheme_id = saved.id
    with workspace.session() as session:
        changed = replace(MUNICIPAL, id=scheme_id, limits={"basale_moebler": 100_000, "toej": 5})
        save_scheme(session, changed)
    with workspace.session() as session:
        assert scheme_of(session, scheme_id).limits == {"basale_moebler": 100_000, "toej": 5}
        assert [s.name for s in list_schemes(session)] == [
            MUNICIPAL.name,
            "Eksempel: opstartsstøtte",
        ]
        sync_plan_lines(session, CODE, furnished)
        assert budget_summary(session, CODE, furnished).scheme.example  # no scheme: the example
        get_case(session, CODE).scheme_id = scheme_id
        summary = budget_summary(session, CODE, furnished)
    assert summary.scheme.name == MUNICIPAL.name
    assert summary.category("basale_moebler").over
    assert summary.category("basale_moebler").remaining_ore == 100_000 - 149_900


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"name": " "}, "Navn: skal udfyldes"),
        ({"total_limit_ore": -1}, "Samlet ramme: må ikke være negativt"),
        ({"limits": {"flytning": -100}}, "Ramme (Flytning): må ikke være negativt"),
        ({"limits": {"bil": 100}}, "Ramme (bil): ukendt kategori »bil«"),
        ({"valid_to": dt.date(2025, 12, 31)}, "Gyldig til: slutter, før den begynder"),
        (
            {"name": "Eksempel: opstartsstøtte"},
            "Der er allerede en støtteordning, der hedder »Eksempel: opstartsstøtte«",
        ),
        ({"id": 999}, "Der er ingen støtteordning med nummer 999"),
    ],
)
def test_a_scheme_is_checked_and_nothing_is_written_when_it_is_wrong(workspace, change, problem):
    with pytest.raises(BudgetError) as refused, workspace.session() as session:
        save_scheme(session, replace(MUNICIPAL, **change))
    assert refused.value.message.text() == problem
    with workspace.session() as session:
        assert len(list_schemes(session)) == 1


def totals(summary):
    return [(t.category, t.cash_ore, t.in_kind_ore) for t in summary.categories], [
        (w.kind, w.line is None) for w in summary.warnings
    ]


def test_the_budget_of_an_unsaved_plan_is_the_budget_it_will_have_once_saved(workspace, furnished):
    """The preview (`as_synced`, nothing written) against the real sync: the same figures."""
    with workspace.session() as session:
        sync_plan_lines(session, CODE, furnished)
        applied = by_piece(session)["p1"].id
        set_line_status(session, applied, "applied", DAY)
    changed = replace(
        furnished,
        placements=(
            *furnished.placements[1:3],  # the sofa (applied for) goes, the toys stay
            bought("p4", price=99_900),  # the bed to buy is cheaper now
            bought("p9", "Reol", 45_000, "reol"),  # and a shelf to buy comes
        ),
    )
    with workspace.session() as session:
        preview = budget_summary(session, CODE, changed)
    with workspace.session() as session:
        sync_plan_lines(session, CODE, changed)
    with workspace.session() as session:
        saved = budget_summary(session, CODE, changed)
    assert totals(preview) == totals(saved)
    assert preview.cash_ore == 99_900 + 45_000
