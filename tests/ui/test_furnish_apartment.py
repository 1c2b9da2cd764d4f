"""The issue's "done when": on the empty 3-room sample apartment, a volunteer furnishes every
room from the demo inventory with find-a-spot, what-fits and a drag, and ends with a plan that
`hjem check` passes."""

import subprocess
import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from hjem.floorplan.hjemfile import load_plan, save_plan
from hjem.floorplan.shapes import room_at
from hjem.i18n import tr
from hjem.inventory.demo import fill_demo
from tests.conftest import ROOT
from tests.inventory.helpers import add_cases
from tests.ui.driver import LEFT, choose, click, drag, read_message_box

SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"
# What each room gets, by inventory category (the panel's filter), as an architect would.
ROOMS = {
    "Stue": ["sofa", "reol", "laenestol"],
    "Soveværelse": ["seng", "klaedeskab"],
    "Børneværelse": ["seng", "skrivebord"],
    "Køkken": ["koeleskab"],
}


@pytest.fixture
def apartment(window):
    with window.workspace().session() as session:
        fill_demo(session, "Demo")
        add_cases(session, "FBH-2026-014")  # the family the pieces are reserved for
    empty = replace(load_plan(SAMPLE), placements=(), case_code="FBH-2026-014")
    window.show_plan(empty, None)
    return window


def find_a_spot(window, qtbot, category, room):
    panel = window.session.furnishing.panel
    choose(panel.category, category_name(category), qtbot.waitUntil)
    choose(panel.room, room, qtbot.waitUntil)
    before = len(window.session.editor.plan.placements)
    reasons = []
    window.session.editor.error_did_happen.connect(reasons.append)
    for row in range(panel.list.count()):  # the first item that has a spot in the room
        panel.list.setCurrentRow(row)
        read_message_box([])  # yes, reserve it for the family
        QTest.mouseClick(panel.spot_button, LEFT)
        if len(window.session.editor.plan.placements) > before:
            return window.session.editor.plan.placements[-1]
        QTest.qWait(50)  # no spot: the reason is shown, and the next item is tried
    raise AssertionError(f"no {category} found a spot in {room}: {reasons}")


def category_name(category):
    return tr(f"category.{category}.name")


def room_name(room):
    return room.name or tr(f"room_kind.{room.kind.value}.name")


def test_a_volunteer_furnishes_the_sample_apartment_and_hjem_check_passes(
    apartment, qtbot, tmp_path
):
    window = apartment
    for room, categories in ROOMS.items():
        for category in categories:
            piece = find_a_spot(window, qtbot, category, room)
            placed_in = room_at(window.session.editor.plan, piece.center)
            assert placed_in is not None and room_name(placed_in) == room
    # What fits along the living room's free left wall, put where it fits.
    window.session.editor.use_tool("what_fits")
    view = window.session.editor.view
    view.resetTransform()
    view.centerOn(QPointF(100, 250))
    drag(view, (16, 120), (16, 330))
    panel = window.session.furnishing.panel
    assert panel.rows, "something fits along the wall"
    panel.list.setCurrentRow(0)
    read_message_box([])
    QTest.mouseClick(panel.place_button, LEFT)
    # And a floor lamp put down by hand beside the sofa.
    choose(panel.category, category_name("lampe"), qtbot.waitUntil)
    panel.list.setCurrentRow(0)
    QTest.mouseClick(panel.place_button, LEFT)
    read_message_box([])
    click(view, 300, 260)
    plan = window.session.editor.plan
    assert len(plan.placements) == sum(len(c) for c in ROOMS.values()) + 2
    assert all(p.inventory_item for p in plan.placements)
    window.session.furnishing.furniture.refresh()
    assert all(
        p.standing.value == "reserved_here" for p in window.session.furnishing.furniture.placed
    )
    path = tmp_path / "hjem-til-familien.hjem"
    save_plan(plan, path)
    checked = subprocess.run(
        [sys.executable, "-m", "hjem", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout
