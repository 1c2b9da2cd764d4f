"""The grant schemes window, driven with real mouse and key events: a coordinator creates a
scheme with limits per category, edits the example scheme an approved budget was approved
under (a new version; the approved budget keeps its figures), and mistypes an amount (told,
nothing lost). Opened from the budget tab's button, as its example notice says."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QMessageBox, QPushButton

from hjem.budget.demo import add_demo_case
from hjem.budget.schemes import list_schemes
from hjem.cases.cases import get_case
from hjem.cases.demo import DEMO_CASE
from hjem.inventory.demo import fill_demo
from hjem.ui.cases.budget_tab import BudgetTab
from hjem.ui.cases.scheme_editor import SchemeEditor
from tests.ui.driver import LEFT, choose, key, read_message_box, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def cell_texts(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def click(widget):
    QTest.mouseClick(widget, LEFT)


def retype(editor, name, text):
    """Click into a field, select what is there and type over it, as a person would."""
    field = editor.findChild(QLineEdit, name)
    QTest.mouseClick(field, LEFT)
    key(field, Qt.Key.Key_A, CTRL)
    if text:
        type_text(field, text)
    else:
        key(field, Qt.Key.Key_Delete)


def pick(editor, label_start):
    schemes = editor.findChild(QListWidget, "scheme_list")
    [item] = [
        schemes.item(row)
        for row in range(schemes.count())
        if schemes.item(row).text().startswith(label_start)
    ]
    QTest.mouseClick(schemes.viewport(), LEFT, pos=schemes.visualItemRect(item).center())


def said(editor, name):
    label = editor.findChild(QLabel, name)
    return label.text() if label.isVisible() else ""


def open_from_budget_tab(window, qtbot):
    with window.workspace().session() as session:
        fill_demo(session)
        add_demo_case(session, "Demo", dt.date(2026, 11, 28))  # a moving van approved
    window.cases.show_case(DEMO_CASE.code)
    case_window = window.cases.open[DEMO_CASE.code]
    qtbot.waitExposed(case_window)
    tab_bar = case_window.tabs.tabBar()
    QTest.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(2).center())  # the budget
    budget = case_window.budget_tab.findChild(BudgetTab)
    assert budget.findChild(QLabel, "budget_example").isVisible()  # the example is marked
    click(budget.findChild(QPushButton, "budget_edit_schemes"))
    editor = budget.window().findChild(SchemeEditor)  # the window over the case's window
    assert editor.isVisible()
    qtbot.waitExposed(editor)
    return budget, editor


def test_a_coordinator_creates_a_scheme_with_limits_per_category(window, qtbot):
    _budget, editor = open_from_budget_tab(window, qtbot)
    assert "EKSEMPEL" in said(editor, "scheme_banner")  # it opened on the case's example
    click(editor.findChild(QPushButton, "scheme_new"))
    retype(editor, "scheme_name", "Aarhus Kommune, etablering")
    retype(editor, "scheme_total", "30.000")
    retype(editor, "scheme_limit_basale_moebler", "12.500,50")
    retype(editor, "scheme_limit_flytning", "4000")
    choose(editor.form.cover, "kontanter og genbrug", qtbot.waitUntil)
    retype(editor, "scheme_valid_to", "31.12.2026")
    click(editor.findChild(QPushButton, "scheme_save"))
    assert said(editor, "scheme_done") == "»Aarhus Kommune, etablering« er gemt."
    with window.workspace().session() as session:
        [made] = [s for s in list_schemes(session) if s.name.startswith("Aarhus")]
    assert made.total_limit_ore == 3_000_000
    assert made.limits == {"flytning": 400_000, "basale_moebler": 1_250_050}
    assert made.limits_include_in_kind and made.valid_to == dt.date(2026, 12, 31)
    assert not made.example


def test_editing_a_scheme_an_approved_budget_uses_makes_a_new_version(window, qtbot):
    budget, editor = open_from_budget_tab(window, qtbot)
    pick(editor, "Eksempel: opstartsstøtte")
    retype(editor, "scheme_total", "40.000")
    retype(editor, "scheme_limit_flytning", "")  # no limit of its own any more
    click(editor.findChild(QCheckBox, "scheme_example"))  # real figures now
    click(editor.findChild(QPushButton, "scheme_save"))
    assert "gemt som version 2" in said(editor, "scheme_done")
    assert "beholder version 1" in said(editor, "scheme_done")
    with window.workspace().session() as session:
        old, new = sorted(list_schemes(session, every_version=True), key=lambda s: s.version)
        case_scheme = get_case(session, DEMO_CASE.code).scheme_id
    assert (old.state, old.total_limit_ore, old.limits["flytning"]) == (
        "superseded",
        2_500_000,
        400_000,
    )
    assert (new.state, new.total_limit_ore, "flytning" in new.limits) == (
        "active",
        4_000_000,
        False,
    )
    # The demo case's van was approved: its budget keeps the figures it was approved under.
    assert case_scheme == old.id
    limits = cell_texts(budget.totals, 3)
    assert limits[-1].startswith("25.000,00") and limits[1].startswith("4.000,00")
    assert "version 1" in budget.findChild(QLabel, "budget_scheme_version").text()
    # The old version is shown, marked, and cannot be changed.
    editor.select(old.id)
    assert "erstattet" in said(editor, "scheme_banner")
    assert not editor.findChild(QPushButton, "scheme_save").isEnabled()


def test_a_mistyped_amount_is_told_and_nothing_typed_is_lost(window, qtbot):
    _budget, editor = open_from_budget_tab(window, qtbot)
    retype(editor, "scheme_limit_toej", "to tusind")
    click(editor.findChild(QPushButton, "scheme_save"))
    assert said(editor, "scheme_problem") == "Ramme (Tøj): skriv et beløb i kroner, fx 2.500,00"
    assert editor.findChild(QLineEdit, "scheme_limit_toej").text() == "to tusind"
    retype(editor, "scheme_name", "")
    retype(editor, "scheme_limit_toej", "2.000")
    click(editor.findChild(QPushButton, "scheme_save"))
    assert said(editor, "scheme_problem") == "Navn: skal udfyldes"
    with window.workspace().session() as session:
        [example] = list_schemes(session, every_version=True)
    assert example.name == "Eksempel: opstartsstøtte" and example.version == 1


def test_the_settings_menu_opens_the_schemes_window(window, qtbot):
    window.menus.actions["menu.schemes"].trigger()
    editor = window.findChild(SchemeEditor)
    assert editor.isVisible()
    assert editor.findChild(QListWidget, "scheme_list").count() == 1


def test_changes_not_saved_are_kept_when_the_coordinator_stays(window, qtbot):
    _budget, editor = open_from_budget_tab(window, qtbot)
    click(editor.findChild(QPushButton, "scheme_new"))
    retype(editor, "scheme_name", "Fonden")
    retype(editor, "scheme_total", "5.000")
    click(editor.findChild(QPushButton, "scheme_save"))
    retype(editor, "scheme_total", "6.000")
    seen = []
    read_message_box(seen, QMessageBox.StandardButton.No)  # "Bliv og gem"
    pick(editor, "Eksempel: opstartsstøtte")
    assert seen == ["Du har ændret »Fonden« uden at gemme. Kassér ændringerne?"]
    assert editor.findChild(QLineEdit, "scheme_total").text() == "6.000"
    read_message_box(seen, QMessageBox.StandardButton.Yes)  # "Kassér"
    pick(editor, "Eksempel: opstartsstøtte")
    assert editor.findChild(QLineEdit, "scheme_name").text() == "Eksempel: opstartsstøtte"
