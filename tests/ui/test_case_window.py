"""The family case screens, driven with real mouse and key events: the case list on the start
screen, the case form, and the case window's household, status, plan, reservations and visits.
The address typed into the form is kept in the database and shown in no list or title."""

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from hjem.cases.cases import (
    CaseData,
    address_of,
    create_case,
    data_of,
    get_case,
    list_cases,
    update_case,
)
from hjem.cases.models import CaseStatus
from hjem.db.workspace import Workspace
from hjem.errors import DatabaseProblem
from hjem.inventory.items import get_item
from hjem.inventory.models import Status
from hjem.inventory.reservations import reserve, reserved_for
from hjem.resources import asset
from hjem.ui.cases.case_form import ask_new_case
from hjem.ui.cases.case_list import CaseList
from hjem.ui.cases.case_window import CaseWindow
from hjem.ui.operations import Operations
from tests.inventory.helpers import available_item, donation
from tests.ui.driver import choose, choose_file, key, read_message_box, type_text, when_dialog

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
ADDRESS = "Prøvevej 1, 9999 Testby"  # made up; must never appear on a screen unasked
SUN = CaseData("FBH-2026-014", "Familien Sol", "Aarhus", "Mette", 1, ("0_2",))


@pytest.fixture
def workspace(tmp_path):
    space = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    yield space
    space.close()


@pytest.fixture
def case_list(qtbot, workspace):
    widget = CaseList(Operations.over(workspace))
    widget.new_case_requested.connect(lambda: _new_case(widget, workspace))
    widget.resize(760, 420)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def _new_case(case_list, workspace):
    """As the start screen wires "Ny sag …": the form, then the list showing the new case."""
    case_list.refresh(select_code=ask_new_case(case_list, Operations.over(workspace), "Mette"))


@pytest.fixture
def case_window(qtbot, workspace):
    with workspace.session() as session:
        create_case(session, SUN, address=ADDRESS)
    window = CaseWindow(Operations.over(workspace), SUN.code, "Mette")
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def click(widget):
    QTest.mouseClick(widget, LEFT)


def press_save(dialog):
    click(dialog.findChild(QDialogButtonBox).button(SAVE))


def field(dialog, name):
    return dialog.findChild(QLineEdit, f"case_{name}")


