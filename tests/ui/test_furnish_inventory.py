"""Furnishing from the inventory with real mouse and key events: placing, dropping, finding a
spot, what fits, reservations offered and flagged, pieces to buy."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from hjem.floorplan.report import full_report
from hjem.inventory.items import get_item
from hjem.inventory.models import Status
from hjem.inventory.placing import Standing
from hjem.inventory.reservations import release, reserve
from hjem.ui.view import ITEM_MIME
from tests.floorplan.plans import row_plan
from tests.inventory.helpers import add_cases, available_item, donation
from tests.ui.driver import (
    BUNK_BED,
    LEFT,
    NONE,
    answer_to_buy,
    click,
    drag,
    key,
    read_message_box,
    viewport_point,
    when_dialog,
)

CASE = "FBH-2026-001"
# Two rooms: the living room x 0..400 and a bedroom x 412..712, both y 0..300.
PLAN = replace(row_plan(widths=(400, 300), window_sill=None), case_code=CASE)


@pytest.fixture
def stock(window):
    """Three donated items, free to have: a sofa, a dresser and a wardrobe."""
    with window.workspace().session() as session:
        add_cases(session, CASE, "FBH-2026-002")  # the plan's family, and another
        items = [
            available_item(session, donation("Sofa, grå", "sofa", (200, 90, 80), value_ore=80_000)),
            available_item(session, donation("Kommode", "kommode", (80, 45, 90), value_ore=30_000)),
            available_item(session, donation("Klædeskab", "klaedeskab", (100, 60, 200))),
        ]
        return {item.name: item.code for item in items}


@pytest.fixture
def furnishing(window, stock):
    window.show_plan(PLAN, None)
    view = window.session.editor.view
    view.resetTransform()  # one pixel per cm
    view.centerOn(QPointF(350, 150))
    return window.session.furnishing


def pick(furnishing, code):
    furnishing.panel.select(code)
    assert furnishing.panel.selected_code() == code


def standing_of(furnishing, piece_id):
    furnishing.furniture.refresh()
    return next(p.standing for p in furnishing.furniture.placed if p.placement.id == piece_id)


def status_of(window, code):
    with window.workspace().session() as session:
        return get_item(session, code).status


def test_the_panel_lists_the_free_items_and_search_narrows_them(window, furnishing, stock, qtbot):
    assert {r.code for r in furnishing.panel.rows} == set(stock.values())
    search = furnishing.panel.search
    QTest.mouseClick(search, LEFT)
    QTest.keyClicks(search, "kommode")
    key(search, Qt.Key.Key_Return)
    assert [r.code for r in furnishing.panel.rows] == [stock["Kommode"]]


def test_placing_an_item_with_the_mouse_offers_to_reserve_it_for_the_family(
    window, furnishing, stock
):
    pick(furnishing, stock["Kommode"])
    QTest.mouseClick(furnishing.panel.place_button, LEFT)
    seen = []
    read_message_box(seen)  # the offer: its default button reserves
    click(window.session.editor.view, 200, 150)
    piece = next(
        p for p in window.session.editor.plan.placements if p.inventory_item == stock["Kommode"]
    )
    assert (piece.width, piece.depth, piece.category) == (80, 45, "kommode")
    assert piece.center.x == pytest.approx(200) and piece.center.y == pytest.approx(150)
    assert CASE in seen[0] and stock["Kommode"] in seen[0]
    assert status_of(window, stock["Kommode"]) == Status.RESERVED
    assert standing_of(furnishing, piece.id) is Standing.RESERVED_HERE
    assert window.session.editor.view.tool.__class__.__name__ == "SelectTool"


def test_an_item_dragged_from_the_panel_lands_where_it_is_dropped(window, furnishing, stock):
    view = window.session.editor.view
    data = QMimeData()
    data.setData(ITEM_MIME, stock["Sofa, grå"].encode())
    at = QPointF(viewport_point(view, 200, 150))
    actions = Qt.DropAction.CopyAction
    seen = []
    read_message_box(seen, None)
    for event in (
        QDragEnterEvent(at.toPoint(), actions, data, Qt.MouseButton.LeftButton, NONE),
        QDragMoveEvent(at.toPoint(), actions, data, Qt.MouseButton.LeftButton, NONE),
        QDropEvent(at, actions, data, Qt.MouseButton.LeftButton, NONE),
    ):
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    sofa = next(p for p in window.session.editor.plan.placements if p.inventory_item)
    assert (sofa.label, sofa.width, sofa.depth) == ("Sofa, grå", 200, 90)
    assert sofa.center.x == pytest.approx(200) and sofa.center.y == pytest.approx(150)
    window.session.editor.document.undo_stack.undo()
    assert not window.session.editor.plan.placements


def test_find_a_spot_places_the_item_against_a_wall_without_any_conflict(window, furnishing, stock):
    pick(furnishing, stock["Klædeskab"])
    room = furnishing.panel.room
    room.setCurrentIndex(room.findData("r1"))  # the bedroom
    read_message_box([])
    QTest.mouseClick(furnishing.panel.spot_button, LEFT)
    plan = window.session.editor.plan
    wardrobe = next(p for p in plan.placements if p.inventory_item == stock["Klædeskab"])
    assert 412 <= wardrobe.center.x <= 712
    assert not full_report(plan)


def test_what_fits_lists_only_the_items_that_fit_the_marked_wall(window, furnishing, stock):
    window.session.editor.use_tool("what_fits")
    drag(window.session.editor.view, (420, 299), (540, 299))  # 120 cm of the bedroom's bottom wall
    listed = [r.code for r in furnishing.panel.rows]
    assert stock["Kommode"] in listed and stock["Klædeskab"] in listed
    assert stock["Sofa, grå"] not in listed  # 200 cm does not go along 120 cm
    assert listed.index(stock["Klædeskab"]) < listed.index(stock["Kommode"])  # best fit first
    pick(furnishing, stock["Kommode"])
    read_message_box([])
    QTest.mouseClick(furnishing.panel.place_button, LEFT)
    dresser = next(p for p in window.session.editor.plan.placements if p.inventory_item)
    assert dresser.center.x - 40 >= 420 - 1 and dresser.center.x + 40 <= 540 + 1
    assert not full_report(window.session.editor.plan)


def test_an_item_reserved_for_another_family_meanwhile_is_flagged(window, furnishing, stock):
    code = stock["Kommode"]
    pick(furnishing, code)
    QTest.mouseClick(furnishing.panel.place_button, LEFT)
    read_message_box([], None)
    click(window.session.editor.view, 200, 150)
    with window.workspace().session() as session:  # another volunteer takes it for FBH-2026-002
        release(session, code, "Lise")
        reserve(session, code, "FBH-2026-002", "Ole")
    piece = next(p for p in window.session.editor.plan.placements if p.inventory_item == code)
    assert standing_of(furnishing, piece.id) is Standing.RESERVED_ELSEWHERE
    item = window.session.editor.scene.item(piece.id)
    assert "anden familie" in item.flag and item.flag in item.toolTip()


def test_deleting_a_reserved_piece_offers_to_release_it(window, furnishing, stock):
    code = stock["Sofa, grå"]
    pick(furnishing, code)
    QTest.mouseClick(furnishing.panel.place_button, LEFT)
    read_message_box([])
    click(window.session.editor.view, 200, 150)
    assert status_of(window, code) == Status.RESERVED
    seen = []
    read_message_box(seen)
    key(window.session.editor.view, Qt.Key.Key_Delete)
    assert "Sofa, grå" in seen[0]
    assert status_of(window, code) == Status.AVAILABLE


def test_a_piece_to_buy_is_placed_with_its_price_and_counted_in_the_total(window, furnishing):
    answer_to_buy(BUNK_BED)
    QTest.mouseClick(furnishing.panel.buy_button, LEFT)
    click(window.session.editor.view, 560, 150)
    bought = window.session.editor.plan.placements[-1]
    assert (bought.label, bought.price_ore, bought.inventory_item) == ("Køjeseng", 149_950, None)
    furnishing.furniture.refresh()
    assert "1.499,50" in furnishing.furniture.total.text()


def decline(box):
    """Answer a reservation offer with "Ikke nu"."""
    not_now = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
    )
    QTest.mouseClick(not_now, LEFT)


def test_an_item_on_the_plan_is_not_offered_again(window, furnishing, stock):
    code = stock["Kommode"]
    pick(furnishing, code)
    QTest.mouseClick(furnishing.panel.place_button, LEFT)
    when_dialog(decline)
    click(window.session.editor.view, 200, 150)
    assert status_of(window, code) == Status.AVAILABLE  # declined: still free to have
    assert code not in [r.code for r in furnishing.panel.rows]
    window.session.editor.document.undo_stack.undo()
    assert code in [r.code for r in furnishing.panel.rows]
