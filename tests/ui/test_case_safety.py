"""The case form keeps a family's identity out (issue 11, point 1), driven with real events: a
CPR number is refused in the form, a number off the programme's pattern is told with the
pattern, an alias like a real name is asked about, and the pattern can be changed."""

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox

from hjem.cases.cases import list_cases
from hjem.cases.privacy import case_code_pattern
from tests.ui.driver import read_message_box, type_into_dialog, type_text, when_dialog
from tests.ui.test_case_window import (  # noqa: F401  (fixtures)
    case_list,
    case_window,
    click,
    field,
    press_save,
    workspace,
)

NO, YES = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes


def saved_codes(workspace):  # noqa: F811
    with workspace.session() as session:
        return [row.code for row in list_cases(session)]


def test_a_cpr_number_typed_as_case_number_is_refused_and_nothing_is_saved(case_list, workspace):  # noqa: F811
    said = []

    def answer(dialog):
        type_text(field(dialog, "code"), "010203-1234")
        type_text(field(dialog, "alias"), "Familien Sol")
        press_save(dialog)
        said.append(dialog.findChild(QLabel, "case_problem").text())
        dialog.reject()

    when_dialog(answer)
    click(case_list.new_button)
    assert said[0].startswith("Sagsnummer: ligner et CPR-nummer")
    assert saved_codes(workspace) == [] and case_list.codes() == []


def test_a_number_off_the_pattern_is_told_with_the_pattern_in_the_form(case_list, workspace):  # noqa: F811
    said = []

    def answer(dialog):
        assert "FBH-ÅÅÅÅ-NNN" in field(dialog, "code").placeholderText()
        type_text(field(dialog, "code"), "FBH-7")
        type_text(field(dialog, "alias"), "Familien Sol")
        press_save(dialog)
        said.append(dialog.findChild(QLabel, "case_problem").text())
        dialog.reject()

    when_dialog(answer)
    click(case_list.new_button)
    assert "FBH-ÅÅÅÅ-NNN" in said[0] and "fx FBH-20" in said[0]
    assert saved_codes(workspace) == []


def test_an_alias_like_a_real_name_is_asked_about_before_it_is_saved(case_list, workspace):  # noqa: F811
    asked = []

    def answer(dialog):
        type_text(field(dialog, "code"), "FBH-2026-021")
        type_text(field(dialog, "alias"), "Fatima Hansen")
        read_message_box(asked, NO)  # "Ret kaldenavnet": the form stays open
        press_save(dialog)
        assert dialog.isVisible() and field(dialog, "alias").hasSelectedText()
        type_text(field(dialog, "alias"), "Familien Bølge")
        press_save(dialog)

    when_dialog(answer)
    click(case_list.new_button)
    assert asked[0].startswith("Det ligner et rigtigt navn: »Fatima Hansen«")
    assert case_list.codes() == ["FBH-2026-021"]
    assert [row.alias for row in case_list.rows] == ["Familien Bølge"]


def test_the_architect_may_keep_an_alias_after_the_question(case_list, workspace):  # noqa: F811
    asked = []

    def answer(dialog):
        type_text(field(dialog, "code"), "FBH-2026-022")
        type_text(field(dialog, "alias"), "Rosa Bjerg")
        read_message_box(asked, YES)
        press_save(dialog)

    when_dialog(answer)
    click(case_list.new_button)
    assert asked and [row.alias for row in case_list.rows] == ["Rosa Bjerg"]


def test_the_pattern_is_changed_from_the_form_and_followed_at_once(case_list, workspace):  # noqa: F811
    def answer(dialog):
        type_into_dialog("KBH-ÅÅ-NNNN")
        click(dialog.findChild(QAbstractButton, "case_pattern"))
        assert "KBH-ÅÅ-NNNN" in field(dialog, "code").placeholderText()
        type_text(field(dialog, "code"), "KBH-26-0042")
        type_text(field(dialog, "alias"), "Familien Sol")
        press_save(dialog)

    when_dialog(answer)
    click(case_list.new_button)
    assert case_list.codes() == ["KBH-26-0042"]
    with workspace.session() as session:
        assert case_code_pattern(session) == "KBH-ÅÅ-NNNN"


def test_the_default_pdf_name_never_holds_a_cpr_number(window, qtbot):
    """The flow of the issue: a CPR number typed as case number is refused, so no case, no
    print and no PDF name carry it; a case in the pattern prints as plan-<its number>."""
    from hjem.cases.cases import CaseData, create_case
    from hjem.cases.privacy import contains_cpr
    from hjem.errors import UserError

    with pytest.raises(UserError, match="CPR"):
        window.operations.workspace().run(
            lambda session: create_case(session, CaseData("010203-1234", "Familien Sol"))
        )
    seen = []
    read_message_box(seen)
    window.printing.print_case("010203-1234")
    assert seen and window.handover_dialog is None
    with window.workspace().session() as session:
        create_case(session, CaseData("FBH-2026-031", "Familien Sol"))
    stems = []

    def answer(dialog):
        stems.append(dialog.file_stem)
        dialog.reject()

    when_dialog(answer)
    window.printing.print_case("FBH-2026-031")
    assert stems == ["plan-FBH-2026-031"] and not contains_cpr(stems[0])


def test_a_cpr_number_in_a_visit_note_is_said_in_the_open_dialog_and_the_notes_kept(
    case_window,  # noqa: F811
    workspace,  # noqa: F811
):
    from PySide6.QtWidgets import QPlainTextEdit

    from hjem.cases.cases import get_case

    case_window.tabs.setCurrentWidget(case_window.visits)
    seen = []

    def answer(dialog):
        notes = dialog.findChild(QPlainTextEdit, "visit_notes")
        type_text(notes, "Mors CPR 010203-1234")
        press_save(dialog)
        seen.extend([dialog.isVisible(), dialog.findChild(QLabel, "visit_problem").text()])
        seen.append(notes.toPlainText())
        dialog.reject()

    when_dialog(answer)
    click(case_window.findChild(QAbstractButton, "case_new_visit"))
    assert seen[0] is True and seen[1].startswith("Besøgsnoter: ligner et CPR-nummer")
    assert seen[2] == "Mors CPR 010203-1234"  # nothing lost: the volunteer can take it out
    with workspace.session() as session:
        assert get_case(session, "FBH-2026-014").visits == []
