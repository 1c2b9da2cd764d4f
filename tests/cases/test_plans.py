"""The case's plan in the workspace: versions, and two users saving the same plan."""

from dataclasses import replace

import pytest
from sqlalchemy import select

from hjem.cases.cases import CaseData, create_case
from hjem.cases.errors import StalePlan
from hjem.cases.models import Case, CasePlan
from hjem.cases.plans import (
    export_case_plan,
    import_case_plan,
    load_case_plan,
    save_case_plan,
)
from hjem.db.settings import set_setting, setting
from hjem.db.workspace import Workspace
from hjem.floorplan.hjemfile import load_plan, save_plan
from tests.conftest import ROOT

SAMPLE = load_plan(ROOT / "assets" / "samples" / "3-vaerelser.hjem")
CODE = "FBH-2026-014"


@pytest.fixture
def case(workspace):
    with workspace.session() as session:
        create_case(session, CaseData(CODE, "Familien Sol"))
    return CODE


def test_a_saved_plan_comes_back_the_same_and_knows_its_case(workspace, case):
    with workspace.session() as session:
        assert load_case_plan(session, case) is None
        version = save_case_plan(session, case, SAMPLE, "Mette", None)
    with workspace.session() as session:
        stored = load_case_plan(session, case)
    assert stored.plan == replace(SAMPLE, case_code=CODE)
    assert (stored.version, stored.saved_by) == (version, "Mette")


def test_the_second_of_two_users_saving_the_same_plan_is_told_and_nothing_is_lost(workspace, case):
    with workspace.session() as session:
        first = save_case_plan(session, case, SAMPLE, "Mette", None)
    mine = replace(SAMPLE, title="Mettes udgave")
    theirs = replace(SAMPLE, title="Oles udgave")
    with workspace.session() as session:  # Ole opened it at `first` too, and saves first
        save_case_plan(session, case, theirs, "Ole", first)
    with pytest.raises(StalePlan) as refused, workspace.session() as session:
        save_case_plan(session, case, mine, "Mette", first)
    assert "Ole" in refused.value.message.text("da")
    with workspace.session() as session:
        assert load_case_plan(session, case).plan.title == "Oles udgave"


def test_two_first_saves_at_once_leave_one_plan_and_one_refusal(workspace, case):
    with workspace.session() as a, workspace.session() as b:
        save_case_plan(a, case, SAMPLE, "Mette", None)
        a.flush()
        a.commit()
        with pytest.raises(StalePlan):
            save_case_plan(b, case, replace(SAMPLE, title="B"), "Ole", None)


def test_a_plan_goes_out_and_comes_back_as_a_hjem_file(workspace, case, tmp_path):
    save_plan(SAMPLE, tmp_path / "in.hjem")
    with workspace.session() as session:
        import_case_plan(session, case, tmp_path / "in.hjem", "Mette")
        export_case_plan(session, case, tmp_path / "out.hjem")
    assert load_plan(tmp_path / "out.hjem") == replace(SAMPLE, case_code=CODE)


def test_a_save_that_loses_the_race_inside_a_savepoint_leaves_the_outer_work(
    fresh_postgres,
):
    """Two saves read the same version; the second's write finds the row moved on. Inside a
    savepoint (a push's effect) only the savepoint goes: the outer transaction, with what it
    wrote before, still commits (hjem.sync.apply keeps its record of the operation so)."""
    workspace = Workspace(fresh_postgres)
    with workspace.session() as session:
        create_case(session, CaseData(CODE, "Familien Sol"))
        save_case_plan(session, CODE, SAMPLE, "Mette", None)
    with workspace.session() as late:
        # Read before the other save, and kept: the check before the write passes.
        held = late.scalar(select(CasePlan).join(Case).where(Case.code == CODE))
        assert held is not None and held.version == 1
        with workspace.session() as first:
            save_case_plan(first, CODE, SAMPLE, "Ali", 1)
        set_setting(late, "kept", "yes")
        with pytest.raises(StalePlan) as lost, late.begin_nested():
            save_case_plan(late, CODE, replace(SAMPLE, title="Min udgave"), "Mette", 1)
        assert CODE in lost.value.message.text("da")
    with workspace.session() as session:
        assert setting(session, "kept", "") == "yes"
        assert load_case_plan(session, CODE).saved_by == "Ali"
    workspace.close()
