"""The plan editor driven with real mouse and key events, offscreen."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import OpeningKind, Plan, Wall
from tests.ui.driver import click, double_click, drag, hover, key, type_text


@pytest.fixture
def editor(window):
    window.new_plan()
    view = window.session.editor.view
    view.resetTransform()
    view.scale(1.0, 1.0)  # one screen pixel per cm: clicks land within half a cm
    return window.session.editor


def draw_walls(editor, *corners):
    editor.use_tool("wall")
    for x, y in corners:
        click(editor.view, x, y)
    key(editor.view, Qt.Key.Key_Escape)


def test_drawing_a_rectangular_apartment_with_a_door_and_a_window(editor):
    draw_walls(editor, (0, 0), (600, 0), (600, 400), (0, 400), (0, 0))
    editor.use_tool(OpeningKind.DOOR.value)
    click(editor.view, 300, 10)  # just inside the top wall: the door opens into the room
    editor.use_tool(OpeningKind.WINDOW.value)
    click(editor.view, 250, 398)
    plan = editor.plan
    assert plan.walls == (
        Wall("w1", Point(0, 0), Point(600, 0), 12.0),
        Wall("w2", Point(600, 0), Point(600, 400), 12.0),
        Wall("w3", Point(600, 400), Point(0, 400), 12.0),
        Wall("w4", Point(0, 400), Point(0, 0), 12.0),
    )
    door, window_ = plan.openings
    assert (door.kind, door.wall_id, door.offset, door.width, door.opens_to) == (
        OpeningKind.DOOR,
        "w1",
        300,
        80,
        "right",
    )
    assert (window_.kind, window_.wall_id, window_.offset, window_.width) == (
        OpeningKind.WINDOW,
        "w3",
        350,
        120,
    )
    drawn = plan
    stack = editor.document.undo_stack
    assert stack.count() == 6
    while stack.canUndo():
        stack.undo()
    assert editor.plan == Plan()
    while stack.canRedo():
        stack.redo()
    assert editor.plan == drawn


def test_a_typed_length_makes_an_exact_wall(editor):
    editor.use_tool("wall")
    click(editor.view, 0, 0)
    hover(editor.view, 200, 0)
    type_text(editor.view, "437,5")
    key(editor.view, Qt.Key.Key_Return)
    key(editor.view, Qt.Key.Key_Escape)
    assert editor.plan.walls[0].end == Point(437.5, 0)


def test_shift_keeps_the_angle_to_steps_of_15_degrees(editor):
    editor.use_tool("wall")
    click(editor.view, 0, 0)
    click(editor.view, 300, 77, modifiers=Qt.KeyboardModifier.ShiftModifier)
    wall = editor.plan.walls[0]
    assert round(wall.angle) == 15


def test_a_room_typed_as_420_x_350(editor):
    editor.use_tool("rect_room")
    click(editor.view, 100, 100)
    type_text(editor.view, "420 x 350")
    key(editor.view, Qt.Key.Key_Return)
    (room,) = editor.plan.rooms
    assert room.polygon == (Point(100, 100), Point(520, 100), Point(520, 450), Point(100, 450))


def test_a_double_click_inside_walls_makes_the_room_from_them(editor):
    draw_walls(editor, (0, 0), (500, 0), (500, 300), (0, 300), (0, 0))
    editor.use_tool("polygon_room")
    double_click(editor.view, 250, 150)
    (room,) = editor.plan.rooms
    assert sorted(room.polygon) == [(6, 6), (6, 294), (494, 6), (494, 294)]


def test_dragging_moves_as_one_undo_step(editor):
    editor.use_tool("rect_room")
    drag(editor.view, (0, 0), (300, 200))
    editor.use_tool("select")
    drag(editor.view, (150, 100), (250, 160), steps=8)
    assert editor.plan.rooms[0].polygon[0] == Point(100, 60)
    editor.document.undo_stack.undo()
    assert editor.plan.rooms[0].polygon[0] == Point(0, 0)


def test_delete_and_undo(editor):
    draw_walls(editor, (0, 0), (400, 0))
    editor.use_tool("select")
    click(editor.view, 200, 0)
    key(editor.view, Qt.Key.Key_Delete)
    assert editor.plan.walls == ()
    editor.document.undo_stack.undo()
    assert len(editor.plan.walls) == 1


def test_copy_and_paste(editor, window):
    editor.use_tool("rect_room")
    drag(editor.view, (0, 0), (300, 200))
    editor.use_tool("select")
    click(editor.view, 150, 100)
    window.menus.actions["menu.copy"].trigger()
    window.menus.actions["menu.paste"].trigger()
    assert len(editor.plan.rooms) == 2
    assert editor.plan.rooms[1].polygon[0] == Point(50, 50)


def test_the_properties_panel_changes_a_number_exactly_and_explains_a_bad_one(
    editor, window, qtbot
):
    draw_walls(editor, (0, 0), (400, 0))
    editor.use_tool("select")
    click(editor.view, 200, 0)
    panel = window.session.properties
    qtbot.wait(10)
    length = panel.inputs["length"]
    length.selectAll()
    type_text(length, "512,5")
    key(length, Qt.Key.Key_Return)
    assert editor.plan.walls[0].end == Point(512.5, 0)
    qtbot.wait(10)
    thickness = panel.inputs["thickness"]
    thickness.selectAll()
    type_text(thickness, "-3")
    key(thickness, Qt.Key.Key_Return)
    assert editor.plan.walls[0].thickness == 12.0
    assert "positivt tal" in panel.problem.text()
    qtbot.wait(10)
    thickness = panel.inputs["thickness"]
    thickness.selectAll()
    type_text(thickness, "tyk")
    key(thickness, Qt.Key.Key_Return)
    assert "er ikke et tal" in panel.problem.text()


def test_a_door_marked_as_the_entrance_is_the_only_one(editor, window, qtbot):
    draw_walls(editor, (0, 0), (600, 0), (600, 400))
    editor.use_tool(OpeningKind.DOOR.value)
    click(editor.view, 200, 10)
    click(editor.view, 590, 200)
    for door_id in ("d1", "d2"):
        editor.scene.select_ids([door_id])
        qtbot.wait(10)
        entrance = window.session.properties.findChild(QCheckBox, "field_entrance")
        # On the box itself: a check box only answers clicks on its box and its text.
        QTest.mouseClick(
            entrance,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(8, entrance.height() // 2),
        )
        qtbot.wait(10)
    assert [o.id for o in editor.plan.openings if o.entrance] == ["d2"]
