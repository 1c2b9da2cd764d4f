"""Erasing a case from the windows, with real clicks: the case window's *Slet sagen for altid*
asks (naming the alias, saying it cannot be undone), erases, closes and the case list forgets
the case; saying no keeps everything; the start screen lists closed cases past the retention
period, one erase button each, and hides the list when there are none."""

import datetime as dt

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableWidget
from sqlalchemy import text

from hjem.cases.cases import list_cases, set_status
from hjem.cases.models import CaseStatus
from hjem.cases.retention import set_retention_months
from hjem.inventory.items import get_item
from hjem.inventory.models import Status
from tests.cases.helpers_erase import ADDRESS, MOON, SUN, full_case
from tests.ui.driver import LEFT, NONE, when_dialog

LONG_AGO = dt.datetime.now(dt.UTC) - dt.timedelta(days=800)


def _open_case(window, qtbot, code: str):
    """Double-click the case in the start screen's list, as a volunteer opens one."""
    qtbot.waitUntil(lambda: window.cases.list is not None)
    case_list = window.cases.list
    qtbot.waitUntil(lambda: code in case_list.codes())
    table = case_list.findChild(QTableWidget, "case_table")
    cell = table.visualItemRect(table.item(case_list.codes().index(code), 1)).center()
    QTest.mouseClick(table.viewport(), LEFT, NONE, cell)
    QTest.mouseDClick(table.viewport(), LEFT, NONE, cell)
    qtbot.waitUntil(lambda: code in window.cases.open)
    case_window = window.cases.open[code]
    qtbot.waitUntil(case_window.isVisible)
    return case_window


def _answer_question(seen: list[str], erase: bool, then_summary: list[str] | None = None):
    """Note the erase question, click its erase or keep button; then, if asked, note the
    summary that follows the erasure and close it."""

    def answer(box):
        assert isinstance(box, QMessageBox) and box.objectName() == "erase_confirm"
        seen.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        button = box.button(
            QMessageBox.StandardButton.Yes if erase else QMessageBox.StandardButton.No
        )
        if then_summary is not None:
            when_dialog(lambda done: _close_summary(done, then_summary), tries=1000)
        QTest.mouseClick(button, LEFT)

    when_dialog(answer)


def _close_summary(box, seen: list[str]) -> None:
    assert box.objectName() == "erase_done", box.text()
    seen.append(box.text())
    QTest.mouseClick(box.button(QMessageBox.StandardButton.Ok), LEFT)


def test_the_case_window_erases_the_case_after_asking_and_the_list_forgets_it(window, qtbot):
    with window.workspace().session() as session:
        items = full_case(session)
        full_case(session, MOON, "Månevej 2")
    case_window = _open_case(window, qtbot, SUN.code)
    question, summary = [], []
    _answer_question(question, erase=True, then_summary=summary)
    QTest.mouseClick(case_window.findChild(QPushButton, "case_erase"), LEFT)
    qtbot.waitUntil(lambda: bool(summary), timeout=10_000)
    said = question[0]
    assert "Slet sag FBH-2026-014 »Familien Sol« for altid?" in said
    for part in ("Husstanden, den nye adresse, planerne, budgettet og besøgene", "lageret"):
        assert part in said
    assert "Sikkerhedskopier" in said and "Det kan ikke fortrydes." in said
    assert ADDRESS not in said + summary[0]
    assert "Sag FBH-2026-014 »Familien Sol« er slettet" in summary[0]
    assert "2 reserverede genstande tilbage på lageret" in summary[0]
    qtbot.waitUntil(lambda: SUN.code not in window.cases.open)
    qtbot.waitUntil(lambda: window.cases.list.codes() == [MOON.code])
    with window.workspace().session() as session:
        assert [row.code for row in list_cases(session)] == [MOON.code]
        assert get_item(session, items["reserved_1"]).status == Status.AVAILABLE


def test_keeping_the_case_erases_nothing(window, qtbot):
    with window.workspace().session() as session:
        full_case(session)
    case_window = _open_case(window, qtbot, SUN.code)
    question = []
    _answer_question(question, erase=False)
    QTest.mouseClick(case_window.findChild(QPushButton, "case_erase"), LEFT)
    qtbot.waitUntil(lambda: bool(question))
    assert case_window.isVisible() and SUN.code in window.cases.open
    with window.workspace().session() as session:
        assert [row.code for row in list_cases(session)] == [SUN.code]


def _closed_long_ago(session, data, address) -> None:
    full_case(session, data, address)
    set_status(session, data.code, CaseStatus.CLOSED)
    session.execute(
        text("UPDATE cases SET closed_at = :at WHERE code = :code"),
        {"at": LONG_AGO, "code": data.code},
    )


def test_the_start_screen_lists_cases_past_retention_and_erases_one_when_confirmed(window, qtbot):
    with window.workspace().session() as session:
        _closed_long_ago(session, SUN, ADDRESS)
        full_case(session, MOON, "Månevej 2")
        set_status(session, MOON.code, CaseStatus.CLOSED)  # closed today: not yet due
    qtbot.waitUntil(lambda: window.cases.retention is not None)
    section = window.cases.retention
    qtbot.waitUntil(section.isVisible)
    heading = section.findChild(QLabel, "retention_heading").text()
    assert heading == "Lukkede sager ældre end 12 måneder: slet dem"
    assert [case.code for case in section.due] == [SUN.code]
    button = section.findChild(QPushButton, f"retention_erase_{SUN.code}")
    question, summary = [], []
    _answer_question(question, erase=True, then_summary=summary)
    QTest.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: bool(summary), timeout=10_000)
    assert "»Familien Sol«" in question[0]
    qtbot.waitUntil(lambda: not section.isVisible())
    qtbot.waitUntil(lambda: window.cases.list.codes() == [MOON.code])


def test_the_retention_list_is_hidden_when_no_case_is_due_and_counts_months_in_danish(
    window, qtbot
):
    with window.workspace().session() as session:
        full_case(session, MOON, "Månevej 2")
    qtbot.waitUntil(lambda: window.cases.list is not None and window.cases.retention is not None)
    section = window.cases.retention
    assert not section.isVisible()
    with window.workspace().session() as session:
        _closed_long_ago(session, SUN, ADDRESS)
        set_retention_months(session, 1)
    section.refresh()
    assert section.isVisible()
    heading = section.findChild(QLabel, "retention_heading").text()
    assert heading == "Lukkede sager ældre end 1 måned: slet dem"
