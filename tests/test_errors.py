"""One kind of error for everything a person can cause, each carrying its message."""

import pytest

from hjem.budget.schemes import BudgetError
from hjem.cases.errors import CaseError, CaseNotFound
from hjem.errors import DatabaseProblem, UserError
from hjem.floorplan.codec import PlanFileError
from hjem.floorplan.validation import PlanError
from hjem.i18n import msg
from hjem.inventory.errors import AlreadyReserved, InventoryError


@pytest.mark.parametrize(
    "kind", [PlanError, PlanFileError, CaseError, InventoryError, BudgetError, DatabaseProblem]
)
def test_every_error_a_person_can_cause_is_a_user_error(kind):
    assert issubclass(kind, UserError)


def test_a_user_error_carries_its_message_and_says_it_in_english_to_a_log():
    error = AlreadyReserved("R-123")
    assert error.message == msg("inventory.error.already_reserved", code="R-123")
    assert str(error) == error.message.text("en")
    assert isinstance(CaseNotFound("FBH-2026-001"), UserError)


def test_a_plan_error_is_still_a_value_error_for_callers_that_catch_that():
    assert issubclass(PlanError, ValueError)


def test_a_database_problem_names_the_kind_of_failure_never_its_text():
    class OperationalError(Exception):
        pass

    problem = DatabaseProblem(OperationalError("INSERT ... VALUES ('Solvej 3, 2. tv')"))
    assert "Solvej" not in problem.message.text("da") + problem.message.text("en")
    assert "OperationalError" in problem.message.text("en")
    assert problem.kind == "OperationalError"


def test_a_file_refused_is_said_as_a_file_problem():
    problem = DatabaseProblem(PermissionError(13, "Permission denied"))
    assert problem.message.key == "error.file_problem"
    assert "Permission denied" in problem.message.text("en")
