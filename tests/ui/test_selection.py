"""The selection is the document's: clicks, frames and keys set it there, the scene's items
follow it, and undo and redo bring back what was selected. Real mouse and key events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Plan, Wall
from tests.floorplan.plans import piece
from tests.ui.conftest import open_at_one_pixel_per_cm
from tests.ui.driver import click, drag, key

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
PLAN = Plan(
    walls=(Wall("w1", Point(0, 0), Point(600, 0)),),
    placements=(
        piece("chair", "stol", (45, 45, 90), 100, 200),
        piece("table", "spisebord", (90, 90, 75), 300, 200),
    ),
)


@pytest.fixture
def editor(window):
    return open_at_one_pixel_per_cm(window, PLAN)


@pytest.fixture
def shortcut(window, qtbot):
    """Press a menu shortcut in the plan, as a person does with the window in front (offscreen,
    the first mouse move can leave no window active, and shortcuts need one)."""

    def press(name: Qt.Key, modifiers=CTRL) -> None:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        key(window.session.editor.view, name, modifiers)

    return press


def shown_selected(editor) -> set[str]:
    """The ids whose items the scene draws selected."""
    items = (editor.scene.item(i) for i in all_ids(editor.plan))
    return {i.element_id for i in items if i is not None and i.isSelected()}


def all_ids(plan: Plan) -> list[str]:
    return [*(w.id for w in plan.walls), *(p.id for p in plan.placements)]


def test_a_click_selects_in_the_document_and_the_item_follows(editor):
    click(editor.view, 100, 200)
    assert editor.document.selection == ("chair",)
    assert shown_selected(editor) == {"chair"}
    click(editor.view, 300, 200, SHIFT)
    assert editor.document.selection == ("chair", "table")
    click(editor.view, 100, 200, SHIFT)
    assert editor.document.selection == ("table",)
    assert shown_selected(editor) == {"table"}
    key(editor.view, Qt.Key.Key_Escape)
    assert editor.document.selection == () and shown_selected(editor) == set()


def test_a_frame_over_empty_floor_selects_what_lies_inside_it(editor):
    drag(editor.view, (40, 120), (360, 280))
    assert set(editor.document.selection) == {"chair", "table"}
    assert shown_selected(editor) == {"chair", "table"}


def test_delete_then_undo_brings_the_piece_back_selected(editor, shortcut):
    click(editor.view, 100, 200)
    key(editor.view, Qt.Key.Key_Delete)
    assert "chair" not in editor.plan and editor.document.selection == ()
    shortcut(Qt.Key.Key_Z)
    assert "chair" in editor.plan
    assert editor.document.selection == ("chair",) and shown_selected(editor) == {"chair"}


def test_paste_then_undo_selects_the_originals_and_redo_the_copies(editor, shortcut):
    click(editor.view, 100, 200)
    shortcut(Qt.Key.Key_C)
    shortcut(Qt.Key.Key_V)
    (copy,) = editor.document.selection
    assert copy != "chair" and shown_selected(editor) == {copy}
    shortcut(Qt.Key.Key_Z)
    assert copy not in editor.plan
    assert editor.document.selection == ("chair",) and shown_selected(editor) == {"chair"}
    shortcut(Qt.Key.Key_Y)
    assert copy in editor.plan and editor.document.selection == (copy,)


def test_undoing_a_move_selects_what_was_moved_even_after_clicking_elsewhere(editor, shortcut):
    click(editor.view, 300, 200)
    drag(editor.view, (300, 200), (300, 260))
    assert editor.plan["table"].center.y > 200
    click(editor.view, 500, 400)  # empty floor: nothing selected
    assert editor.document.selection == ()
    shortcut(Qt.Key.Key_Z)
    assert editor.plan["table"].center == Point(300, 200)
    assert editor.document.selection == ("table",) and shown_selected(editor) == {"table"}


def test_select_all_selects_every_element(editor, shortcut):
    shortcut(Qt.Key.Key_A)
    assert set(editor.document.selection) == set(all_ids(editor.plan))
    assert shown_selected(editor) == set(all_ids(editor.plan))


def test_selecting_through_the_scene_is_selecting_in_the_document(editor):
    editor.scene.select_ids(["table", "nothing-such"])
    assert editor.document.selection == ("table",)
    assert editor.scene.selected_ids() == ["table"]
    editor.scene.clearSelection()
    assert editor.document.selection == ()
