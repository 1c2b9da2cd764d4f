"""The volunteer's name (issue 11, point 7): asked at the first start with a small dialog,
typed with real keys; used for "only my cases" and as the new case's architect; never the
computer's login name."""

import getpass

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from hjem.cases.cases import CaseData, create_case
from hjem.ui.app import _greet
from tests.ui.driver import type_text, when_dialog

LEFT = Qt.MouseButton.LeftButton


def test_the_first_start_asks_the_name_and_lists_that_persons_cases(window, qtbot):
    with window.workspace().session() as session:
        create_case(session, CaseData("FBH-2026-001", "Familien Sol", architect="Mette Jensen"))
        create_case(session, CaseData("FBH-2026-002", "Familien Måne", architect="Ole"))
    qtbot.waitUntil(lambda: window.cases.list is not None)
    seen = {}

    def answer(dialog):
        name = dialog.findChild(QLineEdit, "first_start_name")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_when_empty"] = ok.isEnabled()
        type_text(name, "Mette Jensen")
        QTest.keyClick(name, Qt.Key.Key_Return)

    when_dialog(answer)
    _greet(window, offer_recovery=True)  # as hjem's start does, after the first window
    assert seen["ok_when_empty"] is False
    assert window.settings.user_name() == "Mette Jensen"
    assert window.cases.list.only_mine.text() == "Kun mine sager (Mette Jensen)"
    assert window.cases.list.codes() == ["FBH-2026-001"]


def test_later_keeps_no_name_and_the_login_name_is_never_shown(window, qtbot):
    qtbot.waitUntil(lambda: window.cases.list is not None)

    def answer(dialog):
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        QTest.mouseClick(cancel, LEFT)

    when_dialog(answer)
    window.preferences.welcome()
    assert window.settings.user_name() == ""
    only_mine = window.cases.list.only_mine
    assert not only_mine.isVisible() and getpass.getuser() not in only_mine.text()


def test_a_name_once_given_is_not_asked_again(window, settings):
    settings.set_user_name("Ole")
    window.preferences.welcome()  # no dialog: it would wait here for an answer
    assert settings.user_name() == "Ole"
