"""Opening, saving, autosave and crash recovery, hostile files, the background plan."""

import os
import subprocess
import sys
import zipfile

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget, QMessageBox

from hjem.floorplan.hjemfile import load_plan
from hjem.ui.background_actions import load_background
from hjem.ui.main_window import MainWindow
from hjem.ui.recovery import Recovery
from hjem.ui.settings import Settings
from tests.conftest import ROOT
from tests.ui.driver import choose_file, click, read_message_box, type_into_dialog

SAMPLES = ROOT / "assets" / "samples"
CORPUS = ROOT / "tests" / "floorplan" / "corpus"


def test_a_sample_opens_from_the_start_screen_with_a_double_click(window, qtbot):
    samples = window.start.findChild(QListWidget, "start_samples")
    item = samples.item(1)
    rect = samples.visualItemRect(item)
    # A person's double-click: the first click selects, the second opens.
    QTest.mouseClick(
        samples.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    QTest.mouseDClick(
        samples.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    qtbot.waitUntil(lambda: window.has_editor)
    assert window.document.plan == load_plan(SAMPLES / "3-vaerelser.hjem")
    assert window.stack.currentWidget() is window.session.editor.view


@pytest.mark.parametrize("name", ["zip-slip.hjem", "truncated.hjem", "image-bomb.hjem"])
def test_a_hostile_file_is_refused_with_a_message_box(window, name):
    seen: list[str] = []
    read_message_box(seen)
    assert window.open_path(CORPUS / name) is False
    assert len(seen) == 1 and name in seen[0]
    assert "Traceback" not in seen[0]
    assert not window.has_editor  # still on the start screen, nothing half loaded


def test_save_as_then_reopen_gives_the_same_plan(window, tmp_path):
    window.open_path(SAMPLES / "2-vaerelser.hjem")
    window.session.editor.use_tool("rect_room")
    click(window.session.editor.view, -400, -400)
    target = tmp_path / "ny plan.hjem"
    choose_file(target)
    window.menus.actions["menu.save"].trigger()  # a sample is never overwritten: Save asks where
    assert target.exists() and not window.document.is_modified
    saved = window.document.plan
    window.open_path(SAMPLES / "3-vaerelser.hjem")
    window.open_path(target)
    assert window.document.plan == saved


def test_unsaved_changes_are_asked_about(window):
    window.open_path(SAMPLES / "2-vaerelser.hjem")
    window.session.editor.scene.select_ids(["p1"])
    window.menus.actions["menu.delete"].trigger()
    seen: list[str] = []
    read_message_box(seen, QMessageBox.StandardButton.Cancel)
    assert window.open_path(SAMPLES / "3-vaerelser.hjem") is False
    assert seen and "ikke er gemt" in seen[0]
    assert "p1" not in window.document.plan


def test_autosave_then_a_crash_then_restore_gives_the_same_plan(
    window, qtbot, tmp_path, recovery_folder
):
    window.open_path(SAMPLES / "3-vaerelser.hjem")
    window.session.editor.scene.select_ids(["p1", "p2"])
    window.menus.actions["menu.delete"].trigger()
    window.autosave()
    worked_on = window.document.plan
    (recovery_file,) = recovery_folder.glob("recovery-*.hjem")
    assert load_plan(recovery_file) == worked_on
    window.recovery._lock.unlock()  # the crash: the process is gone, its lock with it

    settings = Settings(QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat))
    after = MainWindow(settings, Recovery(recovery_folder))
    after.show()
    seen: list[str] = []
    read_message_box(seen, QMessageBox.StandardButton.Yes)
    assert after.offer_recovery() is True
    assert after.document.plan == worked_on and after.document.is_modified
    assert seen and "gendanne" in seen[0]
    assert not list(recovery_folder.glob("recovery-*.hjem")), "an offered recovery file is removed"
    after.document.replace(after.document.plan, None)
    after.close()


def test_a_clean_exit_leaves_no_recovery_file(
    qtbot, settings, recovery_folder, monkeypatch, tmp_path
):
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path / "data"))  # not the user's workspace
    main = MainWindow(settings, Recovery(recovery_folder))
    main.show()
    main.open_path(SAMPLES / "2-vaerelser.hjem")
    main.session.editor.scene.select_ids(["p1"])
    main.menus.actions["menu.delete"].trigger()
    main.autosave()
    assert list(recovery_folder.glob("recovery-*.hjem"))
    read_message_box([], QMessageBox.StandardButton.Discard)
    main.close()
    assert not list(recovery_folder.glob("recovery-*"))


def test_the_recovery_file_holds_the_plan_and_nothing_else(window, recovery_folder):
    window.open_path(SAMPLES / "2-vaerelser.hjem")
    window.session.editor.scene.select_ids(["p1"])
    window.menus.actions["menu.delete"].trigger()
    window.autosave()
    (recovery_file,) = recovery_folder.glob("recovery-*.hjem")
    assert "2-vaerelser" not in recovery_file.name
    with zipfile.ZipFile(recovery_file) as archive:
        assert archive.namelist() == ["plan.json"]
        assert str(SAMPLES) not in archive.read("plan.json").decode()


def test_background_calibration_maps_image_pixels_to_centimetres(window, tmp_path):
    picture = tmp_path / "plan.png"
    Image.new("RGB", (1000, 600), "white").save(picture)
    window.new_plan()
    assert load_background(window.session.editor, picture, window)
    background = window.document.plan.background
    assert background.cm_per_pixel == 1.0  # an image is 1 cm per pixel until calibrated
    view = window.session.editor.view
    view.resetTransform()
    window.session.editor.use_tool("calibrate")
    # Two points 400 image pixels apart that are really 200 cm apart.
    click(view, 100, 100)
    type_into_dialog("200")
    click(view, 500, 100)
    calibrated = window.document.plan.background
    assert calibrated.cm_per_pixel == pytest.approx(0.5, rel=0.005)
    # The first point stays where it was; every pixel now maps to half a centimetre.
    u, v = 100.0, 100.0
    assert calibrated.origin.x + u * calibrated.cm_per_pixel == pytest.approx(100, abs=0.5)
    assert calibrated.origin.y + v * calibrated.cm_per_pixel == pytest.approx(100, abs=0.5)
    window.document.undo_stack.undo()
    assert window.document.plan.background.cm_per_pixel == 1.0


def test_screenshot_mode_saves_a_picture_of_the_window(tmp_path):
    target = tmp_path / "window.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hjem",
            str(SAMPLES / "3-vaerelser.hjem"),
            "--screenshot",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HJEM_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    with Image.open(target) as picture:
        assert picture.size == (1440, 900)
        assert len(picture.convert("L").getcolors(256)) > 20  # a drawing, not a blank window


def test_a_plan_that_cannot_be_read_gives_exit_status_2_in_screenshot_mode(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hjem",
            str(CORPUS / "truncated.hjem"),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HJEM_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 2
