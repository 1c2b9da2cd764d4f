"""Dragging an item out of the Lager panel carries the piece at true size at the plan's zoom,
held by its middle, not the blue list row that covered where one aims."""

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QDrag
from PySide6.QtTest import QTest

from hjem.ui.view import ITEM_MIME
from tests.ui.driver import LEFT, NONE
from tests.ui.test_furnish_inventory import PLAN, stock  # noqa: F401 (a fixture)


@pytest.fixture
def panel(window, stock):  # noqa: F811
    window.show_plan(PLAN, None)
    view = window.session.editor.view
    view.resetTransform()
    view.scale(0.6, 0.6)  # 0.6 pixels per cm
    view.centerOn(QPointF(350, 150))
    return window.session.furnishing.panel


def drag_out_of_the_list(panel, code):
    """Press on the item's row and move the mouse as a person starts a drag; what the drag
    carried (offscreen, Qt's drag ends at once, and the drag stays with its source)."""
    listing = panel.list
    panel.select(code)
    row = listing.visualItemRect(listing.currentItem()).center()
    viewport = listing.viewport()
    QTest.mousePress(viewport, LEFT, NONE, row)
    for step in range(1, 6):
        QTest.mouseMove(viewport, row + QPoint(8 * step, 4 * step))
    QTest.mouseRelease(viewport, LEFT, NONE, row + QPoint(40, 20))
    drags = listing.findChildren(QDrag)
    assert len(drags) == 1
    assert bytes(drags[0].mimeData().data(ITEM_MIME).data()).decode() == code
    return {"pixmap": drags[0].pixmap(), "hot_spot": drags[0].hotSpot()}


def test_the_drag_carries_the_sofa_at_true_size_held_by_its_middle(panel, stock):  # noqa: F811
    seen = drag_out_of_the_list(panel, stock["Sofa, grå"])
    pixmap = seen["pixmap"]
    size = pixmap.deviceIndependentSize()
    assert (size.width(), size.height()) == (120, 54)  # 200 × 90 cm at 0.6 px per cm
    assert seen["hot_spot"] == QPoint(60, 27)
    row = panel.list.visualItemRect(panel.list.currentItem())
    assert size.width() != row.width()  # not the list's row


def test_the_drag_image_follows_the_zoom_and_the_piece(window, panel, stock):  # noqa: F811
    window.session.editor.view.scale(2, 2)  # 1.2 pixels per cm
    pixmap, hot_spot = panel.list.drag_image(stock["Klædeskab"])
    size = pixmap.deviceIndependentSize()
    assert (size.width(), size.height()) == (120, 72)  # 100 × 60 cm
    assert hot_spot == QPoint(60, 36)
    image = pixmap.toImage()
    middle = image.pixelColor(60, 36)
    assert 0 < middle.alpha() < 255  # faint: the live piece under it shows through
