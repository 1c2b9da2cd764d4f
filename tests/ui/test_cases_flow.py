"""From the start screen to a family's plan: the cases listed, a case window opened with a
double-click, its plan opened in the editor from the Plan tab."""

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QTableWidget

from hjem.cases.demo import DEMO_CASE, fill_demo_case
from hjem.inventory.demo import fill_demo
from tests.ui.driver import LEFT, NONE, type_into_dialog


def test_a_case_is_opened_from_the_start_screen_and_its_plan_from_the_case(window, qtbot):
    with window.workspace().session() as session:
        fill_demo(session)
        fill_demo_case(session, window.settings.user_name())  # the demo is the user's case
    qtbot.waitUntil(lambda: window.cases.list is not None)
    table = window.cases.list.findChild(QTableWidget, "case_table")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    cell = table.visualItemRect(table.item(0, 1)).center()
    QTest.mouseClick(table.viewport(), LEFT, NONE, cell)  # a double-click: select, then open
    QTest.mouseDClick(table.viewport(), LEFT, NONE, cell)
    qtbot.waitUntil(lambda: DEMO_CASE.code in window.cases.open)
    case_window = window.cases.open[DEMO_CASE.code]
    qtbot.waitUntil(case_window.isVisible)
    assert DEMO_CASE.alias in case_window.windowTitle()
    QTest.mouseClick(case_window.findChild(QPushButton, "case_open_plan"), LEFT)
    assert window.document.case_code == DEMO_CASE.code
    assert len(window.document.plan.placements) >= 8
    assert window.stack.currentWidget() is window.session.editor.view


def test_choosing_ones_name_lists_ones_own_cases(window, qtbot):
    from hjem.cases.cases import CaseData, create_case

    with window.workspace().session() as session:
        create_case(session, CaseData("FBH-2026-001", "Familien Sol", architect="Mette"))
        create_case(session, CaseData("FBH-2026-002", "Familien Måne", architect="Ole"))
    qtbot.waitUntil(lambda: window.cases.list is not None)
    type_into_dialog("Ole")
    window.preferences.ask_user_name()
    assert window.cases.list.codes() == ["FBH-2026-002"]
    assert "Ole" in window.cases.list.only_mine.text()
