"""Point 10 in the budget and case screens: amount headers stand right over their
right-aligned amounts (in Danish and English), and dates are written one way, the way
`format_day` writes them, in the budget's lines and in the visit's date box alike."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from hjem.budget.demo import add_demo_case
from hjem.cases.demo import DEMO_CASE
from hjem.db.workspace import Workspace
from hjem.i18n import format_day, set_language
from hjem.inventory.demo import fill_demo
from hjem.ui.cases.budget_tab import BudgetTab
from hjem.ui.cases.case_tabs import VisitDialog
from hjem.ui.operations import Operations

DAY = dt.date(2026, 11, 28)


@pytest.fixture
def budget(tmp_path, qtbot):
    space = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with space.session() as session:
        fill_demo(session)
        add_demo_case(session, "Demo", DAY)
    tab = BudgetTab(Operations.over(space), DEMO_CASE.code, lambda: None)
    qtbot.addWidget(tab)
    yield tab
    space.close()
    set_language("da")


def headers(table):
    return {
        table.horizontalHeaderItem(c).text(): table.horizontalHeaderItem(c).textAlignment()
        for c in range(table.columnCount())
    }


def right(alignment):
    return bool(Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_amount_headers_stand_right_over_their_amounts(tmp_path, qtbot, lang):
    set_language(lang)
    space = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with space.session() as session:
        fill_demo(session)
        add_demo_case(session, "Demo", DAY)
    tab = BudgetTab(Operations.over(space), DEMO_CASE.code, lambda: None)
    qtbot.addWidget(tab)
    tab.refresh()
    cash = "Kontant" if lang == "da" else "Cash"
    for table in (tab.totals, tab.lines):
        aligned = headers(table)
        assert right(aligned[cash]) and not right(aligned[table.horizontalHeaderItem(0).text()])
        column = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        cells = [table.item(r, column.index(cash)) for r in range(table.rowCount())]
        assert all(right(cell.textAlignment()) for cell in cells)  # "DKK 0.00" too
    space.close()
    set_language("da")


def test_dates_are_written_one_way_in_the_budget_and_the_visit_box(budget, qtbot):
    budget.refresh()
    column = [
        budget.lines.horizontalHeaderItem(c).text() for c in range(budget.lines.columnCount())
    ]
    dates = {
        budget.lines.item(r, column.index("Dato")).text() for r in range(budget.lines.rowCount())
    }
    assert dates == {"", "28.11.2026"} == {"", format_day(DAY)}
    visit = VisitDialog(None)
    qtbot.addWidget(visit)
    visit.date.setDate(QDate(2026, 11, 3))
    assert visit.date.text() == format_day(dt.date(2026, 11, 3)) == "03.11.2026"