def texts(widget: QWidget) -> list[str]:
    """Every text the widget and its children show or hold, hidden ones included."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        found += [child.windowTitle(), child.toolTip()]
        for getter in ("text", "placeholderText", "toPlainText", "currentMessage"):
            if callable(value := getattr(child, getter, None)):
                found.append(value())
        if isinstance(child, QComboBox):
            found += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QListWidget):
            found += [child.item(i).text() for i in range(child.count())]
        elif isinstance(child, QTableWidget):
            found += [text for row in rows(child) for text in row]
    return found


def rows(table):
    cells = range(table.columnCount())
    return [[table.item(r, c).text() for c in cells] for r in range(table.rowCount())]


def test_a_case_typed_into_the_form_is_listed_and_its_address_is_kept_out_of_sight(
    case_list, workspace, qtbot
):
    assert case_list.codes() == [] and "ingen sager" in case_list.status.text().lower()

    def answer(dialog):
        type_text(field(dialog, "code"), "FBH-2026-021")
        type_text(field(dialog, "alias"), "Familien Bølge")
        type_text(field(dialog, "municipality"), "Vejle")
        QTest.keyClick(dialog.adults, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(dialog.adults, "2")
        for band in ("6–12", "13–17"):
            choose(dialog.band, band, qtbot.waitUntil)
            click(dialog.findChild(QAbstractButton, "case_add_child"))
        choose(dialog.scheme, "Eksempel", qtbot.waitUntil)
        type_text(field(dialog, "address"), ADDRESS)
        press_save(dialog)

    when_dialog(answer)
    click(case_list.new_button)

    assert case_list.codes() == ["FBH-2026-021"]
    assert case_list.selected_code() == "FBH-2026-021"
    assert rows(case_list.table)[0][:4] == ["FBH-2026-021", "Familien Bølge", "henvist", "Vejle"]
    with workspace.session() as session:
        data = data_of(get_case(session, "FBH-2026-021"))
        assert (data.adults, data.children, data.architect) == (2, ("6_12", "13_17"), "Mette")
        assert data.scheme_id == 1
        assert address_of(session, "FBH-2026-021") == ADDRESS
    assert not [text for text in texts(case_list) if "Prøvevej" in text]


def test_the_search_narrows_the_list_by_number_or_alias_but_never_by_address(case_list, workspace):
    with workspace.session() as session:
        create_case(session, SUN, address=ADDRESS)
        create_case(session, CaseData("FBH-2026-015", "Familien Måne"))
    case_list.refresh()
    assert sorted(case_list.codes()) == ["FBH-2026-014", "FBH-2026-015"]
    for typed, found in (("måne", ["FBH-2026-015"]), ("2026-014", ["FBH-2026-014"])):
        case_list.search.clear()
        type_text(case_list.search, typed)
        assert case_list.codes() == found
    case_list.search.clear()
    type_text(case_list.search, "Prøvevej")
    assert case_list.codes() == [] and "Prøvevej" in case_list.status.text()


def test_a_double_click_or_enter_opens_a_case(case_list, workspace, qtbot):
    with workspace.session() as session:
        create_case(session, SUN)
    case_list.refresh()
    table = case_list.table
    where = table.visualRect(table.model().index(0, 1)).center()
    with qtbot.waitSignal(case_list.case_chosen) as chosen:
        # A person's double-click: the first click selects, the second opens.
        QTest.mouseClick(table.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, where)
        QTest.mouseDClick(table.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, where)
    assert chosen.args == [SUN.code]
    type_text(case_list.search, "sol")
    with qtbot.waitSignal(case_list.case_chosen) as chosen:
        key(case_list.search, Qt.Key.Key_Return)  # the one case found opens
    assert chosen.args == [SUN.code]


def test_the_architects_own_cases_are_listed_and_the_others_one_click_away(qtbot, workspace):
    with workspace.session() as session:
        create_case(session, SUN)  # Mette's
        create_case(session, replace(SUN, code="FBH-2026-099", architect="Ole"))
    widget = CaseList(Operations.over(workspace), "mette")
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.codes() == [SUN.code] and widget.only_mine.isChecked()
    click(widget.only_mine)
    assert sorted(widget.codes()) == [SUN.code, "FBH-2026-099"]
    other = CaseList(Operations.over(workspace), "Lise")
    other.show()
    assert other.codes() == [] and "Kun mine sager" in other.status.text()
    widget.close()
    other.close()


def _no_workspace():
    raise DatabaseProblem(OSError(13, "Permission denied"))


def test_without_a_workspace_the_list_says_so_plainly(qtbot):
    widget = CaseList(Operations(_no_workspace))
    widget.show()
    qtbot.waitExposed(widget)
    assert "databasen ikke kan åbnes" in widget.status.text()
    assert not widget.new_button.isEnabled() and widget.codes() == []
    widget.close()


def test_a_missing_alias_is_explained_in_the_form_which_stays_open_and_saves_nothing(
    case_list, workspace
):
    seen = []

    def answer(dialog):
        type_text(field(dialog, "code"), "FBH-2026-022")
        type_text(field(dialog, "address"), ADDRESS)
        press_save(dialog)
        seen.append((dialog.isVisible(), dialog.problem.text()))
        dialog.reject()

    when_dialog(answer)
    click(case_list.new_button)
    assert seen == [(True, "Kaldenavn: skal udfyldes")]
    with workspace.session() as session:
        assert list_cases(session) == []


def test_the_window_shows_the_household_and_never_the_address(case_window, workspace):
    assert case_window.windowTitle() == "Sag FBH-2026-014 – Familien Sol"
    facts = case_window.household.facts
    assert facts["children"].text() == "0–2 år" and facts["address"].text().startswith("Regis")
    assert not [text for text in texts(case_window) if "Prøvevej" in text]


def test_editing_the_household_shows_at_once_and_the_address_only_when_asked(
    case_window, workspace, qtbot
):
    shown = []

    def answer(dialog):
        assert field(dialog, "code").isReadOnly() and field(dialog, "address").text() == ""
        click(dialog.findChild(QAbstractButton, "case_reveal_address"))
        shown.append(field(dialog, "address").text())
        assert [t for t in texts(case_window) if "Prøvevej" in t]  # asked for: now it shows
        alias = field(dialog, "alias")
        alias.clear()
        type_text(alias, "Familien Solstråle")
        choose(dialog.band, "3–5", qtbot.waitUntil)
        click(dialog.findChild(QAbstractButton, "case_add_child"))
        press_save(dialog)

    when_dialog(answer)
    click(case_window.findChild(QAbstractButton, "case_edit"))
    assert shown == [ADDRESS]
    assert case_window.windowTitle() == "Sag FBH-2026-014 – Familien Solstråle"
    assert case_window.household.facts["children"].text() == "0–2 år, 3–5 år"
    with workspace.session() as session:
        assert address_of(session, SUN.code) == ADDRESS
    # The form is gone and its address field was emptied: the text lives in the database only.
    assert not [text for text in texts(case_window) if "Prøvevej" in text]


def test_an_edit_someone_else_saved_meanwhile_is_refused_and_the_window_reloads(
    case_window, workspace
):
    seen = []

    def answer(dialog):
        alias = field(dialog, "alias")
        alias.clear()
        type_text(alias, "Familien Syd")
        with workspace.session() as session:  # another architect saves while the form is open
            case = get_case(session, SUN.code)
            changed = replace(data_of(case), alias="Familien Nord")
            update_case(session, SUN.code, changed, case.version)
        press_save(dialog)
        read_message_box(seen)

    when_dialog(answer)
    click(case_window.findChild(QAbstractButton, "case_edit"))
    assert "En anden har ændret sag FBH-2026-014" in seen[0]
    assert case_window.windowTitle() == "Sag FBH-2026-014 – Familien Nord"
    with workspace.session() as session:
        assert get_case(session, SUN.code).alias == "Familien Nord"


def test_the_status_moves_only_along_the_allowed_ways(case_window, workspace, qtbot):
    buttons = case_window.household.findChildren(QAbstractButton)
    assert {b.objectName() for b in buttons if b.objectName().startswith("case_to_")} == {
        "case_to_active",
        "case_to_closed",
    }
    click(case_window.findChild(QAbstractButton, "case_to_active"))
    qtbot.waitUntil(
        lambda: case_window.findChild(QAbstractButton, "case_to_plan_delivered") is not None
    )
    assert case_window.household.status.text() == "I gang"
    with workspace.session() as session:
        assert get_case(session, SUN.code).status == CaseStatus.ACTIVE


def test_a_visit_is_written_down_with_its_date_and_notes(case_window, workspace):
    case_window.tabs.setCurrentWidget(case_window.visits)

    def answer(dialog):
        date = dialog.findChild(QDateEdit, "visit_date")
        date.setFocus()
        key(date, Qt.Key.Key_Home)
        for part in ("03", "11", "2026"):  # each section emptied, then typed
            for _ in part:
                key(date, Qt.Key.Key_Delete)
            type_text(date, part)
        type_text(dialog.findChild(QPlainTextEdit, "visit_notes"), "Målt op; ønsker køjeseng.")
        press_save(dialog)

    when_dialog(answer)
    click(case_window.findChild(QAbstractButton, "case_new_visit"))
    assert rows(case_window.visits.table) == [["03.11.2026", "Målt op; ønsker køjeseng."]]
    with workspace.session() as session:
        (visit,) = get_case(session, SUN.code).visits
        assert visit.visited_on == dt.date(2026, 11, 3)


def test_an_item_reserved_for_the_case_is_listed_and_released_after_asking(
    case_window, workspace, qtbot
):
    with workspace.session() as session:
        code = available_item(session, donation(name="Tremmeseng, hvid")).code
        reserve(session, code, SUN.code, "Lise")
    case_window.reload()
    case_window.tabs.setCurrentWidget(case_window.reservations)
    table = case_window.reservations.table
    assert [row[:2] for row in rows(table)] == [[code, "Tremmeseng, hvid"]]
    release = case_window.findChild(QAbstractButton, "case_release")
    assert not release.isEnabled()
    QTest.mouseClick(
        table.viewport(), LEFT, pos=table.visualRect(table.model().index(0, 1)).center()
    )
    seen = []
    read_message_box(seen, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(case_window.reservations_did_change):
        click(release)
    assert "Frigiv Tremmeseng, hvid" in seen[0] and table.rowCount() == 0
    with workspace.session() as session:
        assert reserved_for(session, SUN.code) == []
        assert get_item(session, code).status == Status.AVAILABLE


def test_the_plan_is_imported_from_a_file_exported_again_and_opened(case_window, tmp_path, qtbot):
    case_window.tabs.setCurrentWidget(case_window.plan)
    export = case_window.findChild(QAbstractButton, "case_export_plan")
    assert "ingen plan" in case_window.plan.info.text() and not export.isEnabled()
    choose_file(asset("samples", "2-vaerelser.hjem"))
    click(case_window.findChild(QAbstractButton, "case_import_plan"))
    assert "sidst gemt" in case_window.plan.info.text() and "Mette" in case_window.plan.info.text()
    choose_file(tmp_path / "ud")
    click(export)
    assert (tmp_path / "ud.hjem").stat().st_size > 0
    with qtbot.waitSignal(case_window.open_plan_requested) as opened:
        click(case_window.findChild(QAbstractButton, "case_open_plan"))
    assert opened.args == [SUN.code]


def test_the_budget_tab_takes_the_widget_it_is_given(case_window):
    budget = QLabel("budget")
    case_window.set_budget_widget(budget)
    assert budget.parent() is case_window.budget_tab
