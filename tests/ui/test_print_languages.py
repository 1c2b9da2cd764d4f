"""The family's language in the window: the print dialog starts from the language the case
form remembers, offers every printout language, and says which are not proofread yet."""

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hjem.budget.demo import add_demo_case
from hjem.cases.cases import data_of, get_case, update_case
from hjem.cases.demo import DEMO_CASE
from hjem.i18n import PRINT_LANGUAGES
from hjem.inventory.demo import fill_demo
from tests.handover.poppler_text import normal
from tests.ui.driver import when_dialog
from tests.ui.test_handover_print import built_anew, press_ctrl_p, text_of


def test_the_dialog_starts_in_the_cases_language_and_labels_unproofread_ones(window, qtbot):
    with window.workspace().session() as session:
        fill_demo(session, "Demo")
        add_demo_case(session, "Mette", dt.date(2026, 11, 20))
        case = get_case(session, DEMO_CASE.code)
        update_case(session, case.code, replace(data_of(case), print_lang="ar"), case.version)
    assert window.open_case_plan(DEMO_CASE.code)
    seen = {}

    def answer(dialog):
        qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=10_000)
        box = dialog.language
        seen["offered"] = [box.itemData(i) for i in range(box.count())]
        seen["labels"] = {box.itemData(i): box.itemText(i) for i in range(box.count())}
        seen["chosen"] = box.currentData()
        seen["note"] = dialog.unreviewed.isVisible()
        seen["arabic"] = normal(text_of(dialog.pdf))
        box.setFocus()

        def to_danish():
            QTest.keyClick(box, Qt.Key.Key_Home)

        seen["danish"] = text_of(built_anew(dialog, qtbot, to_danish))
        seen["note_after"] = dialog.unreviewed.isVisible()
        dialog.reject()

    when_dialog(answer)
    press_ctrl_p(window, qtbot)

    assert seen["offered"] == list(PRINT_LANGUAGES) and seen["chosen"] == "ar"
    assert seen["labels"]["ar"] == "العربية – arabisk (ikke gennemlæst)"
    assert seen["labels"]["da"] == "Dansk" and "ikke gennemlæst" not in seen["labels"]["en"]
    assert all("ikke gennemlæst" in seen["labels"][lang] for lang in PRINT_LANGUAGES[2:])
    assert seen["note"] and not seen["note_after"]
    assert normal("بيتكم الجديد") in seen["arabic"]
    assert "Jeres nye hjem" in seen["danish"]


def test_the_case_form_remembers_the_familys_language(window, qtbot):
    from hjem.ui.cases.case_form import CaseDialog

    saved = []
    dialog = CaseDialog(None, lambda data, address: saved.append(data), [])
    dialog.code.setText("FBH-2026-077")
    dialog.alias.setText("Familien Ild")
    box = dialog.print_lang
    box.setFocus()
    for _ in range(PRINT_LANGUAGES.index("ti")):
        QTest.keyClick(box, Qt.Key.Key_Down)
    assert dialog.data().print_lang == "ti"
    again = CaseDialog(None, lambda data, address: None, [], data=dialog.data())
    assert again.print_lang.currentData() == "ti"
