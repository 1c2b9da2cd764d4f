"""Reserving from the inventory window (issue 11, point 2), with real events: the family is
picked from the open cases by number and alias, never typed and never shown by address."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QListWidget

from hjem.cases.cases import CaseData, create_case, set_status
from hjem.cases.models import CaseStatus
from hjem.inventory.reservations import reserved_for
from tests.inventory.helpers import available_item
from tests.ui.driver import read_message_box, type_text, when_dialog
from tests.ui.test_inventory_window import inventory  # noqa: F401  (a fixture)

LEFT = Qt.MouseButton.LeftButton
ADDRESS = "Prøvevej 1, 9999 Testby"


def shown(dialog) -> list[str]:
    cases = dialog.findChild(QListWidget, "reserve_cases")
    return [cases.item(r).text() for r in range(cases.count()) if not cases.item(r).isHidden()]


def pick(dialog, code: str) -> None:
    """Click the case's row, then the Reserve button, as a person would."""
    cases = dialog.findChild(QListWidget, "reserve_cases")
    row = next(r for r in range(cases.count()) if cases.item(r).text().startswith(code))
    QTest.mouseClick(cases.viewport(), LEFT, pos=cases.visualItemRect(cases.item(row)).center())
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, LEFT)


def test_the_case_is_picked_from_the_open_cases_and_the_item_reserved(inventory, qtbot):  # noqa: F811
    with inventory.operations.workspace().session() as session:
        code = available_item(session).code
        create_case(session, CaseData("FBH-2026-014", "Familien Sol"), address=ADDRESS)
        create_case(session, CaseData("FBH-2026-015", "Familien Måne"))
        create_case(session, CaseData("FBH-2026-016", "Familien Stjerne"))
        set_status(session, "FBH-2026-016", CaseStatus.CLOSED)
    inventory.refresh(select_code=code)
    seen = {}

    def answer(dialog):
        seen["listed"] = shown(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_before"] = ok.isEnabled()
        type_text(dialog.findChild(QLineEdit, "reserve_search"), "måne")
        seen["found"] = shown(dialog)
        QTest.keyClick(dialog.findChild(QLineEdit, "reserve_search"), Qt.Key.Key_Backspace)
        pick(dialog, "FBH-2026-015")

    when_dialog(answer)
    inventory.toolbar_actions["reserve"].trigger()
    assert seen["listed"] == ["FBH-2026-014  –  Familien Sol", "FBH-2026-015  –  Familien Måne"]
    assert seen["ok_before"] is False  # nothing picked yet: nothing to reserve for
    assert seen["found"] == ["FBH-2026-015  –  Familien Måne"]
    assert not any("Prøvevej" in text for text in seen["listed"])
    with inventory.operations.workspace().session() as session:
        assert [r.item.code for r in reserved_for(session, "FBH-2026-015")] == [code]


def test_without_an_open_case_the_window_says_how_to_make_one(inventory):  # noqa: F811
    with inventory.operations.workspace().session() as session:
        code = available_item(session).code
    inventory.refresh(select_code=code)
    seen: list[str] = []
    read_message_box(seen)
    inventory.toolbar_actions["reserve"].trigger()
    assert seen and "ingen åbne sager" in seen[0] and "Ny sag" in seen[0]
