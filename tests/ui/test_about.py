"""Hjælp → Om hjem: version, build, the workspace's place and the licences, in Danish."""

from PySide6.QtWidgets import QDialogButtonBox

from hjem import __version__
from hjem.about import about
from hjem.config import data_dir_path
from hjem.ui.about_dialog import AboutDialog
from hjem.ui.qt_language import install_qt_translations
from tests.ui.driver import when_dialog


def test_the_help_menu_opens_about_with_version_workspace_and_licences(window, qtbot):
    seen = []

    def read(dialog):
        seen.append(dialog)
        dialog.reject()

    when_dialog(read)
    window.menus.actions["menu.about"].trigger()
    (dialog,) = seen
    assert dialog.windowTitle() == "Om hjem"
    assert __version__ in dialog.heading.text() and "udviklerudgave" in dialog.heading.text()
    assert str(data_dir_path() / "workspace.sqlite") in dialog.workspace.text()
    listed = dialog.licences.toPlainText()
    for name in ("DejaVu Sans", "PySide6", "SQLAlchemy", "sqlcipher3", "Python"):
        assert name in listed, name


def test_the_about_dialog_closes_with_qts_danish_button(qapp, qtbot):
    assert install_qt_translations(qapp, "da")
    try:
        dialog = AboutDialog(None, about())
        qtbot.addWidget(dialog)
        close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
        assert close.text().replace("&", "") == "Luk"
    finally:
        install_qt_translations(qapp, "en")


def test_every_licence_links_its_text_when_it_has_one(qtbot):
    facts = about()
    dialog = AboutDialog(None, facts)
    qtbot.addWidget(dialog)
    linked = dialog.licences.toHtml().count("file://")
    assert linked == sum(1 for licence in facts.licences if licence.files) > 10
