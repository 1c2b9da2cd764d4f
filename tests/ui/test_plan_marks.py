"""One mark per meaning on the plan: a piece not yet reserved for the family carries a quiet
blue dot, one another family has an amber warning triangle, and red stays for conflicts."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from hjem.inventory.reservations import release, reserve
from hjem.ui.scene import style
from hjem.ui.scene.marks import TO_RESERVE, UNAVAILABLE, Mark
from tests.conftest import ROOT
from tests.inventory.helpers import add_cases, available_item, donation
from tests.ui.driver import LEFT, click, read_message_box, when_dialog
from tests.ui.test_furnish_inventory import CASE, PLAN, decline


@pytest.fixture
def dresser(window):
    with window.workspace().session() as session:
        add_cases(session, CASE, "FBH-2026-002")  # the plan's family, and another
        return available_item(session, donation("Kommode", "kommode", (80, 45, 90))).code


@pytest.fixture
def furnishing(window, dresser):
    window.show_plan(PLAN, None)
    view = window.session.editor.view
    view.resetTransform()  # one pixel per cm
    view.centerOn(QPointF(350, 150))
    return window.session.furnishing


def place(window, furnishing, code, answer):
    furnishing.panel.select(code)
    QTest.mouseClick(furnishing.panel.place_button, LEFT)
    answer()
    click(window.session.editor.view, 200, 150)
    furnishing.furniture.refresh()
    piece = next(p for p in window.session.editor.plan.placements if p.inventory_item == code)
    return window.session.editor.scene.item(piece.id)


def mark_colour(window, item) -> QColor:
    """The colour on screen at the middle of the piece's mark (its back left corner)."""
    view = window.session.editor.view
    corner = item.mapToScene(QPointF(-item.size[0] / 2, -item.size[1] / 2))
    at = view.mapFromScene(corner) + QPointF(8, 8).toPoint()
    return view.viewport().grab().toImage().pixelColor(at)


def close_to(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 40


def test_a_piece_not_yet_reserved_has_a_quiet_blue_dot_not_the_conflict_red(
    window, furnishing, dresser
):
    item = place(window, furnishing, dresser, lambda: when_dialog(decline))
    assert item.mark is Mark.TO_RESERVE
    colour = mark_colour(window, item)
    assert close_to(colour, TO_RESERVE) and not close_to(colour, style.CONFLICT)
    assert item.toolTip().startswith("Blå prik: ikke reserveret")


def test_a_piece_another_family_took_has_an_amber_triangle(window, furnishing, dresser):
    item = place(window, furnishing, dresser, lambda: read_message_box([], None))
    assert item.mark is None  # reserved for this family: nothing to mark
    with window.workspace().session() as session:  # another volunteer takes it for FBH-2026-002
        release(session, dresser, "Lise")
        reserve(session, dresser, "FBH-2026-002", "Ole")
    window.session.furnishing.furniture.refresh()
    assert item.mark is Mark.UNAVAILABLE
    colour = mark_colour(window, item)
    assert close_to(colour, UNAVAILABLE) and not close_to(colour, style.CONFLICT)
    assert item.toolTip().startswith("Orange trekant") and "anden familie" in item.toolTip()


def test_a_red_piece_says_why_when_the_mouse_is_over_it(window):
    window.open_path(ROOT / "assets" / "samples" / "3-vaerelser-konflikter.hjem")
    window.session.conflicts.refresh()
    scene = window.session.editor.scene
    red = [i for i in scene.items() if getattr(i, "in_conflict", False)]
    assert red
    for item in red:
        assert item.toolTip() and item.toolTip() == item.conflict_note
    report = window.session.editor.document.report.conflicts
    sofa_table = next(c for c in report if c.kind.value == "overlap").elements[0]
    assert "hinanden" in scene.item(sofa_table).toolTip()
