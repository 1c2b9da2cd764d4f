"""Workspace.run: one unit of work, and the database's refusal as a message for people."""

import pytest
from sqlalchemy.exc import IntegrityError

from hjem.cases.cases import CaseData, create_case, list_cases
from hjem.db.workspace import open_workspace
from hjem.errors import DatabaseProblem
from hjem.inventory.models import Reservation

FAMILY = CaseData("FBH-2026-001", "Familien Sol", architect="Mette")


def test_run_returns_the_work_s_value_and_keeps_what_it_wrote(workspace):
    code = workspace.run(lambda session: create_case(session, FAMILY).code)
    assert code == FAMILY.code
    assert [row.code for row in workspace.run(list_cases)] == [FAMILY.code]


def test_a_refused_write_is_a_database_problem_and_nothing_of_the_work_is_kept(workspace):
    def half_then_refused(session):
        create_case(session, FAMILY)
        session.flush()
        session.add(Reservation(item_id=999_999, case_code="X", reserved_by="Lise"))  # no item
        session.flush()

    with pytest.raises(DatabaseProblem) as refused:
        workspace.run(half_then_refused)
    assert isinstance(refused.value.__cause__, IntegrityError)
    assert refused.value.message.key == "error.database_problem"
    assert workspace.run(list_cases) == []  # the case written first went too


def test_a_workspace_that_cannot_be_opened_is_a_database_problem(tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    with pytest.raises(DatabaseProblem):
        open_workspace(f"sqlite:///{blocked / 'workspace.sqlite'}")
