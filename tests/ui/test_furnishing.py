"""Furnishing with real mouse and key events: live conflict feedback, magnetism, turning."""

import pytest
import shapely
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hjem.floorplan.conflicts import ConflictKind
from hjem.floorplan.geometry import Point
from hjem.floorplan.shapes import footprint
from tests.floorplan.plans import furnished, piece, row_plan
from tests.ui.driver import LEFT, NONE, click, drag, key, viewport_point

# One room, inner faces x 0..400, y 0..300; the 90 cm entrance door at x 255..345 in the top
# wall swings into the room.
PLAN = furnished(
    row_plan(widths=(400,), window_sill=None), piece("k", "kommode", (80, 45, 90), 150, 200)
)


@pytest.fixture
def editor(window):
    window.show_plan(PLAN, None)
    view = window.session.editor.view
    view.resetTransform()
    view.scale(1.0, 1.0)  # one pixel per cm
    view.centerOn(QPointF(200, 150))
    return window.session.editor


def press_and_move(view, start, end, steps=6):
    a = viewport_point(view, *start)
    b = view.mapFromScene(QPointF(*end))
    QTest.mousePress(view.viewport(), LEFT, NONE, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(view.viewport(), a + (b - a) * i / steps)
    return b


def conflict_kinds(window, element_id):
    return {c.kind for c in window.session.conflicts.conflicts if element_id in c.elements}


def test_dragging_a_piece_into_a_door_swing_shows_why_at_once_and_undo_brings_it_back(
    window, editor, qtbot
):
    view = editor.view
    end = press_and_move(view, (150, 200), (300, 60))
    bubble = view.tool.state.drag.bubble
    item = editor.scene.item("k")
    assert item.in_conflict and bubble.isVisible()
    assert "døren" in bubble.text() and "Kommoden" in bubble.text()
    QTest.mouseRelease(view.viewport(), LEFT, NONE, end)
    assert bubble.scene() is None  # the drawing aids go when the drag ends
    moved = editor.plan["k"]
    assert (moved.center.x, moved.center.y) == pytest.approx((300, 60))
    qtbot.waitUntil(lambda: ConflictKind.DOOR_SWING in conflict_kinds(window, "k"))
    drag(view, (300, 60), (150, 150))
    qtbot.waitUntil(lambda: not conflict_kinds(window, "k"))
    assert not editor.scene.item("k").in_conflict
    editor.document.undo_stack.undo()
    assert editor.plan["k"].center == Point(300, 60)
    qtbot.waitUntil(lambda: ConflictKind.DOOR_SWING in conflict_kinds(window, "k"))


def test_a_piece_dragged_near_a_wall_turns_its_back_to_it_and_stands_against_it(editor):
    drag(editor.view, (150, 200), (150, 280))  # front edge 8 cm from the bottom wall
    moved = editor.plan["k"]
    assert moved.rotation == pytest.approx(180)
    assert moved.center.y == pytest.approx(300 - 22.5)


def test_holding_alt_switches_magnetism_off(editor):
    view = editor.view
    start, end = viewport_point(view, 150, 200), view.mapFromScene(QPointF(150, 280))
    QTest.mousePress(view.viewport(), LEFT, NONE, start)
    alt = Qt.KeyboardModifier.AltModifier
    # QTest moves the mouse without modifiers: send the move a held-down Alt key gives.
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(end),
        QPointF(view.viewport().mapToGlobal(end)),
        Qt.MouseButton.NoButton,
        LEFT,
        alt,
    )
    QApplication.sendEvent(view.viewport(), move)
    QTest.mouseRelease(view.viewport(), LEFT, alt, end)
    moved = editor.plan["k"]
    assert (moved.center, moved.rotation) == (Point(150, 280), 0)


def test_the_rotation_handle_turns_the_piece_in_15_degree_steps(editor):
    view = editor.view
    click(view, 150, 200)
    item = editor.scene.item("k")
    assert item.handle.isVisible()
    handle = item.handle.mapToScene(item.handle.boundingRect().center())
    # Swing the handle a quarter turn clockwise about the piece's centre (150, 200).
    dx, dy = handle.x() - 150, handle.y() - 200
    drag(view, (handle.x(), handle.y()), (150 - dy + 3, 200 + dx), steps=8)
    assert editor.plan["k"].rotation == 90
    assert editor.plan["k"].center == Point(150, 200)
    editor.document.undo_stack.undo()
    assert editor.plan["k"].rotation == 0


def test_r_turns_the_selected_piece_a_quarter_and_arrows_nudge_it(editor):
    view = editor.view
    click(view, 150, 200)
    key(view, Qt.Key.Key_R)
    key(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.plan["k"].rotation == 90
    assert editor.plan["k"].center == Point(160, 200)


def test_a_rooms_name_moves_out_from_under_a_piece_dragged_onto_it(editor, qtbot):
    """The commode, dragged with the mouse onto the room's name: the name moves to free floor."""
    room = editor.scene.item(editor.plan.rooms[0].id)
    label = room.label.pos()
    commode = editor.plan["k"]
    drag(editor.view, (commode.center.x, commode.center.y), (label.x(), label.y()), steps=8)
    moved = editor.plan["k"]
    assert moved.center != commode.center
    size = room.label.boundingRect().size()  # pixels, which are cm at this zoom
    now = room.label.pos()
    assert now != label
    name_box = shapely.box(
        now.x() - size.width() / 2,
        now.y() - size.height() / 2,
        now.x() + size.width() / 2,
        now.y() + size.height() / 2,
    )
    assert not footprint(moved).intersects(name_box)
