"""*Baggrund → Importér DXF-tegning …* with real clicks: the file, the units question, a
layer switched off, the drawing rendered off the window's thread, one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
)

from hjem.floorplan.hjemfile import load_plan
from hjem.i18n import tr
from hjem.ui.dxf_import import DxfDialog
from tests.conftest import ROOT
from tests.floorplan.dxf_drawings import apartment, image, ink_at, save
from tests.ui.driver import choose_file

LEFT = Qt.MouseButton.LeftButton
SAMPLE = ROOT / "assets" / "samples" / "3-vaerelser.hjem"


def when_dxf_dialog(answer: Callable[[DxfDialog], None], tries: int = 500) -> None:
    """Answer the DXF dialog once it is up (the file dialog and the progress bar come first)."""

    def attempt(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, DxfDialog) and dialog.isVisible():
            answer(dialog)
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)


def _click(widget) -> None:
    """A click where a person clicks: a check box or radio button on its indicator."""
    where = widget.rect().center()
    if isinstance(widget, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        element = (
            QStyle.SubElement.SE_CheckBoxIndicator
            if isinstance(widget, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonIndicator
        )
        where = widget.style().subElementRect(element, option, widget).center()
    QTest.mouseClick(widget, LEFT, Qt.KeyboardModifier.NoModifier, where)


def _ok(dialog: DxfDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    _click(buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_a_drawing_without_units_is_asked_about_and_laid_under_the_plan(window, qtbot, tmp_path):
    window.show_plan(load_plan(SAMPLE), None)
    path = save(apartment("mm", insunits=0), tmp_path)
    seen: dict[str, object] = {}

    def answer(dialog: DxfDialog) -> None:
        seen["question"] = dialog.findChild(QGroupBox).title()
        seen["evidence"] = dialog.findChild(QLabel, "dxf_evidence").text()
        seen["preselected"] = dialog.findChild(QRadioButton, "dxf_unit_mm").isChecked()
        _click(dialog.findChild(QCheckBox, "dxf_layer:walls"))  # hide the wall layer
        _ok(dialog)

    choose_file(path)
    when_dxf_dialog(answer)
    window.menus.actions["menu.background.import_dxf"].trigger()
    qtbot.waitUntil(lambda: window.document.plan.background is not None)

    assert seen["question"] == "Er tegningen i millimeter, centimeter eller meter?"
    assert "3 dørbuer af 3 mulige" in str(seen["evidence"])
    assert seen["preselected"] is True
    background = window.document.plan.background
    assert background.cm_per_pixel == 0.5  # calibrated already: no clicks needed
    assert ink_at(background, 0, 300, top_cm=600)  # the outline
    assert not ink_at(background, 400, 300, top_cm=600)  # the hidden wall layer
    window.document.undo_stack.undo()
    assert window.document.plan.background is None  # one undo step


def test_a_wrong_unit_chosen_by_hand_gives_that_scale(window, qtbot, tmp_path):
    window.show_plan(load_plan(SAMPLE), None)
    path = save(apartment("cm"), tmp_path)  # says cm; the volunteer picks mm

    def answer(dialog: DxfDialog) -> None:
        assert dialog.findChild(QGroupBox).title() == "Tegningens enhed"
        assert dialog.findChild(QRadioButton, "dxf_unit_cm").isChecked()
        _click(dialog.findChild(QRadioButton, "dxf_unit_mm"))
        _ok(dialog)

    choose_file(path)
    when_dxf_dialog(answer)
    window.menus.actions["menu.background.import_dxf"].trigger()
    qtbot.waitUntil(lambda: window.document.plan.background is not None)
    # 1000 units wide in mm is 100 cm: a tenth of the size, still at 0.5 cm per pixel.
    background = window.document.plan.background
    assert background.cm_per_pixel == 0.5
    assert image(background).width == 200 + 9  # the margins and the last pixel


def test_a_hostile_file_is_said_in_danish_and_changes_nothing(window, qtbot, tmp_path):
    window.show_plan(load_plan(SAMPLE), None)
    junk = tmp_path / "tegning.dxf"
    junk.write_bytes(b"  0\nSECTION\n  2\nENTITIES\n" + bytes(range(256)) * 400)
    said: list[str] = []

    def answer(box) -> None:
        said.append(box.text())
        box.accept()

    def error_box_then(answer_it) -> None:
        def attempt(left: int = 500) -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QMessageBox) and dialog.isVisible():
                answer_it(dialog)
            elif left:
                QTimer.singleShot(10, lambda: attempt(left - 1))

        QTimer.singleShot(0, attempt)

    choose_file(junk)
    error_box_then(answer)
    window.menus.actions["menu.background.import_dxf"].trigger()
    qtbot.waitUntil(lambda: bool(said))
    assert said == [tr("dxf.damaged", "da")]
    assert said[0].startswith("Tegningen er beskadiget")
    assert window.document.plan.background is None
    assert not window.document.undo_stack.canUndo()


def test_cancelling_the_dialog_changes_nothing(window, qtbot, tmp_path):
    window.show_plan(load_plan(SAMPLE), None)
    closed: list[bool] = []

    def cancel(dialog: DxfDialog) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        _click(buttons.button(QDialogButtonBox.StandardButton.Cancel))
        closed.append(True)

    choose_file(save(apartment("cm"), tmp_path))
    when_dxf_dialog(cancel)
    window.menus.actions["menu.background.import_dxf"].trigger()
    qtbot.waitUntil(lambda: bool(closed))
    assert window.document.plan.background is None
    assert not window.document.undo_stack.canUndo()


def test_a_drawing_in_inches_offers_inches_beside_the_three(qtbot, tmp_path):
    from hjem.floorplan.dxf import read_drawing

    dialog = DxfDialog(read_drawing(save(apartment("in"), tmp_path)))
    qtbot.addWidget(dialog)
    units = [button.objectName() for button in dialog.findChildren(QRadioButton)]
    assert units == ["dxf_unit_mm", "dxf_unit_cm", "dxf_unit_m", "dxf_unit_in"]
    assert dialog.findChild(QRadioButton, "dxf_unit_in").isChecked()
    assert dialog.unit() == "in" and dialog.hidden_layers() == set()
    assert dialog.findChild(QCheckBox, "dxf_layer:doors").text() == "doors (6 streger)"
