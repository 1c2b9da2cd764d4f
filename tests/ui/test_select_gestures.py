"""The select tool's gestures with real mouse and key events: a wall corner dragged takes
every wall ending there along, a door dragged alone slides along its wall, Esc in the middle
of a drag puts everything back, and each gesture is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, OpeningKind, Plan, Wall
from tests.floorplan.plans import piece
from tests.ui.conftest import open_at_one_pixel_per_cm
from tests.ui.driver import LEFT, NONE, click, drag, key, viewport_point

CORNER = Point(400, 0)
PLAN = Plan(
    walls=(Wall("w1", Point(0, 0), CORNER), Wall("w2", CORNER, Point(400, 300))),
    openings=(Opening("d", "w1", OpeningKind.DOOR, 150, 80, opens_to="right"),),
    placements=(piece("table", "spisebord", (90, 90, 75), 200, 200),),
)


@pytest.fixture
def editor(window):
    return open_at_one_pixel_per_cm(window, PLAN)


def test_dragging_a_selected_walls_end_moves_the_corner_both_walls_share(editor):
    click(editor.view, 300, 0)  # the wall, away from its door
    assert editor.document.selection == ("w1",)
    drag(editor.view, (400, 0), (440, 30))
    assert editor.plan["w1"].end == Point(440, 30)
    assert editor.plan["w2"].start == Point(440, 30)
    assert editor.document.undo_stack.count() == 1  # one step for the whole drag
    editor.document.undo_stack.undo()
    assert editor.plan["w1"].end == CORNER and editor.plan["w2"].start == CORNER
    assert editor.document.selection == ("w1",)


def test_a_door_dragged_alone_slides_along_its_wall(editor):
    click(editor.view, 150, 20)  # inside the door's swing
    assert editor.document.selection == ("d",)
    drag(editor.view, (150, 20), (210, 60))
    assert editor.plan["d"].offset == 210 and editor.plan["d"].wall_id == "w1"
    assert editor.plan["w1"] == PLAN.walls[0]


def test_a_frame_and_a_drag_move_walls_and_pieces_but_the_door_rides_its_wall(editor):
    drag(editor.view, (-50, -50), (450, 350))
    assert set(editor.document.selection) == {"w1", "w2", "d", "table"}
    drag(editor.view, (200, 200), (220, 200))
    assert editor.plan["table"].center == Point(220, 200)
    assert editor.plan["w1"].start == Point(20, 0) and editor.plan["d"].offset == 150


def test_esc_in_the_middle_of_a_drag_puts_the_piece_back_and_changes_nothing(editor):
    start = viewport_point(editor.view, 200, 200)
    QTest.mousePress(editor.view.viewport(), LEFT, NONE, start)
    for step in range(1, 5):
        QTest.mouseMove(editor.view.viewport(), start + QPoint(step * 20, 0))
    item = editor.scene.item("table")
    assert item.pos().x() > 200  # shown where the mouse took it
    key(editor.view, Qt.Key.Key_Escape)
    assert item.pos().x() == 200 and editor.document.undo_stack.count() == 0
    QTest.mouseRelease(editor.view.viewport(), LEFT, NONE, start)
    assert editor.plan == PLAN and editor.document.selection == ("table",)
