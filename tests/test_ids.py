"""Typed ids and the case-code length: one number, held the same everywhere a case code lives."""

import pytest

from hjem.cases.cases import CaseData, check
from hjem.cases.errors import CaseError
from hjem.cases.models import Case
from hjem.floorplan.commands import SetCaseCode
from hjem.floorplan.model import Plan
from hjem.floorplan.validation import PlanError
from hjem.i18n import language
from hjem.ids import CASE_CODE_LENGTH, CaseCode
from hjem.inventory.models import Reservation


def test_the_case_table_and_the_reservations_hold_case_codes_of_one_length():
    assert Case.__table__.c.code.type.length == CASE_CODE_LENGTH
    assert Reservation.__table__.c.case_code.type.length == CASE_CODE_LENGTH


def test_the_longest_case_code_is_taken_by_a_case_and_a_plan_and_one_more_letter_is_not():
    longest = CaseCode("K" * CASE_CODE_LENGTH)
    check(CaseData(code=longest, alias="Familien A"))
    assert SetCaseCode(longest).apply(Plan())[0].case_code == longest
    with pytest.raises(CaseError):
        check(CaseData(code=CaseCode(longest + "K"), alias="Familien A"))
    with pytest.raises(PlanError):
        SetCaseCode(CaseCode(longest + "K")).apply(Plan())


def test_a_language_is_checked_where_it_enters():
    assert language("en") == "en"
    with pytest.raises(ValueError, match="de"):
        language("de")
