"""*Hvad passer her?* along a bedroom wall of the empty sample apartment, with the demo
inventory: only floor furniture that belongs in a bedroom is listed (issue 11, point 17)."""

from dataclasses import replace

from PySide6.QtCore import QPointF

from hjem.floorplan.hjemfile import load_plan
from hjem.floorplan.model import RoomKind
from hjem.floorplan.room_use import BELONGS_IN, FLOOR_STANDING
from hjem.inventory.demo import fill_demo
from tests.conftest import ROOT
from tests.ui.driver import drag

SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"


def test_what_fits_along_a_bedroom_wall_lists_only_bedroom_furniture(window):
    with window.workspace().session() as session:
        fill_demo(session, "Demo")
    plan = replace(load_plan(SAMPLE), placements=())
    assert plan["r2"].kind is RoomKind.SOVEVAERELSE  # x 506..754
    window.show_plan(plan, None)
    editor = window.session.editor
    editor.view.resetTransform()  # one pixel per cm
    editor.view.centerOn(QPointF(600, 230))
    editor.use_tool("what_fits")
    drag(editor.view, (507, 40), (507, 420))  # the bedroom's left wall
    categories = {row.category for row in window.session.furnishing.panel.rows}
    assert {"seng", "klaedeskab"} <= categories
    assert categories <= BELONGS_IN[RoomKind.SOVEVAERELSE] & FLOOR_STANDING
