"""No CPR number in any text a case keeps, case numbers in the programme's pattern, and a real
name noticed in an alias (issue 11, point 1)."""

import datetime as dt

import pytest

from hjem.cases.cases import (
    CaseData,
    add_visit,
    create_case,
    get_case,
    list_cases,
    set_address,
    update_case,
)
from hjem.cases.demo import DEMO_CASE
from hjem.cases.errors import CaseError
from hjem.cases.privacy import (
    case_code_pattern,
    contains_cpr,
    example_code,
    looks_like_real_name,
    set_case_code_pattern,
)

FAMILY = CaseData("FBH-2026-014", "Familien Sol", "Aarhus", "Mette")


@pytest.mark.parametrize(
    "text",
    ["010203-1234", "0102031234", "Født 311299-4321 i Aarhus", "290200 1234"],
)
def test_cpr_shaped_text_with_a_real_date_is_found(text):
    assert contains_cpr(text)


@pytest.mark.parametrize(
    "text",
    [
        "FBH-2026-014",
        "321299-1234",  # no 32nd day
        "011399-1234",  # no 13th month
        "290201-1234",  # 2001 and 1901 had no 29 February
        "tlf. 12345678",
        "012345678901",  # a longer run of digits is no CPR number
        "Solvej 3, 8000 Aarhus C",
    ],
)
def test_other_numbers_are_not_taken_for_a_cpr_number(text):
    assert not contains_cpr(text)


@pytest.mark.parametrize(
    "data, field",
    [
        (CaseData("010203-1234", "Familien Sol"), "Sagsnummer"),
        (CaseData("FBH-2026-014", "Fatima 0102031234"), "Kaldenavn"),
        (CaseData("FBH-2026-014", "Familien Sol", municipality="010203-1234"), "Kommune"),
        (CaseData("FBH-2026-014", "Familien Sol", architect="Mette 010203-1234"), "Arkitekt"),
    ],
)
def test_a_cpr_number_in_any_case_field_is_refused_and_nothing_is_kept(workspace, data, field):
    with pytest.raises(CaseError) as refused, workspace.session() as session:
        create_case(session, data)
    said = refused.value.message.text("da")
    assert said.startswith(f"{field}: ligner et CPR-nummer") and "1234" not in said
    with workspace.session() as session:
        assert list_cases(session) == []


def test_a_cpr_number_in_the_address_an_edit_or_a_visit_note_is_refused(workspace):
    with pytest.raises(CaseError, match="CPR"), workspace.session() as session:
        create_case(session, FAMILY, address="Solvej 3, CPR 010203-1234")
    with workspace.session() as session:
        version = create_case(session, FAMILY).version
    refusals = [
        lambda s: set_address(s, FAMILY.code, "Solvej 3 0102031234"),
        lambda s: add_visit(s, FAMILY.code, dt.date(2026, 12, 1), "Mor: 010203-1234"),
        lambda s: update_case(
            s, FAMILY.code, CaseData(FAMILY.code, "Familien 010203-1234"), version
        ),
    ]
    for refusal in refusals:
        with pytest.raises(CaseError, match="CPR"):
            workspace.run(refusal)
    with workspace.session() as session:
        case = get_case(session, FAMILY.code)
        assert case.visits == [] and case.alias == "Familien Sol"


def test_a_case_number_off_the_pattern_is_refused_with_the_pattern_and_an_example(workspace):
    with pytest.raises(CaseError) as refused, workspace.session() as session:
        create_case(session, CaseData("FBH-1", "Familien Sol"))
    said = refused.value.message.text("da")
    year = dt.date.today().year
    assert "FBH-ÅÅÅÅ-NNN" in said and f"FBH-{year}-001" in said


def test_the_pattern_is_the_workspaces_and_can_be_changed(workspace):
    with workspace.session() as session:
        assert case_code_pattern(session) == "FBH-ÅÅÅÅ-NNN"
        set_case_code_pattern(session, "KBH-ÅÅ-NNNN")
    with workspace.session() as session:  # kept in the database, for everyone
        assert case_code_pattern(session) == "KBH-ÅÅ-NNNN"
        create_case(session, CaseData("KBH-26-0007", "Familien Sol"))
        with pytest.raises(CaseError, match="KBH-ÅÅ-NNNN"):
            create_case(session, CaseData("FBH-2026-014", "Familien Måne"))


@pytest.mark.parametrize("pattern", ["", "FBH-ÅÅÅÅ", "010203-1234N", "X" * 41])
def test_a_pattern_without_a_running_number_is_refused(workspace, pattern):
    with pytest.raises(CaseError, match="at least one N"), workspace.session() as session:
        set_case_code_pattern(session, pattern)


def test_an_example_follows_the_pattern():
    today = dt.date(2026, 12, 2)
    assert example_code("FBH-ÅÅÅÅ-NNN", today) == "FBH-2026-001"
    assert example_code("KBH/ÅÅ/NNNN", today) == "KBH/26/0001"


def test_a_case_numbered_before_the_pattern_can_still_be_edited(workspace):
    with workspace.session() as session:
        version = create_case(session, FAMILY).version
        set_case_code_pattern(session, "NY-NNN")
    with workspace.session() as session:
        update_case(session, FAMILY.code, CaseData(FAMILY.code, "Familien Stjerne"), version)
    with workspace.session() as session:
        assert get_case(session, FAMILY.code).alias == "Familien Stjerne"


def test_demo_case_numbers_follow_their_own_rule_whatever_the_pattern(workspace):
    with workspace.session() as session:
        set_case_code_pattern(session, "KBH-NNNN")
        create_case(session, DEMO_CASE)
        assert [r.code for r in list_cases(session)] == ["DEMO-2026-001"]


@pytest.mark.parametrize(
    "alias, real",
    [
        ("Fatima Hansen", True),
        ("Anna Marie Jensen", True),
        ("Anne-Marie Jensen", True),
        ("Familien Sol", False),
        ("familien Hansen", False),
        ("Fam. Hansen", False),
        ("Familien Demo (eksempel)", False),
        ("Sol", False),
        ("De tre fra Aarhus", False),
        ("SOL 2", False),
    ],
)
def test_an_alias_that_looks_like_a_first_and_last_name_is_noticed(alias, real):
    assert looks_like_real_name(alias) is real
