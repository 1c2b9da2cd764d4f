"""Grant schemes as a coordinator keeps them (SQLite and PostgreSQL): a scheme budgets were
approved under is versioned, not rewritten; limits may cover in kind too; a scheme nobody uses
is deleted, one in use retired."""

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy.exc import IntegrityError

from hjem.budget.lines import add_service_line, budget_summary, set_line_status
from hjem.budget.models import GrantScheme
from hjem.budget.schemes import (
    BudgetError,
    SchemeData,
    list_schemes,
    remove_scheme,
    save_scheme,
    scheme_choices,
    scheme_data,
)
from hjem.cases.cases import CaseData, create_case, get_case

DAY = dt.date(2026, 3, 5)
MUNICIPAL = SchemeData(
    "Aarhus Kommune, etablering", 3_000_000, {"flytning": 400_000, "basale_moebler": 1_000_000}
)


def case_under(session, code, scheme_id, approved=False):
    create_case(session, CaseData(code, "Familien Sol", scheme_id=scheme_id), address="")
    line = add_service_line(session, code, "Flyttebil", "flytning", 350_000)
    if approved:
        set_line_status(session, line.id, "approved", DAY)


def test_a_scheme_without_approved_budgets_is_changed_in_place(workspace):
    with workspace.session() as session:
        scheme_id = save_scheme(session, MUNICIPAL).id
        case_under(session, "FBH-2026-001", scheme_id)  # planned only
    with workspace.session() as session:
        changed = save_scheme(session, replace(MUNICIPAL, id=scheme_id, total_limit_ore=100))
        assert changed.id == scheme_id and changed.version == 1
        assert len(list_schemes(session, every_version=True)) == 2  # with the example


def test_a_scheme_budgets_were_approved_under_gets_a_new_version(workspace):
    with workspace.session() as session:
        old_id = save_scheme(session, MUNICIPAL).id
        case_under(session, "FBH-2026-001", old_id, approved=True)
        case_under(session, "FBH-2026-002", old_id)
    lower = replace(MUNICIPAL, id=old_id, limits={"flytning": 100_000})
    with workspace.session() as session:
        new = save_scheme(session, lower)
        new_id, version = new.id, new.version
    assert new_id != old_id and version == 2
    with workspace.session() as session:
        old = scheme_data(session, old_id)
        approved = budget_summary(session, "FBH-2026-001")
        planning = budget_summary(session, "FBH-2026-002")
        assert get_case(session, "FBH-2026-002").scheme_id == new_id
        assert [s.id for s in list_schemes(session) if s.name == MUNICIPAL.name] == [new_id]
        labels = dict(scheme_choices(session))
    assert old.state == "superseded" and old.limits["flytning"] == 400_000
    # The approved budget keeps the figures it was approved under; the other one follows.
    assert approved.scheme.id == old_id and not approved.category("flytning").over
    assert planning.scheme.id == new_id and planning.category("flytning").over
    assert labels[old_id] == f"{MUNICIPAL.name} (version 1, erstattet af en nyere version)"
    assert labels[new_id] == f"{MUNICIPAL.name} (version 2)"


def test_a_superseded_version_cannot_be_changed(workspace):
    with workspace.session() as session:
        old_id = save_scheme(session, MUNICIPAL).id
        case_under(session, "FBH-2026-001", old_id, approved=True)
        save_scheme(session, replace(MUNICIPAL, id=old_id, total_limit_ore=1))
    with pytest.raises(BudgetError) as refused, workspace.session() as session:
        save_scheme(session, replace(MUNICIPAL, id=old_id, total_limit_ore=2))
    assert "er erstattet af en nyere version" in refused.value.message.text("da")


def test_editing_the_example_keeps_the_demo_budget_on_the_version_it_was_approved_under(
    workspace,
):
    with workspace.session() as session:
        case_under(session, "FBH-2026-001", None, approved=True)  # follows the example
        case_under(session, "FBH-2026-002", None)
        example = scheme_data(session, 1)
        new_id = save_scheme(session, replace(example, total_limit_ore=9_900_000)).id
    with workspace.session() as session:
        assert get_case(session, "FBH-2026-001").scheme_id == 1  # pinned where it was approved
        assert budget_summary(session, "FBH-2026-001").limit_ore == 2_500_000
        assert budget_summary(session, "FBH-2026-002").scheme.id == new_id
        assert budget_summary(session, "FBH-2026-002").limit_ore == 9_900_000


def test_the_database_refuses_two_current_schemes_of_one_name(workspace):
    with pytest.raises(IntegrityError), workspace.session() as session:
        session.add(GrantScheme(name="Eksempel: opstartsstøtte", total_limit_ore=1, notes=""))
        session.flush()


def test_limits_may_cover_cash_and_in_kind(workspace):
    with workspace.session() as session:
        scheme = replace(MUNICIPAL, limits={"flytning": 300_000}, limits_include_in_kind=True)
        scheme_id = save_scheme(session, scheme).id
        case_under(session, "FBH-2026-001", scheme_id)
        summary = budget_summary(session, "FBH-2026-001")
    moving = summary.category("flytning")
    assert moving.over and moving.remaining_ore == -50_000
    [warning] = [w for w in summary.warnings if w.category == "flytning"]
    assert "i kontanter og genbrug" in warning.message.text("da")


def test_an_unused_scheme_is_deleted_and_a_used_one_retired(workspace):
    with workspace.session() as session:
        unused = save_scheme(session, MUNICIPAL).id
        used = save_scheme(session, replace(MUNICIPAL, name="Fonden")).id
        case_under(session, "FBH-2026-001", used)
    with workspace.session() as session:
        assert remove_scheme(session, unused) == "deleted"
        assert remove_scheme(session, used) == "retired"
    with workspace.session() as session:
        names = [s.name for s in list_schemes(session)]
        choices = dict(scheme_choices(session))
    assert names == ["Eksempel: opstartsstøtte", "Fonden"]
    assert choices[used] == "Fonden (udfaset)"  # still shown: a case is under it
