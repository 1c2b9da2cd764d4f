import pytest
from PySide6.QtCore import QSettings

from hjem.i18n import set_language
from hjem.ui.main_window import MainWindow
from hjem.ui.recovery import Recovery
from hjem.ui.settings import Settings


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def recovery_folder(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    return folder


@pytest.fixture
def window(qtbot, settings, recovery_folder, monkeypatch, tmp_path):
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path / "data"))
    set_language("da")
    main = MainWindow(settings, Recovery(recovery_folder))
    main.resize(1200, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    # Leave without the "save changes?" question: the test is over, not the user's work.
    main.document.replace(main.document.plan, None)
    main.close()
    main.deleteLater()


def open_at_one_pixel_per_cm(window, plan):
    """Open `plan` in the editor at one screen pixel per cm, so a test can aim in cm; the
    editor."""
    window.show_plan(plan, None)
    editor = window.session.editor
    editor.view.resetTransform()
    return editor
