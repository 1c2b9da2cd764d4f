"""Filer → Sager og planer, and its tool bar button: back to the start screen with the cases,
the recent plans and the samples, without restarting, after asking about unsaved changes as
closing does. Real clicks."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QToolBar

from hjem.floorplan.commands import remove_elements
from hjem.floorplan.hjemfile import load_plan, save_plan
from tests.ui.conftest import open_sample
from tests.ui.driver import LEFT, read_message_box

BACK = "menu.cases_and_plans"


def back_button(window):
    toolbar = window.findChild(QToolBar, "tools")
    return toolbar.widgetForAction(window.findChild(QAction, BACK))


def click_back(window, qtbot):
    button = back_button(window)
    qtbot.waitUntil(button.isVisible)
    QTest.mouseClick(button, LEFT)


def panels(window):
    return [d for d in window.findChildren(QDockWidget) if d.isVisible()]


def test_the_tool_bar_button_shows_the_start_screen_and_a_plan_opens_again(laptop_window, qtbot):
    window = laptop_window
    open_sample(window, qtbot, "3-vaerelser")
    assert window.findChild(QAction, BACK).text() == "Sager og planer"
    click_back(window, qtbot)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start)
    assert panels(window) == [] and not window.findChild(QToolBar, "tools").isVisible()
    assert window.windowTitle() == "hjem"
    assert not window.findChild(QAction, "menu.save").isEnabled()
    open_sample(window, qtbot, "2-vaerelser")  # the editor comes back with its panels
    assert window.document.path.stem == "2-vaerelser"
    assert len(panels(window)) >= 3 and back_button(window).isVisible()


def test_unsaved_changes_are_asked_about_and_cancel_stays_in_the_plan(laptop_window, qtbot):
    window = laptop_window
    open_sample(window, qtbot, "3-vaerelser")
    editor = window.session.editor
    editor.apply(remove_elements(editor.plan, [editor.plan.placements[0].id]), "undo.delete")
    asked: list[str] = []
    read_message_box(asked, QMessageBox.StandardButton.Cancel)
    click_back(window, qtbot)
    qtbot.waitUntil(lambda: asked != [])
    QApplication.processEvents()
    assert window.is_editing and window.document.is_modified  # nothing lost

    read_message_box(asked, QMessageBox.StandardButton.Discard)
    click_back(window, qtbot)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start)
    assert len(asked) == 2
    assert not window.document.is_modified  # closing the window now asks nothing


def test_the_start_screen_lists_a_plan_opened_since(laptop_window, qtbot, tmp_path, samples):
    mine = tmp_path / "min-plan.hjem"
    save_plan(load_plan(samples / "2-vaerelser.hjem"), mine)
    assert laptop_window.open_path(mine)
    click_back(laptop_window, qtbot)
    qtbot.waitUntil(lambda: laptop_window.stack.currentWidget() is laptop_window.start)
    recent = laptop_window.start.recent
    assert [recent.item(i).text() for i in range(recent.count())] == ["min-plan"]
