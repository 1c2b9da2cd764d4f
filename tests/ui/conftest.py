import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hjem.db import keystore
from hjem.i18n import set_language
from hjem.ui.app import BACKGROUND_GRACE_MS
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
    yield from _main_window(qtbot, settings, recovery_folder, size=(1200, 800))


def _main_window(qtbot, settings, recovery_folder, size=None):
    """The main window in Danish, shown (at `size`, else as `hjem` sizes it); closed after the
    test without the "save changes?" question: the test is over, not the user's work."""
    set_language("da")
    main = MainWindow(settings, Recovery(recovery_folder))
    if size is not None:
        main.resize(*size)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.document.replace(main.document.plan, None)
    main.close()
    main.deleteLater()
    # As `hjem` does before it exits (hjem.ui.app): the window's background jobs end here,
    # not in the next test, whose data folder they would otherwise write to.
    QThreadPool.globalInstance().waitForDone(BACKGROUND_GRACE_MS)


def open_at_one_pixel_per_cm(window, plan):
    """Open `plan` in the editor at one screen pixel per cm, so a test can aim in cm; the
    editor."""
    window.show_plan(plan, None)
    editor = window.session.editor
    editor.view.resetTransform()
    return editor


@pytest.fixture
def laptop_window(qtbot, settings, recovery_folder, monkeypatch, tmp_path):
    """The main window as `hjem` opens it (no size forced by the test), on the suite's
    1366 × 768 screen."""
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path / "data"))
    yield from _main_window(qtbot, settings, recovery_folder)


def open_sample(window, qtbot, name: str) -> None:
    """Double-click a sample plan on the start screen, as a volunteer opens one."""
    samples = window.start.samples
    row = next(
        i
        for i in range(samples.count())
        if samples.item(i).data(Qt.ItemDataRole.UserRole).stem == name
    )
    where = samples.visualItemRect(samples.item(row)).center()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(samples.viewport(), left, none, where)  # a double-click: select, then open
    QTest.mouseDClick(samples.viewport(), left, none, where)
    qtbot.waitUntil(lambda: window.is_editing)
    QApplication.processEvents()  # the panels dock and the view takes its size


@pytest.fixture
def laptop(tmp_path, monkeypatch):
    """The workspace file of a laptop of the test's own: its data folder, no key in the
    environment (as on a volunteer's laptop), nothing unlocked in memory."""
    monkeypatch.setenv("HJEM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HJEM_WORKSPACE_KEY")
    monkeypatch.delenv("HJEM_DATABASE_URL", raising=False)
    keystore.forget_all()
    set_language("da")
    yield tmp_path / "data" / "workspace.sqlite"
    keystore.forget_all()
