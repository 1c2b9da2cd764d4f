"""Family cases: created with an alias and a household, found by code or alias (never by the
address), their status and visits; concurrent edits are refused, not lost."""

import datetime as dt
from dataclasses import replace

import pytest

from hjem.cases.cases import (
    CaseData,
    add_visit,
    address_of,
    create_case,
    data_of,
    get_case,
    list_cases,
    set_address,
    set_status,
    update_case,
)
from hjem.cases.errors import CaseEditConflict, CaseError, DuplicateCase
from hjem.cases.models import AgeBand, CaseStatus

FAMILY = CaseData("FBH-2026-014", "Familien Sol", "Aarhus", "Mette", 1, ("0_2", "6_12"))


def test_a_case_keeps_its_household_and_lists_without_its_address(workspace):
    with workspace.session() as session:
        create_case(session, FAMILY, address="Solvej 3, 2. tv")
    with workspace.session() as session:
        case = get_case(session, "FBH-2026-014")
        assert data_of(case) == FAMILY
        assert [c.age_band for c in case.children] == [AgeBand.BABY, AgeBand.SCHOOL]
        rows = list_cases(session)
        assert [(r.code, r.alias, r.status) for r in rows] == [
            ("FBH-2026-014", "Familien Sol", "referred")
        ]
        assert "Solvej" not in repr(rows)
        assert address_of(session, "FBH-2026-014") == "Solvej 3, 2. tv"


def test_cases_are_found_by_code_or_alias_but_never_by_address(workspace):
    with workspace.session() as session:
        create_case(session, FAMILY, address="Solvej 3")
        create_case(session, CaseData("FBH-2026-015", "Familien Måne"))
        assert [r.code for r in list_cases(session, "måne")] == ["FBH-2026-015"]
        assert [r.code for r in list_cases(session, "2026-014")] == ["FBH-2026-014"]
        assert list_cases(session, "Solvej") == []


def test_a_second_case_with_the_same_code_is_refused(workspace):
    with workspace.session() as session:
        create_case(session, FAMILY)
    with pytest.raises(DuplicateCase) as refused, workspace.session() as session:
        create_case(session, FAMILY)
    assert "FBH-2026-014" in refused.value.message.text("da")


@pytest.mark.parametrize(
    "data, words",
    [
        (CaseData(" ", "x"), "Sagsnummer: skal udfyldes"),
        (CaseData("A", ""), "Kaldenavn: skal udfyldes"),
        (CaseData("A" * 41, "x"), "Sagsnummer: er for lang"),
        (CaseData("A", "x", adults=-1), "Voksne"),
        (CaseData("A", "x", children=("baby",)), "ukendt aldersgruppe"),
    ],
)
def test_wrong_values_get_a_clear_message_and_nothing_is_stored(workspace, data, words):
    with pytest.raises(CaseError) as refused, workspace.session() as session:
        create_case(session, data)
    assert words in refused.value.message.text("da")
    with workspace.session() as session:
        assert list_cases(session) == []


def test_the_status_moves_as_a_case_does(workspace):
    with workspace.session() as session:
        create_case(session, FAMILY)
        set_status(session, FAMILY.code, CaseStatus.ACTIVE)
        set_status(session, FAMILY.code, CaseStatus.PLAN_DELIVERED)
        with pytest.raises(CaseError) as refused:
            set_status(session, FAMILY.code, CaseStatus.REFERRED)
        assert "plan afleveret" in refused.value.message.text("da")


def test_visits_are_kept_in_date_order(workspace):
    with workspace.session() as session:
        create_case(session, FAMILY)
        add_visit(session, FAMILY.code, dt.date(2026, 12, 3), "Opmåling")
        add_visit(session, FAMILY.code, dt.date(2026, 11, 30), "Første besøg")
    with workspace.session() as session:
        visits = get_case(session, FAMILY.code).visits
        assert [(v.visited_on.day, v.notes) for v in visits] == [
            (30, "Første besøg"),
            (3, "Opmåling"),
        ]


def test_an_edit_of_a_case_someone_saved_meanwhile_is_refused(workspace):
    with workspace.session() as session:
        version = create_case(session, FAMILY).version
    with workspace.session() as session:
        update_case(session, FAMILY.code, replace(FAMILY, alias="A"), version)
    with pytest.raises(CaseEditConflict), workspace.session() as session:
        update_case(session, FAMILY.code, FAMILY, version)
    with workspace.session() as session:
        assert get_case(session, FAMILY.code).alias == "A"


def test_a_form_read_before_someone_changed_only_the_address_is_told_so(workspace):
    with workspace.session() as session:
        version = create_case(session, FAMILY, address="Solvej 3").version
    with workspace.session() as session:
        set_address(session, FAMILY.code, "Månevej 9")
    with pytest.raises(CaseEditConflict), workspace.session() as session:
        update_case(session, FAMILY.code, replace(FAMILY, alias="B"), version)
    with workspace.session() as session:
        assert address_of(session, FAMILY.code) == "Månevej 9"
        assert get_case(session, FAMILY.code).alias == FAMILY.alias
