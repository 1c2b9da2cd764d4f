"""The inventory window offers what can be done: actions follow the selected item, an empty
inventory points to the first donation, the demo stays out of a real inventory, and dates are
written the one way hjem writes them."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar

from hjem.db.workspace import Workspace
from hjem.inventory.items import create_item
from hjem.inventory.reservations import reserve
from hjem.ui.inventory.form import DonationDialog
from hjem.ui.inventory.window import InventoryWindow
from hjem.ui.operations import Operations
from tests.inventory.helpers import add_cases, available_item, donation
from tests.ui.driver import LEFT, read_message_box, type_text, when_dialog

ALWAYS = {"new", "import", "export", "refresh"}


@pytest.fixture
def workspace(tmp_path):
    space = Workspace(f"sqlite:///{tmp_path / 'workspace.sqlite'}")
    yield space
    space.close()


@pytest.fixture
def open_window(qtbot, workspace):
    windows = []

    def open_it():
        window = InventoryWindow(Operations.over(workspace), "Lise")
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield open_it
    for window in windows:
        window.close()


def offered(window) -> set[str]:
    return {key for key, action in window.toolbar_actions.items() if action.isEnabled()}


def click_row(window, code):
    row = next(i for i, r in enumerate(window.model.rows) if r.code == code)
    table = window.table
    where = table.visualRect(window.model.index(row, 2)).center()
    QTest.mouseClick(table.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, where)
    assert window.selected_code() == code


def click(window, name):
    button = window.findChild(QPushButton, name)
    assert button.isVisible(), name
    QTest.mouseClick(button, LEFT)


def test_the_actions_follow_what_is_selected(workspace, open_window):
    with workspace.session() as session:
        received = create_item(session, donation("Kommode", "kommode"), "Lise").code
        available = available_item(session, donation("Sofa", "sofa")).code
        reserved = available_item(session, donation("Seng", "seng")).code
        reserve(session, reserved, *add_cases(session, "FBH-2026-001"), "Lise")
    window = open_window()
    assert offered(window) == ALWAYS | {"labels"}  # nothing selected yet
    click_row(window, received)
    assert offered(window) == ALWAYS | {"labels", "edit", "available", "repair", "discarded"}
    click_row(window, available)
    assert offered(window) == ALWAYS | {"labels", "edit", "reserve", "repair", "discarded"}
    click_row(window, reserved)
    assert offered(window) == ALWAYS | {"labels", "edit", "reserve", "release", "deliver", "repair"}


def test_the_demo_is_not_among_the_inventorys_actions(open_window):
    window = open_window()
    assert "demo" not in window.toolbar_actions
    texts = [action.text() for action in window.findChild(QToolBar, "inventory_actions").actions()]
    assert not [text for text in texts if "demo" in text.lower()]


def test_an_empty_inventory_points_to_the_first_donation(open_window):
    window = open_window()
    text = window.findChild(QLabel, "inventory_empty_text")
    assert window.table.isHidden() and text.isVisible()
    assert text.text().startswith("Lageret er tomt.")
    assert offered(window) == ALWAYS
    opened = []

    def answer(dialog):
        opened.append(type(dialog))
        dialog.reject()

    when_dialog(answer)
    click(window, "empty_new")
    assert opened == [DonationDialog]


def test_the_empty_inventory_can_be_tried_with_the_demo(open_window, qtbot):
    window = open_window()
    click(window, "empty_demo")
    assert len(window.model.rows) > 50 and window.table.isVisible()


def test_a_search_that_finds_nothing_offers_all_items_again(workspace, open_window):
    with workspace.session() as session:
        available_item(session, donation("Sofa", "sofa"))
    window = open_window()
    type_text(window.search, "zzz")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert window.findChild(QLabel, "inventory_empty_text").text() == (
        "Ingen genstande passer til søgningen."
    )
    assert not window.findChild(QPushButton, "empty_demo").isVisible()
    click(window, "empty_show_all")
    assert [row.name for row in window.model.rows] == ["Sofa"] and window.search.text() == ""


def test_the_start_screens_demo_is_refused_beside_real_donations(window, qtbot):
    with window.operations.workspace().session() as session:
        available_item(session, donation("Sofa, rigtig donation", "sofa"))
    seen = []
    read_message_box(seen)
    QTest.mouseClick(window.start.findChild(QPushButton, "start_demo"), LEFT)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].startswith("Lageret har allerede 1 genstand.")
    with window.operations.workspace().session() as session:
        from hjem.inventory.search import Query, find

        assert [item.name for item in find(session, Query())] == ["Sofa, rigtig donation"]


def test_dates_are_written_one_way(workspace, open_window):
    with workspace.session() as session:
        code = available_item(
            session, donation("Sofa", "sofa", received_on=dt.date(2026, 11, 2))
        ).code
    window = open_window()
    click_row(window, code)
    received = window.model.index(0, window.model.columnCount() - 1)
    assert window.model.data(received) == "02.11.2026"
    history = [window.details.history.item(i).text() for i in range(window.details.history.count())]
    assert history and all(re.match(r"\d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d  Lise", h) for h in history)
