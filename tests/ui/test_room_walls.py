"""A room drawn with the rectangle tool comes with walls, so a door can go in at once; a room
without walls offers to get them when a door is put on its edge (issue 11, point 4)."""

import pytest
from PySide6.QtWidgets import QMessageBox

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import OpeningKind, Plan, Room, RoomKind
from tests.ui.conftest import open_at_one_pixel_per_cm
from tests.ui.driver import choose, click, drag, read_message_box

LIVING_ROOM = Room(
    "r1", "", RoomKind.STUE, (Point(0, 0), Point(400, 0), Point(400, 300), Point(0, 300))
)


@pytest.fixture
def editor(window):
    window.new_plan()
    window.session.editor.view.resetTransform()  # one screen pixel per cm
    return window.session.editor


def test_a_rectangle_room_has_walls_and_a_door_goes_on_its_edge(editor):
    editor.use_tool("rect_room")
    drag(editor.view, (0, 0), (400, 300))
    assert len(editor.plan.rooms) == 1 and len(editor.plan.walls) == 4
    editor.use_tool(OpeningKind.DOOR.value)
    click(editor.view, 200, 3)  # on the room's top edge, just inside
    (door,) = editor.plan.openings
    wall = editor.plan.wall_of(door)
    assert door.kind is OpeningKind.DOOR and wall.start.y == wall.end.y == -6
    assert editor.document.selection == (door.id,)


def test_the_room_and_its_walls_are_undone_in_one_step(editor):
    editor.use_tool("rect_room")
    drag(editor.view, (0, 0), (400, 300))
    editor.document.undo_stack.undo()
    assert editor.plan == Plan()


def test_two_rooms_drawn_side_by_side_share_the_wall_between_them(editor):
    editor.use_tool("rect_room")
    drag(editor.view, (0, 0), (400, 300))
    drag(editor.view, (400, 0), (700, 300))
    plan = editor.plan
    assert len(plan.rooms) == 2
    between = [w for w in plan.walls if w.start.x == w.end.x and 390 <= w.start.x <= 410]
    assert len(between) == 1 and len(plan.walls) == 7


def test_a_door_on_a_room_without_walls_offers_the_walls_and_yes_makes_both(window):
    editor = open_at_one_pixel_per_cm(window, Plan("bare", rooms=(LIVING_ROOM,)))
    editor.use_tool(OpeningKind.DOOR.value)
    seen: list[str] = []
    read_message_box(seen, QMessageBox.StandardButton.Yes)
    click(editor.view, 200, 2)
    assert len(seen) == 1 and "stuen" in seen[0]
    assert len(editor.plan.walls) == 4
    (door,) = editor.plan.openings
    assert editor.plan.wall_of(door).start.y == -6  # in the room's top wall
    editor.document.undo_stack.undo()  # walls and door were one step
    assert editor.plan.walls == () and editor.plan.openings == ()


def test_no_to_the_walls_leaves_the_room_as_it_was(window):
    editor = open_at_one_pixel_per_cm(window, Plan("bare", rooms=(LIVING_ROOM,)))
    editor.use_tool(OpeningKind.WINDOW.value)
    seen: list[str] = []
    read_message_box(seen, QMessageBox.StandardButton.No)
    click(editor.view, 398, 150)
    assert len(seen) == 1
    assert editor.plan == Plan("bare", rooms=(LIVING_ROOM,))


def test_with_new_rooms_get_walls_off_a_rectangle_is_only_a_floor(editor, window):
    window.menus.actions["menu.walls_with_rooms"].trigger()  # a balcony: a railing, no walls
    editor.use_tool("rect_room")
    drag(editor.view, (0, 0), (300, 150))
    assert len(editor.plan.rooms) == 1 and editor.plan.walls == ()


def test_a_new_room_can_be_made_a_hallway_a_toilet_a_utility_or_a_storage_room(
    editor, window, qtbot
):
    editor.use_tool("rect_room")
    drag(editor.view, (0, 0), (200, 120))
    panel = window.session.properties
    qtbot.waitUntil(lambda: panel.element_id == editor.plan.rooms[0].id)  # it shows the new room
    combo = panel.inputs["room_kind"]
    names = [combo.itemText(i) for i in range(combo.count())]
    assert {"Gang", "Toilet", "Bryggers", "Depot"} <= set(names)
    choose(combo, "Bryggers", qtbot.waitUntil)
    assert editor.plan.rooms[0].kind is RoomKind.BRYGGERS
