"""A case's plan in the editor: saved to the workspace with Ctrl+S; when someone else saved it
meanwhile, nothing is overwritten and the architect keeps their version as a file."""

from dataclasses import replace

from PySide6.QtCore import Qt

from hjem.cases.cases import CaseData, create_case
from hjem.cases.plans import load_case_plan, save_case_plan
from hjem.floorplan.commands import AddElement
from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import Plan
from tests.floorplan.plans import piece, row_plan
from tests.ui.driver import choose_file, key, when_dialog

CODE = "FBH-2026-014"


def add_piece(window, x):
    window.session.editor.apply(
        AddElement(piece(f"p{x}", "stol", (45, 45, 90), x, 100)), "undo.place"
    )


def test_a_case_plan_opens_and_saves_to_the_workspace(window):
    window.settings.set_user_name("Mette")
    with window.workspace().session() as session:
        create_case(session, CaseData(CODE, "Familien Sol"))
        save_case_plan(session, CODE, row_plan(), "Ole", None)
    assert window.open_case_plan(CODE)
    assert window.document.plan.case_code == CODE and CODE in window.windowTitle()
    add_piece(window, 100)
    key(window.session.editor.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.is_modified
    with window.workspace().session() as session:
        stored = load_case_plan(session, CODE)
    assert [p.id for p in stored.plan.placements] == ["p100"] and stored.saved_by == "Mette"


def test_saving_over_someone_elses_newer_save_is_refused_and_offered_as_a_file(window, tmp_path):
    with window.workspace().session() as session:
        create_case(session, CaseData(CODE, "Familien Sol"))
    assert window.open_case_plan(CODE)  # no plan yet: an empty one
    with window.workspace().session() as session:  # Ole saves the case's plan meanwhile
        save_case_plan(session, CODE, replace(row_plan(), title="Oles"), "Ole", None)
    add_piece(window, 150)

    def keep_as_file(box):
        assert "Ole" in box.text()
        choose_file(tmp_path / "min-udgave.hjem")
        box.defaultButton().click()

    when_dialog(keep_as_file)
    key(window.session.editor.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with window.workspace().session() as session:
        assert load_case_plan(session, CODE).plan.title == "Oles"  # not overwritten
    mine = load_plan(tmp_path / "min-udgave.hjem")
    assert [p.id for p in mine.placements] == ["p150"] and mine.case_code == CODE
    assert window.document.path == tmp_path / "min-udgave.hjem"
    assert window.document.case_code is None  # a file of its own now


def test_an_empty_case_plan_says_whose_it_is(window):
    with window.workspace().session() as session:
        create_case(session, CaseData(CODE, "Familien Sol"))
    window.open_case_plan(CODE)
    assert window.document.plan == Plan(case_code=CODE)
