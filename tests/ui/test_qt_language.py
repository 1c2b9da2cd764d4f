"""Qt's own texts (standard buttons, the file dialog) speak Danish like the rest of hjem."""

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
)

from hjem.ui.files import ask_save_changes
from hjem.ui.inventory.form import DonationDialog
from hjem.ui.qt_language import install_qt_translations
from tests.ui.driver import when_dialog


@pytest.fixture
def danish_qt(qapp):
    before = QLocale()
    assert install_qt_translations(qapp, "da")
    yield qapp
    install_qt_translations(qapp, "en")  # Qt's own English again for the other tests
    QLocale.setDefault(before)


def button_texts(box) -> set[str]:
    return {button.text().replace("&", "") for button in box.buttons()}


def test_a_message_box_says_ok_and_annuller(danish_qt, qtbot):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "hjem",
        "Slet planen?",
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    assert button_texts(box) == {"OK", "Annuller"}


def test_the_unsaved_changes_question_is_danish_without_relabelling(danish_qt, qtbot):
    seen = []

    def answer(box):
        seen.append(button_texts(box))
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_dialog(answer)
    assert ask_save_changes(None) == QMessageBox.StandardButton.Cancel
    assert seen == [{"Gem", "Gem ikke", "Annuller"}]


def test_the_file_dialog_speaks_danish(danish_qt, qtbot):
    dialog = QFileDialog(None, "Åbn plan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert {"Kig i:", "Filnavn:", "Filer af type:"} <= labels
    buttons = button_texts(dialog.findChild(QDialogButtonBox))
    assert buttons == {"Åbn", "Annuller"}
    dialog.reject()


def test_english_takes_qts_own_texts_back(danish_qt):
    install_qt_translations(danish_qt, "en")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    install_qt_translations(danish_qt, "da")
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuller"


def test_a_calendar_names_its_months_in_danish(danish_qt, qtbot):
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2026, 12, 2))
    assert calendar.locale().monthName(12) == "december"
    assert calendar.locale().dayName(1) == "mandag"


def test_the_donation_forms_date_reads_as_hjem_writes_dates(danish_qt, qtbot):
    form = DonationDialog(None, lambda _data, _photos: None)
    qtbot.addWidget(form)
    form.received.setDate(QDate(2026, 11, 2))
    assert form.received.text() == "02.11.2026"
