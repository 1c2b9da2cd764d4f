"""The budget follows the plan: a piece to buy placed in the case's plan shows in the budget
against the scheme's limits at once, and is a budget line once the plan is saved."""

import datetime as dt

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPushButton

from hjem.budget.demo import add_demo_case
from hjem.budget.lines import lines_of
from hjem.cases.demo import DEMO_CASE
from hjem.i18n import tr
from hjem.inventory.demo import fill_demo
from hjem.ui.cases.budget_tab import BudgetTab
from tests.ui.driver import BUNK_BED, LEFT, answer_to_buy, click, key, type_text, when_dialog


def cell_texts(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def furniture_cash(budget):
    names = cell_texts(budget.totals, 0)
    return cell_texts(budget.totals, 1)[names.index("Basale møbler og udstyr")]


def test_a_piece_to_buy_shows_in_the_budget_as_it_is_placed(window, qtbot):
    with window.workspace().session() as session:
        fill_demo(session)
        add_demo_case(session, "Demo", dt.date(2026, 11, 28))
    window.cases.show_case(DEMO_CASE.code)
    budget = window.cases.open[DEMO_CASE.code].budget_tab.findChild(BudgetTab)
    assert "9.500,00" in " ".join(cell_texts(budget.totals, 1))  # the deposit applied for
    assert furniture_cash(budget).startswith("0,00")  # donated: in kind, not cash
    assert window.open_case_plan(DEMO_CASE.code)

    answer_to_buy(BUNK_BED)
    QTest.mouseClick(window.session.furnishing.panel.buy_button, LEFT)
    view = window.session.editor.view
    view.resetTransform()
    view.centerOn(QPointF(870, 300))
    click(view, 870, 300)
    qtbot.waitUntil(lambda: furniture_cash(budget).startswith("1.499,50"))
    window.activateWindow()  # offscreen, a closed dialog hands activation back to no one
    qtbot.waitUntil(window.isActiveWindow)
    key(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with window.workspace().session() as session:
        bought = [line for line in lines_of(session, DEMO_CASE.code) if line.cash_ore == 149_950]
    assert [line.description for line in bought] == ["Køjeseng"]


def test_a_cpr_number_in_a_service_line_is_refused_in_the_open_dialog(window, qtbot):
    """The domain refuses it (tests/budget/test_lines.py); the dialog says so and stays open
    with what was typed, and the line is saved once the number is gone."""
    with window.workspace().session() as session:
        add_demo_case(session, "Demo", dt.date(2026, 11, 28))
        before = len(lines_of(session, DEMO_CASE.code))
    window.cases.show_case(DEMO_CASE.code)
    budget = window.cases.open[DEMO_CASE.code].budget_tab.findChild(BudgetTab)
    seen: list[tuple[bool, str]] = []

    def answer(dialog):
        description = dialog.findChild(QLineEdit, "service_description")
        type_text(description, "Flyttebil til 010190-1234")
        type_text(dialog.findChild(QLineEdit, "service_amount"), "2500")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, LEFT)
        seen.append((dialog.isVisible(), dialog.problem.text()))
        description.selectAll()
        type_text(description, "Flyttebil")
        QTest.mouseClick(ok, LEFT)

    when_dialog(answer)
    QTest.mouseClick(budget.findChild(QPushButton, "budget_add_service"), LEFT)
    assert seen == [(True, f"Beskrivelse: {tr('case_privacy.cpr')}")]
    with window.workspace().session() as session:
        lines = lines_of(session, DEMO_CASE.code)
    assert len(lines) == before + 1 and lines[-1].description == "Flyttebil"
    assert not any("1234" in line.description for line in lines)
