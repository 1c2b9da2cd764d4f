"""The furniture list follows the plan by itself: a moment after an edit it asks the inventory
in the background and shows each piece's standing; an answer for a plan that has moved on is
not shown."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from hjem.floorplan.commands import AddElement
from hjem.inventory.placing import Standing, placement_for
from tests.floorplan.plans import row_plan
from tests.inventory.helpers import add_cases, available_item, donation

CASE = "FBH-2026-001"
PLAN = replace(row_plan(widths=(400, 300), window_sill=None), case_code=CASE)


@pytest.fixture
def kommode(window):
    with window.workspace().session() as session:
        add_cases(session, CASE)  # the plan's family
        item = available_item(session, donation("Kommode", "kommode", (80, 45, 90)))
        piece = replace(placement_for(item, "p1"), center=PLAN.rooms[0].polygon[0].moved(60, 60))
    window.show_plan(PLAN, None)
    return piece


def test_after_an_edit_the_list_shows_the_piece_and_its_standing_by_itself(window, qtbot, kommode):
    furniture = window.session.furnishing.furniture
    window.session.editor.apply(AddElement(kommode), "undo.place")
    qtbot.waitUntil(lambda: [p.placement.id for p in furniture.placed] == ["p1"])
    assert furniture.online and furniture.placed[0].standing is Standing.FREE
    assert furniture.reserve_button.isEnabled()  # free, and the plan is a case's


def test_an_answer_for_a_plan_that_has_moved_on_is_not_shown(window, qtbot, kommode):
    furniture = window.session.furnishing.furniture
    window.session.editor.apply(AddElement(kommode), "undo.place")
    furniture.look_again()  # asked for the plan with the piece ...
    window.document.undo_stack.undo()  # ... which goes again before the answer comes
    furniture.refresh()
    assert furniture.placed == []
    assert QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()  # the late answer arrives
    assert furniture.placed == []
