"""On a volunteer's laptop (the suite's screen is 1366 × 768): the windows open whole on the
screen, an opened plan shows all its walls, the panels keep their widths whatever is selected,
and each panel has room for what it lists. Real clicks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTabBar

from hjem.budget.demo import fill_demo_workspace
from hjem.cases.demo import DEMO_CASE
from hjem.floorplan.model import OpeningKind
from hjem.i18n import set_language
from hjem.ui.screen_fit import fitted
from tests.ui.conftest import open_sample
from tests.ui.driver import LEFT, click, when_dialog

SAMPLES = ("2-vaerelser", "3-vaerelser", "3-vaerelser-konflikter")


def available() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def test_the_suite_runs_on_a_laptop_screen(qapp):
    assert QGuiApplication.primaryScreen().geometry().size() == QSize(1366, 768)


def test_the_main_window_opens_whole_on_the_screen_and_stays_so_with_a_plan(laptop_window, qtbot):
    assert available().contains(laptop_window.frameGeometry())
    open_sample(laptop_window, qtbot, "3-vaerelser")
    assert available().contains(laptop_window.frameGeometry())


def test_the_editor_can_be_made_narrower_than_the_laptop_screen(laptop_window, qtbot):
    open_sample(laptop_window, qtbot, "3-vaerelser")
    assert laptop_window.minimumSizeHint().width() <= 1024


def test_a_window_and_its_title_bar_fit_a_screen_less_its_task_bar(qapp):
    work_area = QRect(0, 0, 1366, 728)  # 40 px of task bar at the bottom
    inner = fitted(QSize(1440, 900), work_area)
    assert work_area.contains(inner.adjusted(-8, -32, 8, 8))  # borders and a title bar
    assert fitted(QSize(800, 600), work_area).size() == QSize(800, 600)  # room enough: as asked


def test_the_inventory_window_opens_whole_on_the_screen(laptop_window, qtbot):
    laptop_window.open_inventory()
    inventory = laptop_window.inventory_window
    qtbot.waitExposed(inventory)
    assert available().contains(inventory.frameGeometry())


def wall_on_screen(view, wall) -> QRectF:
    half = wall.thickness / 2
    scene = QRectF(
        min(wall.start.x, wall.end.x) - half,
        min(wall.start.y, wall.end.y) - half,
        abs(wall.end.x - wall.start.x) + wall.thickness,
        abs(wall.end.y - wall.start.y) + wall.thickness,
    )
    return QRectF(view.mapFromScene(scene).boundingRect())


@pytest.mark.parametrize("sample", SAMPLES)
def test_an_opened_plan_shows_every_wall_whole(laptop_window, qtbot, sample):
    open_sample(laptop_window, qtbot, sample)
    view = laptop_window.session.view
    seen = QRectF(view.viewport().rect())
    cut = [
        w.id
        for w in laptop_window.document.plan.walls
        if not seen.contains(wall_on_screen(view, w))
    ]
    assert cut == []


def door_middle(plan):
    door = next(o for o in plan.openings if o.kind is OpeningKind.DOOR)
    wall = plan[door.wall_id]
    return door, wall.point_at(door.offset)  # an opening is centred `offset` along its wall


def test_the_plan_stays_put_whatever_is_selected(laptop_window, qtbot):
    open_sample(laptop_window, qtbot, "3-vaerelser-konflikter")
    window, plan = laptop_window, laptop_window.document.plan
    view, properties = window.session.view, window.session.properties
    where = lambda: (view.viewport().mapTo(window, QPoint(0, 0)), view.viewport().width())  # noqa: E731
    before = where()
    door, door_point = door_middle(plan)
    sofa = plan["p1"]
    targets = [
        (door.id, door_point),
        ("p1", sofa.center),
        (plan.rooms[0].id, None),
        (plan.walls[0].id, None),
    ]
    for element_id, point in targets:
        if point is None:
            window.document.select([element_id])  # a room or wall: its middle may be covered
        else:
            click(view, point.x, point.y)
        qtbot.waitUntil(lambda e=element_id: properties.element_id == e)
        QApplication.processEvents()
        assert where() == before, element_id


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_form_fits_the_properties_panel_without_squeezing(laptop_window, qtbot, language):
    open_sample(laptop_window, qtbot, "3-vaerelser-konflikter")
    set_language(language)
    properties, document = laptop_window.session.properties, laptop_window.document
    squeezed = []
    try:
        for element in document.plan.elements():
            document.select([element.id])
            qtbot.waitUntil(lambda e=element: properties.element_id == e.id)
            if properties.minimumSizeHint().width() > properties.width():
                squeezed.append(element.id)
    finally:
        set_language("da")
    assert squeezed == []


def test_the_door_buttons_show_their_words_whole(laptop_window, qtbot):
    open_sample(laptop_window, qtbot, "3-vaerelser-konflikter")
    window = laptop_window
    door, point = door_middle(window.document.plan)
    click(window.session.view, point.x, point.y)
    properties = window.session.properties
    qtbot.waitUntil(lambda: properties.element_id == door.id)
    QApplication.processEvents()
    for name in ("flip_side", "flip_hinge", "width_70", "width_80", "width_90"):
        button = properties.findChild(QPushButton, name)
        assert button.isVisible(), name
        assert button.fontMetrics().horizontalAdvance(button.text()) <= button.width(), name
        assert button.width() >= button.sizeHint().width(), name  # nothing cut or squeezed


def test_the_conflicts_panel_lists_all_seven_conflicts_without_scrolling(laptop_window, qtbot):
    open_sample(laptop_window, qtbot, "3-vaerelser-konflikter")
    conflicts = laptop_window.session.conflicts
    qtbot.waitUntil(lambda: conflicts.list.count() == 7)
    QApplication.processEvents()
    assert conflicts.list.verticalScrollBar().maximum() == 0


def test_the_furniture_list_shows_each_piece_of_the_demo_flat_without_scrolling(
    laptop_window, qtbot
):
    window = laptop_window
    with window.workspace().session() as session:
        fill_demo_workspace(session, "Test", dt.date(2026, 12, 2))
    assert window.open_case_plan(DEMO_CASE.code)
    furniture = window.session.furnishing.furniture
    QApplication.processEvents()  # the panels dock, their tabs appear
    tabs = next(
        bar
        for bar in window.findChildren(QTabBar)
        if any(bar.tabText(i) == "Møbelliste" for i in range(bar.count()))
    )
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Møbelliste")
    QTest.mouseClick(tabs, LEFT, pos=tabs.tabRect(index).center())
    qtbot.waitUntil(lambda: furniture.isVisible() and furniture.table.rowCount() == 10)
    QApplication.processEvents()
    table = furniture.table
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert all("\n" in name for name in names)  # each name with its room and standing
    assert table.horizontalScrollBar().maximum() == 0


def demo_case_plan_open(window) -> None:
    with window.workspace().session() as session:
        fill_demo_workspace(session, "Test", dt.date(2026, 12, 2))
    assert window.open_case_plan(DEMO_CASE.code)
    QApplication.processEvents()


def test_a_long_name_in_the_properties_shows_its_beginning(laptop_window, qtbot):
    demo_case_plan_open(laptop_window)
    window = laptop_window
    sofa = next(p for p in window.document.plan.placements if p.label.startswith("Sofa, 3-"))
    window.document.select([sofa.id])
    properties = window.session.properties
    qtbot.waitUntil(lambda: properties.element_id == sofa.id)
    QApplication.processEvents()  # the form is laid out in the panel
    name = properties.inputs["label"]
    assert name.fontMetrics().horizontalAdvance(name.text()) > name.width()  # it is long
    assert name.cursorPosition() == 0  # so the field is scrolled to the name's start
    other = next(p for p in window.document.plan.placements if p.label.startswith("Dobbeltseng"))
    window.document.select([other.id])  # the same form, filled anew
    qtbot.waitUntil(lambda: properties.element_id == other.id)
    assert properties.inputs["label"].cursorPosition() == 0


def test_the_print_dialog_and_its_title_bar_fit_the_laptop_screen(laptop_window, qtbot):
    demo_case_plan_open(laptop_window)
    seen = []

    def answer(dialog):
        seen.append(dialog.geometry())
        dialog.reject()

    when_dialog(answer)
    laptop_window.printing.print_case(DEMO_CASE.code)
    assert seen
    assert available().contains(seen[0].adjusted(-8, -32, 8, 8))  # borders and a title bar
