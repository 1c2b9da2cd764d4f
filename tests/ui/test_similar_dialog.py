"""*Find et lignende* (issue 15), with real events: the architect picks another available item
for a piece the sync could not reserve, or learns that nothing of the kind fits the spot."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QTreeWidget

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement
from hjem.i18n import set_language
from hjem.inventory.similar import Similar
from hjem.ui.sync.similar_dialog import SimilarDialog
from tests.ui.driver import when_dialog

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
NOT_ANSWERED = -1


def candidate(code, name, size, value_ore=100_000, condition="good", colour=""):
    w, d, h = size
    piece = Placement("p1", name, "sofa", w, d, h, Point(45.0, 150.0), 270.0, code)
    return Similar(code, name, w, d, h, condition, colour, value_ore, piece)


CANDIDATES = [
    candidate("HJ-0107", "Sofa, 3-personers", (205, 88, 80), 120_000, colour="grå stof"),
    candidate("HJ-0211", "Sofa, 2-personers", (165, 85, 75.5), 45_050, "fair"),
    candidate("HJ-0019", "Sovesofa", (180, 95, 85), 0, "worn", "brunt læder"),
]


def run(candidates, answer):
    """Open the dialog as the sync window will (exec), answer it; the dialog, its result."""
    set_language("da")
    dialog = SimilarDialog("Sofa, grå (HJ-0042)", "FBH-2026-014", candidates)
    seen = {}

    def look_and_answer(shown):
        seen["heading"] = shown.findChild(QLabel, "similar_heading").text()
        seen["fits"] = shown.screen().availableGeometry().contains(shown.frameGeometry())
        try:
            answer(shown)
        finally:  # an answer that failed to close it ends the test, not hangs it
            if shown.isVisible():
                shown.done(NOT_ANSWERED)

    when_dialog(look_and_answer)
    result = dialog.exec()
    return dialog, result, seen


def rows(dialog) -> list[list[str]]:
    view = dialog.findChild(QTreeWidget, "similar_list")
    return [
        [view.topLevelItem(r).text(c) for c in range(5)] for r in range(view.topLevelItemCount())
    ]


def click_row(dialog, row: int, double: bool = False) -> None:
    view = dialog.findChild(QTreeWidget, "similar_list")
    where = view.visualItemRect(view.topLevelItem(row)).center()
    QTest.mouseClick(view.viewport(), LEFT, NONE, where)
    if double:
        QTest.mouseDClick(view.viewport(), LEFT, NONE, where)


def test_a_row_clicked_then_enter_is_the_one_chosen(qtbot):
    def answer(dialog):
        click_row(dialog, 1)
        QTest.keyClick(dialog.findChild(QTreeWidget, "similar_list"), Qt.Key.Key_Return)

    dialog, result, seen = run(CANDIDATES, answer)
    assert result == QDialog.DialogCode.Accepted
    assert dialog.chosen is CANDIDATES[1]
    assert seen["heading"] == "Find et lignende: Sofa, grå (HJ-0042) til sag FBH-2026-014"
    assert seen["fits"]  # the whole dialog on the laptop's 1366 × 768


def test_each_candidate_shows_its_name_code_size_state_and_value_in_kroner(qtbot):
    listed = {}

    def answer(dialog):
        listed["rows"] = rows(dialog)
        dialog.reject()

    run(CANDIDATES, answer)
    assert listed["rows"] == [
        ["Sofa, 3-personers", "HJ-0107", "205 × 88 × 80 cm", "God, grå stof", "1.200,00\xa0kr."],
        ["Sofa, 2-personers", "HJ-0211", "165 × 85 × 75,5 cm", "Brugbar", "450,50\xa0kr."],
        ["Sovesofa", "HJ-0019", "180 × 95 × 85 cm", "Slidt, brunt læder", "–"],
    ]


def test_enter_at_once_takes_the_closest_in_size_and_a_double_click_any(qtbot):
    dialog, result, _ = run(CANDIDATES, lambda d: QTest.keyClick(d, Qt.Key.Key_Return))
    assert result == QDialog.DialogCode.Accepted and dialog.chosen is CANDIDATES[0]
    dialog, result, _ = run(CANDIDATES, lambda d: click_row(d, 2, double=True))
    assert result == QDialog.DialogCode.Accepted and dialog.chosen is CANDIDATES[2]


def test_cancel_chooses_nothing_even_with_a_row_picked(qtbot):
    def answer(dialog):
        click_row(dialog, 2)
        QTest.mouseClick(dialog.findChild(QPushButton, "similar_cancel"), LEFT)

    dialog, result, _ = run(CANDIDATES, answer)
    assert result == QDialog.DialogCode.Rejected
    assert dialog.chosen is None


def test_with_nothing_that_fits_the_dialog_says_so_and_enter_closes_it(qtbot):
    state = {}

    def answer(dialog):
        QApplication.processEvents()
        state["empty"] = dialog.findChild(QLabel, "similar_empty_text").isVisible()
        state["list"] = dialog.findChild(QTreeWidget, "similar_list").isVisible()
        state["text"] = dialog.findChild(QLabel, "similar_empty_text").text()
        state["use"] = dialog.findChild(QPushButton, "similar_use").isEnabled()
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    dialog, result, _ = run([], answer)
    assert state == {
        "empty": True,
        "list": False,
        "text": "Intet ledigt i lageret af samme slags passer på pladsen",
        "use": False,
    }
    assert result == QDialog.DialogCode.Rejected
    assert dialog.chosen is None
