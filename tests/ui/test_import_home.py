"""*Filer → Importér fra Sweet Home 3D …* in the real window, with real clicks and keys: the
file dialog, the level question, the plan in the editor as a new unsaved plan, the report."""

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

from tests.floorplan.sh3d.homes import box_walls, door, element, piece, room, wall, write_home
from tests.fuzz.test_sh3d_hostile import CORPUS
from tests.ui.driver import LEFT

LEVELS = [
    element("level", id="a", name="Stueetage", elevation=0, floorThickness=12, height=250),
    element("level", id="b", name="1. sal", elevation=250, floorThickness=12, height=250),
]


def when(kind, answer, tries=500):
    """Answer the next visible modal dialog of `kind` (others, closing, are waited out)."""

    def attempt(left=tries):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answer(dialog)
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)


def choose(path, then=None):
    def answer(dialog):
        dialog.selectFile(str(path))
        dialog.accept()
        if then is not None:
            then()

    when(QFileDialog, answer)


def read_box(seen):
    def answer(box):
        seen.append((box.objectName(), box.text()))
        QTest.mouseClick(box.button(QMessageBox.StandardButton.Ok), LEFT)

    when(QMessageBox, answer)


def pick_from_menu(window, qtbot):
    bar = window.menuBar()
    files = next(a for a in bar.actions() if a.text().replace("&", "") == "Filer")
    QTest.mouseClick(bar, LEFT, pos=bar.actionGeometry(files).center())
    menu = files.menu()
    qtbot.waitUntil(menu.isVisible)
    action = window.menus.actions["sh3d.ui.menu"]
    assert action.text() == "Importér fra Sweet Home 3D …" and action.isEnabled()
    QTest.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())


def test_a_home_with_levels_comes_in_on_the_chosen_level(window, qtbot, tmp_path):
    home = write_home(
        tmp_path / "hus.sh3d",
        *LEVELS,
        *[w.replace("<wall ", "<wall level='a' ") for w in box_walls()],
        room("Stue", [(10, 10), (590, 10), (590, 390), (10, 390)], level="a"),
        door("Door", 300, 0, level="a"),
        piece("Sofa", 300, 200, 200, 90, 80, level="a"),
        piece("Vase", 300, 200, 20, 20, 40, elevation=80, level="a"),
        wall("top", (0, 0), (700, 0), level="b"),
        selectedLevel="b",
    )
    seen, asked = [], []

    def level_question(dialog):
        asked.append([dialog.findChild(QComboBox).itemText(i) for i in range(2)])
        combo = dialog.findChild(QComboBox)
        assert combo.currentText() == "1. sal"  # the file's selected level first
        QTest.keyClick(combo, Qt.Key.Key_Up)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        read_box(seen)
        QTest.mouseClick(ok, LEFT)

    choose(home, then=lambda: when(QInputDialog, level_question))
    pick_from_menu(window, qtbot)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert asked == [["Stueetage", "1. sal"]]
    plan = window.document.plan
    assert window.is_editing and window.document.path is None
    assert len(plan.walls) == 4 and len(plan.openings) == 1 and plan.rooms[0].name == "Stue"
    assert [p.label for p in plan.placements] == ["Sofa"]
    assert window.document.is_modified  # a new plan: closing asks about saving it
    name, text = seen[0]
    assert name == "sh3d_report"
    assert "Etage: Stueetage (hjemmet har 1 etage mere, som ikke er hentet)." in text
    assert "  Vase: står på andre møbler eller hænger over gulvet" in text


def test_a_refused_home_is_said_in_a_box_and_nothing_opens(window, qtbot):
    seen = []
    choose(CORPUS / "old-format.sh3d", then=lambda: read_box(seen))
    pick_from_menu(window, qtbot)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    name, text = seen[0]
    assert name == "error_box" and "Gem filen igen i Sweet Home 3D 5.3 eller nyere" in text
    assert not window.is_editing


def test_a_round_wall_home_without_levels_asks_nothing(window, qtbot, tmp_path):
    home = write_home(tmp_path / "rund.sh3d", wall("r", (0, 0), (400, 0), arcExtent=math.pi / 2))
    seen = []
    choose(home, then=lambda: read_box(seen))
    pick_from_menu(window, qtbot)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert len(window.document.plan.walls) > 5 and "Etage" not in seen[0][1]
