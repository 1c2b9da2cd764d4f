"""A volunteer overrides a piece's free floor in the properties panel (issue 18): a dining
table's seats for the household, a chest's depth in front; the conflict list follows, the file
keeps it and one undo takes it back."""

import pytest
from PySide6.QtCore import QPointF, Qt

from hjem.floorplan.conflicts import ConflictKind
from hjem.floorplan.shapes import clearance_of
from tests.floorplan.plans import furnished, piece, row_plan
from tests.ui.driver import click, key, type_text

# A 120 × 80 table in the bottom-left corner of a 300 × 300 room: a long side and an end are
# free, three seats.
PLAN = furnished(
    row_plan((300.0,), 300.0, entrance_at=250, window_sill=None),
    piece("t", "spisebord", (120, 80, 75), 60, 260),
    piece("k", "kommode", (80, 45, 90), 250, 277.5, 180.0),  # against the bottom wall
)


@pytest.fixture
def editor(window):
    window.show_plan(PLAN, None)
    view = window.session.editor.view
    view.resetTransform()
    view.scale(1.0, 1.0)
    view.centerOn(QPointF(150, 150))
    return window.session.editor


def clearance_conflicts(window, element_id):
    return [
        c
        for c in window.session.conflicts.conflicts
        if c.kind is ConflictKind.CLEARANCE and c.elements[0] == element_id
    ]


def enter(panel, key_, text):
    field = panel.inputs[key_]
    field.setFocus()
    field.selectAll()
    type_text(field, text)
    key(field, Qt.Key.Key_Return)


def test_a_table_set_to_seat_four_in_a_corner_is_told_there_is_room_for_three(
    editor, window, qtbot
):
    click(editor.view, 60, 260)
    panel = window.session.properties
    qtbot.waitUntil(lambda: "seats" in panel.inputs)
    assert panel.inputs["seats"].text() == "2"
    assert clearance_conflicts(window, "t") == []
    enter(panel, "seats", "4")
    assert clearance_of(editor.plan["t"]).seats == 4
    qtbot.waitUntil(lambda: clearance_conflicts(window, "t") != [])
    (found,) = clearance_conflicts(window, "t")
    assert "plads til 4 stole ved spisebordet" in found.message.texts()["da"]
    editor.document.undo_stack.undo()
    assert editor.plan["t"].clearance is None
    qtbot.waitUntil(lambda: clearance_conflicts(window, "t") == [])


def test_a_chest_needs_less_room_in_front_when_the_volunteer_says_so(editor, window, qtbot):
    crowded = furnished(PLAN, piece("s", "stol", (45, 45, 90), 250, 180))  # 52 cm in front
    window.show_plan(crowded, None)
    qtbot.waitUntil(lambda: clearance_conflicts(window, "k") != [])
    click(editor.view, 250, 277)
    panel = window.session.properties
    qtbot.waitUntil(lambda: "free_floor" in panel.inputs)
    assert "seats" not in panel.inputs  # only a table seats people
    assert panel.inputs["free_floor"].text() == "90"
    enter(panel, "free_floor", "50")
    qtbot.waitUntil(lambda: clearance_conflicts(window, "k") == [])
    assert clearance_of(editor.plan["k"]).depth == 50
