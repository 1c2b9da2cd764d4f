"""Issue #3's scripted acceptance: trace the 3-room sample apartment over its PDF floor plan
(calibrate, walls, rooms, doors with the entrance, windows) with real mouse and key events,
save, close, reopen, and get the same plan: the same walls, rooms and openings as the sample."""

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton

from hjem.floorplan.hjemfile import load_plan
from hjem.ui.main_window import MainWindow
from hjem.ui.recovery import Recovery
from hjem.ui.settings import Settings
from tests.conftest import ROOT, script
from tests.ui.driver import (
    choose,
    choose_file,
    click,
    double_click,
    drag,
    key,
    type_into_dialog,
    type_text,
)

SAMPLES = ROOT / "assets" / "samples"
SAMPLE = load_plan(SAMPLES / "3-vaerelser.hjem")
DPI = 150.0  # the background import renders PDF pages at 150 dpi


def page_to_plan(background, point_pt):
    """Where a point of the PDF page (points from its top-left) lies on the plan."""
    scale = DPI / 72 * background.cm_per_pixel
    return background.origin.x + point_pt[0] * scale, background.origin.y + point_pt[1] * scale


class Person:
    """A volunteer at the keyboard and mouse."""

    def __init__(self, window, qtbot):
        self.window, self.qtbot = window, qtbot
        self.view = window.session.editor.view

    def tool(self, name):
        self.window.menus.actions[f"tool:{name}"].trigger()

    def menu(self, key_):
        self.window.menus.actions[key_].trigger()

    def choose(self, combo: QComboBox, text: str):
        choose(combo, text, self.qtbot.waitUntil)

    def toolbar_choice(self, name, typed):
        self.choose(self.window.findChild(QComboBox, name), typed)

    def settled(self):
        """Wait until the properties panel shows what is selected."""
        panel, scene = self.window.session.properties, self.window.session.editor.scene
        self.qtbot.waitUntil(lambda: [panel.element_id] == scene.selected_ids())

    def field(self, key_, text):
        self.settled()
        widget = self.window.session.properties.inputs[key_]
        if isinstance(widget, QComboBox):
            self.choose(widget, text)
            return
        widget.setFocus()
        widget.selectAll()
        type_text(widget, text)
        key(widget, Qt.Key.Key_Return)
        self.qtbot.wait(5)

    def button(self, name):
        self.settled()
        QTest.mouseClick(
            self.window.session.properties.findChild(QPushButton, name), Qt.MouseButton.LeftButton
        )

    def tick(self, name):
        self.settled()
        box = self.window.session.properties.findChild(QCheckBox, name)
        QTest.mouseClick(
            box,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            QPoint(8, box.height() // 2),
        )

    def walls(self, *points):
        for x, y in points:
            click(self.view, x, y)
        key(self.view, Qt.Key.Key_Escape)

    def room(self, inside, name, kind):
        """A room from the walls around `inside`; a name only where the kind's name won't do."""
        double_click(self.view, *inside)
        if name:
            self.field("name", name)
        self.field("room_kind", kind)


def trace(person: Person):
    w = person.window
    # The housing association's PDF, calibrated on its 1030 cm dimension line.
    choose_file(SAMPLES / "3-vaerelser-plan.pdf")
    person.menu("menu.background.import")
    pdf_script = script("build_sample_pdf")
    (a, b, length), origin_pt = pdf_script.scale_reference(), pdf_script.ORIGIN_PT
    background = w.document.plan.background
    click(person.view, *page_to_plan(background, a))
    type_into_dialog(f"{length:g}")
    click(person.view, *page_to_plan(background, b))
    background = w.document.plan.background
    assert background.cm_per_pixel == pytest.approx(2.54 / DPI * 50, rel=0.002)  # the PDF is 1:50

    # Move it so the drawing's outer wall corner is at (0, 0), to the centimetre; lock it.
    person.menu("menu.snap")
    person.menu("menu.background.move")
    drag(person.view, page_to_plan(background, origin_pt), (0, 0), steps=10)
    # Then, zoomed in to one pixel per cm, the last few centimetres.
    person.view.resetTransform()
    person.view.centerOn(QPointF(0, 0))
    near = page_to_plan(w.document.plan.background, origin_pt)
    drag(person.view, near, (0, 0), steps=3)
    person.menu("menu.snap")
    person.menu("menu.background.lock")
    corner = page_to_plan(w.document.plan.background, origin_pt)
    assert abs(corner[0]) < 2 and abs(corner[1]) < 2
    person.view.resetTransform()  # zoom to one screen pixel per cm to draw

    # Walls: the outer ones 30 cm, the inner ones 12 cm, clicked on the 10 cm grid.
    person.tool("wall")
    person.toolbar_choice("wall_thickness", "Væg 30")
    person.walls((0, 0), (1000, 0), (1000, 820), (0, 820), (0, 0))
    person.toolbar_choice("wall_thickness", "Væg 12")
    for start, end in [
        ((0, 440), (1000, 440)),
        ((500, 0), (500, 440)),
        ((760, 0), (760, 440)),
        ((360, 440), (360, 820)),
        ((360, 560), (1000, 560)),
        ((600, 560), (600, 820)),
    ]:
        person.walls(start, end)

    # Rooms: a double-click between walls, then name and kind in the properties panel.
    person.tool("polygon_room")
    for inside, name, kind in [
        ((200, 200), "", "Stue"),
        ((630, 200), "", "Sov"),
        ((870, 200), "", "Bør"),
        ((180, 630), "", "Køk"),
        ((700, 500), "Gang", "Entré"),
        ((480, 700), "", "Bad"),
        ((800, 700), "", "Entré"),
    ]:
        person.room(inside, name, kind)
    person.tool("rect_room")
    person.menu("menu.snap")  # the balcony starts at the wall's outer face, off the 10 cm grid
    person.menu("menu.walls_with_rooms")  # a balcony has a railing, not walls
    click(person.view, 60, -165)
    type_text(person.view, "300 x 150")
    key(person.view, Qt.Key.Key_Return)
    person.menu("menu.walls_with_rooms")
    person.menu("menu.snap")
    person.field("room_kind", "Altan")

    # Doors, clicked on the side they open to, then measured exactly in the properties panel.
    person.tool("door")
    click(person.view, 800, 810)
    person.button("width_90")
    person.tick("field_entrance")
    click(person.view, 800, 550)
    person.field("width", "100")
    person.field("swing_angle", "0")
    click(person.view, 430, 430)
    person.button("flip_hinge")
    click(person.view, 560, 430)
    click(person.view, 820, 430)
    click(person.view, 350, 500)
    click(person.view, 480, 570)
    person.button("width_70")
    person.tool("french_door")
    click(person.view, 210, 10)
    person.button("width_90")

    # Windows, clicked from outside the wall.
    person.tool("window")
    click(person.view, 400, -10)
    person.field("width", "140")
    click(person.view, 630, -10)
    click(person.view, 875, -10)
    person.field("offset", "875")  # off the 10 cm grid: typed exactly
    click(person.view, -10, 620)
    person.field("sill_height", "100")


def corners(room):
    return sorted(room.polygon)


def test_tracing_the_sample_pdf_gives_the_sample_apartment(
    window, qtbot, tmp_path, recovery_folder
):
    window.new_plan()
    window.session.editor.view.resetTransform()  # one screen pixel per cm
    trace(Person(window, qtbot))
    traced = window.document.plan
    assert traced.walls == SAMPLE.walls
    assert traced.openings == SAMPLE.openings
    assert [(r.id, r.name, r.kind, corners(r)) for r in traced.rooms] == [
        (r.id, r.name, r.kind, corners(r)) for r in SAMPLE.rooms
    ]

    target = tmp_path / "familien.hjem"
    choose_file(target)
    window.menus.actions["menu.save_as"].trigger()
    assert not window.document.is_modified
    window.close()

    again = MainWindow(
        Settings(QSettings(str(tmp_path / "again.ini"), QSettings.Format.IniFormat)),
        Recovery(recovery_folder),
    )
    again.show()
    assert again.open_path(target)
    assert again.document.plan == traced
    assert again.document.plan.background == traced.background
    again.close()
