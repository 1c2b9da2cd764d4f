"""The family's printout language is part of the case: stored, read back, and refused when it
is not one the printout speaks."""

import pytest

from hjem.cases.cases import CaseData, create_case, data_of, get_case
from hjem.cases.errors import CaseError
from hjem.ids import CaseCode


def test_a_case_remembers_its_printout_language_and_new_ones_print_in_danish(workspace):
    with workspace.session() as session:
        create_case(session, CaseData(CaseCode("FBH-2026-101"), "Familien Hav", print_lang="fa"))
        create_case(session, CaseData(CaseCode("FBH-2026-102"), "Familien Sky"))
    with workspace.session() as session:
        assert data_of(get_case(session, CaseCode("FBH-2026-101"))).print_lang == "fa"
        assert get_case(session, CaseCode("FBH-2026-102")).print_lang == "da"


def test_a_language_the_printout_does_not_speak_is_refused(workspace):
    with workspace.session() as session, pytest.raises(CaseError) as refused:
        create_case(session, CaseData(CaseCode("FBH-2026-103"), "Familien Eng", print_lang="de"))
    assert "Planens sprog" in refused.value.message.text("da")
