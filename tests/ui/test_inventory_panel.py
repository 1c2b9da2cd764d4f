"""The Lager panel beside the plan says why it lists nothing, and what to do: an empty
inventory points to the inventory window's *Ny donation* and the demo; a search that finds
nothing says so (not "0 genstande. Træk én ind på planen")."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.inventory.helpers import available_item, donation
from tests.ui.driver import LEFT, key
from tests.ui.test_furnish_inventory import PLAN


def open_plan(window):
    window.workspace()  # the workspace exists, with nothing in it yet
    window.show_plan(PLAN, None)
    panel = window.session.furnishing.panel
    panel.refresh()
    return panel


def search(panel, text):
    QTest.mouseClick(panel.search, LEFT)
    QTest.keyClicks(panel.search, text)
    key(panel.search, Qt.Key.Key_Return)


def test_an_empty_inventory_points_to_new_donation_and_the_demo(window):
    panel = open_plan(window)
    assert panel.shown.currentWidget() is panel.empty and panel.empty.isVisibleTo(panel)
    text = panel.empty.text()
    assert "Lageret er tomt" in text and "Ny donation" in text and "demo-lager" in text
    assert "0 genstande" not in panel.status.text() and "Træk" not in panel.status.text()


def test_a_search_that_finds_nothing_says_so_and_how_to_widen_it(window):
    with window.workspace().session() as session:
        available_item(session, donation("Kommode", "kommode", (80, 45, 90)))
    panel = open_plan(window)
    assert panel.shown.currentWidget() is panel.list
    assert panel.status.text().startswith("1 genstand.")  # one: the singular form
    search(panel, "klaver")
    assert panel.shown.currentWidget() is panel.empty
    assert "Ingen ledige genstande passer til søgningen" in panel.empty.text()
    assert "Kun ledige" in panel.empty.text()
    assert not panel.status.text()
