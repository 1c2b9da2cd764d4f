"""What the editor says while one works: a refusal in red in the status line lasts until the
plan changes again (an undo, a later edit), and the note beside a dragged piece stays whole
inside the view, also at its edge. Real mouse and key events."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hjem.ui.scene.feedback import ConflictBubble
from tests.ui.conftest import open_sample
from tests.ui.driver import LEFT, NONE, drag, viewport_point

CTRL = Qt.KeyboardModifier.ControlModifier
SHOE_RACK = "p20"  # stands in the way to the bed (a walkway conflict)
SOFA_TABLE = "p3"  # stands on the sofa


def status(window):
    return window.status.hint


def move_shoe_rack(window, dy: float) -> None:
    rack = window.document.plan[SHOE_RACK]
    drag(window.session.view, (rack.center.x, rack.center.y), (rack.center.x, rack.center.y + dy))


def test_a_refusal_in_red_goes_with_undo(laptop_window, qtbot):
    window = laptop_window
    open_sample(window, qtbot, "3-vaerelser-konflikter")
    move_shoe_rack(window, 10)  # still in the way: the move is kept, and its problem said in red
    assert "spærrer vejen" in status(window).text()
    assert "b3261e" in status(window).styleSheet()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.session.view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "spærrer vejen" not in status(window).text())
    assert "b3261e" not in status(window).styleSheet()
    assert status(window).text()  # the tool's hint again


def test_a_later_edit_that_succeeds_replaces_the_refusal(laptop_window, qtbot):
    window = laptop_window
    open_sample(window, qtbot, "3-vaerelser-konflikter")
    move_shoe_rack(window, 10)
    assert "spærrer vejen" in status(window).text()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.document.selection == (SHOE_RACK,)
    QTest.keyClick(window.session.view, Qt.Key.Key_Delete)  # out of the way altogether
    qtbot.waitUntil(lambda: SHOE_RACK not in window.document.plan)
    assert "spærrer vejen" not in status(window).text()
    assert "b3261e" not in status(window).styleSheet()


def test_the_note_beside_a_piece_at_the_views_edge_stays_inside_the_view(laptop_window, qtbot):
    window = laptop_window
    open_sample(window, qtbot, "3-vaerelser-konflikter")
    view = window.session.view
    table = window.document.plan[SOFA_TABLE]
    # Scroll so the sofa table's right side is 40 px from the view's right edge.
    right = table.center.x + table.depth / 2
    half_width = view.viewport().width() / 2 / view.pixels_per_cm
    view.centerOn(QPointF(right - half_width + 40 / view.pixels_per_cm, table.center.y))
    QApplication.processEvents()
    start = viewport_point(view, table.center.x, table.center.y)
    QTest.mousePress(view.viewport(), LEFT, NONE, start)
    for step in range(1, 6):  # further onto the sofa, towards the edge
        QTest.mouseMove(view.viewport(), start + QPointF(4 * step, 0).toPoint())
    bubbles = [i for i in view.scene().items() if isinstance(i, ConflictBubble) and i.isVisible()]
    assert len(bubbles) == 1 and "sofabordet" in bubbles[0].text()
    on_screen = view.mapFromScene(bubbles[0].pos()).toPointF()
    shown = bubbles[0].boundingRect().translated(on_screen)
    QTest.mouseRelease(view.viewport(), LEFT, NONE, start + QPointF(20, 0).toPoint())
    assert QRectF(view.viewport().rect()).contains(shown)
