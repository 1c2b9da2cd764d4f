"""A room is called the same on every screen, as `room_names.display_name` names it: a typed
"Soveværelse" reads "Bedroom" on an English screen, on the plan, in the properties panel, in
the furniture list and in "find a spot"; a name of spaces is no name. Real mouse events."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from hjem.floorplan.model import RoomKind
from hjem.i18n import set_language
from tests.floorplan.plans import piece, row_plan
from tests.ui.conftest import open_at_one_pixel_per_cm
from tests.ui.driver import click


def _plan(names: tuple[str, str]):
    plan = row_plan(widths=(400, 300), kinds=(RoomKind.SOVEVAERELSE, RoomKind.STUE))
    rooms = tuple(replace(r, name=n) for r, n in zip(plan.rooms, names, strict=True))
    chair = piece("chair", "stol", (45, 45, 90), 100, 100, label="Stol")
    return replace(plan, rooms=rooms, placements=(chair,))


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("da")


def _shown(window, qtbot):
    """What the room in the middle of the plan's left room is called on each screen."""
    editor = window.session.editor
    click(editor.view, 300, 200)  # the bedroom's free floor, away from the chair
    qtbot.waitUntil(lambda: editor.document.selection == ("r0",))
    furniture = window.session.furnishing.furniture
    qtbot.waitUntil(lambda: furniture.table.rowCount() == 1)
    QApplication.processEvents()
    combo = window.session.furnishing.panel.room
    return {
        "plan": editor.scene.item("r0").label.text().split("\n")[0],
        "properties": window.session.properties.title.text(),
        "list": furniture.table.item(0, 0).text(),
        "rooms": [combo.itemText(i) for i in range(combo.count())],
    }


def test_a_typed_kind_name_reads_in_the_screen_language_everywhere(window, qtbot, english):
    open_at_one_pixel_per_cm(window, _plan(("Soveværelse", "")))
    shown = _shown(window, qtbot)
    assert shown["plan"] == "Bedroom"
    assert shown["properties"] == "Bedroom"
    assert "Bedroom" in shown["list"] and "Soveværelse" not in shown["list"]
    assert shown["rooms"] == ["Bedroom", "Living room"]


def test_a_name_of_spaces_is_no_name_and_an_own_name_stays(window, qtbot):
    open_at_one_pixel_per_cm(window, _plan(("   ", "Emmas værelse")))
    shown = _shown(window, qtbot)
    assert shown["plan"] == shown["properties"] == "Soveværelse"
    assert shown["rooms"] == ["Soveværelse", "Emmas værelse"]
