"""*Forbered besøg*'s dialog with real mouse and key events: the plan's free items come
checked, a click on an item's box or Space leaves it out, the case's own items cannot be
chosen, and the result is told in plain Danish."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QStyle, QStyleOptionViewItem

from hjem.i18n import set_language
from hjem.sync.operations import Outcome, Reason
from hjem.sync.pull import PullReport
from hjem.sync.visit import Held, NotHeld, ShortlistEntry, VisitReport
from hjem.ui.sync.prepare_visit_dialog import (
    PrepareVisitDialog,
    show_visit_report,
    visit_report_text,
)
from tests.ui.driver import read_message_box

LEFT = Qt.MouseButton.LeftButton
CASE = "FBH-2026-014"
UNTIL = dt.datetime(2026, 12, 5, 14, 30, tzinfo=dt.UTC)


def entry(code, name, preselected=False, ours=False, until=None) -> ShortlistEntry:
    status = "reserved" if ours else "available"
    return ShortlistEntry(code, name, "sofa", (200, 90, 80.5), status, until, preselected, ours)


SHORTLIST = [
    entry("A7K2P9", "Sofa, grå", preselected=True),
    entry("B3M8Q1", "Enkeltseng", preselected=True),
    entry("D2P6S3", "Sofa, blå"),
    entry("G6S3V8", "Køjeseng", ours=True, until=UNTIL),
    entry("H1T7W4", "Tæppe", ours=True),
]


def dialog_for(qtbot, shortlist=SHORTLIST) -> PrepareVisitDialog:
    set_language("da")
    dialog = PrepareVisitDialog(CASE, shortlist)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def row_of(items: QListWidget, code: str):
    return next(
        items.item(r)
        for r in range(items.count())
        if items.item(r).data(Qt.ItemDataRole.UserRole) == code
    )


def check_box_of(items: QListWidget, code: str) -> QPoint:
    """The middle of the row's check box, where the style draws it."""
    option = QStyleOptionViewItem()
    items.initViewItemOption(option)
    row = row_of(items, code)
    option.rect = items.visualItemRect(row)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    style = items.style()
    return style.subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, items
    ).center()


def test_the_plans_free_items_come_checked_and_a_click_leaves_one_out(qtbot):
    dialog = dialog_for(qtbot)
    items = dialog.findChild(QListWidget, "prepare_visit_items")
    assert dialog.chosen_codes == ["A7K2P9", "B3M8Q1"]
    QTest.mouseClick(items.viewport(), LEFT, pos=check_box_of(items, "B3M8Q1"))
    assert dialog.chosen_codes == ["A7K2P9"]
    QTest.mouseClick(items.viewport(), LEFT, pos=check_box_of(items, "D2P6S3"))
    assert dialog.chosen_codes == ["A7K2P9", "D2P6S3"]
    assert dialog.findChild(QLabel, "prepare_visit_chosen").text() == "2 genstande valgt"


def test_space_toggles_the_current_item_and_enter_holds(qtbot):
    dialog = dialog_for(qtbot)
    items = dialog.findChild(QListWidget, "prepare_visit_items")
    items.setFocus()
    QTest.keyClick(items, Qt.Key.Key_Space)  # the first item to choose is current
    assert dialog.chosen_codes == ["B3M8Q1"]
    QTest.keyClick(items, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen_codes == ["B3M8Q1"]


def test_the_cases_own_items_show_their_hold_and_cannot_be_chosen(qtbot):
    dialog = dialog_for(qtbot)
    items = dialog.findChild(QListWidget, "prepare_visit_items")
    held = row_of(items, "G6S3V8")
    assert "holdes til 05.12.2026" in held.text() and "G6S3V8" in held.text()
    assert "200 × 90 × 80,5 cm" in held.text()
    assert "reserveret til sagen" in row_of(items, "H1T7W4").text()
    QTest.mouseClick(items.viewport(), LEFT, pos=check_box_of(items, "G6S3V8"))
    assert held.checkState() == Qt.CheckState.Checked
    assert "G6S3V8" not in dialog.chosen_codes


def test_the_dialog_explains_and_offers_hold_or_cancel(qtbot):
    dialog = dialog_for(qtbot)
    explanation = dialog.findChild(QLabel, "prepare_visit_explanation").text()
    assert explanation.startswith("Tingene holdes til familien i 48 timer efter serverens ur")
    hold = dialog.findChild(QPushButton, "prepare_visit_hold")
    assert hold.text() == "Hold og hent" and hold.isDefault()
    cancel = dialog.findChild(QPushButton, "prepare_visit_cancel")
    assert cancel.text() == "Annullér"
    QTest.mouseClick(cancel, LEFT)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert dialog.windowTitle() == f"Forbered besøg – sag {CASE}"
    geometry = dialog.frameGeometry()
    assert geometry.width() <= 1366 and geometry.height() <= 768


def test_with_nothing_to_hold_the_dialog_says_so(qtbot):
    dialog = dialog_for(qtbot, [])
    items = dialog.findChild(QListWidget, "prepare_visit_items")
    assert items.count() == 1 and "ingen ledige genstande" in items.item(0).text()
    assert dialog.chosen_codes == []


def test_the_result_is_told_in_plain_danish(qtbot):
    set_language("da")
    report = VisitReport(
        CASE,
        held=[Held("A7K2P9", UNTIL), Held("B3M8Q1", UNTIL + dt.timedelta(seconds=1))],
        not_held=[NotHeld("D2P6S3", Outcome.CONFLICT, Reason.RESERVED_ELSEWHERE)],
        pulled=PullReport(pulled_at=UNTIL),
    )
    text = visit_report_text(report, {"D2P6S3": "Sofa, blå"})
    held, missing, copied = text.split("\n\n")  # a paragraph each
    assert held.startswith(f"2 genstande er holdt til sag {CASE} indtil 05.12.2026 kl.")
    assert held.endswith("(efter serverens ur).")
    assert missing.splitlines() == [
        "1 genstand kunne ikke holdes:",
        "Sofa, blå (D2P6S3) er reserveret til en anden sag. Find et lignende.",
    ]
    assert copied == f"Sag {CASE} med planen og sagens genstande er hentet til den bærbare."
    seen: list[str] = []
    read_message_box(seen)
    show_visit_report(None, report, {"D2P6S3": "Sofa, blå"})
    assert seen == [text]
